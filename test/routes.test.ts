// Every route, four outcomes: not signed in, bad input, other municipality, success. On SQLite and, where
// configured (always in CI), on PostgreSQL.
import { paths } from './paths.js';
import { describeFourOutcomes, R as route, type RouteCase } from './four-outcomes.js';
import { seedTwoMunicipalities, type Side, type TestEnv } from './support.js';

const R = route<Side>;

const ROUTES: Array<RouteCase<Side>> = [
  R('admin overview', 'GET', (s) => paths.admin(s.slug), { shows: () => 'Geheimer Entwurf' }),
  R('new plan form', 'GET', (s) => paths.adminPlanNew(s.slug)),
  R('create plan', 'POST', (s) => paths.adminPlanNew(s.slug), {
    valid: () => ({ title: 'Neuer Plan', period_start: '2025', period_end: '2030' }),
    invalid: { form: () => ({ title: '', edition: 'Ausgabe-Merker', period_start: '20x5' }), keep: 'Ausgabe-Merker' },
  }),
  R('plan workspace', 'GET', (s) => paths.adminPlan(s.slug, s.draftPlanId), { shows: (s) => `Geheimer Entwurf` + ` ${s.slug === 'amstadt' ? 'Amstadt' : 'Bedorf'}` }),
  R('plan preview', 'GET', (s) => paths.adminPlanPreview(s.slug, s.draftPlanId), { shows: () => 'Vorschau' }),
  R('edit plan form', 'GET', (s) => paths.adminPlanEdit(s.slug, s.planId)),
  R('update plan', 'POST', (s) => paths.adminPlanEdit(s.slug, s.planId), {
    valid: () => ({ title: 'Umbenannter Plan', edition: '2.0' }),
    invalid: { form: () => ({ title: 'Titel-Merker', period_start: '2030', period_end: '2020' }), keep: 'Titel-Merker' },
  }),
  R('change plan state', 'POST', (s) => paths.adminPlanState(s.slug, s.draftPlanId), {
    valid: () => ({ state: 'published', confirm: '1' }),
    invalid: { form: () => ({ state: 'verschwunden' }), keep: '' },
  }),
  R('renumber', 'POST', (s) => paths.adminPlanRenumber(s.slug, s.planId), { valid: () => ({}) }),
  R('confirm plan delete', 'GET', (s) => paths.adminPlanDelete(s.slug, s.draftPlanId)),
  R('delete plan', 'POST', (s) => paths.adminPlanDelete(s.slug, s.draftPlanId), { valid: () => ({}) }),

  R('new field form', 'GET', (s) => paths.adminFieldNew(s.slug, s.planId)),
  R('create field', 'POST', (s) => paths.adminFieldNew(s.slug, s.planId), {
    valid: () => ({ title: 'Gesundheit' }),
    invalid: { form: () => ({ title: '', description: 'Beschreibung-Merker' }), keep: 'Beschreibung-Merker' },
  }),
  R('edit field form', 'GET', (s) => paths.adminField(s.slug, s.fieldId)),
  R('update field', 'POST', (s) => paths.adminField(s.slug, s.fieldId), {
    valid: () => ({ title: 'Sprache und Bildung' }),
    invalid: { form: () => ({ title: ' ', description: 'Feld-Merker' }), keep: 'Feld-Merker' },
  }),
  R('move field', 'POST', (s) => paths.adminFieldMove(s.slug, s.fieldId), { valid: () => ({ direction: 'down' }), invalid: { form: () => ({ direction: 'seitwärts' }), keep: '' } }),
  R('confirm field delete', 'GET', (s) => paths.adminFieldDelete(s.slug, s.fieldId)),
  R('delete field', 'POST', (s) => paths.adminFieldDelete(s.slug, s.fieldId), { valid: () => ({}) }),

  R('new vision form', 'GET', (s) => paths.adminVisionNew(s.slug, s.fieldId)),
  R('create vision', 'POST', (s) => paths.adminVisionNew(s.slug, s.fieldId), { valid: () => ({ text: 'Eine neue Vision' }), invalid: { form: () => ({ text: '' }), keep: '' } }),
  R('edit vision form', 'GET', (s) => paths.adminVision(s.slug, s.visionId)),
  R('update vision', 'POST', (s) => paths.adminVision(s.slug, s.visionId), { valid: () => ({ text: 'Geänderte Vision' }), invalid: { form: () => ({ text: 'x'.repeat(2001) }), keep: 'xxxxxxxxxx' } }),
  R('move vision', 'POST', (s) => paths.adminVisionMove(s.slug, s.visionId), { valid: () => ({ direction: 'up' }), invalid: { form: () => ({}), keep: '' } }),
  R('confirm vision delete', 'GET', (s) => paths.adminVisionDelete(s.slug, s.visionId)),
  R('delete vision', 'POST', (s) => paths.adminVisionDelete(s.slug, s.visionId), { valid: () => ({}) }),

  R('new guiding goal form', 'GET', (s) => paths.adminGuidingGoalNew(s.slug, s.planId)),
  R('create guiding goal', 'POST', (s) => paths.adminGuidingGoalNew(s.slug, s.planId), {
    valid: () => ({ text: 'Teilhabe für alle', target_year: '2030' }),
    invalid: { form: () => ({ text: 'Leitziel-Merker', target_year: 'bald' }), keep: 'Leitziel-Merker' },
  }),
  R('edit guiding goal form', 'GET', (s) => paths.adminGuidingGoal(s.slug, s.guidingGoalId)),
  R('update guiding goal', 'POST', (s) => paths.adminGuidingGoal(s.slug, s.guidingGoalId), {
    valid: () => ({ text: 'Teilhabe für alle bis 2035', target_year: '2035' }),
    invalid: { form: () => ({ text: '', target_year: '2035' }), keep: '2035' },
  }),
  R('move guiding goal', 'POST', (s) => paths.adminGuidingGoalMove(s.slug, s.guidingGoalId), { valid: () => ({ direction: 'down' }), invalid: { form: () => ({ direction: '' }), keep: '' } }),
  R('confirm guiding goal delete', 'GET', (s) => paths.adminGuidingGoalDelete(s.slug, s.guidingGoalId)),
  R('delete guiding goal', 'POST', (s) => paths.adminGuidingGoalDelete(s.slug, s.guidingGoalId), { valid: () => ({}) }),

  R('new goal form', 'GET', (s) => paths.adminGoalNew(s.slug, s.fieldId)),
  R('create goal', 'POST', (s) => paths.adminGoalNew(s.slug, s.fieldId), {
    valid: (s) => ({ text: 'Frühe Förderung', guiding_goal_id: String(s.guidingGoalId) }),
    invalid: { form: () => ({ text: '', guiding_goal_id: 'abc' }), keep: '' },
  }),
  R('edit goal form', 'GET', (s) => paths.adminGoal(s.slug, s.goalId)),
  R('update goal', 'POST', (s) => paths.adminGoal(s.slug, s.goalId), { valid: () => ({ text: 'Geändertes Ziel' }), invalid: { form: () => ({ text: '', guiding_goal_id: '' }), keep: '' } }),
  R('move goal', 'POST', (s) => paths.adminGoalMove(s.slug, s.goalId), { valid: () => ({ direction: 'up' }), invalid: { form: () => ({ direction: 'x' }), keep: '' } }),
  R('confirm goal delete', 'GET', (s) => paths.adminGoalDelete(s.slug, s.goalId)),
  R('delete goal', 'POST', (s) => paths.adminGoalDelete(s.slug, s.goalId), { valid: () => ({}) }),

  R('new measure form', 'GET', (s) => paths.adminMeasureNew(s.slug, s.fieldId)),
  R('create measure', 'POST', (s) => paths.adminMeasureNew(s.slug, s.fieldId), {
    valid: (s) => ({ text: 'Neue Maßnahme', number: '3', goal_id: String(s.goalId), lead_actor_id: String(s.actorId), status_label: 'In Planung ab 2026' }),
    invalid: { form: (s) => ({ text: 'Maßnahme-Merker', goal_id: String(s.goalId), timeframe_start: 'März', number: '-4' }), keep: 'Maßnahme-Merker' },
  }),
  R('measure page', 'GET', (s) => paths.adminMeasure(s.slug, s.measureId), { shows: () => 'Status ändern' }),
  R('edit measure form', 'GET', (s) => paths.adminMeasureEdit(s.slug, s.measureId)),
  R('update measure', 'POST', (s) => paths.adminMeasureEdit(s.slug, s.measureId), {
    valid: (s) => ({ text: 'Geänderte Maßnahme', number: '1', goal_id: String(s.goalId), partner_actor_ids: [String(s.actorId)] }),
    invalid: { form: (s) => ({ text: 'Merker-Text', number: '1', goal_id: String(s.goalId), timeframe_start: '2027', timeframe_end: '2025' }), keep: 'Merker-Text' },
  }),
  R('move measure', 'POST', (s) => paths.adminMeasureMove(s.slug, s.measureId), { valid: () => ({ direction: 'down' }), invalid: { form: () => ({ direction: 'links' }), keep: '' } }),
  R('change status', 'POST', (s) => paths.adminMeasureStatus(s.slug, s.measureId), {
    valid: () => ({ status_label: 'Abgeschlossen', note: 'Fertig' }),
    invalid: { form: () => ({ status_label: '', note: 'Notiz-Merker' }), keep: 'Notiz-Merker' },
  }),
  R('add note', 'POST', (s) => paths.adminMeasureNote(s.slug, s.measureId), {
    valid: () => ({ text: 'Zweiter Kurs läuft', note_date: '2026-02-01' }),
    invalid: { form: () => ({ text: 'Sachstand-Merker', note_date: '2026-13-45' }), keep: 'Sachstand-Merker' },
  }),
  R('confirm measure delete', 'GET', (s) => paths.adminMeasureDelete(s.slug, s.measureId)),
  R('delete measure', 'POST', (s) => paths.adminMeasureDelete(s.slug, s.measureId), { valid: () => ({}) }),

  R('actors list', 'GET', (s) => paths.adminActors(s.slug), { shows: () => 'VHS' }),
  R('new actor form', 'GET', (s) => paths.adminActorNew(s.slug)),
  R('create actor', 'POST', (s) => paths.adminActorNew(s.slug), {
    valid: (s) => ({ name: 'Stadtbücherei', parent_id: String(s.actorId), website: 'https://example.org' }),
    invalid: { form: () => ({ name: 'Akteur-Merker', contact_email: 'keine-adresse' }), keep: 'Akteur-Merker' },
  }),
  R('edit actor form', 'GET', (s) => paths.adminActor(s.slug, s.actorId)),
  R('update actor', 'POST', (s) => paths.adminActor(s.slug, s.actorId), {
    valid: () => ({ name: 'Volkshochschule' }),
    invalid: { form: (s) => ({ name: 'Selbst-Merker', parent_id: String(s.actorId) }), keep: 'Selbst-Merker' },
  }),
  R('confirm actor delete', 'GET', (s) => paths.adminActorDelete(s.slug, s.actorId)),
  R('delete actor', 'POST', (s) => paths.adminActorDelete(s.slug, s.actorId), { valid: () => ({}) }),

  R('wordings list', 'GET', (s) => paths.adminWordings(s.slug), { shows: () => 'Wird fortgesetzt' }),
  R('new wording form', 'GET', (s) => paths.adminWordingNew(s.slug)),
  R('create wording', 'POST', (s) => paths.adminWordingNew(s.slug), {
    valid: () => ({ label: 'Läuft prima', category: 'ongoing' }),
    invalid: { form: () => ({ label: 'Wortlaut-Merker', category: 'fertig' }), keep: 'Wortlaut-Merker' },
  }),
  R('edit wording form', 'GET', (s) => paths.adminWording(s.slug, s.wordingId)),
  R('update wording', 'POST', (s) => paths.adminWording(s.slug, s.wordingId), {
    valid: () => ({ label: 'Wird weitergeführt', category: 'ongoing' }),
    invalid: { form: () => ({ label: 'In Planung', category: 'planned' }), keep: 'In Planung' },
  }),
  R('confirm wording delete', 'GET', (s) => paths.adminWordingDelete(s.slug, s.wordingId)),
  R('delete wording', 'POST', (s) => paths.adminWordingDelete(s.slug, s.wordingId), { valid: () => ({}) }),

  R('people', 'GET', (s) => paths.adminUsers(s.slug), { shows: (s) => s.editorEmail }),
  R('add person', 'POST', (s) => paths.adminUserNew(s.slug), {
    valid: () => ({ name: 'Neue Person', email: 'neu@example.org', role: 'editor' }),
    invalid: { form: () => ({ name: 'Person-Merker', email: 'kaputt', role: 'editor' }), keep: 'Person-Merker' },
  }),
  R('settings form', 'GET', (s) => paths.adminSettings(s.slug)),
  R('save settings', 'POST', (s) => paths.adminSettings(s.slug), {
    valid: () => ({ name: 'Amstadt an der See', office_name: 'Integrationsbüro' }),
    invalid: { form: () => ({ name: '', office_name: 'Büro-Merker', contact_email: 'x@' }), keep: 'Büro-Merker' },
  }),
  R('audit log', 'GET', (s) => paths.adminAudit(s.slug), { shows: () => 'importiert' }),
];

/** Row counts of every tenant table: "nothing written" means these stay equal. */
async function fingerprint(env: TestEnv): Promise<string> {
  const tables = ['plans', 'fields', 'visions', 'guiding_goals', 'goals', 'measures', 'actors', 'measure_actors', 'progress_notes', 'status_changes', 'status_wordings', 'audit_log', 'memberships', 'users'] as const;
  const counts = [];
  for (const t of tables) {
    const r = await env.db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts.push(`${t}=${Number(r.n)}`);
  }
  const m = await env.db.kysely.selectFrom('measures').select(['text', 'status_label', 'position', 'number']).orderBy('id').execute();
  const p = await env.db.kysely.selectFrom('plans').select(['title', 'state']).orderBy('id').execute();
  return JSON.stringify({ counts, m, p });
}

describeFourOutcomes<Side>({ title: 'routes', routes: ROUTES, seed: seedTwoMunicipalities, fingerprint });
