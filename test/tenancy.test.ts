// Tenancy: signed in as the admin of A, every admin URL of B answers 404 or 403 and shows nothing of
// B; B's draft plan stays invisible to an anonymous visitor by every URL, in search and in the directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type Side, type TestEnv } from './support.js';

const adminUrls = (s: Side): string[] => [
  paths.admin(s.slug), paths.adminPlanNew(s.slug), paths.adminActors(s.slug), paths.adminActorNew(s.slug), paths.adminWordings(s.slug),
  paths.adminWordingNew(s.slug), paths.adminUsers(s.slug), paths.adminSettings(s.slug), paths.adminAudit(s.slug),
  ...[s.planId, s.draftPlanId].flatMap((id) => [
    paths.adminPlan(s.slug, id), paths.adminPlanEdit(s.slug, id), paths.adminPlanPreview(s.slug, id), paths.adminPlanDelete(s.slug, id),
    paths.adminFieldNew(s.slug, id), paths.adminGuidingGoalNew(s.slug, id),
  ]),
  paths.adminField(s.slug, s.fieldId), paths.adminFieldDelete(s.slug, s.fieldId), paths.adminVisionNew(s.slug, s.fieldId), paths.adminGoalNew(s.slug, s.fieldId),
  paths.adminMeasureNew(s.slug, s.fieldId), paths.adminVision(s.slug, s.visionId), paths.adminVisionDelete(s.slug, s.visionId),
  paths.adminGuidingGoal(s.slug, s.guidingGoalId), paths.adminGuidingGoalDelete(s.slug, s.guidingGoalId), paths.adminGoal(s.slug, s.goalId),
  paths.adminGoalDelete(s.slug, s.goalId),
  ...[s.measureId, s.draftMeasureId].flatMap((id) => [paths.adminMeasure(s.slug, id), paths.adminMeasureEdit(s.slug, id), paths.adminMeasureDelete(s.slug, id)]),
  paths.adminActor(s.slug, s.actorId), paths.adminActorDelete(s.slug, s.actorId), paths.adminWording(s.slug, s.wordingId), paths.adminWordingDelete(s.slug, s.wordingId),
];

const postUrls = (s: Side): string[] => [
  paths.adminPlanNew(s.slug), paths.adminPlanEdit(s.slug, s.draftPlanId), paths.adminPlanState(s.slug, s.draftPlanId), paths.adminPlanRenumber(s.slug, s.planId),
  paths.adminPlanDelete(s.slug, s.draftPlanId), paths.adminFieldNew(s.slug, s.planId), paths.adminField(s.slug, s.fieldId), paths.adminFieldMove(s.slug, s.fieldId),
  paths.adminFieldDelete(s.slug, s.fieldId), paths.adminMeasureStatus(s.slug, s.measureId), paths.adminMeasureNote(s.slug, s.measureId),
  paths.adminMeasureDelete(s.slug, s.measureId), paths.adminActorDelete(s.slug, s.actorId), paths.adminUserNew(s.slug), paths.adminSettings(s.slug),
];

describe.each(engines)('tenancy on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it("the admin of A reaches none of B's admin pages, by B's address or with B's ids under A's", async () => {
    const a = new Client(env);
    await a.signIn(f.A.adminEmail, PASSWORD);
    const own = new Set(adminUrls(f.A));
    const crossIds = adminUrls({ ...f.B, slug: f.A.slug }).filter((u) => !own.has(u));
    for (const url of [...adminUrls(f.B), ...crossIds]) {
      const res = await a.get(url);
      expect([403, 404], url).toContain(res.status);
      expect(res.body, url).not.toContain(f.B.secretWord);
      expect(res.body, url).not.toContain('Geheimer Entwurf');
    }
    const auditBefore = await env.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const ownPosts = new Set(postUrls(f.A));
    for (const url of [...postUrls(f.B), ...postUrls({ ...f.B, slug: f.A.slug }).filter((u) => !ownPosts.has(u))]) {
      const res = await a.post(url, { title: 'Übernahme', state: 'published', status_label: 'Abgeschlossen', text: 'x', name: 'x', email: 'x@y.de', role: 'admin', direction: 'up' });
      expect([403, 404], url).toContain(res.status);
      expect(res.body, url).not.toContain(f.B.secretWord);
    }
    const auditAfter = await env.db.kysely.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
  });

  it("an editor of A cannot manage A's people, settings, audit log or publish", async () => {
    const e = new Client(env);
    await e.signIn(f.A.editorEmail, PASSWORD);
    for (const url of [paths.adminUsers(f.A.slug), paths.adminSettings(f.A.slug), paths.adminAudit(f.A.slug), paths.adminWordings(f.A.slug)]) {
      expect((await e.get(url)).status, url).toBe(403);
    }
    expect((await e.post(paths.adminPlanState(f.A.slug, f.A.draftPlanId), { state: 'published' })).status).toBe(403);
    expect((await e.get(paths.adminPlan(f.A.slug, f.A.draftPlanId))).status).toBe(200);
  });

  it("B's draft plan is invisible to an anonymous visitor by every URL, in search and in the directory", async () => {
    const anon = new Client(env);
    const draft = await env.services.plans.tree(f.B.municipalityId, f.B.draftPlanId);
    const urls = [
      paths.plan(f.B.slug, f.B.draftPlanId),
      ...draft.fields.map((x) => paths.field(f.B.slug, x.id)),
      ...draft.fields.flatMap((x) => [...x.goals.flatMap((g) => g.measures), ...x.furtherMeasures]).map((m) => paths.measure(f.B.slug, m.id)),
      paths.adminPlanPreview(f.B.slug, f.B.draftPlanId),
    ];
    for (const url of urls) {
      const res = await anon.get(url);
      expect([303, 404], url).toContain(res.status);
      expect(res.body, url).not.toContain('ENTWURF');
    }
    const draftMeasureLinks = draft.fields.flatMap((x) => x.goals.flatMap((g) => g.measures)).map((m) => `href="${paths.measure(f.B.slug, m.id)}"`);
    for (const url of [paths.municipality(f.B.slug), paths.catalogue(f.B.slug), paths.actors(f.B.slug)]) {
      const res = await anon.get(url);
      expect(res.status, url).toBe(200);
      expect(res.body, url).not.toContain('ENTWURF');
      expect(res.body, url).not.toContain('Geheimer Entwurf');
    }
    for (const q of ['BirnenkompottENTWURF', 'Geheimer Entwurf', 'Sprachkurs']) {
      const res = await anon.get(`${paths.search(f.B.slug)}?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      for (const link of draftMeasureLinks) expect(res.body, q).not.toContain(link);
      expect(res.body, q).not.toContain('Kurs BirnenkompottENTWURF');
    }
    expect((await anon.get(`${paths.search(f.B.slug)}?q=BirnenkompottENTWURF`)).body).toContain('0 Ergebnisse');
    // A's public pages never show B.
    for (const url of [paths.municipality(f.A.slug), paths.catalogue(f.A.slug), paths.actors(f.A.slug)]) {
      const res = await anon.get(url);
      expect(res.body, url).not.toContain(f.B.secretWord);
    }
    expect((await anon.get(`${paths.search(f.A.slug)}?q=Birnenkompott`)).body).toContain('0 Ergebnisse');
    // And B's measures are not reachable under A's address.
    const res = await anon.get(paths.measure(f.A.slug, f.B.measureId));
    expect(res.status).toBe(404);
  });

  it('a draft becomes visible when published and invisible again when set back to draft', async () => {
    const admin = new Client(env);
    await admin.signIn(f.B.adminEmail, PASSWORD);
    const anon = new Client(env);
    const url = paths.measure(f.B.slug, f.B.draftMeasureId);
    expect((await anon.get(url)).status).toBe(404);
    await admin.post(paths.adminPlanState(f.B.slug, f.B.draftPlanId), { state: 'published', confirm: '1' });
    expect((await anon.get(url)).status).toBe(200);
    await admin.post(paths.adminPlanState(f.B.slug, f.B.draftPlanId), { state: 'draft' });
    expect((await anon.get(url)).status).toBe(404);
  });
});
