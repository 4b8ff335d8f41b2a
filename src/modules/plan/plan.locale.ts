// Strings of the plan module that are not the platform's: where in an imported plan a problem is. The plan's
// pages use the platform's strings (plan, field, goal, measure …); these sit under their own key, `exchange`.

const de = {
  validate: {
    plan: 'Plan',
    field: 'Handlungsfeld {{n}} „{{title}}“',
    vision: '{{where}}, Vision {{n}}',
    goal: '{{where}}, Ziel {{n}}',
    measure: '{{where}}, Maßnahme {{number}}',
    measureAt: '{{where}}, Maßnahme an Stelle {{position}} von Ziel {{goal}}',
    further: '{{where}}, weitere Maßnahme {{n}}',
    duplicateNumber: 'Die Nummer {{number}} steht bei {{times}} Maßnahmen. Jede Nummer darf nur einmal vorkommen.',
  },
};

const workspaceDe = {
  filter: {
    title: 'Maßnahmen finden',
    field: 'Handlungsfeld',
    allFields: 'Alle Handlungsfelder',
    status: 'Stand der Umsetzung',
    allStatuses: 'Jeder Stand',
    actor: 'Akteurin oder Akteur',
    allActors: 'Alle Akteure',
    text: 'Suchwörter',
    textHint: 'Nummer, Text, Status oder Zielgruppe',
    apply: 'Filtern',
    reset: 'Filter zurücksetzen',
    result: '{{matching}} von {{total}} Maßnahmen',
    none: 'Keine Maßnahme passt zum Filter.',
  },
  measureCount: '{{count}} Maßnahmen',
  measureCount_one: '{{count}} Maßnahme',
  editMeasure: 'Bearbeiten',
  editItem: 'Bearbeiten',
  editField: 'Handlungsfeld bearbeiten',
  lead: 'Federführung: {{name}}',
};

const en: typeof de = {
  validate: {
    plan: 'Plan',
    field: 'Field of action {{n}} “{{title}}”',
    vision: '{{where}}, vision {{n}}',
    goal: '{{where}}, goal {{n}}',
    measure: '{{where}}, measure {{number}}',
    measureAt: '{{where}}, measure at position {{position}} of goal {{goal}}',
    further: '{{where}}, further measure {{n}}',
    duplicateNumber: 'The number {{number}} is given to {{times}} measures. Each number may occur only once.',
  },
};

const workspaceEn: typeof workspaceDe = {
  filter: {
    title: 'Find measures',
    field: 'Field of action',
    allFields: 'All fields of action',
    status: 'Progress',
    allStatuses: 'Any progress',
    actor: 'Actor',
    allActors: 'All actors',
    text: 'Search words',
    textHint: 'Number, text, status or target group',
    apply: 'Filter',
    reset: 'Reset filter',
    result: '{{matching}} of {{total}} measures',
    none: 'No measure matches the filter.',
  },
  measureCount: '{{count}} measures',
  measureCount_one: '{{count}} measure',
  editMeasure: 'Edit',
  editItem: 'Edit',
  editField: 'Edit field of action',
  lead: 'Lead: {{name}}',
};

export const planLocale = { de: { exchange: de, workspace: workspaceDe }, en: { exchange: en, workspace: workspaceEn } };
