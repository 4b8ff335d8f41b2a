// Use cases of the plan catalogue. The only writer of plans, fields, visions, guiding goals, goals and
// measures; every write runs in one transaction with its audit entry and the refreshed search index.
import type { Kysely, Transaction } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites, AuditSpec, WriteScope } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import type { SearchKind } from '../../platform/search/search.service.js';
import { plainIntegers } from '../../platform/text/natural.js';
import type {
  FieldInput, GoalInput, GuidingGoalInput, MeasureInput, PlanInput, PlanState, ProgressNoteInput, StatusChangeInput, VisionInput,
} from './plan.schema.js';
import type { ExchangePlan } from './exchange.js';
import { treeToExchange } from './plan.exchange.js';
import { parseTimeframe } from './timeframe.js';
import { copyPlanTree, type CopiedPlan, type CopyPlanOptions } from './plan.copy.js';
import * as actors from './actor.repository.js';
import * as measures from './measure.repository.js';
import * as repo from './plan.repository.js';
import type { Direction } from './plan.repository.js';
import { mapStatus, type StatusCategory } from './status.js';
import * as wordings from './wording.repository.js';

type Trx = Transaction<Database>;

export interface MeasureUpdate {
  measureId: number;
  text?: string;
  status?: { label: string; category: StatusCategory; date: string | null; note: string };
  newNotes: Array<{ text: string; date: string | null }>;
}

export class PlanService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    /** Deletes actors inside a plan write (a deleted draft's own actors), with what follows them. */
    private readonly deleteActorsWithin: (trx: Trx, municipalityId: number, actorIds: number[]) => Promise<void>,
  ) {}

  private now() {
    return this.audit.now();
  }

  /**
   * Runs a write through the one audited write path. A named plan gets its "last changed" moment; `touch`
   * names the search documents the write changes (refreshed once, at the end), `rebuild` rebuilds the plan's.
   */
  private async write<R>(
    municipalityId: number,
    by: Writer,
    audit: AuditSpec & { touch?: Array<[SearchKind, number]>; created?: SearchKind; rebuild?: boolean },
    planId: number | null,
    fn: (trx: Trx, scope: WriteScope) => Promise<R>,
    /** A caller's transaction to join, so that several writes stand or fall together. */
    outer?: Trx,
  ): Promise<R> {
    const { touch, created, rebuild, ...spec } = audit;
    return this.audit.write(municipalityId, by, spec, async (scope) => {
      const result = await fn(scope.trx, scope);
      if (planId !== null) {
        await repo.touchPlan(scope.trx, municipalityId, planId, scope.now);
        if (rebuild) scope.rebuildPlan(planId);
      }
      for (const [kind, id] of touch ?? []) scope.touch(kind, id);
      if (created && typeof result === 'number') scope.touch(created, result);
      return result;
    }, outer);
  }

  /** Runs several plan writes in one transaction (pass the transaction to each write's `outer`). */
  transaction<R>(fn: (trx: Trx) => Promise<R>): Promise<R> {
    return this.audit.transaction(null, (scope) => fn(scope.trx));
  }

  // ---- plans ----------------------------------------------------------------------------------------

  listPlans(municipalityId: number) {
    return repo.listPlans(this.db, municipalityId);
  }

  async getPlan(municipalityId: number, planId: number): Promise<repo.Plan> {
    const plan = await repo.findPlan(this.db, municipalityId, planId);
    if (!plan) throw new NotFoundError('plan');
    return plan;
  }

  /** A plan as the public may see it: published or archived, never a draft or one in review. */
  async getPublicPlan(municipalityId: number, planId: number): Promise<repo.Plan> {
    const plan = await this.getPlan(municipalityId, planId);
    if (plan.state !== 'published' && plan.state !== 'archived') throw new NotFoundError('plan');
    return plan;
  }

  /** The plans in preparation (a draft or one in review): where new measures wait until the council decides. */
  async plansInPreparation(municipalityId: number): Promise<repo.Plan[]> {
    return (await this.listPlans(municipalityId)).filter((p) => p.state === 'draft' || p.state === 'in_review');
  }

  findCurrentPublishedPlan(municipalityId: number) {
    return repo.findCurrentPublishedPlan(this.db, municipalityId);
  }

  /** The plan's fields of action (ids and titles, in order): one light query. */
  fieldTitles(municipalityId: number, planId: number): Promise<Array<{ id: number; title: string }>> {
    return repo.listFieldTitles(this.db, municipalityId, planId);
  }

  /** The plan's fields and measures by name only (for links to them), without loading the whole tree. */
  outline(municipalityId: number, planId: number): Promise<repo.PlanOutline> {
    return repo.loadPlanOutline(this.db, municipalityId, planId);
  }

  async tree(municipalityId: number, planId: number): Promise<repo.PlanTree> {
    return repo.loadPlanTree(this.db, municipalityId, await this.getPlan(municipalityId, planId));
  }

  async createPlan(municipalityId: number, input: PlanInput, by: Writer): Promise<number> {
    const now = this.now();
    return this.write(municipalityId, by, { action: 'plan.create', entityType: 'plan', after: input }, null, (trx) =>
      repo.insertPlan(trx, municipalityId, { ...input, state: 'draft', published_at: null, created_at: now, updated_at: now }),
    );
  }

  async updatePlan(municipalityId: number, planId: number, input: PlanInput, by: Writer): Promise<void> {
    const before = await this.getPlan(municipalityId, planId);
    await this.write(municipalityId, by, { action: 'plan.update', entityType: 'plan', entityId: planId, before: pick(before, input), after: input }, planId, async (trx) => {
      await repo.updatePlan(trx, municipalityId, planId, input);
    });
  }

  /** The published plans a plan would replace on the public site if it were published now. */
  async publishedPlansBesides(municipalityId: number, planId: number): Promise<repo.Plan[]> {
    return (await repo.listPlans(this.db, municipalityId)).filter((p) => p.state === 'published' && p.id !== planId);
  }

  /**
   * Publishing replaces the published plan on the public site: the plan published before is archived in the same
   * write, stays readable and is listed among the new plan's earlier plans.
   */
  async setPlanState(municipalityId: number, planId: number, state: PlanState, by: Writer): Promise<void> {
    const before = await this.getPlan(municipalityId, planId);
    if (before.state === state) return;
    const publishedAt = state === 'published' ? this.now() : before.published_at;
    const replaced = state === 'published' ? await this.publishedPlansBesides(municipalityId, planId) : [];
    await this.write(
      municipalityId, by,
      {
        action: `plan.${state}`, entityType: 'plan', entityId: planId, before: { state: before.state },
        after: replaced.length ? { state, archived: replaced.map((p) => p.title) } : { state },
      },
      planId,
      async (trx) => {
        await repo.updatePlan(trx, municipalityId, planId, { state, published_at: publishedAt });
        for (const old of replaced) await repo.updatePlan(trx, municipalityId, old.id, { state: 'archived' });
      },
    );
  }

  /** Plans that were public and are archived now: the public site lists them as earlier plans. */
  async archivedPlans(municipalityId: number): Promise<repo.Plan[]> {
    return (await repo.listPlans(this.db, municipalityId)).filter((p) => p.state === 'archived' && p.published_at !== null);
  }

  /** Deletes a plan; `withActors` deletes the actors only its measures named, in the same write. */
  async deletePlan(municipalityId: number, planId: number, by: Writer, options: { withActors?: boolean } = {}): Promise<void> {
    const before = await this.getPlan(municipalityId, planId);
    const only = options.withActors ? await actors.listActorsOnlyInPlan(this.db, municipalityId, planId) : [];
    const entry = { title: before.title, state: before.state, ...(only.length ? { actors: only.map((a) => a.name) } : {}) };
    await this.write(municipalityId, by, { action: 'plan.delete', entityType: 'plan', entityId: planId, before: entry }, null, async (trx, scope) => {
      // Rebuilding a plan that is gone leaves it no search documents.
      scope.rebuildPlan(planId);
      await repo.deletePlan(trx, municipalityId, planId);
      if (only.length) {
        // Asked again inside the write: an actor another plan took up meanwhile stays. Actors below a deleted
        // one stay in the directory without a parent.
        const still = await actors.listUnusedActors(trx, municipalityId, only.map((a) => a.id), { withParents: true });
        for (const a of still) scope.touch('actor', a.id);
        await this.deleteActorsWithin(trx, municipalityId, still.map((a) => a.id));
      }
    });
  }

  /** The plan in the exchange format, with every progress note: the source of all exports. */
  async exchange(municipalityId: number, planId: number): Promise<ExchangePlan> {
    const tree = await this.tree(municipalityId, planId);
    const rows = await repo.listNotesOfPlan(this.db, municipalityId, planId);
    const notes = new Map<number, Array<{ text: string; note_date: string | null }>>();
    for (const r of rows) notes.set(r.measure_id, [...(notes.get(r.measure_id) ?? []), r]);
    const attributes = await repo.attributesOfMeasures(this.db, municipalityId, repo.allMeasures(tree).map((m) => m.id));
    return treeToExchange(tree, notes, attributes);
  }

  /** A new draft plan copied from this one: the next edition. `within` runs in the same transaction. */
  async copyPlan(
    municipalityId: number, sourcePlanId: number, options: CopyPlanOptions, by: Writer,
    within?: (trx: Trx, copied: CopiedPlan) => Promise<void>,
  ): Promise<CopiedPlan> {
    const source = await this.getPlan(municipalityId, sourcePlanId);
    let copied: CopiedPlan | undefined;
    const after = { from: sourcePlanId, title: options.title, omitted: options.omitCategories };
    await this.write(municipalityId, by, { action: 'plan.copy', entityType: 'plan', after }, null, async (trx, scope) => {
      copied = await copyPlanTree(trx, municipalityId, await repo.loadPlanTree(trx, municipalityId, source), options, by, this.now());
      scope.rebuildPlan(copied.planId);
      await within?.(trx, copied);
      return copied.planId;
    });
    return copied!;
  }

  // ---- fields and visions -----------------------------------------------------------------------------

  async getField(municipalityId: number, fieldId: number) {
    const field = await repo.findField(this.db, municipalityId, fieldId);
    if (!field) throw new NotFoundError('field');
    return field;
  }

  async createField(municipalityId: number, planId: number, input: FieldInput, by: Writer): Promise<number> {
    await this.getPlan(municipalityId, planId);
    return this.write(municipalityId, by, { action: 'field.create', entityType: 'field', after: input, created: 'field' }, planId, (trx) =>
      repo.appendField(trx, municipalityId, planId, input),
    );
  }

  async updateField(municipalityId: number, fieldId: number, input: FieldInput, by: Writer): Promise<void> {
    const before = await this.getField(municipalityId, fieldId);
    await this.write(municipalityId, by, { action: 'field.update', entityType: 'field', entityId: fieldId, before: pick(before, input), after: input, touch: [['field', fieldId]] }, before.plan_id, async (trx) => {
      await repo.updateField(trx, municipalityId, fieldId, input);
    });
  }

  async moveField(municipalityId: number, fieldId: number, direction: Direction, by: Writer): Promise<void> {
    const field = await this.getField(municipalityId, fieldId);
    await this.write(municipalityId, by, { action: 'field.move', entityType: 'field', entityId: fieldId, after: { direction } }, field.plan_id, (trx) =>
      repo.moveField(trx, municipalityId, field, direction),
    );
  }

  async deleteField(municipalityId: number, fieldId: number, by: Writer): Promise<void> {
    const before = await this.getField(municipalityId, fieldId);
    await this.write(municipalityId, by, { action: 'field.delete', entityType: 'field', entityId: fieldId, before, rebuild: true }, before.plan_id, async (trx) => {
      await repo.deleteField(trx, municipalityId, fieldId);
    });
  }

  async getVision(municipalityId: number, visionId: number) {
    const row = await repo.findVision(this.db, municipalityId, visionId);
    if (!row) throw new NotFoundError('vision');
    return row;
  }

  async createVision(municipalityId: number, fieldId: number, input: VisionInput, by: Writer): Promise<number> {
    const field = await this.getField(municipalityId, fieldId);
    return this.write(municipalityId, by, { action: 'vision.create', entityType: 'vision', after: input, touch: [['field', fieldId]] }, field.plan_id, (trx) =>
      repo.appendVision(trx, municipalityId, fieldId, input.text),
    );
  }

  async updateVision(municipalityId: number, visionId: number, input: VisionInput, by: Writer): Promise<void> {
    const before = await this.getVision(municipalityId, visionId);
    await this.write(municipalityId, by, { action: 'vision.update', entityType: 'vision', entityId: visionId, before: { text: before.text }, after: input, touch: [['field', before.field_id]] }, before.plan_id, async (trx) => {
      await repo.updateVision(trx, municipalityId, visionId, input.text);
    });
  }

  async moveVision(municipalityId: number, visionId: number, direction: Direction, by: Writer): Promise<void> {
    const v = await this.getVision(municipalityId, visionId);
    await this.write(municipalityId, by, { action: 'vision.move', entityType: 'vision', entityId: visionId, after: { direction } }, v.plan_id, (trx) =>
      repo.moveVision(trx, municipalityId, v, direction),
    );
  }

  async deleteVision(municipalityId: number, visionId: number, by: Writer): Promise<void> {
    const before = await this.getVision(municipalityId, visionId);
    await this.write(municipalityId, by, { action: 'vision.delete', entityType: 'vision', entityId: visionId, before, touch: [['field', before.field_id]] }, before.plan_id, async (trx) => {
      await repo.deleteVision(trx, municipalityId, visionId);
    });
  }

  // ---- guiding goals and goals ------------------------------------------------------------------------

  async getGuidingGoal(municipalityId: number, id: number) {
    const row = await repo.findGuidingGoal(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('guiding goal');
    return row;
  }

  async createGuidingGoal(municipalityId: number, planId: number, input: GuidingGoalInput, by: Writer): Promise<number> {
    await this.getPlan(municipalityId, planId);
    return this.write(municipalityId, by, { action: 'guiding_goal.create', entityType: 'guiding_goal', after: input }, planId, (trx) =>
      repo.appendGuidingGoal(trx, municipalityId, planId, input),
    );
  }

  async updateGuidingGoal(municipalityId: number, id: number, input: GuidingGoalInput, by: Writer): Promise<void> {
    const before = await this.getGuidingGoal(municipalityId, id);
    await this.write(municipalityId, by, { action: 'guiding_goal.update', entityType: 'guiding_goal', entityId: id, before: pick(before, input), after: input }, before.plan_id, async (trx) => {
      await repo.updateGuidingGoal(trx, municipalityId, id, input);
    });
  }

  async moveGuidingGoal(municipalityId: number, id: number, direction: Direction, by: Writer): Promise<void> {
    const g = await this.getGuidingGoal(municipalityId, id);
    await this.write(municipalityId, by, { action: 'guiding_goal.move', entityType: 'guiding_goal', entityId: id, after: { direction } }, g.plan_id, (trx) =>
      repo.moveGuidingGoal(trx, municipalityId, g, direction),
    );
  }

  async deleteGuidingGoal(municipalityId: number, id: number, by: Writer): Promise<void> {
    const before = await this.getGuidingGoal(municipalityId, id);
    await this.write(municipalityId, by, { action: 'guiding_goal.delete', entityType: 'guiding_goal', entityId: id, before }, before.plan_id, async (trx) => {
      await repo.deleteGuidingGoal(trx, municipalityId, id);
    });
  }

  async getGoal(municipalityId: number, goalId: number) {
    const row = await repo.findGoal(this.db, municipalityId, goalId);
    if (!row) throw new NotFoundError('goal');
    return row;
  }

  private async checkGuidingGoal(municipalityId: number, planId: number, guidingGoalId: number | null): Promise<void> {
    if (guidingGoalId === null) return;
    const g = await repo.findGuidingGoal(this.db, municipalityId, guidingGoalId);
    if (!g || g.plan_id !== planId) throw new InvalidInputError({ guiding_goal_id: 'errors.choiceInvalid' });
  }

  async createGoal(municipalityId: number, fieldId: number, input: GoalInput, by: Writer): Promise<number> {
    const field = await this.getField(municipalityId, fieldId);
    await this.checkGuidingGoal(municipalityId, field.plan_id, input.guiding_goal_id);
    return this.write(municipalityId, by, { action: 'goal.create', entityType: 'goal', after: input, created: 'goal' }, field.plan_id, (trx) =>
      repo.appendGoal(trx, municipalityId, fieldId, input),
    );
  }

  async updateGoal(municipalityId: number, goalId: number, input: GoalInput, by: Writer): Promise<void> {
    const before = await this.getGoal(municipalityId, goalId);
    await this.checkGuidingGoal(municipalityId, before.plan_id, input.guiding_goal_id);
    await this.write(municipalityId, by, { action: 'goal.update', entityType: 'goal', entityId: goalId, before: pick(before, input), after: input, touch: [['goal', goalId]] }, before.plan_id, async (trx) => {
      await repo.updateGoal(trx, municipalityId, goalId, input);
    });
  }

  async moveGoal(municipalityId: number, goalId: number, direction: Direction, by: Writer): Promise<void> {
    const g = await this.getGoal(municipalityId, goalId);
    await this.write(municipalityId, by, { action: 'goal.move', entityType: 'goal', entityId: goalId, after: { direction } }, g.plan_id, (trx) =>
      repo.moveGoal(trx, municipalityId, g, direction),
    );
  }

  async deleteGoal(municipalityId: number, goalId: number, by: Writer): Promise<void> {
    const before = await this.getGoal(municipalityId, goalId);
    await this.write(municipalityId, by, { action: 'goal.delete', entityType: 'goal', entityId: goalId, before, rebuild: true }, before.plan_id, async (trx) => {
      await repo.deleteGoal(trx, municipalityId, goalId);
    });
  }

  // ---- measures ---------------------------------------------------------------------------------------

  async getMeasure(municipalityId: number, measureId: number) {
    const row = await repo.findMeasureRow(this.db, municipalityId, measureId);
    if (!row) throw new NotFoundError('measure');
    return row;
  }

  async measureDetail(municipalityId: number, measureId: number) {
    const measure = await this.getMeasure(municipalityId, measureId);
    const [plan, field, goal, actors, notes, history, attributes] = await Promise.all([
      this.getPlan(municipalityId, measure.plan_id),
      this.getField(municipalityId, measure.field_id),
      measure.goal_id === null ? Promise.resolve(null) : this.getGoal(municipalityId, measure.goal_id),
      repo.actorsOfMeasures(this.db, municipalityId, [measureId]),
      repo.listNotes(this.db, municipalityId, measureId),
      repo.listStatusChanges(this.db, municipalityId, measureId),
      repo.attributesOfMeasures(this.db, municipalityId, [measureId]),
    ]);
    return { measure: { ...measure, actors: actors.get(measureId) ?? [], attributes: attributes.get(measureId) ?? [] }, plan, field, goal, notes, history };
  }

  /**
   * A measure as the public sees it: without internal notes, without the internal notes of its status changes,
   * and with who made a change as the public may know it (an actor; empty for the administration), never a
   * person's name.
   */
  async publicMeasureDetail(municipalityId: number, measureId: number) {
    const d = await this.measureDetail(municipalityId, measureId);
    return {
      ...d,
      notes: d.notes.filter((n) => n.is_internal !== 1).map((n) => ({ ...n, author_name: '' })),
      history: d.history.map((h) => ({ ...h, note: h.note_internal === 1 ? '' : h.note, changed_by_name: h.changed_by_public, changed_by_user_id: null })),
    };
  }

  /** The municipality's own status wordings, as the status mapping reads them (rounds and the importer too). */
  /** The names in the actors directory (the importer's preview shows which it will reuse). */
  async actorNames(municipalityId: number): Promise<string[]> {
    return (await actors.listActorNames(this.db, municipalityId)).map((a) => a.name);
  }

  configuredWordings(municipalityId: number, conn: Trx | Kysely<Database> = this.db) {
    return wordings.configuredWordings(conn, municipalityId);
  }

  /** Checks where a measure goes (field, goal) and which actors it names; all must belong to the plan. */
  private async placement(municipalityId: number, planId: number, fieldId: number, input: MeasureInput) {
    let targetField = fieldId;
    if (input.field_id !== null && input.field_id !== fieldId) {
      const f = await repo.findField(this.db, municipalityId, input.field_id);
      if (!f || f.plan_id !== planId) throw new InvalidInputError({ field_id: 'errors.choiceInvalid' });
      targetField = f.id;
    }
    let goalId: number | null = null;
    if (!input.is_further && input.goal_id !== null) {
      const g = await repo.findGoal(this.db, municipalityId, input.goal_id);
      if (!g || g.plan_id !== planId) throw new InvalidInputError({ goal_id: 'errors.choiceInvalid' });
      // Moving to a goal moves to its field too.
      targetField = g.field_id;
      goalId = g.id;
    }
    const actorIds = [input.lead_actor_id, ...input.partner_actor_ids].filter((x): x is number => x !== null);
    if (actorIds.length) {
      const found = await actors.existingActorIds(this.db, municipalityId, actorIds);
      if (found.length !== new Set(actorIds).size) throw new InvalidInputError({ partner_actor_ids: 'errors.choiceInvalid' });
    }
    if (input.number !== null) {
      return { fieldId: targetField, goalId, numberClash: await repo.measureIdsWithNumber(this.db, municipalityId, planId, input.number) };
    }
    return { fieldId: targetField, goalId, numberClash: [] as number[] };
  }

  private async writeActors(trx: Trx, municipalityId: number, measureId: number, input: MeasureInput): Promise<void> {
    const links = [
      ...(input.lead_actor_id !== null ? [{ actorId: input.lead_actor_id, role: 'lead' }] : []),
      ...input.partner_actor_ids.filter((id) => id !== input.lead_actor_id).map((actorId) => ({ actorId, role: 'partner' })),
    ];
    await measures.linkActors(trx, municipalityId, measureId, links, { replace: true });
  }

  /** A new measure; `within` runs in the same transaction with its id (a write that must stand or fall with it). */
  async createMeasure(municipalityId: number, fieldId: number, input: MeasureInput, by: Writer, within?: (trx: Trx, measureId: number) => Promise<void>): Promise<number> {
    const field = await this.getField(municipalityId, fieldId);
    const place = await this.placement(municipalityId, field.plan_id, fieldId, input);
    if (place.numberClash.length) throw new InvalidInputError({ number: 'errors.numberTaken' });
    const status = input.status_label
      ? { ...mapStatus(input.status_label, await this.configuredWordings(municipalityId)), ...(input.status_category ? { category: input.status_category } : {}) }
      : { label: '', category: input.status_category ?? 'unknown', date: null };
    const now = this.now();
    return this.write(municipalityId, by, { action: 'measure.create', entityType: 'measure', after: input, created: 'measure' }, field.plan_id, async (trx) => {
      const position = await measures.positionForNumber(trx, municipalityId, place, input.number);
      const id = await measures.insertMeasure(trx, municipalityId, {
        plan_id: field.plan_id, field_id: place.fieldId, goal_id: place.goalId, position,
        number: input.number, is_further: input.is_further ? 1 : 0, text: input.text,
        status_label: status.label, status_category: status.category, status_date: status.date,
        ...timeframeOf(input), target_groups: input.target_groups, updated_at: now,
      });
      await this.writeActors(trx, municipalityId, id, input);
      if (status.label) await measures.recordStatusChange(trx, municipalityId, id, { from: null, to: status, note: '', at: now, by });
      if (within) await within(trx, id);
      return id;
    });
  }

  /** Edits text, number, placement, timeframe and actors. The status changes only through changeStatus. */
  async updateMeasure(municipalityId: number, measureId: number, input: MeasureInput, by: Writer): Promise<void> {
    const before = await this.getMeasure(municipalityId, measureId);
    const place = await this.placement(municipalityId, before.plan_id, before.field_id, input);
    if (place.numberClash.some((id) => id !== measureId)) throw new InvalidInputError({ number: 'errors.numberTaken' });
    const moved = place.goalId !== before.goal_id || place.fieldId !== before.field_id;
    await this.write(municipalityId, by, { action: moved ? 'measure.move_to_goal' : 'measure.update', entityType: 'measure', entityId: measureId, before, after: input, touch: [['measure', measureId]] }, before.plan_id, async (trx) => {
      // A new place or a new number puts the measure where its number sorts among its neighbours.
      const position = moved || (input.number !== before.number && input.number !== null)
        ? await measures.positionForNumber(trx, municipalityId, place, input.number, measureId)
        : before.position;
      await measures.updateMeasure(trx, municipalityId, measureId, {
        field_id: place.fieldId, goal_id: place.goalId, position, number: input.number, is_further: input.is_further ? 1 : 0,
        text: input.text, ...timeframeOf(input, before.timeframe_label), target_groups: input.target_groups, updated_at: this.now(),
      });
      await this.writeActors(trx, municipalityId, measureId, input);
    });
  }

  async moveMeasure(municipalityId: number, measureId: number, direction: Direction, by: Writer): Promise<void> {
    const m = await this.getMeasure(municipalityId, measureId);
    await this.write(municipalityId, by, { action: 'measure.move', entityType: 'measure', entityId: measureId, after: { direction } }, m.plan_id, (trx) =>
      measures.moveMeasure(trx, municipalityId, m, direction),
    );
  }

  async deleteMeasure(municipalityId: number, measureId: number, by: Writer): Promise<void> {
    const before = await this.getMeasure(municipalityId, measureId);
    await this.write(municipalityId, by, { action: 'measure.delete', entityType: 'measure', entityId: measureId, before, touch: [['measure', measureId]] }, before.plan_id, async (trx) => {
      await measures.deleteMeasure(trx, municipalityId, measureId);
    });
  }

  /**
   * Numbers the plan's measures 1…n in catalogue order; further measures stay unnumbered. A plan whose numbers
   * are not plain integers ("1.1", "A.3") keeps them: nothing is changed, and the first such number is returned
   * so that the page can say why. Null when the measures were renumbered.
   */
  async renumber(municipalityId: number, planId: number, by: Writer): Promise<string | null> {
    const tree = await this.tree(municipalityId, planId);
    const numbered = tree.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
    const scheme = numbered.find((m) => !plainIntegers([m.number]));
    if (scheme) return scheme.number;
    await this.write(municipalityId, by, { action: 'plan.renumber', entityType: 'plan', entityId: planId, after: { count: numbered.length }, rebuild: true }, planId, (trx) =>
      measures.numberMeasures(trx, municipalityId, numbered.map((m) => m.id)),
    );
    return null;
  }

  /** A status change is kept in the measure's history with who, when and why. */
  async changeStatus(municipalityId: number, measureId: number, input: StatusChangeInput, by: Writer, outer?: Trx): Promise<void> {
    // Inside a caller's transaction every read goes through it too (SQLite has one connection).
    const before = await repo.findMeasureRow(outer ?? this.db, municipalityId, measureId);
    if (!before) throw new NotFoundError('measure');
    const mapped = mapStatus(input.status_label, await this.configuredWordings(municipalityId, outer));
    const category = input.status_category ?? mapped.category;
    const now = this.now();
    await this.write(
      municipalityId, by,
      { action: 'measure.status', entityType: 'measure', entityId: measureId, before: { label: before.status_label, category: before.status_category }, after: { label: mapped.label, category, note: input.note }, touch: [['measure', measureId]] },
      before.plan_id,
      async (trx) => {
        await measures.setMeasureStatus(trx, municipalityId, measureId, { label: mapped.label, category, date: mapped.date }, now);
        await measures.recordStatusChange(trx, municipalityId, measureId, {
          from: { label: before.status_label, category: before.status_category }, to: { label: mapped.label, category }, note: input.note, noteInternal: input.note_internal, at: now, by,
        });
      },
      outer,
    );
  }

  /**
   * Applies changes read from a returned spreadsheet in one transaction: texts, statuses (each kept in the
   * history) and new progress notes. All or nothing.
   */
  async applyUpdates(municipalityId: number, planId: number, changes: MeasureUpdate[], by: Writer, source: string): Promise<void> {
    await this.getPlan(municipalityId, planId);
    const now = this.now();
    await this.write(municipalityId, by, { action: 'plan.update_import', entityType: 'plan', entityId: planId, after: { source, measures: changes.length }, touch: changes.filter((ch) => ch.text !== undefined || ch.status).map((ch) => ['measure', ch.measureId] as [SearchKind, number]) }, planId, async (trx) => {
      for (const ch of changes) {
        const before = await repo.findMeasureInPlan(trx, municipalityId, planId, ch.measureId);
        if (!before) throw new NotFoundError('measure');
        if (ch.text !== undefined) {
          await measures.updateMeasure(trx, municipalityId, ch.measureId, { text: ch.text, updated_at: now });
        }
        if (ch.status) {
          await measures.setMeasureStatus(trx, municipalityId, ch.measureId, ch.status, now);
          await measures.recordStatusChange(trx, municipalityId, ch.measureId, {
            from: { label: before.status_label, category: before.status_category }, to: ch.status, note: ch.status.note, noteInternal: true, at: now, by,
          });
        }
        await measures.insertNotes(trx, municipalityId, ch.measureId, ch.newNotes.map((n) => ({ text: n.text, date: n.date, authorName: by.name })), now);
      }
    });
  }

  async addNote(municipalityId: number, measureId: number, input: ProgressNoteInput, by: Writer, outer?: Trx): Promise<number> {
    const m = await repo.findMeasureRow(outer ?? this.db, municipalityId, measureId);
    if (!m) throw new NotFoundError('measure');
    return this.write(municipalityId, by, { action: 'measure.note', entityType: 'measure', entityId: measureId, after: input }, m.plan_id, async (trx) => {
      const [id] = await measures.insertNotes(trx, municipalityId, measureId, [{ text: input.text, date: input.note_date ?? this.now().slice(0, 10), authorName: by.name, internal: input.internal }], this.now());
      return id;
    }, outer);
  }
}

/** The columns of `row` that an input names: the "before" of an audit entry. */
function pick<T extends object>(row: T, input: object): Partial<T> {
  return Object.fromEntries(Object.keys(input).filter((k) => k in row).map((k) => [k, (row as Record<string, unknown>)[k]])) as Partial<T>;
}

/** The wording as typed (else as it was); start and end as entered, or as the wording says when neither is entered. */
function timeframeOf(input: MeasureInput, before = ''): { timeframe_label: string; timeframe_start: string | null; timeframe_end: string | null } {
  const label = input.timeframe_label ?? before;
  if (input.timeframe_start !== null || input.timeframe_end !== null || input.timeframe_label === undefined) {
    return { timeframe_label: label, timeframe_start: input.timeframe_start, timeframe_end: input.timeframe_end };
  }
  const derived = parseTimeframe(label);
  return { timeframe_label: label, timeframe_start: derived.start, timeframe_end: derived.end };
}
