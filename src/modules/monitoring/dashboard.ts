// The dashboard's figures, computed from plain rows: pure, so that the admin page, the public page and the
// yearly report (editions module) all show the same numbers for the same day.
import type { MeasureActorRef } from '../plan/index.js';
import { STATUS_CATEGORIES, type StatusCategory } from '../plan/index.js';
import { asDay, daysBetween, lastDayOf, monthsEndingWith } from './calendar.js';
import { overdueMeasures, type OverdueFinding } from './overdue.js';

/** The plan's last update round as the dashboard needs it (given by the rounds module). */
export interface LastRound {
  /** ISO timestamp */
  startedAt: string;
  /** YYYY-MM-DD */
  deadline: string;
  /** the lead actors it asked, and those of them that answered */
  askedActorIds: number[];
  answeredActorIds: number[];
}

/** Funding that ends within this many days is announced on the dashboard. */
export const FUNDING_WARNING_DAYS = 90;

export interface DashboardMeasure {
  id: number;
  number: string | null;
  text: string;
  field_id: number;
  goal_id: number | null;
  status_category: StatusCategory;
  status_label: string;
  status_date: string | null;
  timeframe_start: string | null;
  timeframe_end: string | null;
  actors: MeasureActorRef[];
  last_note_on: string | null;
  /** when the measure came into the plan (ISO timestamp), null or absent when unknown */
  in_plan_since?: string | null;
}

export interface FundingRow {
  id: number;
  measure_id: number;
  programme: string;
  amount_cents: number | null;
  start_date: string | null;
  end_date: string | null;
}

export interface IndicatorRow {
  id: number;
  name: string;
  unit: string;
  source: string;
  goal_id: number | null;
  guiding_goal_id: number | null;
  baseline_value: number | null;
  baseline_year: number | null;
  target_value: number | null;
  target_year: number | null;
  values: Array<{ period: string; value: number }>;
}

export interface DashboardSource {
  plan: { id: number; title: string; state: string };
  fields: Array<{ id: number; title: string; goalIds: number[] }>;
  measures: DashboardMeasure[];
  statusChanges: Array<{ measure_id: number; changed_at: string; from_label: string | null }>;
  notes: Array<{ measure_id: number; note_date: string | null; created_at: string }>;
  funding: FundingRow[];
  indicators: IndicatorRow[];
}

export interface DashboardOptions {
  /** only this field of action */
  fieldId?: number | null;
  /** the plan's last update round; without it no measure is overdue for a missing answer */
  lastRound?: LastRound | null;
  fundingWarningDays?: number;
}

export interface CategoryCount {
  category: StatusCategory;
  count: number;
}

export interface MeasureRef {
  id: number;
  number: string | null;
  text: string;
  fieldId: number;
  fieldTitle: string;
  status_category: StatusCategory;
  status_label: string;
}

export interface FundingWarning {
  kind: 'ending_soon' | 'ended_while_active';
  funding: FundingRow;
  measure: MeasureRef;
  /** days from today to the end date: 0…N when ending soon, negative when ended */
  daysLeft: number;
}

export interface IndicatorSummary extends IndicatorRow {
  latest: { period: string; value: number } | null;
  /** share of the way from baseline to target reached by the latest value (may be below 0 or above 1) */
  progress: number | null;
}

export interface DashboardData {
  plan: { id: number; title: string; state: string };
  field: { id: number; title: string } | null;
  /** the Berlin calendar day the figures are for */
  today: string;
  /** when the plan's last update round started (ISO timestamp), and its deadline (YYYY-MM-DD) */
  lastRoundStart: string | null;
  lastRoundDeadline: string | null;
  total: number;
  byCategory: CategoryCount[];
  /** completed or ongoing, as counts and as a share of all measures (0 when there are none) */
  done: { completed: number; ongoing: number; count: number; share: number };
  fields: Array<{ id: number; title: string; total: number; byCategory: CategoryCount[]; doneShare: number }>;
  actors: Array<{ id: number; name: string; lead: number; partner: number }>;
  changesPerMonth: Array<{ month: string; statusChanges: number; notes: number }>;
  overdue: Array<{ measure: MeasureRef; reasons: OverdueFinding[] }>;
  fundingWarnings: FundingWarning[];
  indicators: IndicatorSummary[];
}

/** How many overdue measures the dashboard lists; the rest are on the page of all overdue measures. */
export const DASHBOARD_OVERDUE_SHOWN = 20;

/** Overdue measures, the longest overdue first (the earliest date that passed); among equals the plan's order. */
export function longestOverdueFirst<O extends { reasons: readonly OverdueFinding[] }>(list: readonly O[]): O[] {
  const since = (o: O) => o.reasons.reduce((min, r) => (r.due < min ? r.due : min), '9999-12-31');
  return list.map((o, i) => ({ o, i, due: since(o) })).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.i - b.i)).map((x) => x.o);
}

const CLOSED = new Set<string>(['completed', 'discontinued']);
const ACTIVE = new Set<string>(['in_progress', 'ongoing']);

function countByCategory(measures: readonly { status_category: string }[]): CategoryCount[] {
  return STATUS_CATEGORIES.map((category) => ({ category, count: measures.filter((m) => m.status_category === category).length }));
}

const doneCount = (measures: readonly { status_category: string }[]) => measures.filter((m) => m.status_category === 'completed' || m.status_category === 'ongoing').length;

/** The month ("2026-03") a dated thing belongs to, or null when its date names no month ("2023"). */
function monthOf(value: string | null): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}$/.test(value)) return value;
  return asDay(value)?.slice(0, 7) ?? null;
}

/** Latest value of a series; periods of different precision compare by the last day they cover. */
export function latestValue(values: ReadonlyArray<{ period: string; value: number }>): { period: string; value: number } | null {
  let best: { period: string; value: number } | null = null;
  let bestDay = '';
  for (const v of values) {
    const day = lastDayOf(v.period) ?? '';
    if (day >= bestDay) {
      best = { period: v.period, value: v.value };
      bestDay = day;
    }
  }
  return best;
}

export function summarizeIndicator(row: IndicatorRow): IndicatorSummary {
  const latest = latestValue(row.values);
  const progress =
    latest && row.baseline_value !== null && row.target_value !== null && row.target_value !== row.baseline_value
      ? (latest.value - row.baseline_value) / (row.target_value - row.baseline_value)
      : null;
  return { ...row, latest, progress };
}

export function summarize(source: DashboardSource, today: Date | string, options: DashboardOptions = {}): DashboardData {
  const day = asDay(today);
  if (day === null) throw new RangeError(`not a day: ${String(today)}`);
  const field = options.fieldId ? source.fields.find((f) => f.id === options.fieldId) ?? null : null;
  const measures = field ? source.measures.filter((m) => m.field_id === field.id) : source.measures;
  const inScope = new Set(measures.map((m) => m.id));
  const fieldTitle = new Map(source.fields.map((f) => [f.id, f.title]));
  const ref = (m: DashboardMeasure): MeasureRef => ({
    id: m.id, number: m.number, text: m.text, fieldId: m.field_id, fieldTitle: fieldTitle.get(m.field_id) ?? '', status_category: m.status_category, status_label: m.status_label,
  });

  const actors = new Map<number, { id: number; name: string; lead: number; partner: number }>();
  for (const m of measures) {
    for (const a of m.actors) {
      const entry = actors.get(a.id) ?? { id: a.id, name: a.name, lead: 0, partner: 0 };
      entry[a.role] += 1;
      actors.set(a.id, entry);
    }
  }

  const months = monthsEndingWith(day, 12);
  const perMonth = new Map(months.map((month) => [month, { month, statusChanges: 0, notes: 0 }]));
  for (const ch of source.statusChanges) {
    // The first status a measure gets (on creation or import) is no change.
    if (ch.from_label === null || !inScope.has(ch.measure_id)) continue;
    const entry = perMonth.get(monthOf(ch.changed_at) ?? '');
    if (entry) entry.statusChanges += 1;
  }
  for (const n of source.notes) {
    // Only imported notes lack a date; when they were imported says nothing about the measure.
    if (!inScope.has(n.measure_id) || n.note_date === null) continue;
    const entry = perMonth.get(monthOf(n.note_date) ?? '');
    if (entry) entry.notes += 1;
  }

  const byId = new Map(measures.map((m) => [m.id, m]));
  const warnDays = options.fundingWarningDays ?? FUNDING_WARNING_DAYS;
  const fundingWarnings: FundingWarning[] = [];
  for (const f of source.funding) {
    const m = byId.get(f.measure_id);
    const end = f.end_date ? lastDayOf(f.end_date) : null;
    if (!m || end === null) continue;
    const daysLeft = daysBetween(day, end);
    if (daysLeft >= 0 && daysLeft <= warnDays && !CLOSED.has(m.status_category)) fundingWarnings.push({ kind: 'ending_soon', funding: f, measure: ref(m), daysLeft });
    else if (daysLeft < 0 && ACTIVE.has(m.status_category)) fundingWarnings.push({ kind: 'ended_while_active', funding: f, measure: ref(m), daysLeft });
  }
  fundingWarnings.sort((a, b) => a.daysLeft - b.daysLeft);

  const goalIds = field ? new Set(field.goalIds) : null;
  const indicators = source.indicators.filter((i) => !goalIds || (i.goal_id !== null && goalIds.has(i.goal_id))).map(summarizeIndicator);

  const done = doneCount(measures);
  return {
    plan: source.plan,
    field: field ? { id: field.id, title: field.title } : null,
    today: day,
    lastRoundStart: options.lastRound?.startedAt ?? null,
    lastRoundDeadline: options.lastRound?.deadline ?? null,
    total: measures.length,
    byCategory: countByCategory(measures),
    done: {
      completed: measures.filter((m) => m.status_category === 'completed').length,
      ongoing: measures.filter((m) => m.status_category === 'ongoing').length,
      count: done,
      share: measures.length ? done / measures.length : 0,
    },
    fields: source.fields
      .filter((f) => !field || f.id === field.id)
      .map((f) => {
        const own = measures.filter((m) => m.field_id === f.id);
        return { id: f.id, title: f.title, total: own.length, byCategory: countByCategory(own), doneShare: own.length ? doneCount(own) / own.length : 0 };
      }),
    actors: [...actors.values()].sort((a, b) => b.lead + b.partner - (a.lead + a.partner) || b.lead - a.lead || a.name.localeCompare(b.name, 'de')),
    changesPerMonth: [...perMonth.values()],
    overdue: overdueMeasures(
      measures.map((m) => ({ ...m, lead_actor_ids: m.actors.filter((a) => a.role === 'lead').map((a) => a.id) })),
      day,
      options.lastRound ?? null,
    ).map((o) => ({ measure: ref(o.measure), reasons: o.reasons })),
    fundingWarnings,
    indicators,
  };
}
