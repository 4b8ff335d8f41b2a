// Every monitoring route, four outcomes: not signed in, bad input, other municipality, success; on SQLite
// and, where configured, on PostgreSQL. Then the public dashboard (published plan only) and the CSV upload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Side, type TestEnv } from '../../../test/support.js';
import { paths } from '../../paths.js';

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

interface RouteSpec {
  name: string;
  method: 'GET' | 'POST';
  path: (s: MonSide) => string;
  /** a path to something that does not exist (bad input for routes without a form) */
  bogus?: (s: MonSide) => string;
  valid?: (s: MonSide) => Record<string, string | string[]>;
  invalid?: { form: (s: MonSide) => Record<string, string | string[]>; keep: string };
  file?: { valid: string; invalid: string };
  shows?: (s: MonSide) => string;
}

const R = (name: string, method: 'GET' | 'POST', path: RouteSpec['path'], rest: Partial<RouteSpec> = {}): RouteSpec => ({ name, method, path, ...rest });
const bogusId = (path: string) => path.replace(/\/(\d+)(\/|$|\?)/, '/999999$2');

const ROUTES: RouteSpec[] = [
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
  R('upload values', 'POST', (s) => paths.adminIndicatorUpload(s.slug, s.indicatorId), {
    file: { valid: 'Jahr;Wert\n2022;1.076,5\n2023;1.100\n', invalid: 'Jahr;Wert\n2022;1.076,5\nzwanzig;3\n' },
  }),

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

async function send(client: Client, route: RouteSpec, path: string, s: MonSide, kind: 'valid' | 'invalid') {
  if (route.method === 'GET') return client.get(path);
  if (route.file) return client.upload(path, {}, { file: { name: 'werte.csv', content: route.file[kind], type: 'text/csv' } });
  return client.post(path, kind === 'valid' ? route.valid?.(s) ?? {} : route.invalid!.form(s));
}

describe.each(engines)('monitoring routes on %s', (engine) => {
  let env: TestEnv;
  let A: MonSide;
  let B: MonSide;
  let anon: Client;
  let adminA: Client;

  const seed = async (e: TestEnv) => {
    const f = await seedTwoMunicipalities(e);
    return { A: await seedMonitoring(e, f.A), B: await seedMonitoring(e, f.B) };
  };

  beforeAll(async () => {
    env = await createTestEnv(engine);
    ({ A, B } = await seed(env));
    anon = new Client(env);
    adminA = new Client(env);
    await adminA.signIn(A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  describe.each(ROUTES)('$method $name', (route) => {
    it('not signed in: sends to the sign-in page and changes nothing', async () => {
      const before = await fingerprint(env);
      const res = await send(anon, route, route.path(A), A, 'valid');
      expect(res.status).toBe(303);
      expect(res.location).toMatch(/^\/anmelden/);
      expect(await fingerprint(env)).toBe(before);
    });

    it('bad input: 400 with the messages and the typed values (or 404 for an unknown id), nothing written', async () => {
      const before = await fingerprint(env);
      if (route.invalid || route.file) {
        const res = await send(adminA, route, route.path(A), A, 'invalid');
        expect(res.status, res.body.slice(0, 300)).toBe(400);
        expect(res.body).toContain('Bitte korrigieren Sie die markierten Angaben.');
        if (route.invalid) expect(res.body).toContain(route.invalid.keep);
        if (route.file) expect(res.body).toContain('Zeile 3: „zwanzig“ ist kein Jahr');
      } else {
        const path = route.bogus ? route.bogus(A) : bogusId(route.path(A));
        expect(path).not.toBe(route.path(A));
        const res = route.method === 'GET' ? await adminA.get(path) : await adminA.post(path, route.valid?.(A) ?? {});
        expect(res.status).toBe(404);
        expect(res.body).toContain('Seite nicht gefunden');
      }
      expect(await fingerprint(env)).toBe(before);
    });

    it('other municipality: 404, nothing of B shown, nothing written', async () => {
      const before = await fingerprint(env);
      let tried = 0;
      for (const path of [route.path(B), route.path({ ...B, slug: A.slug })]) {
        if (path === route.path(A)) continue;
        tried++;
        const res = await send(adminA, route, path, B, 'valid');
        expect(res.status).toBe(404);
        expect(res.body).not.toContain(B.secretWord);
        expect(res.body).not.toContain('Geheimer Entwurf');
      }
      expect(tried).toBeGreaterThan(0);
      expect(await fingerprint(env)).toBe(before);
    });

    it('success', async () => {
      // Writes get a fresh pair of municipalities so that one success cannot spoil the next test.
      const own = route.method === 'POST' ? await createTestEnv(engine) : env;
      try {
        const fx = own === env ? { A, B } : await seed(own);
        const client = new Client(own);
        await client.signIn(fx.A.adminEmail, PASSWORD);
        const before = await fingerprint(own);
        const res = await send(client, route, route.path(fx.A), fx.A, 'valid');
        expect(res.status, res.body.slice(0, 500)).toBe(route.method === 'GET' ? 200 : 303);
        if (route.method === 'POST') {
          expect(await fingerprint(own)).not.toBe(before);
          const audit = await own.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
          expect(audit.user_name).toBe('Admin Amstadt');
          expect(audit.municipality_id).toBe(fx.A.municipalityId);
        }
        if (route.shows) expect(res.body).toContain(route.shows(fx.A));
        if (route.method === 'GET') {
          expect(res.body).not.toContain(fx.B.secretWord);
          expect(res.body).not.toMatch(/\sstyle=/);
        }
      } finally {
        if (own !== env) await own.close();
      }
    });
  });
});
