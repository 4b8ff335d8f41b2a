// The import writes level by level in chunked multi-row statements (plan.import.ts). These check what that
// must not change: ids matched to the right rows across chunks, actors found or made as row by row would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeMeasure, ExchangePlan } from '../src/modules/plan/exchange.js';
import * as actorRepo from '../src/modules/plan/actor.repository.js';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const measure = (text: string, actors: ExchangeMeasure['actors'] = [], extra: Partial<ExchangeMeasure> = {}): ExchangeMeasure => ({
  number: null, text, actors, status: { category: 'unknown', label: '', date: null }, notes: [], ...extra,
});

describe.each(engines)('batched import on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('insertActors gives the ids in the order of the rows, across chunks', async () => {
    const names = Array.from({ length: 1203 }, (_, i) => `Reihe ${String((i * 7919) % 1203).padStart(4, '0')}`);
    const ids = await env.db.kysely.transaction().execute((trx) =>
      actorRepo.insertActors(trx, f.B.municipalityId, names.map((name) => ({ name, parent_id: null, description: '', contact_email: '', website: '' }))));
    const rows = await env.db.kysely.selectFrom('actors').select(['id', 'name']).where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    expect(ids.map((id) => byId.get(id))).toEqual(names);
  });

  it('1,303 measures over chunks land in their goals and places, with links, notes and history', async () => {
    const goals = Array.from({ length: 13 }, (_, gi) => ({
      text: `Ziel ${gi + 1}`,
      measures: Array.from({ length: 100 }, (_, mi) => measure(`M ${gi + 1}.${mi + 1}`, [{ name: `Träger ${mi % 7}`, role: 'lead', parent: null }, { name: `Partner ${mi % 3}`, role: 'partner', parent: null }], {
        number: String(gi * 100 + mi + 1),
        status: mi % 2 ? { category: 'completed', label: 'umgesetzt', date: null } : { category: 'unknown', label: '', date: null },
        notes: mi % 3 ? [] : [{ text: `Sachstand ${gi + 1}.${mi + 1} a`, date: null }, { text: `Sachstand ${gi + 1}.${mi + 1} b`, date: '2025-01' }],
      })),
    }));
    const plan: ExchangePlan = {
      plan: { title: 'Groß', period: '2024–2030' },
      fields: [
        { title: 'Eins', visions: ['V1', 'V2'], goals, furtherMeasures: [measure('Weitere 1'), measure('Weitere 2')] },
        { title: 'Zwei', visions: [], goals: [{ text: '', measures: [measure('Z 1')] }], furtherMeasures: [] },
      ],
    } as ExchangePlan;
    const planId = await env.services.importPlan(f.A.municipalityId, plan, { userId: null, name: 'Test' });
    const db = env.db.kysely;
    const ms = await db.selectFrom('measures as m').leftJoin('goals as g', 'g.id', 'm.goal_id').innerJoin('fields as fl', 'fl.id', 'm.field_id')
      .select(['m.id', 'm.text', 'm.number', 'm.position', 'm.is_further', 'g.text as goal', 'g.position as goal_position', 'fl.title as field', 'fl.position as field_position'])
      .where('m.plan_id', '=', planId).orderBy('m.id').execute();
    expect(ms).toHaveLength(1303);
    // Ids in the order of the plan, every measure under its own goal at its own position.
    for (const [i, m] of ms.slice(0, 1300).entries()) {
      const gi = Math.floor(i / 100);
      const mi = i % 100;
      expect(m).toMatchObject({ text: `M ${gi + 1}.${mi + 1}`, number: String(gi * 100 + mi + 1), position: mi + 1, is_further: 0, goal: `Ziel ${gi + 1}`, goal_position: gi + 1, field: 'Eins', field_position: 1 });
    }
    expect(ms.slice(1300).map((m) => [m.text, m.position, m.is_further, m.field])).toEqual([['Weitere 1', 1, 1, 'Eins'], ['Weitere 2', 2, 1, 'Eins'], ['Z 1', 1, 0, 'Zwei']]);
    const visions = await db.selectFrom('visions as v').innerJoin('fields as fl', 'fl.id', 'v.field_id').select(['v.text', 'v.position']).where('fl.plan_id', '=', planId).orderBy('v.id').execute();
    expect(visions).toEqual([{ text: 'V1', position: 1 }, { text: 'V2', position: 2 }]);

    const byText = new Map(ms.map((m) => [m.text, m.id]));
    const links = await db.selectFrom('measure_actors as ma').innerJoin('actors as a', 'a.id', 'ma.actor_id').select(['a.name', 'ma.role', 'ma.position'])
      .where('ma.measure_id', '=', byText.get('M 13.99')!).orderBy('ma.position').execute();
    expect(links).toEqual([{ name: 'Träger 0', role: 'lead', position: 0 }, { name: 'Partner 2', role: 'partner', position: 1 }]);
    const notes = await db.selectFrom('progress_notes').select(['text', 'note_date', 'author_name']).where('measure_id', '=', byText.get('M 7.1')!).orderBy('id').execute();
    expect(notes).toEqual([{ text: 'Sachstand 7.1 a', note_date: null, author_name: 'Test' }, { text: 'Sachstand 7.1 b', note_date: '2025-01', author_name: 'Test' }]);
    const history = await db.selectFrom('status_changes').select(['measure_id', 'from_label', 'to_label', 'to_category', 'changed_by_name'])
      .where('measure_id', 'in', ms.map((m) => m.id)).orderBy('id').execute();
    expect(history).toHaveLength(650);
    expect(history[0]).toEqual({ measure_id: byText.get('M 1.2'), from_label: null, to_label: 'umgesetzt', to_category: 'completed', changed_by_name: 'Test' });
  });

  it('actors: found by name, new ones made in order, a parent given only where there was none', async () => {
    const db = env.db.kysely;
    const m = f.A.municipalityId;
    const mk = (name: string, parent_id: number | null) => db.transaction().execute((trx) => actorRepo.insertActor(trx, m, { name, parent_id, description: '', contact_email: '', website: '' }));
    const dach = await mk('Alter Dachverband', null);
    const ohne = await mk('Alt ohne Träger', null);
    const mit = await mk('Alt mit Träger', dach);
    const spaet = await mk('Alt später', null);
    const plan = {
      plan: { title: 'Akteure' },
      fields: [{ title: 'F', visions: [], furtherMeasures: [], goals: [{ text: 'Z', measures: [
        measure('A', [{ name: 'Neues Kind', role: 'lead', parent: 'Neue Eltern' }, { name: 'alt  ohne träger', role: 'partner', parent: 'Neue Eltern' }]),
        measure('B', [{ name: 'Alt mit Träger', role: 'lead', parent: 'Neue Eltern' }, { name: 'Neu ohne', role: 'partner', parent: null }, { name: 'neu ohne', role: 'lead', parent: null }]),
        measure('C', [{ name: 'Neu ohne', role: 'lead', parent: 'Alter Dachverband' }, { name: 'Alt später', role: 'partner', parent: null }, { name: 'Neu ohne', role: 'partner', parent: 'Neue Eltern' }]),
        measure('D', [{ name: 'Alt später', role: 'lead', parent: 'Neues Kind' }]),
      ] }] }],
    } as ExchangePlan;
    const before = (await db.selectFrom('actors').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow()).max as number;
    const planId = await env.services.importPlan(m, plan, { userId: null, name: 'Test' });
    const made = await db.selectFrom('actors').select(['id', 'name', 'parent_id']).where('municipality_id', '=', m).where('id', '>', Number(before)).orderBy('id').execute();
    const id = (name: string) => made.find((a) => a.name === name)!.id;
    // Made in the order named (the parent before its child), each once.
    expect(made.map((a) => a.name)).toEqual(['Neue Eltern', 'Neues Kind', 'Neu ohne']);
    expect(made.map((a) => a.parent_id)).toEqual([null, id('Neue Eltern'), dach]);
    const parents = await db.selectFrom('actors').select(['id', 'parent_id']).where('id', 'in', [ohne, mit, spaet]).orderBy('id').execute();
    expect(parents).toEqual([{ id: ohne, parent_id: id('Neue Eltern') }, { id: mit, parent_id: dach }, { id: spaet, parent_id: id('Neues Kind') }]);
    const links = await db.selectFrom('measure_actors as ma').innerJoin('measures as me', 'me.id', 'ma.measure_id').select(['me.text', 'ma.actor_id', 'ma.role', 'ma.position'])
      .where('me.plan_id', '=', planId).orderBy('me.position').orderBy('ma.position').execute();
    expect(links).toEqual([
      { text: 'A', actor_id: id('Neues Kind'), role: 'lead', position: 0 }, { text: 'A', actor_id: ohne, role: 'partner', position: 1 },
      { text: 'B', actor_id: mit, role: 'lead', position: 0 }, { text: 'B', actor_id: id('Neu ohne'), role: 'partner', position: 1 },
      { text: 'C', actor_id: id('Neu ohne'), role: 'lead', position: 0 }, { text: 'C', actor_id: spaet, role: 'partner', position: 1 },
      { text: 'D', actor_id: spaet, role: 'lead', position: 0 },
    ]);
    const audit = await db.selectFrom('audit_log').select(['action', 'entity_id']).where('municipality_id', '=', m).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'plan.import', entity_id: planId });
  });
});
