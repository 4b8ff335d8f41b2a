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
