// Use cases of the monitoring module: the dashboard's figures, yearly priorities, indicators and the
// funding of measures. The only writer of its tables; every write runs in one transaction with its audit
// entry. Plans, fields, goals and measures are read through the plan service.
import type { Kysely, Transaction } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites, AuditSpec } from '../../platform/audit/audited.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { allMeasures, type Measure, type PlanTree } from '../plan/index.js';
import type { PlanService } from '../plan/index.js';
import { STATUS_CATEGORIES, type StatusCategory } from '../plan/index.js';
import { addDays, berlinDay, monthsEndingWith } from './calendar.js';
import { summarize, summarizeIndicator, type DashboardData, type LastRound, type DashboardSource, type IndicatorRow, type IndicatorSummary } from './dashboard.js';
import type { SeriesPoint } from './indicator.csv.js';
import type { FundingInput, IndicatorInput, IndicatorValueInput, PriorityInput } from './monitoring.schema.js';
import * as repo from './monitoring.repository.js';
import { latestNoteOn } from './overdue.js';

type Trx = Transaction<Database>;

/** The plan's last update round (start, deadline, asked and answering lead actors), or null; provided by the rounds module. */
export type LastRoundOf = (municipalityId: number, planId: number) => Promise<LastRound | null>;

export interface DashboardQuery {
  /** the day the figures are for; default: today in Berlin */
  today?: Date | string;
  fieldId?: number | null;
  /** overrides the rounds module's answer */
  lastRound?: LastRound | null;
  /** the plan as the caller loaded it already (it must be the plan of `planId`) */
  tree?: PlanTree;
}

export interface IndicatorDetail extends IndicatorSummary {
  plan_id: number;
  anchorText: string;
  anchorKind: 'goal' | 'guiding';
  valueRows: Array<{ id: number; period: string; value: number }>;
}

export interface PriorityView {
  id: number;
  plan_id: number;
  year: number;
  title: string;
  description: string;
  guidingGoal: { id: number; text: string; target_year: number | null } | null;
  goals: Array<{ id: number; text: string; fieldTitle: string }>;
  measures: Array<{ id: number; number: string | null; text: string; status_category: StatusCategory; status_label: string }>;
  /** measures linked directly or through a linked goal, counted by category */
  progress: { total: number; done: number; byCategory: Array<{ category: StatusCategory; count: number }> };
}

export class MonitoringService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly plans: PlanService,
    private readonly lastRoundOf: LastRoundOf = async () => null,
  ) {}

  private now() {
    return this.clock().toISOString();
  }

  /** Today as the municipality's calendar counts it. */
  today(): string {
    return berlinDay(this.clock());
  }

  private write<R>(municipalityId: number, by: Writer, audit: AuditSpec, fn: (trx: Trx) => Promise<R>): Promise<R> {
    return this.audit.write(municipalityId, by, audit, ({ trx }) => fn(trx));
  }

  // ---- dashboard ----------------------------------------------------------------------------------------

  /** Everything the dashboard shows for a plan (or one of its fields) on a day. */
  async dashboard(municipalityId: number, planId: number, query: DashboardQuery = {}): Promise<DashboardData> {
    return (await this.dashboardWithTree(municipalityId, planId, query)).data;
  }

  /**
   * The dashboard's figures and the plan they come from. The plan, the last round and the monitoring rows are
   * read side by side (none needs another's answer). A field not in the plan is unknown (404), or with
   * `otherField: 'whole plan'` (a field left over when the admin switches plans) means the whole plan.
   */
  async dashboardWithTree(
    municipalityId: number,
    planId: number,
    query: DashboardQuery & { otherField?: 'unknown' | 'whole plan' } = {},
  ): Promise<{ data: DashboardData; tree: PlanTree }> {
    const today = query.today ?? this.clock();
    const day = typeof today === 'string' ? today : berlinDay(today);
    const [tree, lastRound, rows] = await Promise.all([
      query.tree?.plan.id === planId ? query.tree : this.plans.tree(municipalityId, planId),
      query.lastRound !== undefined ? query.lastRound : this.lastRoundOf(municipalityId, planId),
      this.sourceRows(municipalityId, planId, day),
    ]);
    let fieldId = query.fieldId ?? null;
    if (fieldId !== null && !tree.fields.some((f) => f.id === fieldId)) {
      if (query.otherField === 'whole plan') fieldId = null;
      else throw new NotFoundError('field');
    }
    return { data: summarize(this.source(tree, rows), today, { fieldId, lastRound }), tree };
  }

  /** The monitoring rows of a plan the dashboard counts (they need nothing of the plan's tree). */
  private async sourceRows(municipalityId: number, planId: number, day: string) {
    // A day's margin before the first month: changed_at is UTC, the months are Berlin's.
    const since = addDays(`${monthsEndingWith(day, 12)[0]}-01`, -1);
    const [notes, statusChanges, funding, indicators, inPlanSince] = await Promise.all([
      repo.notesOfPlan(this.db, municipalityId, planId),
      repo.statusChangesOfPlan(this.db, municipalityId, planId, since),
      repo.fundingOfPlan(this.db, municipalityId, planId),
      this.indicatorRows(municipalityId, planId),
      repo.measuresInPlanSince(this.db, municipalityId, planId),
    ]);
    return { notes, statusChanges, funding, indicators, inPlanSince };
  }

  private source(tree: PlanTree, rows: Awaited<ReturnType<MonitoringService['sourceRows']>>): DashboardSource {
    const { notes, statusChanges, funding, indicators, inPlanSince } = rows;
    const notesBy = new Map<number, typeof notes>();
    for (const n of notes) {
      const list = notesBy.get(n.measure_id);
      if (list) list.push(n);
      else notesBy.set(n.measure_id, [n]);
    }
    return {
      plan: { id: tree.plan.id, title: tree.plan.title, state: tree.plan.state },
      fields: tree.fields.map((f) => ({ id: f.id, title: f.title, goalIds: f.goals.map((g) => g.id) })),
      measures: allMeasures(tree).map((m: Measure) => ({
        id: m.id, number: m.number, text: m.text, field_id: m.field_id, goal_id: m.goal_id, status_category: m.status_category, status_label: m.status_label,
        status_date: m.status_date, timeframe_start: m.timeframe_start, timeframe_end: m.timeframe_end, actors: m.actors,
        last_note_on: latestNoteOn(notesBy.get(m.id) ?? []), in_plan_since: inPlanSince.get(m.id) ?? null,
      })),
      statusChanges,
      notes,
      funding: funding.map((f) => ({ ...f, amount_cents: f.amount_cents === null ? null : Number(f.amount_cents) })),
      indicators,
    };
  }

  // ---- funding ------------------------------------------------------------------------------------------

  /** Every funding entry of a plan's measures, the soonest ending first (the yearly report lists them). */
  async fundingOfPlan(municipalityId: number, planId: number) {
    const rows = await repo.fundingOfPlan(this.db, municipalityId, planId);
    return rows.map((f) => ({ ...f, amount_cents: f.amount_cents === null ? null : Number(f.amount_cents) }));
  }

  async fundingOf(municipalityId: number, measureId: number) {
    const rows = await repo.fundingOfMeasure(this.db, municipalityId, measureId);
    return rows.map((f) => ({ ...f, amount_cents: f.amount_cents === null ? null : Number(f.amount_cents) }));
  }

  async getFunding(municipalityId: number, id: number) {
    const row = await repo.findFunding(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('funding');
    return { ...row, amount_cents: row.amount_cents === null ? null : Number(row.amount_cents) };
  }

  async createFunding(municipalityId: number, measureId: number, input: FundingInput, by: Writer): Promise<number> {
    await this.plans.getMeasure(municipalityId, measureId);
    return this.write(municipalityId, by, { action: 'funding.create', entityType: 'funding', after: { measureId, ...input } }, (trx) =>
      repo.insertFunding(trx, municipalityId, measureId, fundingColumns(input), this.now()),
    );
  }

  async updateFunding(municipalityId: number, id: number, input: FundingInput, by: Writer): Promise<void> {
    const before = await this.getFunding(municipalityId, id);
    await this.write(municipalityId, by, { action: 'funding.update', entityType: 'funding', entityId: id, before, after: input }, (trx) =>
      repo.updateFunding(trx, municipalityId, id, fundingColumns(input)),
    );
  }

  async deleteFunding(municipalityId: number, id: number, by: Writer): Promise<void> {
    const before = await this.getFunding(municipalityId, id);
    await this.write(municipalityId, by, { action: 'funding.delete', entityType: 'funding', entityId: id, before }, (trx) => repo.deleteFunding(trx, municipalityId, id));
  }

  // ---- indicators ---------------------------------------------------------------------------------------

  private async indicatorRows(municipalityId: number, planId: number): Promise<IndicatorRow[]> {
    const rows = await repo.listIndicators(this.db, municipalityId, planId);
    const values = await repo.valuesOf(this.db, municipalityId, rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id, name: r.name, unit: r.unit, source: r.source, goal_id: r.goal_id, guiding_goal_id: r.guiding_goal_id,
      baseline_value: r.baseline_value, baseline_year: r.baseline_year, target_value: r.target_value, target_year: r.target_year,
      values: values.filter((v) => v.indicator_id === r.id).map((v) => ({ period: v.period, value: Number(v.value) })),
    }));
  }

  /** The plan's indicators with their latest value, each with the goal or guiding goal it belongs to. */
  async indicators(municipalityId: number, planId: number): Promise<Array<IndicatorSummary & { anchorText: string }>> {
    const tree = await this.plans.tree(municipalityId, planId);
    const anchors = anchorTexts(tree);
    return (await this.indicatorRows(municipalityId, planId)).map((r) => ({ ...summarizeIndicator(r), anchorText: anchors.get(anchorKey(r)) ?? '' }));
  }

  async getIndicator(municipalityId: number, id: number): Promise<IndicatorDetail> {
    const row = await repo.findIndicator(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('indicator');
    const tree = await this.plans.tree(municipalityId, row.plan_id);
    const valueRows = (await repo.valuesOf(this.db, municipalityId, [id])).map((v) => ({ id: v.id, period: v.period, value: Number(v.value) }));
    const summary = summarizeIndicator({ ...row, values: valueRows.map((v) => ({ period: v.period, value: v.value })) });
    return {
      ...summary,
      plan_id: row.plan_id,
      anchorKind: row.goal_id !== null ? 'goal' : 'guiding',
      anchorText: anchorTexts(tree).get(anchorKey(row)) ?? '',
      valueRows,
    };
  }

  /** The goal or guiding goal must belong to the plan. */
  private async anchorOf(municipalityId: number, planId: number, input: IndicatorInput) {
    const tree = await this.plans.tree(municipalityId, planId);
    const ok =
      input.anchor.kind === 'goal'
        ? tree.fields.some((f) => f.goals.some((g) => g.id === input.anchor.id))
        : tree.guidingGoals.some((g) => g.id === input.anchor.id);
    if (!ok) throw new InvalidInputError({ anchor: 'errors.choiceInvalid' });
    return input.anchor.kind === 'goal' ? { goal_id: input.anchor.id, guiding_goal_id: null } : { goal_id: null, guiding_goal_id: input.anchor.id };
  }

  private static columns(input: IndicatorInput) {
    return {
      name: input.name, unit: input.unit, source: input.source, baseline_value: input.baseline_value, baseline_year: input.baseline_year,
      target_value: input.target_value, target_year: input.target_year,
    };
  }

  async createIndicator(municipalityId: number, planId: number, input: IndicatorInput, by: Writer): Promise<number> {
    await this.plans.getPlan(municipalityId, planId);
    const anchor = await this.anchorOf(municipalityId, planId, input);
    return this.write(municipalityId, by, { action: 'indicator.create', entityType: 'indicator', after: input }, (trx) =>
      repo.insertIndicator(trx, municipalityId, planId, { ...anchor, ...MonitoringService.columns(input) }, this.now()),
    );
  }

  async updateIndicator(municipalityId: number, id: number, input: IndicatorInput, by: Writer): Promise<void> {
    const before = await repo.findIndicator(this.db, municipalityId, id);
    if (!before) throw new NotFoundError('indicator');
    const anchor = await this.anchorOf(municipalityId, before.plan_id, input);
    await this.write(municipalityId, by, { action: 'indicator.update', entityType: 'indicator', entityId: id, before, after: input }, (trx) =>
      repo.updateIndicator(trx, municipalityId, id, { ...anchor, ...MonitoringService.columns(input) }),
    );
  }

  async deleteIndicator(municipalityId: number, id: number, by: Writer): Promise<void> {
    const before = await repo.findIndicator(this.db, municipalityId, id);
    if (!before) throw new NotFoundError('indicator');
    await this.write(municipalityId, by, { action: 'indicator.delete', entityType: 'indicator', entityId: id, before }, (trx) => repo.deleteIndicator(trx, municipalityId, id));
  }

  async putValue(municipalityId: number, indicatorId: number, input: IndicatorValueInput, by: Writer): Promise<void> {
    await this.getIndicator(municipalityId, indicatorId);
    await this.write(municipalityId, by, { action: 'indicator.value', entityType: 'indicator', entityId: indicatorId, after: input }, (trx) =>
      repo.putValue(trx, municipalityId, indicatorId, input.period, input.value, this.now()),
    );
  }

  async deleteValue(municipalityId: number, indicatorId: number, valueId: number, by: Writer): Promise<void> {
    const before = await repo.findValue(this.db, municipalityId, indicatorId, valueId);
    if (!before) throw new NotFoundError('indicator value');
    await this.write(municipalityId, by, { action: 'indicator.value_delete', entityType: 'indicator', entityId: indicatorId, before }, (trx) =>
      repo.deleteValue(trx, municipalityId, indicatorId, valueId),
    );
  }

  /** A whole series from a file: every point or none. Periods already recorded get the new value. */
  async importValues(municipalityId: number, indicatorId: number, points: readonly SeriesPoint[], by: Writer, fileName: string): Promise<void> {
    await this.getIndicator(municipalityId, indicatorId);
    await this.write(municipalityId, by, { action: 'indicator.values_import', entityType: 'indicator', entityId: indicatorId, after: { file: fileName, values: points.length } }, async (trx) => {
      for (const p of points) await repo.putValue(trx, municipalityId, indicatorId, p.period, p.value, this.now());
    });
  }

  // ---- yearly priorities --------------------------------------------------------------------------------

  priorityYears(municipalityId: number, planId: number) {
    return repo.priorityYears(this.db, municipalityId, planId);
  }

  /** The plan's priorities (of one year, or all), with what they link to and how far those measures are. */
  async priorities(municipalityId: number, planId: number, year?: number): Promise<PriorityView[]> {
    const tree = await this.plans.tree(municipalityId, planId);
    const rows = await repo.listPriorities(this.db, municipalityId, planId, year);
    const links = await repo.linksOf(this.db, municipalityId, rows.map((r) => r.id));
    return rows.map((r) => view(tree, r, links.filter((l) => l.priority_id === r.id)));
  }

  async getPriority(municipalityId: number, id: number): Promise<PriorityView> {
    const row = await repo.findPriority(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('priority');
    const tree = await this.plans.tree(municipalityId, row.plan_id);
    return view(tree, row, await repo.linksOf(this.db, municipalityId, [id]));
  }

  /** Guiding goal, goals and measures must all belong to the priority's plan. */
  private async checkLinks(municipalityId: number, planId: number, input: PriorityInput): Promise<void> {
    const tree = await this.plans.tree(municipalityId, planId);
    const goals = new Set(tree.fields.flatMap((f) => f.goals.map((g) => g.id)));
    const measures = new Set(allMeasures(tree).map((m) => m.id));
    const errors: Record<string, string> = {};
    if (input.guiding_goal_id !== null && !tree.guidingGoals.some((g) => g.id === input.guiding_goal_id)) errors.guiding_goal_id = 'errors.choiceInvalid';
    if (input.goal_ids.some((id) => !goals.has(id))) errors.goal_ids = 'errors.choiceInvalid';
    if (input.measure_ids.some((id) => !measures.has(id))) errors.measure_ids = 'errors.choiceInvalid';
    if (Object.keys(errors).length) throw new InvalidInputError(errors);
  }

  async createPriority(municipalityId: number, planId: number, input: PriorityInput, by: Writer): Promise<number> {
    await this.plans.getPlan(municipalityId, planId);
    await this.checkLinks(municipalityId, planId, input);
    return this.write(municipalityId, by, { action: 'priority.create', entityType: 'priority', after: input }, async (trx) => {
      const id = await repo.insertPriority(trx, municipalityId, planId, priorityColumns(input), this.now());
      await repo.replaceLinks(trx, municipalityId, id, input.goal_ids, input.measure_ids);
      return id;
    });
  }

  async updatePriority(municipalityId: number, id: number, input: PriorityInput, by: Writer): Promise<void> {
    const before = await this.getPriority(municipalityId, id);
    await this.checkLinks(municipalityId, before.plan_id, input);
    const beforeAudit = { year: before.year, title: before.title, goal_ids: before.goals.map((g) => g.id), measure_ids: before.measures.map((m) => m.id) };
    await this.write(municipalityId, by, { action: 'priority.update', entityType: 'priority', entityId: id, before: beforeAudit, after: input }, async (trx) => {
      await repo.updatePriority(trx, municipalityId, id, priorityColumns(input));
      await repo.replaceLinks(trx, municipalityId, id, input.goal_ids, input.measure_ids);
    });
  }

  async deletePriority(municipalityId: number, id: number, by: Writer): Promise<void> {
    const before = await this.getPriority(municipalityId, id);
    await this.write(municipalityId, by, { action: 'priority.delete', entityType: 'priority', entityId: id, before: { year: before.year, title: before.title } }, (trx) =>
      repo.deletePriority(trx, municipalityId, id),
    );
  }
}

const fundingColumns = (input: FundingInput): repo.FundingColumns => ({ programme: input.programme, amount_cents: input.amount, start_date: input.start_date, end_date: input.end_date });

const priorityColumns = (input: PriorityInput): repo.PriorityColumns => ({ year: input.year, title: input.title, description: input.description, guiding_goal_id: input.guiding_goal_id });

const anchorKey = (r: { goal_id: number | null; guiding_goal_id: number | null }) => (r.goal_id !== null ? `goal:${r.goal_id}` : `guiding:${r.guiding_goal_id}`);

function anchorTexts(tree: PlanTree): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of tree.guidingGoals) out.set(`guiding:${g.id}`, g.text);
  for (const f of tree.fields) for (const g of f.goals) out.set(`goal:${g.id}`, g.text);
  return out;
}

function view(
  tree: PlanTree,
  row: { id: number; plan_id: number; year: number; title: string; description: string; guiding_goal_id: number | null },
  links: ReadonlyArray<{ goal_id: number | null; measure_id: number | null }>,
): PriorityView {
  const goalIds = new Set(links.map((l) => l.goal_id).filter((x): x is number => x !== null));
  const measureIds = new Set(links.map((l) => l.measure_id).filter((x): x is number => x !== null));
  const goals = tree.fields.flatMap((f) => f.goals.filter((g) => goalIds.has(g.id)).map((g) => ({ id: g.id, text: g.text, fieldTitle: f.title, measures: g.measures })));
  const measures = allMeasures(tree).filter((m) => measureIds.has(m.id));
  const counted = new Map<number, StatusCategory>();
  for (const m of [...goals.flatMap((g) => g.measures), ...measures]) counted.set(m.id, m.status_category);
  const categories = [...counted.values()];
  const gg = row.guiding_goal_id !== null ? tree.guidingGoals.find((g) => g.id === row.guiding_goal_id) ?? null : null;
  return {
    id: row.id, plan_id: row.plan_id, year: row.year, title: row.title, description: row.description,
    guidingGoal: gg ? { id: gg.id, text: gg.text, target_year: gg.target_year } : null,
    goals: goals.map((g) => ({ id: g.id, text: g.text, fieldTitle: g.fieldTitle })),
    measures: measures.map((m) => ({ id: m.id, number: m.number, text: m.text, status_category: m.status_category, status_label: m.status_label })),
    progress: {
      total: categories.length,
      done: categories.filter((c) => c === 'completed' || c === 'ongoing').length,
      byCategory: STATUS_CATEGORIES.map((category) => ({ category, count: categories.filter((c) => c === category).length })),
    },
  };
}
