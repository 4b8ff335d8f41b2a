// Copies a plan into a new draft: the start of the next edition (Fortschreibung). Fields, visions, guiding goals,
// goals and measures with their actors, current status and progress notes come along; the status history stays
// with the old plan, and each copied measure's first history entry says where it came from.
import type { Transaction } from 'kysely';
import * as measures from './measure.repository.js';
import type { Writer } from '../../platform/audit/audit.js';
import type { Database } from '../../platform/db/schema.js';
import { allMeasures, type Measure, type PlanTree } from './plan.repository.js';
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
  const plan = await trx
    .insertInto('plans')
    .values({
      municipality_id: municipalityId, title: options.title, edition: options.edition, intro: source.intro,
      period_start: source.period_start, period_end: source.period_end, state: 'draft', published_at: null, created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const copied: CopiedPlan = { planId: plan.id, fields: new Map(), guidingGoals: new Map(), goals: new Map(), measures: new Map() };

  for (const g of tree.guidingGoals) {
    const row = await trx.insertInto('guiding_goals')
      .values({ municipality_id: municipalityId, plan_id: plan.id, position: g.position, text: g.text, target_year: g.target_year })
      .returning('id').executeTakeFirstOrThrow();
    copied.guidingGoals.set(g.id, row.id);
  }

  const omit = new Set<string>(options.omitCategories);
  const kept = allMeasures(tree).filter((m) => !omit.has(m.status_category));
  const notes = await notesOf(trx, municipalityId, kept.map((m) => m.id));

  const copyMeasure = async (m: Measure, fieldId: number, goalId: number | null) => {
    const id = await measures.insertMeasure(trx, {
      municipality_id: municipalityId, plan_id: plan.id, field_id: fieldId, goal_id: goalId, position: m.position, number: m.number,
      is_further: m.is_further, text: m.text, status_label: m.status_label, status_category: m.status_category, status_date: m.status_date,
      timeframe_start: m.timeframe_start, timeframe_end: m.timeframe_end, target_groups: m.target_groups, updated_at: now,
    });
    copied.measures.set(m.id, id);
    await measures.linkActors(trx, municipalityId, id, m.actors.map((a) => ({ actorId: a.id, role: a.role })), { replace: false });
    const own = notes.get(m.id) ?? [];
    await measures.insertNotes(trx, municipalityId, id, own.map((n) => ({ text: n.text, date: n.note_date, createdAt: n.created_at, authorName: n.author_name })), now);
    await measures.recordStatusChange(trx, municipalityId, id, {
      from: null, to: { label: m.status_label, category: m.status_category }, note: options.originNote(m), at: now, by,
    });
  };

  const keptIds = new Set(kept.map((m) => m.id));
  for (const f of tree.fields) {
    const field = await trx.insertInto('fields')
      .values({ municipality_id: municipalityId, plan_id: plan.id, position: f.position, title: f.title, description: f.description })
      .returning('id').executeTakeFirstOrThrow();
    copied.fields.set(f.id, field.id);
    if (f.visions.length) {
      await trx.insertInto('visions').values(f.visions.map((v) => ({ municipality_id: municipalityId, field_id: field.id, position: v.position, text: v.text }))).execute();
    }
    for (const g of f.goals) {
      const goal = await trx.insertInto('goals')
        .values({
          municipality_id: municipalityId, field_id: field.id, position: g.position, text: g.text,
          guiding_goal_id: g.guiding_goal_id === null ? null : (copied.guidingGoals.get(g.guiding_goal_id) ?? null),
        })
        .returning('id').executeTakeFirstOrThrow();
      copied.goals.set(g.id, goal.id);
      for (const m of g.measures) if (keptIds.has(m.id)) await copyMeasure(m, field.id, goal.id);
    }
    for (const m of f.furtherMeasures) if (keptIds.has(m.id)) await copyMeasure(m, field.id, null);
  }
  return copied;
}

async function notesOf(trx: Trx, municipalityId: number, measureIds: number[]) {
  const byMeasure = new Map<number, Array<{ text: string; note_date: string | null; created_at: string; author_name: string }>>();
  // Chunked: SQLite allows a limited number of bound parameters per statement.
  for (let i = 0; i < measureIds.length; i += 500) {
    const rows = await trx.selectFrom('progress_notes')
      .select(['measure_id', 'text', 'note_date', 'created_at', 'author_name'])
      .where('municipality_id', '=', municipalityId).where('measure_id', 'in', measureIds.slice(i, i + 500))
      .orderBy('id').execute();
    for (const r of rows) byMeasure.set(r.measure_id, [...(byMeasure.get(r.measure_id) ?? []), r]);
  }
  return byMeasure;
}
