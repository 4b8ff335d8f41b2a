// The one write path: every write is one transaction with its audit entry, bumps its municipality's content
// version once, and refreshes exactly the search documents it touched, once, at its end; nested writes join.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchKind } from '../src/platform/search/search.service.js';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const by = { userId: null, name: 'Test' };

describe.each(engines)('the write path on %s', (engine) => {
  let env: TestEnv;
  let fx: Fixture;
  let refreshed: Array<Array<{ kind: SearchKind; ids: number[] }>>;
  let rebuilt: number[];

  beforeAll(async () => {
    env = await createTestEnv(engine);
    fx = await seedTwoMunicipalities(env);
    // Record what the real search service is asked to do; it still does it.
    const search = env.services.search;
    const { refresh, rebuildPlan } = search;
    refreshed = [];
    rebuilt = [];
    search.refresh = async (trx, mid, refs, plans) => {
      refreshed.push(refs.map((r) => ({ kind: r.kind, ids: [...r.ids] })));
      return refresh.call(search, trx, mid, refs, plans);
    };
    search.rebuildPlan = async (trx, mid, planId) => {
      rebuilt.push(planId);
      return rebuildPlan.call(search, trx, mid, planId);
    };
  });
  afterAll(() => env.close());

  const version = async (municipalityId: number) =>
    (await env.db.kysely.selectFrom('municipalities').select('content_version').where('id', '=', municipalityId).executeTakeFirstOrThrow()).content_version;
  const reset = () => {
    refreshed.length = 0;
    rebuilt.length = 0;
  };

  it('a status change bumps its municipality once, refreshes only its measure, and search finds the new wording', async () => {
    const [a, b] = [await version(fx.A.municipalityId), await version(fx.B.municipalityId)];
    reset();
    await env.services.plans.changeStatus(fx.A.municipalityId, fx.A.measureId, { status_label: 'Realisierung wird geprüft', status_category: null, note: '' }, by);
    expect(await version(fx.A.municipalityId)).toBe(a + 1);
    expect(await version(fx.B.municipalityId)).toBe(b);
    expect(refreshed).toEqual([[{ kind: 'measure', ids: [fx.A.measureId] }]]);
    expect(rebuilt).toEqual([]);
    const hits = await env.services.search.search(fx.A.municipalityId, fx.A.planId, 'Realisierung');
    expect(hits.ids.measure).toEqual([fx.A.measureId]);
  });

  it('a note is not indexed: it bumps the version and refreshes nothing', async () => {
    const before = await version(fx.A.municipalityId);
    reset();
    await env.services.plans.addNote(fx.A.municipalityId, fx.A.measureId, { text: 'Neuer Sachstand', note_date: '2026-02-01' }, by);
    expect(await version(fx.A.municipalityId)).toBe(before + 1);
    expect(refreshed).toEqual([]);
    expect(rebuilt).toEqual([]);
  });

  it('writes in one transaction settle once: one bump, one refresh of everything they touched', async () => {
    const before = await version(fx.A.municipalityId);
    const tree = await env.services.plans.tree(fx.A.municipalityId, fx.A.planId);
    const ids = tree.fields[0].goals[0].measures.map((m) => m.id);
    reset();
    await env.services.plans.transaction(async (trx) => {
      for (const id of ids) {
        await env.services.plans.changeStatus(fx.A.municipalityId, id, { status_label: 'Abgeschlossen', status_category: null, note: '' }, by, trx);
        await env.services.plans.addNote(fx.A.municipalityId, id, { text: 'erledigt', note_date: null }, by, trx);
      }
    });
    expect(await version(fx.A.municipalityId)).toBe(before + 1);
    expect(refreshed).toEqual([[{ kind: 'measure', ids }]]);
  });

  it('a write that fails changes nothing: no status, no history, no audit entry, no version bump', async () => {
    const before = await version(fx.A.municipalityId);
    const measure = async () => (await env.services.plans.measureDetail(fx.A.municipalityId, fx.A.measureId));
    const was = await measure();
    const audits = (await env.services.audit.list(fx.A.municipalityId)).length;
    await expect(env.services.plans.transaction(async (trx) => {
      await env.services.plans.changeStatus(fx.A.municipalityId, fx.A.measureId, { status_label: 'Entfällt', status_category: null, note: '' }, by, trx);
      throw new Error('later step failed');
    })).rejects.toThrow('later step failed');
    const now = await measure();
    expect(now.measure.status_label).toBe(was.measure.status_label);
    expect(now.history.length).toBe(was.history.length);
    expect((await env.services.audit.list(fx.A.municipalityId)).length).toBe(audits);
    expect(await version(fx.A.municipalityId)).toBe(before);
  });

  it('renaming an actor refreshes the actor and the measures that name it; bulk paths rebuild a plan in one batch', async () => {
    const actor = await env.services.actors.get(fx.A.municipalityId, fx.A.actorId);
    reset();
    await env.services.actors.update(fx.A.municipalityId, fx.A.actorId, { name: 'Volkshochschule Amstadt', parent_id: actor.parent_id, description: actor.description, contact_email: actor.contact_email, website: actor.website }, by);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0].find((r) => r.kind === 'actor')?.ids).toEqual([fx.A.actorId]);
    expect(refreshed[0].find((r) => r.kind === 'measure')?.ids).toContain(fx.A.measureId);
    expect((await env.services.search.search(fx.A.municipalityId, fx.A.planId, 'Volkshochschule')).ids.measure).toContain(fx.A.measureId);

    reset();
    await env.services.plans.renumber(fx.A.municipalityId, fx.A.planId, by);
    expect(rebuilt).toEqual([fx.A.planId]);
    expect(refreshed).toEqual([]);
  });
});
