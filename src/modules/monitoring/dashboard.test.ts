// The dashboard's figures from plain rows: field filter, shares, actors, changes per Berlin month, funding
// warnings around their boundaries and indicators against their targets.
import { describe, expect, it } from 'vitest';
import { latestValue, summarize, summarizeIndicator, type DashboardMeasure, type DashboardSource, type IndicatorRow } from './dashboard.js';

const measure = (id: number, field: number, category: DashboardMeasure['status_category'], over: Partial<DashboardMeasure> = {}): DashboardMeasure => ({
  id, number: String(id), text: `M${id}`, field_id: field, goal_id: null, status_category: category, status_label: '', status_date: null,
  timeframe_start: null, timeframe_end: null, actors: [], last_note_on: null, ...over,
});

const base = (): DashboardSource => ({
  plan: { id: 1, title: 'Plan', state: 'published' },
  fields: [{ id: 10, title: 'Sprache', goalIds: [100] }, { id: 11, title: 'Arbeit', goalIds: [101] }],
  measures: [
    measure(1, 10, 'completed', { actors: [{ id: 7, name: 'VHS', parentName: null, role: 'lead' }] }),
    measure(2, 10, 'ongoing', { actors: [{ id: 8, name: 'Jobcenter', parentName: null, role: 'lead' }, { id: 7, name: 'VHS', parentName: null, role: 'partner' }] }),
    measure(3, 11, 'planned', { timeframe_end: '2025-12' }),
    measure(4, 11, 'in_progress'),
  ],
  statusChanges: [],
  notes: [],
  funding: [],
  indicators: [],
});

describe('summarize', () => {
  it('counts the plan and each field; shares of completed or ongoing', () => {
    const d = summarize(base(), '2026-03-01');
    expect(d.total).toBe(4);
    expect(d.done).toEqual({ completed: 1, ongoing: 1, count: 2, share: 0.5 });
    expect(d.fields.map((f) => [f.title, f.total, f.doneShare])).toEqual([['Sprache', 2, 1], ['Arbeit', 2, 0]]);
    expect(d.byCategory.reduce((s, c) => s + c.count, 0)).toBe(4);
  });

  it('narrows everything to one field', () => {
    const src = base();
    src.funding = [{ id: 1, measure_id: 4, programme: 'P', amount_cents: null, start_date: null, end_date: '2026-03-10' }];
    src.indicators = [
      { id: 1, name: 'Sprache', unit: '', source: '', goal_id: 100, guiding_goal_id: null, baseline_value: null, baseline_year: null, target_value: null, target_year: null, values: [] },
      { id: 2, name: 'Plan-weit', unit: '', source: '', goal_id: null, guiding_goal_id: 5, baseline_value: null, baseline_year: null, target_value: null, target_year: null, values: [] },
    ];
    const d = summarize(src, '2026-03-01', { fieldId: 10 });
    expect(d.field).toEqual({ id: 10, title: 'Sprache' });
    expect(d.total).toBe(2);
    expect(d.fields.map((f) => f.id)).toEqual([10]);
    expect(d.overdue).toEqual([]);
    expect(d.fundingWarnings).toEqual([]);
    expect(d.indicators.map((i) => i.name)).toEqual(['Sprache']);
    expect(summarize(src, '2026-03-01').indicators).toHaveLength(2);
  });

  it('counts actors as lead and partner, most involved first', () => {
    expect(summarize(base(), '2026-03-01').actors).toEqual([
      { id: 7, name: 'VHS', lead: 1, partner: 1 },
      { id: 8, name: 'Jobcenter', lead: 1, partner: 0 },
    ]);
  });

  it('puts changes into Berlin months and leaves out first statuses and undated notes', () => {
    const src = base();
    src.statusChanges = [
      { measure_id: 1, changed_at: '2026-01-31T22:59:59Z', from_label: 'x' }, // 23:59 in Berlin: January
      { measure_id: 1, changed_at: '2026-01-31T23:00:00Z', from_label: 'x' }, // 00:00 in Berlin: February
      { measure_id: 2, changed_at: '2026-02-10T10:00:00Z', from_label: null }, // the first status: no change
      { measure_id: 2, changed_at: '2025-03-31T10:00:00Z', from_label: 'x' }, // 13 months ago: outside
    ];
    src.notes = [
      { measure_id: 1, note_date: '2026-02-14', created_at: '2026-02-15T10:00:00Z' },
      { measure_id: 1, note_date: '2025-06', created_at: '2026-02-15T10:00:00Z' }, // a month: counted there
      { measure_id: 1, note_date: '2025', created_at: '2026-02-15T10:00:00Z' }, // a year names no month
      { measure_id: 1, note_date: null, created_at: '2026-02-15T10:00:00Z' }, // imported without a date
    ];
    const months = Object.fromEntries(summarize(src, '2026-03-01').changesPerMonth.map((m) => [m.month, [m.statusChanges, m.notes]]));
    expect(Object.keys(months)).toHaveLength(12);
    expect(months['2026-01']).toEqual([1, 0]);
    expect(months['2026-02']).toEqual([1, 1]);
    expect(months['2025-06']).toEqual([0, 1]);
    expect(months['2025-04']).toEqual([0, 0]);
    expect(months['2025-03']).toBeUndefined();
  });

  describe('funding warnings', () => {
    const warn = (category: DashboardMeasure['status_category'], end: string, today = '2026-03-01', days?: number) => {
      const src = base();
      src.measures = [measure(9, 10, category)];
      src.funding = [{ id: 1, measure_id: 9, programme: 'P', amount_cents: 100, start_date: null, end_date: end }];
      return summarize(src, today, { fundingWarningDays: days }).fundingWarnings.map((w) => `${w.kind}:${w.daysLeft}`);
    };
    it('ending within 90 days: day 90 warns, day 91 does not', () => {
      expect(warn('ongoing', '2026-05-30')).toEqual(['ending_soon:90']);
      expect(warn('ongoing', '2026-05-31')).toEqual([]);
    });
    it('ending today still counts as ending soon; yesterday it ended', () => {
      expect(warn('in_progress', '2026-03-01')).toEqual(['ending_soon:0']);
      expect(warn('in_progress', '2026-02-28')).toEqual(['ended_while_active:-1']);
    });
    it('ended funding matters only while the measure goes on', () => {
      expect(warn('ongoing', '2025-12-31')).toEqual(['ended_while_active:-60']);
      expect(warn('completed', '2025-12-31')).toEqual([]);
      expect(warn('planned', '2025-12-31')).toEqual([]);
    });
    it('a finished or dropped measure needs no warning before its funding ends', () => {
      expect(warn('completed', '2026-03-10')).toEqual([]);
      expect(warn('discontinued', '2026-03-10')).toEqual([]);
      expect(warn('planned', '2026-03-10')).toEqual(['ending_soon:9']);
    });
    it('the window is configurable', () => {
      expect(warn('ongoing', '2026-03-10', '2026-03-01', 5)).toEqual([]);
      expect(warn('ongoing', '2026-03-06', '2026-03-01', 5)).toEqual(['ending_soon:5']);
    });
    it('funding without an end gives no warning', () => {
      const src = base();
      src.funding = [{ id: 1, measure_id: 2, programme: 'P', amount_cents: null, start_date: '2020-01-01', end_date: null }];
      expect(summarize(src, '2026-03-01').fundingWarnings).toEqual([]);
    });
  });

  it('lists overdue measures with their field', () => {
    const d = summarize(base(), '2026-01-01');
    expect(d.overdue).toEqual([{ measure: expect.objectContaining({ id: 3, fieldTitle: 'Arbeit' }), reasons: [{ reason: 'end_passed', due: '2025-12-31' }] }]);
    expect(summarize(base(), '2025-12-31').overdue).toEqual([]);
  });
});

describe('indicators', () => {
  const row = (over: Partial<IndicatorRow>): IndicatorRow => ({
    id: 1, name: 'K', unit: '', source: '', goal_id: 1, guiding_goal_id: null, baseline_value: 1000, baseline_year: 2021, target_value: 1500, target_year: 2030, values: [], ...over,
  });
  it('the latest value is the one of the latest period, whatever its precision', () => {
    expect(latestValue([{ period: '2024', value: 1 }, { period: '2024-06-30', value: 2 }, { period: '2023-12-31', value: 3 }])).toEqual({ period: '2024', value: 1 });
    expect(latestValue([{ period: '2025-01-01', value: 5 }, { period: '2024', value: 1 }])).toEqual({ period: '2025-01-01', value: 5 });
    expect(latestValue([])).toBeNull();
  });
  it('progress is the share of the way from baseline to target', () => {
    expect(summarizeIndicator(row({ values: [{ period: '2024', value: 1200 }] })).progress).toBeCloseTo(0.4);
    // a falling target (fewer long-term unemployed)
    expect(summarizeIndicator(row({ baseline_value: 500, target_value: 300, values: [{ period: '2024', value: 450 }] })).progress).toBeCloseTo(0.25);
    expect(summarizeIndicator(row({ values: [] })).progress).toBeNull();
    expect(summarizeIndicator(row({ baseline_value: null, values: [{ period: '2024', value: 1 }] })).progress).toBeNull();
    expect(summarizeIndicator(row({ target_value: 1000, values: [{ period: '2024', value: 1 }] })).progress).toBeNull();
  });
});
