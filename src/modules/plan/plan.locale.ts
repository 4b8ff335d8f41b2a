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
  publish: {
    title: 'Plan veröffentlichen',
    replaces: '„{{plan}}“ ersetzt auf der öffentlichen Seite den Plan „{{old}}“, der jetzt veröffentlicht ist.',
    archives: '„{{old}}“ wird dabei archiviert: Er bleibt lesbar, gilt aber nicht mehr, und ist vom neuen Plan aus unter „Frühere Pläne“ erreichbar. Seine Maßnahmen, ihr Verlauf und seine Fortschreibungen bleiben erhalten.',
    confirm: 'Veröffentlichen und „{{old}}“ archivieren',
  },
  earlier: 'Frühere Pläne',
  earlierArchived: 'archiviert, veröffentlicht am {{date}}',
  renumber: {
    title: 'Maßnahmen neu nummerieren',
    intro: 'Alle Maßnahmen mit Nummer werden in der Reihenfolge des Plans neu durchgezählt: 1, 2, 3 … Weitere Maßnahmen ohne Nummer bleiben ohne Nummer.',
    consequence: 'Bisherige Nummern ändern sich. Wer eine Maßnahme bisher unter ihrer Nummer kannte (aus einem Bericht, einem Ausdruck oder einer E-Mail), findet sie danach unter einer anderen.',
    confirm: 'Jetzt neu nummerieren',
    blocked: 'Neu nummerieren ist gerade nicht möglich.',
  },
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
  publish: {
    title: 'Publish plan',
    replaces: '“{{plan}}” replaces the plan “{{old}}” that is published now on the public site.',
    archives: '“{{old}}” is archived: it stays readable but no longer applies, and it is reachable from the new plan under “Earlier plans”. Its measures, their history and its editions are kept.',
    confirm: 'Publish and archive “{{old}}”',
  },
  earlier: 'Earlier plans',
  earlierArchived: 'archived, published on {{date}}',
  renumber: {
    title: 'Renumber measures',
    intro: 'All numbered measures are counted again in the order of the plan: 1, 2, 3 … Further measures without a number stay without one.',
    consequence: 'Numbers change. Whoever knew a measure by its number (from a report, a printout or an e-mail) finds it under another one afterwards.',
    confirm: 'Renumber now',
    blocked: 'Renumbering is not possible right now.',
  },
};

export const planLocale = { de: { exchange: de, workspace: workspaceDe }, en: { exchange: en, workspace: workspaceEn } };
