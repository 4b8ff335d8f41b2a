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


// The actors directory's clean-up: unique names, merging, deleting what no plan uses (merged into `actor`).
const actorDe = {
  nameTaken: 'Einen Akteur mit diesem Namen gibt es schon (Groß- und Kleinschreibung und Leerzeichen zählen nicht).',
  openExisting: '„{{name}}“ öffnen',
  mergeSame: 'Bitte wählen Sie zwei verschiedene Akteure.',
  deleteTouches: 'Das Löschen betrifft:',
  deleteChildren_one: '{{count}} untergeordnete Stelle verliert ihre Zuordnung: {{names}}',
  deleteChildren_other: '{{count}} untergeordnete Stellen verlieren ihre Zuordnung: {{names}}',
  usage: {
    measures_one: 'Verknüpft mit {{count}} Maßnahme in {{plans}}',
    measures_other: 'Verknüpft mit {{count}} Maßnahmen in {{plans}}',
    plans_one: '{{count}} Plan',
    plans_other: '{{count}} Plänen',
    noMeasures: 'Mit keiner Maßnahme verknüpft',
  },
  merge: {
    open: 'Zwei Akteure zusammenführen',
    duplicate: 'Gleicher Name wie ein anderer Akteur: zusammenführen',
    title: 'Zwei Akteure zusammenführen',
    intro: 'Wenn ein Akteur doppelt eingetragen ist (zum Beispiel nach einem Import), führen Sie beide zusammen. Alles, was am zweiten hängt, geht auf den ersten über; der zweite wird danach gelöscht. Vor dem Zusammenführen sehen Sie, was sich ändert.',
    keep: 'Akteur, der bleibt',
    keepHint: 'Sein Name und seine Angaben bleiben.',
    into: 'Akteur, der darin aufgeht',
    intoHint: 'Er wird nach dem Zusammenführen gelöscht.',
    choose: 'Bitte wählen',
    chooseKeep: 'Bitte wählen Sie den Akteur, der bleibt.',
    chooseInto: 'Bitte wählen Sie den Akteur, der darin aufgeht.',
    next: 'Weiter',
    confirmTitle: 'Zusammenführen bestätigen',
    what: '„{{gone}}“ geht in „{{keep}}“ auf.',
    follows: 'Das geht auf „{{keep}}“ über:',
    children_one: '{{count}} untergeordnete Stelle gehört danach zu „{{keep}}“: {{names}}',
    children_other: '{{count}} untergeordnete Stellen gehören danach zu „{{keep}}“: {{names}}',
    filled: 'Wo „{{keep}}“ nichts eingetragen hat, werden diese Angaben von „{{gone}}“ übernommen: {{fields}}.',
    nothingFilled: 'Die Angaben von „{{keep}}“ bleiben, wie sie sind.',
    after: 'Danach wird „{{gone}}“ gelöscht. Wo eine Maßnahme beide nennt, bleibt eine Verknüpfung (federführend vor beteiligt). Der Statusverlauf der Maßnahmen bleibt erhalten.',
    confirm: 'Jetzt zusammenführen',
    change: 'Auswahl ändern',
    done: 'Akteur „{{gone}}“ mit „{{keep}}“ zusammengeführt.',
    field: { description: 'Beschreibung', contact_email: 'E-Mail', website: 'Webseite' },
  },
  unused: {
    link_one: '{{count}} nicht verwendeter Akteur',
    link_other: '{{count}} nicht verwendete Akteure',
    title: 'Nicht verwendete Akteure',
    intro: 'Diese Akteure nennt keine Maßnahme in irgendeinem Plan, und keine andere Stelle ist ihnen untergeordnet. Sie können sie einzeln öffnen oder alle aufgeführten löschen.',
    none: 'Jeder Akteur ist mit mindestens einer Maßnahme verknüpft.',
    deleteAll_one: 'Den aufgeführten Akteur löschen …',
    deleteAll_other: 'Alle {{count}} aufgeführten Akteure löschen …',
    confirmTitle_one: '{{count}} nicht verwendeten Akteur löschen?',
    confirmTitle_other: '{{count}} nicht verwendete Akteure löschen?',
    confirmIntro: 'Diese Akteure werden aus dem Verzeichnis gelöscht. Das lässt sich nicht rückgängig machen.',
    deleteNow_one: '{{count}} Akteur löschen',
    deleteNow_other: '{{count}} Akteure löschen',
    deleted_zero: 'Es wurde kein Akteur gelöscht: Die aufgeführten werden inzwischen verwendet.',
    deleted_one: '{{count}} Akteur wurde gelöscht.',
    deleted_other: '{{count}} Akteure wurden gelöscht.',
  },
};

const actorEn: typeof actorDe = {
  nameTaken: 'An actor with this name already exists (case and spaces do not count).',
  openExisting: 'Open “{{name}}”',
  mergeSame: 'Please choose two different actors.',
  deleteTouches: 'Deleting affects:',
  deleteChildren_one: '{{count}} subordinate unit loses its parent: {{names}}',
  deleteChildren_other: '{{count}} subordinate units lose their parent: {{names}}',
  usage: {
    measures_one: 'Linked to {{count}} measure in {{plans}}',
    measures_other: 'Linked to {{count}} measures in {{plans}}',
    plans_one: '{{count}} plan',
    plans_other: '{{count}} plans',
    noMeasures: 'Linked to no measure',
  },
  merge: {
    open: 'Merge two actors',
    duplicate: 'Same name as another actor: merge',
    title: 'Merge two actors',
    intro: 'When an actor is listed twice (after an import, for example), merge the two. Everything linked to the second moves to the first; the second is deleted afterwards. Before merging you see what changes.',
    keep: 'Actor that stays',
    keepHint: 'Its name and details stay.',
    into: 'Actor that is merged into it',
    intoHint: 'It is deleted after the merge.',
    choose: 'Please choose',
    chooseKeep: 'Please choose the actor that stays.',
    chooseInto: 'Please choose the actor that is merged into it.',
    next: 'Continue',
    confirmTitle: 'Confirm merge',
    what: '“{{gone}}” is merged into “{{keep}}”.',
    follows: 'This moves to “{{keep}}”:',
    children_one: '{{count}} subordinate unit then belongs to “{{keep}}”: {{names}}',
    children_other: '{{count}} subordinate units then belong to “{{keep}}”: {{names}}',
    filled: 'Where “{{keep}}” has nothing, these details are taken from “{{gone}}”: {{fields}}.',
    nothingFilled: 'The details of “{{keep}}” stay as they are.',
    after: 'Then “{{gone}}” is deleted. Where a measure names both, one link stays (lead before partner). The measures’ status history is kept.',
    confirm: 'Merge now',
    change: 'Change the choice',
    done: 'Actor “{{gone}}” merged with “{{keep}}”.',
    field: { description: 'Description', contact_email: 'E-mail', website: 'Website' },
  },
  unused: {
    link_one: '{{count}} unused actor',
    link_other: '{{count}} unused actors',
    title: 'Unused actors',
    intro: 'No measure of any plan names these actors, and no other unit sits below them. Open them one by one, or delete all listed.',
    none: 'Every actor is linked to at least one measure.',
    deleteAll_one: 'Delete the listed actor …',
    deleteAll_other: 'Delete all {{count}} listed actors …',
    confirmTitle_one: 'Delete {{count}} unused actor?',
    confirmTitle_other: 'Delete {{count}} unused actors?',
    confirmIntro: 'These actors are deleted from the directory. This cannot be undone.',
    deleteNow_one: 'Delete {{count}} actor',
    deleteNow_other: 'Delete {{count}} actors',
    deleted_zero: 'No actor was deleted: the listed ones are in use by now.',
    deleted_one: '{{count}} actor was deleted.',
    deleted_other: '{{count}} actors were deleted.',
  },
};

// Deleting a draft plan offers to delete the actors only it used (merged into `plan`).
const planDe = {
  deleteActors: {
    legend: 'Akteure, die nur dieser Plan nennt',
    label_one: 'Auch diesen Akteur aus dem Verzeichnis löschen: {{names}}',
    label_other: 'Auch diese {{count}} Akteure aus dem Verzeichnis löschen: {{names}}',
  },
};
const planEn: typeof planDe = {
  deleteActors: {
    legend: 'Actors only this plan names',
    label_one: 'Also delete this actor from the directory: {{names}}',
    label_other: 'Also delete these {{count}} actors from the directory: {{names}}',
  },
};

export const planLocale = { de: { exchange: de, actor: actorDe, plan: planDe }, en: { exchange: en, actor: actorEn, plan: planEn } };
