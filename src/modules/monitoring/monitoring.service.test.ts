// The dashboard's figures from a real database (SQLite and PostgreSQL), through the public API the report uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { allMeasures } from '../plan/index.js';
import { dashboardData } from './index.js';

const by = { userId: null, name: 'Test' };

describe.each(engines)('monitoring service on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('counts the plan by category, per field and per actor', async () => {
    const d = await dashboardData(env.services, f.A.municipalityId, f.A.planId, '2026-03-01');
    expect(d.total).toBe(3);
    expect(Object.fromEntries(d.byCategory.filter((c) => c.count).map((c) => [c.category, c.count]))).toEqual({ ongoing: 1, planned: 1, unknown: 1 });
    expect(d.done).toEqual({ completed: 0, ongoing: 1, count: 1, share: 1 / 3 });
    expect(d.fields).toHaveLength(1);
    expect(d.fields[0].total).toBe(3);
    expect(d.actors.map((a) => [a.name, a.lead, a.partner])).toEqual([
      ['Kontaktstelle für Integration Amstadt', 1, 0],
      ['VHS Amstadt', 1, 0],
      ['Jobcenter Amstadt', 0, 1],
    ]);
    expect(d.today).toBe('2026-03-01');
    expect(d.changesPerMonth.map((m) => m.month)).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
  });

  it('finds the measure planned for 2027 overdue from 2028 on, and unanswered measures after a round\'s deadline', async () => {
    expect((await dashboardData(env.services, f.A.municipalityId, f.A.planId, '2027-12-31')).overdue).toEqual([]);
    const late = await dashboardData(env.services, f.A.municipalityId, f.A.planId, '2028-01-01');
    expect(late.overdue.map((o) => [o.measure.text, o.reasons.map((r) => r.reason)])).toEqual([[`Sprachcafé Apfel für Geflüchteten-Familien`, ['planned_date_passed']]]);
    const leads = allMeasures(await env.services.plans.tree(f.A.municipalityId, f.A.planId)).flatMap((m) => m.actors.filter((a) => a.role === 'lead').map((a) => a.id));
    // the round began after the measures came into the plan (seeded at 10:00 UTC on 1 March); its deadline was 9 March
    const lastRound = { startedAt: '2026-03-01T12:00:00Z', deadline: '2026-03-09', askedActorIds: leads, answeredActorIds: [] };
    const afterRound = await env.services.monitoring.dashboard(f.A.municipalityId, f.A.planId, { today: '2026-03-10', lastRound });
    // the note of measure 1 is dated 2023, measure 2 has none; the third has no lead actor, so nobody was asked about it
    expect(afterRound.overdue.map((o) => [o.measure.number, o.reasons.map((r) => `${r.reason}@${r.due}`)])).toEqual([['1', ['no_answer_by_deadline@2026-03-09']], ['2', ['no_answer_by_deadline@2026-03-09']]]);
    expect((await env.services.monitoring.dashboard(f.A.municipalityId, f.A.planId, { today: '2026-03-09', lastRound })).overdue).toEqual([]);
  });

  it('counts status changes and notes in the month they happened, not the first status', async () => {
    env.now.value = new Date('2026-02-10T10:00:00Z');
    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Abgeschlossen', status_category: null, note: '' }, by);
    await env.services.plans.addNote(f.A.municipalityId, f.A.measureId, { text: 'Kurs beendet', note_date: '2026-01-20' }, by);
    const d = await dashboardData(env.services, f.A.municipalityId, f.A.planId, '2026-03-01');
    const byMonth = Object.fromEntries(d.changesPerMonth.map((m) => [m.month, [m.statusChanges, m.notes]]));
    expect(byMonth['2026-02']).toEqual([1, 0]);
    expect(byMonth['2026-01']).toEqual([0, 1]);
    expect(d.changesPerMonth.reduce((s, m) => s + m.statusChanges + m.notes, 0)).toBe(2);
    expect(d.done.completed).toBe(1);
  });

  it('warns about funding ending within 90 days and funding that ended while the measure goes on', async () => {
    const tree = await env.services.plans.tree(f.A.municipalityId, f.A.planId);
    const planned = tree.fields[0].goals[0].measures[1];
    await env.services.monitoring.createFunding(f.A.municipalityId, planned.id, { programme: 'Bundesprogramm Sprache', amount: 1_250_000, start_date: '2025-01-01', end_date: '2026-05-30' }, by);
    await env.services.monitoring.createFunding(f.A.municipalityId, planned.id, { programme: 'Später', amount: null, start_date: null, end_date: '2026-05-31' }, by);
    const d = await dashboardData(env.services, f.A.municipalityId, f.A.planId, '2026-03-01');
    // 2026-03-01 + 90 days = 2026-05-30: the first ends on the last day of the window, the second one day after
    expect(d.fundingWarnings.map((w) => [w.funding.programme, w.kind, w.daysLeft, w.funding.amount_cents])).toEqual([['Bundesprogramm Sprache', 'ending_soon', 90, 1_250_000]]);
  });

  it('takes the last update round from the rounds module: nothing is overdue because of it before its deadline', async () => {
    const own = await createTestEnv(engine);
    try {
      const fx = await seedTwoMunicipalities(own);
      const before = await dashboardData(own.services, fx.A.municipalityId, fx.A.planId, '2026-03-10');
      expect(before.lastRoundStart).toBeNull();
      expect(before.overdue).toEqual([]);
      own.now.value = new Date('2026-03-02T09:00:00Z');
      const amstadt = await own.services.municipalities.getBySlug(fx.A.slug);
      await own.services.rounds.start(amstadt, { plan_id: fx.A.planId, title: 'Sachstand 2026', deadline: '2026-04-30' }, by);
      // minutes after the start, and every day up to the deadline: no measure is overdue because of the round
      own.now.value = new Date('2026-03-02T09:05:00Z');
      const minutesLater = await dashboardData(own.services, fx.A.municipalityId, fx.A.planId);
      expect(minutesLater.lastRoundStart).toBe('2026-03-02T09:00:00.000Z');
      expect(minutesLater.lastRoundDeadline).toBe('2026-04-30');
      expect(minutesLater.overdue).toEqual([]);
      expect((await dashboardData(own.services, fx.A.municipalityId, fx.A.planId, '2026-04-30')).overdue).toEqual([]);
      // a measure added while the round runs was asked about by nobody
      own.now.value = new Date('2026-03-05T09:00:00Z');
      const goalId = (await own.services.plans.tree(fx.A.municipalityId, fx.A.planId)).fields[0].goals[0].id;
      const fieldId = (await own.services.plans.tree(fx.A.municipalityId, fx.A.planId)).fields[0].id;
      await own.services.plans.createMeasure(fx.A.municipalityId, fieldId, {
        text: 'Neu während der Abfrage', number: null, is_further: false, field_id: fieldId, goal_id: goalId, status_label: 'Läuft', status_category: 'ongoing',
        timeframe_start: null, timeframe_end: null, target_groups: '', lead_actor_id: fx.A.actorId, partner_actor_ids: [],
      }, by);
      // the day after the deadline: the two measures with a lead actor that did not answer, due on the deadline
      const after = await dashboardData(own.services, fx.A.municipalityId, fx.A.planId, '2026-05-01');
      expect(after.overdue.map((o) => [o.measure.number, o.reasons.map((r) => `${r.reason}@${r.due}`)])).toEqual([
        ['1', ['no_answer_by_deadline@2026-04-30']], ['2', ['no_answer_by_deadline@2026-04-30']],
      ]);
      // B has no round
      expect((await dashboardData(own.services, fx.B.municipalityId, fx.B.planId, '2026-03-10')).lastRoundStart).toBeNull();
    } finally {
      await own.close();
    }
  });

  it('reads only its own municipality and rejects a plan of another', async () => {
    await expect(dashboardData(env.services, f.A.municipalityId, f.B.planId, '2026-03-01')).rejects.toThrow(/not found/);
    const b = await dashboardData(env.services, f.B.municipalityId, f.B.planId, '2026-03-01');
    expect(b.fundingWarnings).toEqual([]);
    expect(JSON.stringify(b)).not.toContain('Apfel');
  });
});
