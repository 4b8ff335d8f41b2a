// The editions service on real databases: snapshots are frozen, comparisons read the history, and a new edition
// started from the last one carries its measures over with their origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';

const officer = { userId: null, name: 'Erika Mustermann' };
const origin = () => 'Übernommen';

describe.each(engines)('editions service on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('freezes the plan: later changes leave the edition as it was', async () => {
    const { municipalityId: mid, planId, measureId } = f.A;
    const id = await env.services.editions.create(mid, planId, { label: '1.0', adopted_on: '2025-03-12', paper_number: 'GR 12/2025', note: '' }, officer);
    env.now.value = new Date('2026-04-01T10:00:00Z');
    await env.services.plans.changeStatus(mid, measureId, { status_label: 'Abgeschlossen', status_category: null, note: 'Alle Kurse laufen als Regelangebot' }, officer);
    const edition = await env.services.editions.get(mid, id);
    const measure = edition.snapshot.fields[0].goals[0].measures[0];
    expect(measure).toMatchObject({ id: measureId, number: '1', status: { label: 'Wird fortgesetzt', category: 'ongoing' } });
    expect(measure.notes[0].text).toContain('Apfel');
    expect(edition).toMatchObject({ label: '1.0', adopted_on: '2025-03-12', paper_number: 'GR 12/2025', created_by: 'Erika Mustermann' });

    const { from, to, comparison } = await env.services.editions.compare(mid, { kind: 'plan', id: planId }, { kind: 'edition', id });
    expect(from.edition?.id).toBe(id);
    expect(to.edition).toBeNull();
    expect(comparison.statusChanges).toHaveLength(1);
    expect(comparison.statusChanges[0].reasons.map((r) => r.note)).toEqual(['Alle Kurse laufen als Regelangebot']);
    expect(comparison.statusChanges[0].to.label).toBe('Abgeschlossen');
  });

  it('starts the next edition from the last one; the copy is matched with its origin and leaves completed measures behind when asked', async () => {
    const { municipalityId: mid, planId } = f.A;
    const newPlanId = await env.services.editions.startNext(mid, planId, { title: 'Integrationsplan 2.0', edition: '2.0', omit_completed: true, omit_discontinued: false }, officer, (source, m) => `Aus ${source.title}, Nr. ${m.number ?? '–'}`);
    const tree = await env.services.plans.tree(mid, newPlanId);
    expect(tree.plan).toMatchObject({ state: 'draft', title: 'Integrationsplan 2.0', edition: '2.0' });
    const measures = [...tree.fields[0].goals[0].measures, ...tree.fields[0].furtherMeasures];
    // Measure 1 was completed above and stays behind; measure 2 and the further one come along.
    expect(measures.map((m) => m.text)).toEqual(['Sprachcafé Apfel für Geflüchteten-Familien', 'Weitere Idee Apfel']);
    expect(measures[0].actors.map((a) => a.name)).toEqual(['Kontaktstelle für Integration Amstadt']);
    expect(tree.guidingGoals.map((g) => g.text)).toEqual(['Leitziel Apfel']);
    expect(tree.fields[0].visions.map((v) => v.text)).toEqual(['Alle sprechen miteinander in Amstadt']);

    const detail = await env.services.plans.measureDetail(mid, measures[0].id);
    expect(detail.history.map((h) => h.note)).toEqual(['Aus Integrationsplan Amstadt, Nr. 2']);
    expect(detail.measure.status_label).toBe('In Planung ab 2027');

    const last = await env.services.editions.lastEdition(mid, newPlanId);
    expect(last?.label).toBe('1.0');
    const { changes } = await env.services.editions.sinceLastEdition(mid, newPlanId);
    expect(changes!.comparison.added).toEqual([]);
    expect(changes!.comparison.removed.map((p) => p.measure.number)).toEqual(['1']);
    expect(changes!.comparison.changed).toEqual([]);
  });

  it('copies notes with their dates and links goals to the copied guiding goals', async () => {
    const { municipalityId: mid, planId, goalId, guidingGoalId } = f.B;
    await env.services.plans.updateGoal(mid, goalId, { text: 'Mehr Sprachkursangebote für Geflüchtete in Bedorf', number: null, guiding_goal_id: guidingGoalId }, officer);
    const newPlanId = await env.services.editions.startNext(mid, planId, { title: 'Neu', edition: '', omit_completed: false, omit_discontinued: false }, officer, origin);
    const tree = await env.services.plans.tree(mid, newPlanId);
    expect(tree.fields[0].goals[0].guiding_goal_id).toBe(tree.guidingGoals[0].id);
    expect(tree.guidingGoals[0].id).not.toBe(guidingGoalId);
    const exchange = await env.services.plans.exchange(mid, newPlanId);
    expect(exchange.fields[0].goals[0].measures[0].notes).toEqual([{ text: 'Kurs Birnenkompott durchgeführt', date: '2023' }]);
  });

  it('keeps each municipality to itself', async () => {
    const id = await env.services.editions.create(f.B.municipalityId, f.B.planId, { label: 'B', adopted_on: null, paper_number: '', note: '' }, officer);
    await expect(env.services.editions.get(f.A.municipalityId, id)).rejects.toThrow(/not found/);
    await expect(env.services.editions.create(f.A.municipalityId, f.B.planId, { label: 'x', adopted_on: null, paper_number: '', note: '' }, officer)).rejects.toThrow(/not found/);
    await expect(env.services.editions.compare(f.A.municipalityId, { kind: 'edition', id }, { kind: 'plan', id: f.A.planId })).rejects.toThrow(/not found/);
    expect((await env.services.editions.list(f.A.municipalityId)).map((e) => e.label)).not.toContain('B');
  });
});
