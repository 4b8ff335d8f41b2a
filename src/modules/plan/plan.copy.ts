// Copies a plan into a new draft: the start of the next edition (Fortschreibung). Fields, visions, guiding goals,
// goals and measures with their actors, current status and progress notes come along; the status history stays
// with the old plan, and each copied measure's first history entry says where it came from.
import type { Transaction } from 'kysely';
import * as measures from './measure.repository.js';
import type { Writer } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import * as repo from './plan.repository.js';
import type { Measure, PlanTree } from './plan.repository.js';
import type { StatusCategory } from './status.js';

type Trx = Transaction<Database>;

export interface CopyPlanOptions {
  title: string;
  edition: string;
  /** Measures in these categories stay behind (completed or discontinued ones, if the officer wishes). */
  omitCategories: readonly StatusCategory[];
  /** The note of a copied measure's first history entry. */
  originNote(measure: Measure): string;
}

/** New ids by old id, per kind of part. */
export interface CopiedPlan {
  planId: number;
  fields: Map<number, number>;
  guidingGoals: Map<number, number>;
  goals: Map<number, number>;
  measures: Map<number, number>;
}

export async function copyPlanTree(trx: Trx, municipalityId: number, tree: PlanTree, options: CopyPlanOptions, by: Writer, now: string): Promise<CopiedPlan> {
  const source = tree.plan;
  const planId = await repo.insertPlan(trx, municipalityId, {
    title: options.title, edition: options.edition, intro: source.intro,
    period_start: source.period_start, period_end: source.period_end, state: 'draft', published_at: null, created_at: now, updated_at: now,
  });
  const copied: CopiedPlan = { planId, fields: new Map(), guidingGoals: new Map(), goals: new Map(), measures: new Map() };

  for (const g of tree.guidingGoals) {
    copied.guidingGoals.set(g.id, await repo.insertGuidingGoal(trx, municipalityId, { plan_id: planId, position: g.position, text: g.text, target_year: g.target_year }));
  }

  const omit = new Set<string>(options.omitCategories);
  const kept = repo.allMeasures(tree).filter((m) => !omit.has(m.status_category));
  const notes = await repo.notesOfMeasures(trx, municipalityId, kept.map((m) => m.id));
  const attributes = await repo.attributesOfMeasures(trx, municipalityId, kept.map((m) => m.id));

  const copyMeasure = async (m: Measure, fieldId: number, goalId: number | null) => {
    const id = await measures.insertMeasure(trx, municipalityId, {
      plan_id: planId, field_id: fieldId, goal_id: goalId, position: m.position, number: m.number,
      is_further: m.is_further, text: m.text, status_label: m.status_label, status_category: m.status_category, status_date: m.status_date,
      timeframe_start: m.timeframe_start, timeframe_end: m.timeframe_end, timeframe_label: m.timeframe_label, target_groups: m.target_groups, updated_at: now,
    });
    copied.measures.set(m.id, id);
    await measures.insertAttributesOfMany(trx, municipalityId, [{ measureId: id, attributes: attributes.get(m.id) ?? [] }]);
    await measures.linkActors(trx, municipalityId, id, m.actors.map((a) => ({ actorId: a.id, role: a.role })), { replace: false });
    const own = notes.get(m.id) ?? [];
    await measures.insertNotes(trx, municipalityId, id, own.map((n) => ({ text: n.text, date: n.note_date, createdAt: n.created_at, authorName: n.author_name, internal: n.is_internal === 1 })), now);
    await measures.recordStatusChange(trx, municipalityId, id, {
      from: null, to: { label: m.status_label, category: m.status_category }, note: options.originNote(m), noteInternal: true, at: now, by,
    });
  };

  const keptIds = new Set(kept.map((m) => m.id));
  for (const f of tree.fields) {
    const fieldId = await repo.insertField(trx, municipalityId, { plan_id: planId, position: f.position, title: f.title, description: f.description });
    copied.fields.set(f.id, fieldId);
    await repo.insertVisions(trx, municipalityId, fieldId, f.visions);
    for (const g of f.goals) {
      const goalId = await repo.insertGoal(trx, municipalityId, {
        field_id: fieldId, position: g.position, number: g.number, text: g.text,
        guiding_goal_id: g.guiding_goal_id === null ? null : (copied.guidingGoals.get(g.guiding_goal_id) ?? null),
      });
      copied.goals.set(g.id, goalId);
      for (const m of g.measures) if (keptIds.has(m.id)) await copyMeasure(m, fieldId, goalId);
    }
    for (const m of f.furtherMeasures) if (keptIds.has(m.id)) await copyMeasure(m, fieldId, null);
  }
  return copied;
}
