// Status wordings: changing a wording's category re-categorises the measures carrying it (with a preview of
// how many, and a history entry each); the status form on a measure's admin page starts from its current status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const by = { userId: null, name: 'Test' };

describe.each(engines)('status wordings on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let planning: number;
  let carriers: number[];
  let other: number;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    const s = env.services;
    const mid = f.A.municipalityId;
    planning = (await s.wordings.list(mid)).find((w) => w.label === 'In Planung')!.id;
    const published = await s.plans.tree(mid, f.A.planId);
    const draft = await s.plans.tree(mid, f.A.draftPlanId);
    // Two measures carry the wording (one in another case and spacing), a third carries another one.
    carriers = [published.fields[0].goals[0].measures[1].id, draft.fields[0].goals[0].measures[1].id];
    other = published.fields[0].goals[0].measures[0].id;
    await s.plans.changeStatus(mid, carriers[0], { status_label: 'In Planung', status_category: null, note: '' }, by);
    await s.plans.changeStatus(mid, carriers[1], { status_label: 'in   PLANUNG', status_category: null, note: '' }, by);
    // B's measure with the same wording belongs to another municipality and stays as it is.
    const bTree = await s.plans.tree(f.B.municipalityId, f.B.planId);
    await s.plans.changeStatus(f.B.municipalityId, bTree.fields[0].goals[0].measures[1].id, { status_label: 'In Planung', status_category: null, note: '' }, by);
  });
  afterAll(() => env.close());

  const admin = async () => {
    const client = new Client(env);
    await client.signIn(f.A.adminEmail, PASSWORD);
    return client;
  };
  const measure = (id: number) =>
    env.db.kysely.selectFrom('measures').select(['status_label', 'status_category']).where('id', '=', id).executeTakeFirstOrThrow();
  const history = (id: number) =>
    env.db.kysely.selectFrom('status_changes').select(['from_category', 'to_category', 'to_label', 'note']).where('measure_id', '=', id).orderBy('id').execute();

  it('the edit page says how many measures a category change moves', async () => {
    const res = await (await admin()).get(paths.adminWording(f.A.slug, planning));
    expect(res.status).toBe(200);
    expect(res.body).toContain('2 Maßnahmen tragen diesen Wortlaut und werden neu eingeordnet');
  });

  it('a wording no measure carries shows no count', async () => {
    const wordings = await env.services.wordings.list(f.A.municipalityId);
    const unused = wordings.find((w) => w.label === 'Entfällt')!.id;
    const res = await (await admin()).get(paths.adminWording(f.A.slug, unused));
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('tragen diesen Wortlaut');
  });

  it('changing the category from planned to ongoing moves the measures carrying it, each with a history entry', async () => {
    const before = await Promise.all(carriers.map(history));
    const otherBefore = await measure(other);
    const res = await (await admin()).post(paths.adminWording(f.A.slug, planning), { label: 'In Planung', category: 'ongoing' });
    expect(res.status).toBe(303);
    for (const [i, id] of carriers.entries()) {
      const m = await measure(id);
      expect(m.status_category).toBe('ongoing');
      const entries = await history(id);
      expect(entries).toHaveLength(before[i].length + 1);
      const last = entries[entries.length - 1];
      expect(last).toMatchObject({ from_category: 'planned', to_category: 'ongoing', to_label: m.status_label });
      expect(last.note).toContain('In Planung');
    }
    expect(await measure(other)).toEqual(otherBefore);
    const bTree = await env.services.plans.tree(f.B.municipalityId, f.B.planId);
    expect((await measure(bTree.fields[0].goals[0].measures[1].id)).status_category).toBe('planned');
    // The edit and the moves are one audited write.
    const audit = await env.db.kysely.selectFrom('audit_log').select('action').where('municipality_id', '=', f.A.municipalityId).where('action', '=', 'wording.update').execute();
    expect(audit).toHaveLength(1);
  });

  it('saving the wording without changing its category writes no further history', async () => {
    const before = await Promise.all(carriers.map(history));
    const res = await (await admin()).post(paths.adminWording(f.A.slug, planning), { label: 'In Planung', category: 'ongoing' });
    expect(res.status).toBe(303);
    expect(await Promise.all(carriers.map(history))).toEqual(before);
  });

  it('the status form starts from the current status, the category from the wording', async () => {
    const res = await (await admin()).get(paths.adminMeasure(f.A.slug, carriers[0]));
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<input[^>]*name="status_label"[^>]*value="In Planung"|<input[^>]*value="In Planung"[^>]*name="status_label"/);
    const select = res.body.match(/<select[^>]*name="status_category"[\s\S]*?<\/select>/)![0];
    expect(select).toContain('<option value="">');
    expect(select).not.toContain('selected');
  });

  it('the history says the wording was re-categorised', async () => {
    const res = await (await admin()).get(paths.adminMeasure(f.A.slug, carriers[0]));
    expect(res.body).toContain('„In Planung“ neu eingeordnet: von Geplant zu Fortlaufend');
  });
});
