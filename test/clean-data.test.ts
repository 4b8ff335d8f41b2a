// Clean data in the plan's forms: a deleted measure lands on its field, "optional" means optional, the length
// limit is stated and given as maxlength, and a value that is already wrong gets no second message about the
// order of start and end. On both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

describe.each(engines)('clean data in the plan forms on %s', (engine) => {
  let env: TestEnv;
  let fx: Fixture;
  let admin: Client;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    fx = await seedTwoMunicipalities(env);
    admin = new Client(env);
    await admin.signIn(fx.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  it('deleting a measure lands on its field in the workspace, not on the gone page', async () => {
    const measure = await env.services.plans.getMeasure(fx.A.municipalityId, fx.A.measureId);
    const res = await admin.post(paths.adminMeasureDelete(fx.A.slug, fx.A.measureId));
    expect(res.status).toBe(303);
    expect(res.location).toBe(`${paths.adminPlan(fx.A.slug, measure.plan_id)}?feld=${measure.field_id}#field-${measure.field_id}`);
    const landing = await admin.get(res.location!.split('#')[0]);
    expect(landing.status).toBe(200);
    expect(landing.body).toContain('Die Maßnahme wurde gelöscht.');
    expect((await admin.get(paths.adminMeasure(fx.A.slug, fx.A.measureId))).status).toBe(404);
  });

  it('states the length limit in the hint, as maxlength and in the message, and keeps what was typed', async () => {
    const form = await admin.get(paths.adminField(fx.A.slug, fx.A.fieldId));
    expect(form.body).toMatch(/<input[^>]*id="feld-title"[^>]*maxlength="300"/);
    expect(form.body).toContain('Höchstens 300 Zeichen.');
    const long = 'x'.repeat(301);
    const res = await admin.post(paths.adminField(fx.A.slug, fx.A.fieldId), { title: long, description: '' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Der Text ist zu lang: höchstens 300 Zeichen.');
    expect(res.body).toContain(long);
    expect((await env.services.plans.getField(fx.A.municipalityId, fx.A.fieldId)).title).not.toBe(long);
    // A measure's number is text ("7.1", "A.3") of at most 20 characters: no numeric keyboard, the limit given.
    const measureForm = await admin.get(paths.adminMeasureNew(fx.A.slug, fx.A.fieldId));
    const numberInput = /<input[^>]*id="feld-number"[^>]*>/.exec(measureForm.body)![0];
    expect(numberInput).toContain('maxlength="20"');
    expect(numberInput).not.toContain('inputmode="numeric"');
    expect(measureForm.body).toContain('Höchstens 20 Zeichen.');
  });

  it('shows one message for a wrong year, not a second one about start and end', async () => {
    const res = await admin.post(paths.adminPlanEdit(fx.A.slug, fx.A.planId), { title: 'Plan', period_start: '20x5', period_end: '2024' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Bitte geben Sie ein Jahr mit vier Ziffern ein');
    expect(res.body).not.toContain('Das Ende darf nicht vor dem Beginn liegen.');
    // Both valid and in the wrong order: that message, once per place (summary and field).
    const order = await admin.post(paths.adminPlanEdit(fx.A.slug, fx.A.planId), { title: 'Plan', period_start: '2030', period_end: '2024' });
    expect(order.status).toBe(400);
    expect(order.body).toContain('Das Ende darf nicht vor dem Beginn liegen.');
  });

  it('marks as optional only what may stay empty: a measure needs its goal unless it is a further measure', async () => {
    const form = await admin.get(paths.adminMeasureNew(fx.A.slug, fx.A.fieldId));
    const goalLabel = /<label class="kern-label" for="feld-goal_id">([\s\S]*?)<\/label>/.exec(form.body)![1];
    expect(goalLabel).not.toContain('optional');
    const res = await admin.post(paths.adminMeasureNew(fx.A.slug, fx.A.fieldId), { text: 'Neue Maßnahme', goal_id: '' });
    expect(res.status).toBe(400);
    // Every field the form calls optional is accepted empty.
    const ok = await admin.post(paths.adminMeasureNew(fx.A.slug, fx.A.fieldId), { text: 'Neue Maßnahme', goal_id: String(fx.A.goalId) });
    expect(ok.status).toBe(303);
  });
});

describe.each(engines)('publishing over a published plan and renumbering on %s', (engine) => {
  let env: TestEnv;
  let fx: Fixture;
  let admin: Client;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    fx = await seedTwoMunicipalities(env);
    admin = new Client(env);
    await admin.signIn(fx.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  const numbers = async (planId: number) => (await env.services.plans.tree(fx.A.municipalityId, planId)).fields.flatMap((f) => f.goals.flatMap((g) => g.measures.map((m) => m.number)));

  it('asks before renumbering, and refuses while an update round of the plan is open (before it looks at the numbers)', async () => {
    const page = await admin.get(paths.adminPlanRenumber(fx.A.slug, fx.A.planId));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Bisherige Nummern ändern sich.');
    expect(page.body).toContain('Jetzt neu nummerieren');
    const m = await env.services.municipalities.getBySlug(fx.A.slug);
    const { roundId } = await env.services.rounds.start(m, { plan_id: fx.A.planId, title: 'Frühjahr', deadline: '2026-04-30' }, { userId: null, name: 'Test' });
    // A number of the plan's own scheme: the open round is what the page names first.
    await env.services.plans.updateMeasure(fx.A.municipalityId, fx.A.measureId, { ...(await measureInput()), number: 'A.7' }, { userId: null, name: 'Test' });
    const before = await numbers(fx.A.planId);
    const blocked = await admin.get(paths.adminPlanRenumber(fx.A.slug, fx.A.planId));
    expect(blocked.body).toContain('Neu nummerieren ist gerade nicht möglich.');
    expect(blocked.body).toContain('„Frühjahr“');
    expect(blocked.body).not.toContain('Jetzt neu nummerieren');
    const refused = await admin.post(paths.adminPlanRenumber(fx.A.slug, fx.A.planId));
    expect(refused.status).toBe(409);
    expect(await numbers(fx.A.planId)).toEqual(before);
    // Closed, the round no longer stands in the way.
    await env.services.rounds.close(fx.A.municipalityId, roundId, { userId: null, name: 'Test' });
    // Then the plan's own numbering scheme stands in the way: refused with the example, nothing changed.
    const ownScheme = await admin.post(paths.adminPlanRenumber(fx.A.slug, fx.A.planId));
    expect(ownScheme.status).toBe(303);
    expect((await admin.get(ownScheme.location!)).body).toContain('„A.7“');
    expect(await numbers(fx.A.planId)).toEqual(before);
    await env.services.plans.updateMeasure(fx.A.municipalityId, fx.A.measureId, { ...(await measureInput()), number: '7' }, { userId: null, name: 'Test' });
    const done = await admin.post(paths.adminPlanRenumber(fx.A.slug, fx.A.planId));
    expect(done.status).toBe(303);
    expect(await numbers(fx.A.planId)).toEqual(['1', '2']);
  });

  async function measureInput() {
    const d = await env.services.plans.measureDetail(fx.A.municipalityId, fx.A.measureId);
    return {
      text: d.measure.text, number: d.measure.number, is_further: false, field_id: null, goal_id: d.measure.goal_id, status_label: d.measure.status_label, status_category: null,
      timeframe_start: null, timeframe_end: null, target_groups: '', lead_actor_id: d.measure.actors.find((a) => a.role === 'lead')?.id ?? null, partner_actor_ids: d.measure.actors.filter((a) => a.role === 'partner').map((a) => a.id),
    };
  }

  it('explains that a new plan replaces the published one, archives the old one, and links it as an earlier plan', async () => {
    const ask = await admin.post(paths.adminPlanState(fx.A.slug, fx.A.draftPlanId), { state: 'published' });
    expect(ask.status).toBe(200);
    expect(ask.body).toContain('ersetzt auf der öffentlichen Seite den Plan „Integrationsplan Amstadt“');
    expect(ask.body).toContain('wird dabei archiviert');
    expect((await env.services.plans.getPlan(fx.A.municipalityId, fx.A.draftPlanId)).state).toBe('draft');

    const done = await admin.post(paths.adminPlanState(fx.A.slug, fx.A.draftPlanId), { state: 'published', confirm: '1' });
    expect(done.status).toBe(303);
    expect((await env.services.plans.getPlan(fx.A.municipalityId, fx.A.draftPlanId)).state).toBe('published');
    expect((await env.services.plans.getPlan(fx.A.municipalityId, fx.A.planId)).state).toBe('archived');

    const visitor = new Client(env);
    const home = await visitor.get(`/${fx.A.slug}`);
    expect(home.body).toContain('Geheimer Entwurf Amstadt');
    expect(home.body).toContain('Frühere Pläne');
    expect(home.body).toContain(`href="${paths.plan(fx.A.slug, fx.A.planId)}"`);
    const old = await visitor.get(paths.plan(fx.A.slug, fx.A.planId));
    expect(old.status).toBe(200);
    expect(old.body).toContain('archiviert');
  });

  it('tells a new edition of the same title from the published plan, and its button does not repeat the title', async () => {
    const published = (await env.services.plans.findCurrentPublishedPlan(fx.A.municipalityId))!;
    const by = { userId: null, name: 'Test' };
    const draftId = await env.services.editions.startNext(fx.A.municipalityId, published.id, { title: published.title, edition: '2.0', omit_completed: false, omit_discontinued: false }, by, () => 'übernommen');
    const ask = await admin.post(paths.adminPlanState(fx.A.slug, draftId), { state: 'published' });
    expect(ask.status).toBe(200);
    expect(ask.body).toContain(`„${published.title}“ (Ausgabe 2.0) ersetzt auf der öffentlichen Seite den Plan „${published.title}“ (veröffentlicht seit `);
    expect(ask.body).toContain('Veröffentlichen und bisherigen Plan archivieren');
    expect(ask.body).not.toContain('Veröffentlichen und „');
  });
});
