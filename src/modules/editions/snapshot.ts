// An edition's snapshot: the whole plan as it stood, with the ids of its parts and the ids they were copied
// from (lineage), so that a comparison can match a measure across editions even when it was renumbered or the
// plan was carried over into a new one. Stored as JSON and read back through the schema below.
import { z } from 'zod';
import type { PlanTree, Measure } from '../plan/index.js';
import { STATUS_CATEGORIES } from '../plan/index.js';

export const SNAPSHOT_VERSION = 1;

const id = z.number().int();
const lineage = z.array(id);

export const snapshotMeasureSchema = z.object({
  id,
  lineage,
  /** As the plan writes it ("1.10"); snapshots taken before numbers were text hold an integer, read as its text. */
  number: z.union([z.string(), z.number().int()]).nullable().transform((v) => (v === null ? null : String(v))),
  further: z.boolean(),
  text: z.string(),
  actors: z.array(z.object({ name: z.string(), role: z.enum(['lead', 'partner']), parent: z.string().nullable() })),
  status: z.object({ category: z.enum(STATUS_CATEGORIES), label: z.string(), date: z.string().nullable() }),
  timeframe: z.object({ start: z.string().nullable(), end: z.string().nullable() }),
  targetGroups: z.string(),
  /** Newest first. */
  notes: z.array(z.object({ text: z.string(), date: z.string().nullable() })),
});

export const snapshotGoalSchema = z.object({
  id, lineage,
  /** Absent in snapshots taken before goals had numbers. */
  number: z.string().nullable().optional(),
  text: z.string(), guidingGoalId: id.nullable(), measures: z.array(snapshotMeasureSchema),
});

export const snapshotFieldSchema = z.object({
  id,
  lineage,
  title: z.string(),
  description: z.string(),
  visions: z.array(z.string()),
  goals: z.array(snapshotGoalSchema),
  furtherMeasures: z.array(snapshotMeasureSchema),
});

export const planSnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  /** ISO timestamp of the moment the snapshot was taken. */
  takenAt: z.string(),
  plan: z.object({
    id,
    title: z.string(),
    edition: z.string(),
    periodStart: z.number().int().nullable(),
    periodEnd: z.number().int().nullable(),
    state: z.string(),
    intro: z.string(),
  }),
  guidingGoals: z.array(z.object({ id, lineage, text: z.string(), targetYear: z.number().int().nullable() })),
  fields: z.array(snapshotFieldSchema),
});

export type SnapshotMeasure = z.infer<typeof snapshotMeasureSchema>;
export type SnapshotGoal = z.infer<typeof snapshotGoalSchema>;
export type SnapshotField = z.infer<typeof snapshotFieldSchema>;
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;

/** Ids each part was copied from, oldest last; parts without an origin are absent. */
export interface Lineage {
  of(entityType: 'plan' | 'field' | 'goal' | 'guiding_goal' | 'measure', entityId: number): number[];
}

export const noLineage: Lineage = { of: () => [] };

export interface NotesByMeasure {
  get(measureId: number): Array<{ text: string; date: string | null }> | undefined;
}

function snapshotMeasure(m: Measure, notes: NotesByMeasure, lineageOf: Lineage): SnapshotMeasure {
  return {
    id: m.id,
    lineage: lineageOf.of('measure', m.id),
    number: m.number,
    further: m.is_further === 1,
    text: m.text,
    actors: m.actors.map((a) => ({ name: a.name, role: a.role, parent: a.parentName })),
    status: { category: m.status_category, label: m.status_label, date: m.status_date },
    timeframe: { start: m.timeframe_start, end: m.timeframe_end },
    targetGroups: m.target_groups,
    notes: notes.get(m.id) ?? [],
  };
}

export function buildSnapshot(tree: PlanTree, notes: NotesByMeasure, lineageOf: Lineage, takenAt: string): PlanSnapshot {
  const { plan } = tree;
  return {
    version: SNAPSHOT_VERSION,
    takenAt,
    plan: { id: plan.id, title: plan.title, edition: plan.edition, periodStart: plan.period_start, periodEnd: plan.period_end, state: plan.state, intro: plan.intro },
    guidingGoals: tree.guidingGoals.map((g) => ({ id: g.id, lineage: lineageOf.of('guiding_goal', g.id), text: g.text, targetYear: g.target_year })),
    fields: tree.fields.map((f) => ({
      id: f.id,
      lineage: lineageOf.of('field', f.id),
      title: f.title,
      description: f.description,
      visions: f.visions.map((v) => v.text),
      goals: f.goals.map((g) => ({
        id: g.id,
        lineage: lineageOf.of('goal', g.id),
        number: g.number,
        text: g.text,
        guidingGoalId: g.guiding_goal_id,
        measures: g.measures.map((m) => snapshotMeasure(m, notes, lineageOf)),
      })),
      furtherMeasures: f.furtherMeasures.map((m) => snapshotMeasure(m, notes, lineageOf)),
    })),
  };
}

export function parseSnapshot(json: string): PlanSnapshot {
  return planSnapshotSchema.parse(JSON.parse(json));
}

/** A measure with the field and goal it stands under. */
export interface PlacedMeasure {
  measure: SnapshotMeasure;
  field: { id: number; lineage: number[]; title: string };
  goal: { id: number; lineage: number[]; text: string } | null;
}

/** Every measure of a snapshot in catalogue order: per field its goals' measures, then its further measures. */
export function placedMeasures(snapshot: PlanSnapshot): PlacedMeasure[] {
  return snapshot.fields.flatMap((f) => {
    const field = { id: f.id, lineage: f.lineage, title: f.title };
    return [
      ...f.goals.flatMap((g) => g.measures.map((measure) => ({ measure, field, goal: { id: g.id, lineage: g.lineage, text: g.text } }))),
      ...f.furtherMeasures.map((measure) => ({ measure, field, goal: null })),
    ];
  });
}

export function measureCount(snapshot: PlanSnapshot): number {
  return snapshot.fields.reduce((n, f) => n + f.furtherMeasures.length + f.goals.reduce((k, g) => k + g.measures.length, 0), 0);
}
