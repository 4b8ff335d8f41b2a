// Every route of the editions module, four outcomes: not signed in, bad input, other municipality, success. On
// SQLite and, where configured (always in CI), on PostgreSQL. Then who may do what, and that nothing is public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type Side, type TestEnv } from '../../../test/support.js';
import { describeFourOutcomes, R as route, type RouteCase } from '../../../test/four-outcomes.js';
import { paths } from './editions.paths.js';

interface Seeded extends Side {
  editionId: number;
}

const R = route<Seeded>;

const compare = (slug: string, from: string, to: string) => `${paths.adminEditionsCompare(slug)}?from=${from}&to=${to}`;

const ROUTES: Array<RouteCase<Seeded>> = [
  R('editions overview', 'GET', (s) => paths.adminEditions(s.slug), { shows: () => 'Geheimer Entwurf' }),
  R('compare form', 'GET', (s) => paths.adminEditionsCompare(s.slug), { shows: () => 'Fassungen vergleichen' }),
  R('compare result', 'GET', (s, o) => compare(s.slug, `e${(o ?? s).editionId}`, `p${s.planId}`), {
    invalid: { path: (s) => compare(s.slug, `e${s.editionId}`, `e${s.editionId}`), keep: (s) => `value="e${s.editionId}" selected=""` },
    shows: () => 'Ergebnis des Vergleichs',
  }),
  R('plan editions', 'GET', (s) => paths.adminPlanEditions(s.slug, s.planId), { shows: () => 'Fassung 1.0' }),
  R('keep an edition', 'POST', (s) => paths.adminPlanEditions(s.slug, s.planId), {
    valid: () => ({ label: '2.0', adopted_on: '2026-02-27', paper_number: 'GR 1/2026', note: 'Beschluss im Februar' }),
    invalid: { form: () => ({ label: '', adopted_on: '2026-02-30', paper_number: 'Drucksache-Merker' }), keep: 'Drucksache-Merker' },
  }),
  R('start-next-edition form', 'GET', (s) => paths.adminPlanContinue(s.slug, s.planId), { shows: () => 'Abgeschlossene Maßnahmen nicht übernehmen' }),
  R('start the next edition', 'POST', (s) => paths.adminPlanContinue(s.slug, s.planId), {
    valid: () => ({ title: 'Integrationsplan 2.0', edition: '2.0', omit_completed: '1' }),
    invalid: { form: () => ({ title: ' ', edition: 'Ausgabe-Merker' }), keep: 'Ausgabe-Merker' },
  }),
  R('report as PDF', 'GET', (s) => paths.adminPlanReport(s.slug, s.draftPlanId, 'pdf'), { type: 'application/pdf' }),
  R('report as Word', 'GET', (s) => paths.adminPlanReport(s.slug, s.draftPlanId, 'docx'), { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
  R('edition', 'GET', (s) => paths.adminEdition(s.slug, s.editionId), { shows: (s) => `Sprachkursangebote ${s.secretWord} ausbauen` }),
  R('confirm edition delete', 'GET', (s) => paths.adminEditionDelete(s.slug, s.editionId), { shows: () => 'Fassung 1.0' }),
  R('delete edition', 'POST', (s) => paths.adminEditionDelete(s.slug, s.editionId), { valid: () => ({}) }),
];

/** Row counts and contents of every table these routes may write: "nothing written" means they stay equal. */
async function fingerprint(env: TestEnv): Promise<string> {
  const tables = ['plans', 'fields', 'visions', 'guiding_goals', 'goals', 'measures', 'measure_actors', 'progress_notes', 'status_changes', 'audit_log', 'editions', 'edition_lineage'] as const;
  const counts = [];
  for (const t of tables) {
    const r = await env.db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts.push(`${t}=${Number(r.n)}`);
  }
  const editions = await env.db.kysely.selectFrom('editions').select(['label', 'adopted_on', 'paper_number']).orderBy('id').execute();
  return JSON.stringify({ counts, editions });
}

async function seed(env: TestEnv): Promise<{ A: Seeded; B: Seeded; fixture: Fixture }> {
  const fixture = await seedTwoMunicipalities(env);
  const officer = { userId: null, name: 'Test' };
  const edition = async (s: Side, label: string) => ({ ...s, editionId: await env.services.editions.create(s.municipalityId, s.planId, { label, adopted_on: null, paper_number: '', note: '' }, officer) });
  return { A: await edition(fixture.A, '1.0'), B: await edition(fixture.B, `1.0 ${fixture.B.secretWord}`), fixture };
}

describeFourOutcomes<Seeded>({ title: 'editions routes', routes: ROUTES, seed, fingerprint });

describe.each(engines)('editions: what each route does on %s', (engine) => {
  let env: TestEnv;
  let A: Seeded;
  let B: Seeded;
  let anon: Client;
  let adminA: Client;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    ({ A, B } = await seed(env));
    anon = new Client(env);
    adminA = new Client(env);
    await adminA.signIn(A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  describe('what each does', () => {
    it('keeping an edition freezes the plan and leads to it', async () => {
      const own = await createTestEnv(engine);
      try {
        const { A: a } = await seed(own);
        const client = new Client(own);
        await client.signIn(a.adminEmail, PASSWORD);
        const res = await client.post(paths.adminPlanEditions(a.slug, a.planId), { label: '2.0', adopted_on: '2026-02-27', paper_number: 'GR 1/2026' });
        const id = Number(res.location!.match(/fassung\/(\d+)$/)![1]);
        const page = await client.get(res.location!);
        expect(page.body).toContain('Die Fassung 2.0 wurde festgehalten.');
        expect(page.body).toContain('27.02.2026');
        expect(page.body).toContain('GR 1/2026');
        const edition = await own.services.editions.get(a.municipalityId, id);
        expect(edition.snapshot.plan.id).toBe(a.planId);
        expect(edition.created_by).toBe('Admin Amstadt');
      } finally {
        await own.close();
      }
    });

    it('the compare page shows a status change with its reason', async () => {
      const own = await createTestEnv(engine);
      try {
        const { A: a } = await seed(own);
        own.now.value = new Date('2026-04-01T10:00:00Z');
        await own.services.plans.changeStatus(a.municipalityId, a.measureId, { status_label: 'Abgeschlossen', status_category: null, note: 'Kurse sind Regelangebot' }, { userId: null, name: 'Erika' });
        const client = new Client(own);
        await client.signIn(a.adminEmail, PASSWORD);
        const res = await client.get(compare(a.slug, `p${a.planId}`, `e${a.editionId}`));
        expect(res.status).toBe(200);
        expect(res.body).toContain('1 Statusänderung');
        expect(res.body).toContain('Kurse sind Regelangebot');
        expect(res.body).toContain('0 Maßnahmen neu aufgenommen');
        // The older state is always "from", whichever order was asked.
        expect(res.body).toMatch(/Verglichen wird Fassung 1\.0 .* mit Heutiger Stand/);
      } finally {
        await own.close();
      }
    });

    it('starting the next edition creates a draft and leads to its workspace', async () => {
      const own = await createTestEnv(engine);
      try {
        const { A: a } = await seed(own);
        const client = new Client(own);
        await client.signIn(a.adminEmail, PASSWORD);
        const form = await client.get(paths.adminPlanContinue(a.slug, a.planId));
        expect(form.body).toContain('value="2.0"');
        const res = await client.post(paths.adminPlanContinue(a.slug, a.planId), { title: 'Integrationsplan 2.0', edition: '2.0' });
        expect(res.location).toMatch(/\/verwaltung\/plaene\/\d+$/);
        const planId = Number(res.location!.split('/').pop());
        const plan = await own.services.plans.getPlan(a.municipalityId, planId);
        expect(plan).toMatchObject({ title: 'Integrationsplan 2.0', edition: '2.0', state: 'draft' });
        const page = await client.get(res.location!);
        expect(page.body).toContain('Die neue Fortschreibung wurde als Entwurf angelegt.');
        expect(page.body).toContain(`Sprachkursangebote ${a.secretWord} ausbauen`);
      } finally {
        await own.close();
      }
    });
  });

  describe('who may do what', () => {
    let editor: Client;
    beforeAll(async () => {
      editor = new Client(env);
      await editor.signIn(A.editorEmail, PASSWORD);
    });

    it('an editor reads editions, compares and downloads the report, but neither keeps nor deletes an edition', async () => {
      expect((await editor.get(paths.adminPlanEditions(A.slug, A.planId))).status).toBe(200);
      expect((await editor.get(compare(A.slug, `e${A.editionId}`, `p${A.planId}`))).status).toBe(200);
      expect((await editor.getBytes(paths.adminPlanReport(A.slug, A.planId, 'pdf'))).status).toBe(200);
      const before = await fingerprint(env);
      expect((await editor.post(paths.adminPlanEditions(A.slug, A.planId), { label: '9.9' })).status).toBe(403);
      expect((await editor.get(paths.adminEditionDelete(A.slug, A.editionId))).status).toBe(403);
      expect((await editor.post(paths.adminEditionDelete(A.slug, A.editionId))).status).toBe(403);
      expect(await fingerprint(env)).toBe(before);
      const page = await editor.get(paths.adminPlanEditions(A.slug, A.planId));
      expect(page.body).not.toContain('Fassung festhalten');
      expect(page.body).not.toContain(paths.adminEditionDelete(A.slug, A.editionId));
    });

    it('nothing of editions is public: no public address, and the admin addresses send strangers to sign in', async () => {
      for (const path of [`/${A.slug}/fortschreibungen`, `/${A.slug}/fortschreibungen/fassung/${A.editionId}`, `/${A.slug}/fortschreibungen/plan/${A.planId}/bericht.pdf`]) {
        expect((await anon.get(path)).status).toBe(404);
      }
      const outsider = new Client(env);
      await outsider.signIn(B.adminEmail, PASSWORD);
      const res = await outsider.get(paths.adminEdition(A.slug, A.editionId));
      expect(res.status).toBe(404);
      expect(res.body).not.toContain(`Sprachkursangebote ${A.secretWord}`);
    });
  });
});
