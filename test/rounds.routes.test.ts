// Every route of the rounds module, four outcomes (not signed in, bad input, other municipality, success),
// on SQLite and PostgreSQL; then the personal link's routes (no account: an unknown link instead of "not
// signed in", and CSRF), the representative's page, and what a representative may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import type { ExchangePlan } from '../src/modules/plan/exchange.js';
import { describeFourOutcomes, R as route, type RouteCase } from './four-outcomes.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Side, type TestEnv } from './support.js';

const system = { userId: null, name: 'Test' };

interface RoundSide extends Side {
  secondPlanId: number;
  roundId: number;
  participantId: number;
  changeId: number;
  link: string;
  repUserId: number;
  repEmail: string;
}

const secondPlan = (town: string): ExchangePlan => ({
  plan: { title: `Zweiter Plan ${town}` },
  fields: [{
    title: 'Arbeit', visions: [], furtherMeasures: [],
    goals: [{ text: 'Arbeit finden', measures: [{ number: '1', text: `Jobmesse ${town}`, actors: [{ name: `Jobcenter ${town}`, role: 'lead', parent: null }], status: { category: 'planned', label: 'In Planung', date: null }, notes: [] }] }],
  }],
});

/** A round on the published plan with a pending change, a second published plan without a round, a representative. */
async function roundSide(env: TestEnv, s: Side, town: string): Promise<RoundSide> {
  const services = env.services;
  const m = await services.municipalities.getBySlug(s.slug);
  const secondPlanId = await services.importPlan(m.id, secondPlan(town), system, { state: 'published' });
  const { roundId, links } = await services.rounds.start(m, { plan_id: s.planId, title: `Sachstand ${town}`, deadline: '2026-03-31' }, system);
  const vhs = links.find((l) => l.actorName.startsWith('VHS'))!;
  const token = vhs.url.split('/').pop()!;
  const access = await services.rounds.access(m.id, token);
  if (access.status !== 'ok') throw new Error('link does not open');
  await services.rounds.submitViaLink(m.id, access, { [`status_label_${s.measureId}`]: 'Abgeschlossen', [`note_${s.measureId}`]: `Fertig ${s.secretWord}` });
  const change = await env.db.kysely.selectFrom('round_changes').select('id').where('municipality_id', '=', m.id).executeTakeFirstOrThrow();
  const repEmail = `vertretung@${s.slug}.example`;
  await services.representatives.add(m.id, { name: `Vertretung ${town}`, email: repEmail, actor_id: s.actorId }, system);
  const rep = await services.auth.findUserByEmail(repEmail);
  await services.auth.setPassword(rep!.id, PASSWORD);
  return { ...s, secondPlanId, roundId, participantId: vhs.participantId, changeId: change.id, link: new URL(vhs.url).pathname, repUserId: rep!.id, repEmail };
}

async function seed(env: TestEnv) {
  const f = await seedTwoMunicipalities(env);
  return { A: await roundSide(env, f.A, 'Amstadt'), B: await roundSide(env, f.B, 'Bedorf') };
}

const R = route<RoundSide>;

const ROUTES: Array<RouteCase<RoundSide>> = [
  R('rounds list', 'GET', (s) => paths.adminRounds(s.slug), { shows: (s) => `Sachstand ${s.slug === 'amstadt' ? 'Amstadt' : 'Bedorf'}` }),
  R('start round', 'POST', (s) => paths.adminRoundNew(s.slug), {
    valid: (s) => ({ plan_id: String(s.secondPlanId), title: 'Sachstand Zweiter Plan', deadline: '2026-04-30' }),
    invalid: { form: (s) => ({ plan_id: String(s.planId), title: 'Titel-Merker', deadline: '31.02.2026' }), keep: 'Titel-Merker' },
  }),
  R('round page', 'GET', (s) => paths.adminRound(s.slug, s.roundId), { shows: () => 'Fortschritt' }),
  R('remind', 'POST', (s) => paths.adminRoundRemind(s.slug, s.roundId), { success: 200, valid: () => ({}) }),
  R('close round', 'POST', (s) => paths.adminRoundClose(s.slug, s.roundId), { valid: () => ({}) }),
  R('revoke link', 'POST', (s) => paths.adminRoundRevoke(s.slug, s.roundId, s.participantId), { valid: () => ({}) }),
  R('new link', 'POST', (s) => paths.adminRoundNewLink(s.slug, s.roundId, s.participantId), { success: 200, valid: () => ({}) }),
  R('accept change', 'POST', (s) => paths.adminRoundAccept(s.slug, s.roundId, s.changeId), { valid: () => ({}) }),
  R('return change', 'POST', (s) => paths.adminRoundReturn(s.slug, s.roundId, s.changeId), {
    valid: (s) => ({ [`comment_${s.changeId}`]: 'Bitte ergänzen Sie das Datum.' }),
    invalid: { form: (s) => ({ [`comment_${s.changeId}`]: `Kommentar-Merker ${'x'.repeat(2001)}` }), keep: 'Kommentar-Merker' },
  }),
  R('representatives', 'GET', (s) => paths.adminRepresentatives(s.slug), { shows: (s) => s.repEmail }),
  R('add representative', 'POST', (s) => paths.adminRepresentatives(s.slug), {
    success: 200,
    valid: (s) => ({ name: 'Neue Vertretung', email: 'neu-vertretung@example.org', actor_id: String(s.actorId) }),
    invalid: { form: () => ({ name: 'Vertretung-Merker', email: 'kaputt', actor_id: '' }), keep: 'Vertretung-Merker' },
  }),
  R('remove representative', 'POST', (s) => paths.adminRepresentativeRemove(s.slug, s.repUserId), { valid: () => ({}) }),
];

/** Row counts of the tables a round touches, and the measures' statuses: "nothing written" keeps them equal. */
async function fingerprint(env: TestEnv): Promise<string> {
  const tables = ['rounds', 'round_participants', 'round_tokens', 'round_changes', 'jobs', 'memberships', 'users', 'status_changes', 'progress_notes', 'audit_log'] as const;
  const counts = [];
  for (const t of tables) {
    const r = await env.db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts.push(`${t}=${Number(r.n)}`);
  }
  const states = await env.db.kysely.selectFrom('round_changes').select(['state', 'review_comment']).orderBy('id').execute();
  const rounds = await env.db.kysely.selectFrom('rounds').select(['state']).orderBy('id').execute();
  const revoked = await env.db.kysely.selectFrom('round_tokens').select(['revoked_at']).orderBy('id').execute();
  const measures = await env.db.kysely.selectFrom('measures').select(['status_label']).orderBy('id').execute();
  return JSON.stringify({ counts, states, rounds, revoked, measures });
}

describeFourOutcomes<RoundSide>({
  title: 'rounds routes',
  routes: ROUTES,
  seed,
  fingerprint,
  secretsOf: (B) => ['Sachstand Bedorf', B.repEmail, 'Zweiter Plan Bedorf'],
});

describe.each(engines)('rounds: personal links and representatives on %s', (engine) => {
  let env: TestEnv;
  let f: { A: RoundSide; B: RoundSide };
  let anon: Client;
  let adminA: Client;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seed(env);
    anon = new Client(env);
    adminA = new Client(env);
    await adminA.signIn(f.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  describe('the personal link (no account)', () => {
    it('an unknown link answers 404 with a clear page and whom to ask; nothing written', async () => {
      const before = await fingerprint(env);
      for (const token of ['x'.repeat(43), 'kurz', f.B.link.split('/').pop()!]) {
        const res = await anon.get(paths.roundLink(f.A.slug, token));
        expect(res.status).toBe(404);
        expect(res.body).toContain('Dieser Link ist nicht gültig');
        expect(res.body).toContain('integration@amstadt.example');
        const post = await anon.post(paths.roundLink(f.A.slug, token), { [`status_label_${f.B.measureId}`]: 'Entfällt' });
        expect(post.status).toBe(404);
      }
      expect(await fingerprint(env)).toBe(before);
    });

    it('bad input: 400 with the messages at the fields and the values kept, nothing written', async () => {
      const before = await fingerprint(env);
      const client = new Client(env);
      await client.get(f.A.link);
      const res = await client.post(f.A.link, { [`status_label_${f.A.measureId}`]: 'Teilweise umgesetzt', [`evidence_url_${f.A.measureId}`]: 'javascript:alert(1)', [`note_date_${f.A.measureId}`]: '2027-01-01' });
      expect(res.status).toBe(400);
      expect(res.body).toContain('Bitte korrigieren Sie die markierten Angaben.');
      expect(res.body).toContain('Das Datum darf nicht in der Zukunft liegen.');
      expect(res.body).toContain('value="Teilweise umgesetzt"');
      expect(res.body).toContain('value="javascript:alert(1)"');
      expect(res.body).not.toContain('href="javascript');
      expect(await fingerprint(env)).toBe(before);
    });

    it("other municipality: A's link under B's address and B's link under A's are unknown", async () => {
      const before = await fingerprint(env);
      for (const path of [f.A.link.replace('/amstadt/', '/bedorf/'), f.B.link.replace('/bedorf/', '/amstadt/')]) {
        const res = await anon.get(path);
        expect(res.status).toBe(404);
        expect(res.body).not.toContain(f.B.secretWord);
        expect(res.body).not.toContain(f.A.secretWord);
      }
      expect(await fingerprint(env)).toBe(before);
    });

    it('CSRF applies to the anonymous form: without the token nothing is stored', async () => {
      const before = await fingerprint(env);
      const client = new Client(env);
      await client.get(f.A.link);
      const res = await client.post(f.A.link, { [`note_${f.A.measureId}`]: 'Ohne Token' }, { csrf: null });
      expect(res.status).toBe(403);
      expect(res.body).toContain('Formular abgelaufen');
      const wrong = await client.post(f.A.link, { [`note_${f.A.measureId}`]: 'Falsches Token' }, { csrf: 'x'.repeat(43) });
      expect(wrong.status).toBe(403);
      expect(await fingerprint(env)).toBe(before);
    });

    it('success: 303 back to the page, which thanks and shows the submission as pending', async () => {
      const own = await createTestEnv(engine);
      try {
        const fx = await seed(own);
        const client = new Client(own);
        const page = await client.get(fx.A.link);
        expect(page.status).toBe(200);
        const res = await client.post(fx.A.link, { [`note_${fx.A.measureId}`]: 'Zweiter Kurs läuft', [`evidence_url_${fx.A.measureId}`]: 'https://vhs.example/kurs' });
        expect(res.status).toBe(303);
        const after = await client.get(res.location!);
        expect(after.body).toContain('Vielen Dank! Ihre Angaben zu 1 Maßnahme wurden übermittelt.');
        const rows = await own.db.kysely.selectFrom('round_changes').select(['state', 'note_text', 'status_label', 'evidence_url']).where('municipality_id', '=', fx.A.municipalityId).orderBy('id').execute();
        // The earlier pending change of this measure is replaced by the new one.
        expect(rows).toEqual([
          { state: 'superseded', note_text: `Fertig ${fx.A.secretWord}`, status_label: 'Abgeschlossen', evidence_url: '' },
          { state: 'pending', note_text: 'Zweiter Kurs läuft', status_label: null, evidence_url: 'https://vhs.example/kurs' },
        ]);
        const audit = await own.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
        expect(audit).toMatchObject({ action: 'round.submit', user_id: null, user_name: 'VHS Amstadt (über Sachstandsabfrage)', municipality_id: fx.A.municipalityId });
      } finally {
        await own.close();
      }
    });

    it('a closed round refuses its links with 410', async () => {
      const own = await createTestEnv(engine);
      try {
        const fx = await seed(own);
        await own.services.rounds.close(fx.A.municipalityId, fx.A.roundId, system);
        const res = await new Client(own).get(fx.A.link);
        expect(res.status).toBe(410);
        expect(res.body).toContain('Diese Sachstandsabfrage ist abgeschlossen');
      } finally {
        await own.close();
      }
    });
  });

  describe('an actor representative', () => {
    it('not signed in: the own-measures page sends to the sign-in page', async () => {
      for (const res of [await anon.get(paths.adminOwnMeasures(f.A.slug)), await anon.post(paths.adminOwnMeasures(f.A.slug), { [`note_${f.A.measureId}`]: 'x' })]) {
        expect(res.status).toBe(303);
        expect(res.location).toMatch(/^\/anmelden/);
      }
    });

    it('lands on their measures, sees only those of their actor, and changes them with their name in the history', async () => {
      const own = await createTestEnv(engine);
      try {
        const fx = await seed(own);
        const rep = new Client(own);
        const signIn = await rep.signIn(fx.A.repEmail, PASSWORD);
        expect(signIn.location).toBe(paths.admin(fx.A.slug));
        const landing = await rep.get(paths.admin(fx.A.slug));
        expect(landing.status).toBe(303);
        expect(landing.location).toBe(paths.adminOwnMeasures(fx.A.slug));
        const page = await rep.get(paths.adminOwnMeasures(fx.A.slug));
        expect(page.status).toBe(200);
        expect(page.body).toContain('Sie vertreten VHS Amstadt.');
        expect(page.body).toContain('Sprachkursangebote Apfel ausbauen');
        expect(page.body).not.toContain('Sprachcafé Apfel'); // led by the Kontaktstelle
        expect(page.body).not.toContain('ApfelENTWURF'); // a draft plan

        const before = await fingerprint(own);
        const bad = await rep.post(paths.adminOwnMeasures(fx.A.slug), { [`status_label_${fx.A.measureId}`]: 'Abgeschlossen', [`evidence_url_${fx.A.measureId}`]: 'www.ohne-protokoll.de', [`note_${fx.A.measureId}`]: 'Vertretung-Merker' });
        expect(bad.status).toBe(400);
        expect(bad.body).toContain('Bitte korrigieren Sie die markierten Angaben.');
        expect(bad.body).toContain('Vertretung-Merker');
        expect(await fingerprint(own)).toBe(before);

        const ok = await rep.post(paths.adminOwnMeasures(fx.A.slug), {
          [`status_label_${fx.A.measureId}`]: 'Abgeschlossen', [`note_${fx.A.measureId}`]: 'Kurs beendet', [`evidence_url_${fx.A.measureId}`]: 'https://vhs.example/bericht',
          // A measure of another actor and one of B: ignored.
          [`status_label_${fx.A.measureId + 1}`]: 'Entfällt', [`status_label_${fx.B.measureId}`]: 'Entfällt',
        });
        expect(ok.status).toBe(303);
        const d = await own.services.plans.measureDetail(fx.A.municipalityId, fx.A.measureId);
        expect(d.history[0]).toMatchObject({ to_label: 'Abgeschlossen', changed_by_name: 'Vertretung Amstadt (VHS Amstadt)' });
        expect(d.notes[0]).toMatchObject({ text: 'Kurs beendet\nNachweis: https://vhs.example/bericht', author_name: 'Vertretung Amstadt (VHS Amstadt)' });
        expect((await own.services.plans.getMeasure(fx.A.municipalityId, fx.A.measureId + 1)).status_label).not.toBe('Entfällt');
        expect((await own.services.plans.getMeasure(fx.B.municipalityId, fx.B.measureId)).status_label).toBe('Wird fortgesetzt');
        // The open round counts the actor as answered.
        const p = await own.db.kysely.selectFrom('round_participants').select('answered_at').where('id', '=', fx.A.participantId).executeTakeFirstOrThrow();
        expect(p.answered_at).not.toBeNull();
      } finally {
        await own.close();
      }
    });

    it('every other admin page answers 403 or 404, and another municipality 404', async () => {
      const rep = new Client(env);
      await rep.signIn(f.A.repEmail, PASSWORD);
      const s = f.A;
      const forbidden = [
        paths.adminPlanNew(s.slug), paths.adminPlan(s.slug, s.draftPlanId), paths.adminPlanPreview(s.slug, s.draftPlanId), paths.adminPlanEdit(s.slug, s.planId),
        paths.adminMeasure(s.slug, s.measureId), paths.adminField(s.slug, s.fieldId), paths.adminActors(s.slug), paths.adminActor(s.slug, s.actorId),
        paths.adminWordings(s.slug), paths.adminUsers(s.slug), paths.adminSettings(s.slug), paths.adminAudit(s.slug), paths.adminImport(s.slug),
        paths.adminPlanExport(s.slug, s.draftPlanId, 'json'), paths.adminRounds(s.slug), paths.adminRound(s.slug, s.roundId), paths.adminRepresentatives(s.slug),
        paths.adminDashboard(s.slug), paths.adminEditions(s.slug),
      ];
      for (const path of forbidden) {
        const res = await rep.get(path);
        expect([403, 404], path).toContain(res.status);
        expect(res.body, path).not.toContain('Geheimer Entwurf');
      }
      for (const [path, form] of [
        [paths.adminMeasureStatus(s.slug, s.measureId), { status_label: 'Entfällt' }],
        [paths.adminRoundAccept(s.slug, s.roundId, s.changeId), {}],
        [paths.adminPlanNew(s.slug), { title: 'Plan der Vertretung' }],
      ] as const) {
        const before = await fingerprint(env);
        const res = await rep.post(path, form);
        expect([403, 404], path).toContain(res.status);
        expect(await fingerprint(env)).toBe(before);
      }
      const other = await rep.get(paths.adminOwnMeasures(f.B.slug));
      expect(other.status).toBe(404);
      expect(other.body).not.toContain(f.B.secretWord);
    });

    it('is listed on the people page with its role', async () => {
      const res = await adminA.get(paths.adminUsers(f.A.slug));
      expect(res.body).toContain(f.A.repEmail);
      expect(res.body).toContain('Vertretung eines Akteurs');
    });
  });
});
