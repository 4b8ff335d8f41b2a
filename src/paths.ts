// One place spells each URL, so links and routes cannot drift apart. Route patterns use the same builders
// with Hono's ":param" placeholders.

type Id = number | string;
const enc = encodeURIComponent;

export const paths = {
  home: () => '/',
  signIn: () => '/anmelden',
  signOut: () => '/abmelden',
  health: () => '/healthz',
  accessibility: () => '/barrierefreiheit',
  asset: (file: string) => `/assets/${file}`,

  instanceAdmin: () => '/verwaltung',
  instanceMunicipalities: () => '/verwaltung/kommunen',
  instanceMunicipalityNew: () => '/verwaltung/kommunen/neu',

  // public pages of a municipality
  municipality: (slug: string) => `/${enc(slug)}`,
  field: (slug: string, fieldId: Id) => `/${enc(slug)}/handlungsfelder/${fieldId}`,
  measure: (slug: string, measureId: Id) => `/${enc(slug)}/massnahmen/${measureId}`,
  actors: (slug: string) => `/${enc(slug)}/akteure`,
  actor: (slug: string, actorId: Id) => `/${enc(slug)}/akteure/${actorId}`,
  search: (slug: string) => `/${enc(slug)}/suche`,
  catalogue: (slug: string) => `/${enc(slug)}/katalog`,
  plan: (slug: string, planId: Id) => `/${enc(slug)}/plaene/${planId}`,

  // admin area of a municipality
  admin: (slug: string) => `/${enc(slug)}/verwaltung`,
  adminPlans: (slug: string) => `/${enc(slug)}/verwaltung/plaene`,
  adminPlanNew: (slug: string) => `/${enc(slug)}/verwaltung/plaene/neu`,
  adminPlan: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/plaene/${planId}`,
  adminPlanEdit: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/plaene/${planId}/bearbeiten`,
  adminPlanState: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/plaene/${planId}/zustand`,
  adminPlanDelete: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/plaene/${planId}/loeschen`,
  adminPlanRenumber: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/plaene/${planId}/neu-nummerieren`,
  adminPlanPreview: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/plaene/${planId}/vorschau`,

  adminFieldNew: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/plaene/${planId}/handlungsfelder/neu`,
  adminField: (slug: string, fieldId: Id) => `/${enc(slug)}/verwaltung/handlungsfelder/${fieldId}`,
  adminFieldMove: (slug: string, fieldId: Id) => `/${enc(slug)}/verwaltung/handlungsfelder/${fieldId}/verschieben`,
  adminFieldDelete: (slug: string, fieldId: Id) => `/${enc(slug)}/verwaltung/handlungsfelder/${fieldId}/loeschen`,

  adminVisionNew: (slug: string, fieldId: Id) => `/${enc(slug)}/verwaltung/handlungsfelder/${fieldId}/visionen/neu`,
  adminVision: (slug: string, visionId: Id) => `/${enc(slug)}/verwaltung/visionen/${visionId}`,
  adminVisionMove: (slug: string, visionId: Id) => `/${enc(slug)}/verwaltung/visionen/${visionId}/verschieben`,
  adminVisionDelete: (slug: string, visionId: Id) => `/${enc(slug)}/verwaltung/visionen/${visionId}/loeschen`,

  adminGuidingGoalNew: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/plaene/${planId}/leitziele/neu`,
  adminGuidingGoal: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/leitziele/${id}`,
  adminGuidingGoalMove: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/leitziele/${id}/verschieben`,
  adminGuidingGoalDelete: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/leitziele/${id}/loeschen`,

  adminGoalNew: (slug: string, fieldId: Id) => `/${enc(slug)}/verwaltung/handlungsfelder/${fieldId}/ziele/neu`,
  adminGoal: (slug: string, goalId: Id) => `/${enc(slug)}/verwaltung/ziele/${goalId}`,
  adminGoalMove: (slug: string, goalId: Id) => `/${enc(slug)}/verwaltung/ziele/${goalId}/verschieben`,
  adminGoalDelete: (slug: string, goalId: Id) => `/${enc(slug)}/verwaltung/ziele/${goalId}/loeschen`,

  adminMeasureNew: (slug: string, fieldId: Id) => `/${enc(slug)}/verwaltung/handlungsfelder/${fieldId}/massnahmen/neu`,
  adminMeasure: (slug: string, measureId: Id) => `/${enc(slug)}/verwaltung/massnahmen/${measureId}`,
  adminMeasureEdit: (slug: string, measureId: Id) => `/${enc(slug)}/verwaltung/massnahmen/${measureId}/bearbeiten`,
  adminMeasureMove: (slug: string, measureId: Id) => `/${enc(slug)}/verwaltung/massnahmen/${measureId}/verschieben`,
  adminMeasureDelete: (slug: string, measureId: Id) => `/${enc(slug)}/verwaltung/massnahmen/${measureId}/loeschen`,
  adminMeasureStatus: (slug: string, measureId: Id) => `/${enc(slug)}/verwaltung/massnahmen/${measureId}/status`,
  adminMeasureNote: (slug: string, measureId: Id) => `/${enc(slug)}/verwaltung/massnahmen/${measureId}/notizen`,

  adminImport: (slug: string) => `/${enc(slug)}/verwaltung/import`,
  adminImportPreview: (slug: string, token: string) => `/${enc(slug)}/verwaltung/import/${enc(token)}`,
  adminImportMapping: (slug: string, token: string) => `/${enc(slug)}/verwaltung/import/${enc(token)}/zuordnung`,
  adminImportConfirm: (slug: string, token: string) => `/${enc(slug)}/verwaltung/import/${enc(token)}/bestaetigen`,
  adminImportDiscard: (slug: string, token: string) => `/${enc(slug)}/verwaltung/import/${enc(token)}/verwerfen`,
  adminPlanExport: (slug: string, planId: Id, format: string) => `/${enc(slug)}/verwaltung/plaene/${planId}/export.${format}`,
  planExport: (slug: string, planId: Id, format: string) => `/${enc(slug)}/plaene/${planId}/export.${format}`,

  // -- rounds (issue 4) --
  adminRounds: (slug: string) => `/${enc(slug)}/verwaltung/sachstand`,
  adminRoundNew: (slug: string) => `/${enc(slug)}/verwaltung/sachstand/neu`,
  adminRound: (slug: string, roundId: Id) => `/${enc(slug)}/verwaltung/sachstand/${roundId}`,
  adminRoundRemind: (slug: string, roundId: Id) => `/${enc(slug)}/verwaltung/sachstand/${roundId}/erinnern`,
  adminRoundClose: (slug: string, roundId: Id) => `/${enc(slug)}/verwaltung/sachstand/${roundId}/abschliessen`,
  adminRoundRevoke: (slug: string, roundId: Id, participantId: Id) => `/${enc(slug)}/verwaltung/sachstand/${roundId}/beteiligte/${participantId}/sperren`,
  adminRoundNewLink: (slug: string, roundId: Id, participantId: Id) => `/${enc(slug)}/verwaltung/sachstand/${roundId}/beteiligte/${participantId}/neuer-link`,
  adminRoundAccept: (slug: string, roundId: Id, changeId: Id) => `/${enc(slug)}/verwaltung/sachstand/${roundId}/aenderungen/${changeId}/annehmen`,
  adminRoundReturn: (slug: string, roundId: Id, changeId: Id) => `/${enc(slug)}/verwaltung/sachstand/${roundId}/aenderungen/${changeId}/zurueckgeben`,
  adminRepresentatives: (slug: string) => `/${enc(slug)}/verwaltung/akteursvertretungen`,
  adminRepresentativeRemove: (slug: string, userId: Id) => `/${enc(slug)}/verwaltung/akteursvertretungen/${userId}/entfernen`,
  adminOwnMeasures: (slug: string) => `/${enc(slug)}/verwaltung/meine-massnahmen`,
  roundLink: (slug: string, token: string) => `/${enc(slug)}/sachstand/${enc(token)}`,

  // -- monitoring (issue 4) --
  adminDashboard: (slug: string) => `/${enc(slug)}/verwaltung/umsetzung`,
  dashboard: (slug: string) => `/${enc(slug)}/umsetzung`,
  adminDashboardOf: (slug: string, planId: Id, fieldId?: Id | null) => `/${enc(slug)}/verwaltung/umsetzung?plan=${planId}${fieldId ? `&feld=${fieldId}` : ''}`,
  dashboardOf: (slug: string, fieldId?: Id | null) => `/${enc(slug)}/umsetzung${fieldId ? `?feld=${fieldId}` : ''}`,
  priorities: (slug: string) => `/${enc(slug)}/umsetzung/jahresziele`,
  adminPriorities: (slug: string) => `/${enc(slug)}/verwaltung/umsetzung/jahresziele`,
  adminPrioritiesOf: (slug: string, planId: Id, year?: number | null) => `/${enc(slug)}/verwaltung/umsetzung/jahresziele?plan=${planId}${year ? `&jahr=${year}` : ''}`,
  adminPriorityNew: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/umsetzung/plaene/${planId}/jahresziele/neu`,
  adminPriority: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/umsetzung/jahresziele/${id}`,
  adminPriorityDelete: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/umsetzung/jahresziele/${id}/loeschen`,
  adminIndicators: (slug: string) => `/${enc(slug)}/verwaltung/umsetzung/kennzahlen`,
  adminIndicatorsOf: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/umsetzung/kennzahlen?plan=${planId}`,
  adminIndicatorNew: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/umsetzung/plaene/${planId}/kennzahlen/neu`,
  adminIndicator: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/umsetzung/kennzahlen/${id}`,
  adminIndicatorEdit: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/umsetzung/kennzahlen/${id}/bearbeiten`,
  adminIndicatorDelete: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/umsetzung/kennzahlen/${id}/loeschen`,
  adminIndicatorValue: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/umsetzung/kennzahlen/${id}/werte`,
  adminIndicatorValueDelete: (slug: string, id: Id, valueId: Id) => `/${enc(slug)}/verwaltung/umsetzung/kennzahlen/${id}/werte/${valueId}/loeschen`,
  adminIndicatorUpload: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/umsetzung/kennzahlen/${id}/csv`,
  adminFundingNew: (slug: string, measureId: Id) => `/${enc(slug)}/verwaltung/massnahmen/${measureId}/foerderung/neu`,
  adminFunding: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/foerderungen/${id}`,
  adminFundingDelete: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/foerderungen/${id}/loeschen`,

  // -- editions (issue 4) --
  adminEditions: (slug: string) => `/${enc(slug)}/verwaltung/fortschreibungen`,
  adminEditionsCompare: (slug: string) => `/${enc(slug)}/verwaltung/fortschreibungen/vergleich`,
  adminPlanEditions: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/fortschreibungen/plan/${planId}`,
  adminPlanContinue: (slug: string, planId: Id) => `/${enc(slug)}/verwaltung/fortschreibungen/plan/${planId}/fortschreiben`,
  adminPlanReport: (slug: string, planId: Id, format: 'pdf' | 'docx') => `/${enc(slug)}/verwaltung/fortschreibungen/plan/${planId}/bericht.${format}`,
  adminEdition: (slug: string, editionId: Id) => `/${enc(slug)}/verwaltung/fortschreibungen/fassung/${editionId}`,
  adminEditionDelete: (slug: string, editionId: Id) => `/${enc(slug)}/verwaltung/fortschreibungen/fassung/${editionId}/loeschen`,

  adminActors: (slug: string) => `/${enc(slug)}/verwaltung/akteure`,
  adminActorNew: (slug: string) => `/${enc(slug)}/verwaltung/akteure/neu`,
  adminActor: (slug: string, actorId: Id) => `/${enc(slug)}/verwaltung/akteure/${actorId}`,
  adminActorDelete: (slug: string, actorId: Id) => `/${enc(slug)}/verwaltung/akteure/${actorId}/loeschen`,

  adminWordings: (slug: string) => `/${enc(slug)}/verwaltung/statuswerte`,
  adminWordingNew: (slug: string) => `/${enc(slug)}/verwaltung/statuswerte/neu`,
  adminWording: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/statuswerte/${id}`,
  adminWordingDelete: (slug: string, id: Id) => `/${enc(slug)}/verwaltung/statuswerte/${id}/loeschen`,

  adminUsers: (slug: string) => `/${enc(slug)}/verwaltung/personen`,
  adminUserNew: (slug: string) => `/${enc(slug)}/verwaltung/personen/neu`,
  adminSettings: (slug: string) => `/${enc(slug)}/verwaltung/einstellungen`,
  adminAudit: (slug: string) => `/${enc(slug)}/verwaltung/protokoll`,
} as const;

/** Segments that can never be a municipality's slug because top-level routes use them. */
export const RESERVED_SLUGS = ['anmelden', 'abmelden', 'verwaltung', 'assets', 'healthz', 'barrierefreiheit', 'api', 'favicon.ico', 'robots.txt'];

/** The Hono pattern of a path builder: every argument becomes a ":name" placeholder. */
export function pattern<A extends string[]>(build: (...args: A) => string, ...names: A): string {
  return build(...(names.map((n) => `:${n}`) as A)).replace(/%3A/g, ':');
}
