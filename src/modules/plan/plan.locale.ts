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

export const planLocale = { de: { exchange: de }, en: { exchange: en } };
