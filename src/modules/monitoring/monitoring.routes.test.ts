// Every monitoring route, four outcomes: not signed in, bad input, other municipality, success; on SQLite
// and, where configured, on PostgreSQL. The public dashboard has its own tests (monitoring.public.test.ts).
import { describeFourOutcomes, R as route, type RouteCase } from '../../../test/four-outcomes.js';
import { seedTwoMunicipalities, type Side, type TestEnv } from '../../../test/support.js';
import { paths } from './monitoring.paths.js';

interface MonSide extends Side {
  priorityId: number;
  indicatorId: number;
  valueId: number;
  fundingId: number;
}

const by = { userId: null, name: 'Test' };

async function seedMonitoring(env: TestEnv, s: Side): Promise<MonSide> {
  const m = env.services.monitoring;
  const priorityId = await m.createPriority(s.municipalityId, s.planId, { year: 2026, title: `Jahresziel ${s.secretWord}`, description: '', guiding_goal_id: s.guidingGoalId, goal_ids: [s.goalId], measure_ids: [] }, by);
  const indicatorId = await m.createIndicator(
    s.municipalityId, s.planId,
    { name: `Kursteilnahmen ${s.secretWord}`, anchor: { kind: 'goal', id: s.goalId }, unit: 'Personen', source: 'VHS', baseline_value: 1000, baseline_year: 2021, target_value: 1500, target_year: 2030 },
    by,
  );
  await m.putValue(s.municipalityId, indicatorId, { period: '2024', value: 1200 }, by);
  const valueId = (await m.getIndicator(s.municipalityId, indicatorId)).valueRows[0].id;
  const fundingId = await m.createFunding(s.municipalityId, s.measureId, { programme: `Förderprogramm ${s.secretWord}`, amount: 1_250_000, start_date: '2025-01-01', end_date: '2026-04-30' }, by);
  return { ...s, priorityId, indicatorId, valueId, fundingId };
}

const R = route<MonSide>;

/** Routes that take a CSV file instead of a form: what a valid and an invalid upload carry. */
const FILES = new Map([['upload values', { valid: 'Jahr;Wert\n2022;1.076,5\n2023;1.100\n', invalid: 'Jahr;Wert\n2022;1.076,5\nzwanzig;3\n' }]]);

const ROUTES: Array<RouteCase<MonSide>> = [
  R('dashboard', 'GET', (s) => paths.adminDashboard(s.slug), { bogus: (s) => `${paths.adminDashboard(s.slug)}?plan=abc`, shows: () => 'Übersicht zur Umsetzung' }),
  R('dashboard of the draft plan', 'GET', (s) => paths.adminDashboardOf(s.slug, s.draftPlanId), { bogus: (s) => paths.adminDashboardOf(s.slug, 999999), shows: () => 'Geheimer Entwurf' }),
  R('dashboard of a field', 'GET', (s) => paths.adminDashboardOf(s.slug, s.planId, s.fieldId), { bogus: (s) => `${paths.adminDashboardOf(s.slug, s.planId)}&feld=x1`, shows: () => 'Umsetzung im Handlungsfeld' }),
  R('priorities', 'GET', (s) => paths.adminPrioritiesOf(s.slug, s.planId, 2026), { bogus: (s) => paths.adminPrioritiesOf(s.slug, 999999), shows: (s) => `Jahresziel ${s.secretWord}` }),
  R('new priority form', 'GET', (s) => paths.adminPriorityNew(s.slug, s.planId)),
  R('create priority', 'POST', (s) => paths.adminPriorityNew(s.slug, s.planId), {
    valid: (s) => ({ year: '2026', title: 'Sprachkurse ausbauen', guiding_goal_id: String(s.guidingGoalId), goal_ids: [String(s.goalId)], measure_ids: [String(s.measureId)] }),
    invalid: { form: (s) => ({ year: '20x6', title: 'Jahresziel-Merker', measure_ids: [String(s.measureId)] }), keep: 'Jahresziel-Merker' },
  }),
  R('edit priority form', 'GET', (s) => paths.adminPriority(s.slug, s.priorityId)),
  R('update priority', 'POST', (s) => paths.adminPriority(s.slug, s.priorityId), {
    valid: (s) => ({ year: '2027', title: 'Verschoben', measure_ids: [String(s.measureId)] }),
    invalid: { form: () => ({ year: '2026', title: '', description: 'Beschreibung-Merker' }), keep: 'Beschreibung-Merker' },
  }),
  R('confirm priority delete', 'GET', (s) => paths.adminPriorityDelete(s.slug, s.priorityId)),
  R('delete priority', 'POST', (s) => paths.adminPriorityDelete(s.slug, s.priorityId), { valid: () => ({}) }),

  R('indicators', 'GET', (s) => paths.adminIndicatorsOf(s.slug, s.planId), { bogus: (s) => paths.adminIndicatorsOf(s.slug, 999999), shows: (s) => `Kursteilnahmen ${s.secretWord}` }),
  R('indicator', 'GET', (s) => paths.adminIndicator(s.slug, s.indicatorId), { shows: () => '1.200 Personen' }),
  R('new indicator form', 'GET', (s) => paths.adminIndicatorNew(s.slug, s.planId)),
  R('create indicator', 'POST', (s) => paths.adminIndicatorNew(s.slug, s.planId), {
    valid: (s) => ({ name: 'Beschäftigte', anchor: `guiding:${s.guidingGoalId}`, unit: '%', baseline_value: '41,5', baseline_year: '2022', target_value: '50', target_year: '2030' }),
    invalid: { form: () => ({ name: 'Kennzahl-Merker', anchor: '', baseline_value: 'viel', baseline_year: '2022' }), keep: 'Kennzahl-Merker' },
  }),
  R('edit indicator form', 'GET', (s) => paths.adminIndicatorEdit(s.slug, s.indicatorId), { shows: () => '1000' }),
  R('update indicator', 'POST', (s) => paths.adminIndicatorEdit(s.slug, s.indicatorId), {
    valid: (s) => ({ name: 'Kursteilnahmen gesamt', anchor: `goal:${s.goalId}`, target_value: '1.600', target_year: '2031' }),
    invalid: { form: (s) => ({ name: 'Merker-Name', anchor: `goal:${s.goalId}`, target_value: '5' }), keep: 'Merker-Name' },
  }),
  R('confirm indicator delete', 'GET', (s) => paths.adminIndicatorDelete(s.slug, s.indicatorId)),
  R('delete indicator', 'POST', (s) => paths.adminIndicatorDelete(s.slug, s.indicatorId), { valid: () => ({}) }),
  R('add value', 'POST', (s) => paths.adminIndicatorValue(s.slug, s.indicatorId), {
    valid: () => ({ period: '2025', value: '1.076,5' }),
    invalid: { form: () => ({ period: 'Sommer', value: '3' }), keep: 'Sommer' },
  }),
  R('delete value', 'POST', (s) => paths.adminIndicatorValueDelete(s.slug, s.indicatorId, s.valueId), { valid: () => ({}) }),
  R('upload values', 'POST', (s) => paths.adminIndicatorUpload(s.slug, s.indicatorId), { invalid: { keep: 'Zeile 3: „zwanzig“ ist kein Jahr' } }),

  R('new funding form', 'GET', (s) => paths.adminFundingNew(s.slug, s.measureId)),
  R('create funding', 'POST', (s) => paths.adminFundingNew(s.slug, s.measureId), {
    valid: () => ({ programme: 'Landesprogramm', amount: '12.500,00', start_date: '2026-01-01', end_date: '2027-12-31' }),
    invalid: { form: () => ({ programme: 'Programm-Merker', amount: 'zwölf' }), keep: 'Programm-Merker' },
  }),
  R('edit funding form', 'GET', (s) => paths.adminFunding(s.slug, s.fundingId), { shows: () => '12.500,00' }),
  R('update funding', 'POST', (s) => paths.adminFunding(s.slug, s.fundingId), {
    valid: () => ({ programme: 'Umbenannt', amount: '1.000', start_date: '', end_date: '2026-12-31' }),
    invalid: { form: () => ({ programme: 'Zeitraum-Merker', start_date: '2026-05-01', end_date: '2026-04-01' }), keep: 'Zeitraum-Merker' },
  }),
  R('confirm funding delete', 'GET', (s) => paths.adminFundingDelete(s.slug, s.fundingId)),
  R('delete funding', 'POST', (s) => paths.adminFundingDelete(s.slug, s.fundingId), { valid: () => ({}) }),
];

const TABLES = ['yearly_priorities', 'yearly_priority_links', 'indicators', 'indicator_values', 'measure_funding', 'measures', 'progress_notes', 'status_changes', 'audit_log'] as const;

/** Row counts and the monitoring rows' contents: "nothing written" means this stays equal. */
async function fingerprint(env: TestEnv): Promise<string> {
  const counts = [];
  for (const t of TABLES) {
    const r = await env.db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts.push(`${t}=${Number(r.n)}`);
  }
  const k = env.db.kysely;
  const rows = await Promise.all([
    k.selectFrom('yearly_priorities').select(['year', 'title', 'guiding_goal_id']).orderBy('id').execute(),
    k.selectFrom('indicators').select(['name', 'target_value', 'target_year']).orderBy('id').execute(),
    k.selectFrom('indicator_values').select(['period', 'value']).orderBy('id').execute(),
    k.selectFrom('measure_funding').select(['programme', 'amount_cents', 'end_date']).orderBy('id').execute(),
  ]);
  return JSON.stringify({ counts, rows });
}

const seed = async (e: TestEnv) => {
  const f = await seedTwoMunicipalities(e);
  return { A: await seedMonitoring(e, f.A), B: await seedMonitoring(e, f.B) };
};

describeFourOutcomes<MonSide>({
  title: 'monitoring routes',
  routes: ROUTES,
  seed,
  fingerprint,
  send: (client, route, path, _s, mode) => {
    const file = route.method === 'POST' ? FILES.get(route.name) : undefined;
    return file ? client.upload(path, {}, { file: { name: 'werte.csv', content: file[mode], type: 'text/csv' } }) : null;
  },
});
