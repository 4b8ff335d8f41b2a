// The plan's SQL. Every function takes the municipality first: no query can leave its tenant.
import type { Kysely, Selectable } from 'kysely';
import type { Database, MeasureTable, PlanTable } from '../../platform/db/schema.js';
import type { StatusCategory } from './status.js';

export type Plan = Selectable<PlanTable>;

export interface MeasureActorRef {
  id: number;
  name: string;
  parentName: string | null;
  role: 'lead' | 'partner';
}

export type Measure = Omit<Selectable<MeasureTable>, 'municipality_id' | 'status_category'> & {
  status_category: StatusCategory;
  actors: MeasureActorRef[];
};

export interface Goal {
  id: number;
  field_id: number;
  guiding_goal_id: number | null;
  position: number;
  text: string;
  measures: Measure[];
}

export interface Vision {
  id: number;
  field_id: number;
  position: number;
  text: string;
}

export interface Field {
  id: number;
  plan_id: number;
  position: number;
  title: string;
  description: string;
  visions: Vision[];
  goals: Goal[];
  furtherMeasures: Measure[];
}

export interface GuidingGoal {
  id: number;
  plan_id: number;
  position: number;
  text: string;
  target_year: number | null;
}

export interface PlanTree {
  plan: Plan;
  guidingGoals: GuidingGoal[];
  fields: Field[];
}

export function findPlan(db: Kysely<Database>, municipalityId: number, planId: number): Promise<Plan | undefined> {
  return db.selectFrom('plans').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', planId).executeTakeFirst();
}

export function listPlans(db: Kysely<Database>, municipalityId: number): Promise<Plan[]> {
  return db.selectFrom('plans').selectAll().where('municipality_id', '=', municipalityId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** The plan residents see on the start page: the one published most recently. */
export function findCurrentPublishedPlan(db: Kysely<Database>, municipalityId: number): Promise<Plan | undefined> {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('state', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function actorsOfMeasures(db: Kysely<Database>, municipalityId: number, measureIds: number[]): Promise<Map<number, MeasureActorRef[]>> {
  const byMeasure = new Map<number, MeasureActorRef[]>();
  if (measureIds.length === 0) return byMeasure;
  // Chunked: SQLite allows a limited number of bound parameters per statement.
  for (let i = 0; i < measureIds.length; i += 500) {
    const rows = await db
      .selectFrom('measure_actors as ma')
      .innerJoin('actors as a', 'a.id', 'ma.actor_id')
      .leftJoin('actors as p', 'p.id', 'a.parent_id')
      .select(['ma.measure_id', 'a.id', 'a.name', 'p.name as parent_name', 'ma.role', 'ma.position'])
      .where('ma.municipality_id', '=', municipalityId)
      .where('ma.measure_id', 'in', measureIds.slice(i, i + 500))
      .orderBy('ma.measure_id')
      .orderBy('ma.position')
      .execute();
    for (const r of rows) {
      const list = byMeasure.get(r.measure_id) ?? [];
      list.push({ id: r.id, name: r.name, parentName: r.parent_name, role: r.role === 'lead' ? 'lead' : 'partner' });
      byMeasure.set(r.measure_id, list);
    }
  }
  return byMeasure;
}

/** The whole plan in six queries, ordered as the catalogue prints it. */
export async function loadPlanTree(db: Kysely<Database>, municipalityId: number, plan: Plan): Promise<PlanTree> {
  const [guidingGoals, fields, visions, goals, measures] = await Promise.all([
    db.selectFrom('guiding_goals').select(['id', 'plan_id', 'position', 'text', 'target_year'])
      .where('municipality_id', '=', municipalityId).where('plan_id', '=', plan.id).orderBy('position').execute(),
    db.selectFrom('fields').select(['id', 'plan_id', 'position', 'title', 'description'])
      .where('municipality_id', '=', municipalityId).where('plan_id', '=', plan.id).orderBy('position').execute(),
    db.selectFrom('visions').innerJoin('fields', 'fields.id', 'visions.field_id')
      .select(['visions.id', 'visions.field_id', 'visions.position', 'visions.text'])
      .where('visions.municipality_id', '=', municipalityId).where('fields.plan_id', '=', plan.id).orderBy('visions.position').execute(),
    db.selectFrom('goals').innerJoin('fields', 'fields.id', 'goals.field_id')
      .select(['goals.id', 'goals.field_id', 'goals.guiding_goal_id', 'goals.position', 'goals.text'])
      .where('goals.municipality_id', '=', municipalityId).where('fields.plan_id', '=', plan.id).orderBy('goals.position').execute(),
    db.selectFrom('measures').selectAll()
      .where('municipality_id', '=', municipalityId).where('plan_id', '=', plan.id).orderBy('position').orderBy('id').execute(),
  ]);
  const actors = await actorsOfMeasures(db, municipalityId, measures.map((m) => m.id));
  const fieldMap = new Map<number, Field>(fields.map((f) => [f.id, { ...f, visions: [], goals: [], furtherMeasures: [] }]));
  const goalMap = new Map<number, Goal>();
  for (const v of visions) fieldMap.get(v.field_id)?.visions.push(v);
  for (const g of goals) {
    const goal: Goal = { ...g, measures: [] };
    goalMap.set(g.id, goal);
    fieldMap.get(g.field_id)?.goals.push(goal);
  }
  for (const row of measures) {
    const m: Measure = { ...row, status_category: row.status_category as StatusCategory, actors: actors.get(row.id) ?? [] };
    if (row.goal_id !== null && goalMap.has(row.goal_id)) goalMap.get(row.goal_id)!.measures.push(m);
    else fieldMap.get(row.field_id)?.furtherMeasures.push(m);
  }
  return { plan, guidingGoals, fields: [...fieldMap.values()] };
}

export function allMeasures(tree: PlanTree): Measure[] {
  return tree.fields.flatMap((f) => [...f.goals.flatMap((g) => g.measures), ...f.furtherMeasures]);
}

export function measuresOfField(field: Field): Measure[] {
  return [...field.goals.flatMap((g) => g.measures), ...field.furtherMeasures];
}

export function findMeasureRow(db: Kysely<Database>, municipalityId: number, measureId: number) {
  return db.selectFrom('measures').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', measureId).executeTakeFirst();
}

export function listNotes(db: Kysely<Database>, municipalityId: number, measureId: number) {
  return db.selectFrom('progress_notes').selectAll()
    .where('municipality_id', '=', municipalityId).where('measure_id', '=', measureId)
    .orderBy('note_date', 'desc').orderBy('id', 'desc').execute();
}

export function listStatusChanges(db: Kysely<Database>, municipalityId: number, measureId: number) {
  return db.selectFrom('status_changes').selectAll()
    .where('municipality_id', '=', municipalityId).where('measure_id', '=', measureId)
    .orderBy('changed_at', 'desc').orderBy('id', 'desc').execute();
}

// ---- rows by id, for refreshing their search documents -----------------------------------------------

const CHUNK = 500;

async function chunked<T>(ids: number[], load: (part: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

export function measureRowsByIds(db: Kysely<Database>, municipalityId: number, ids: number[]) {
  return chunked(ids, (part) => db.selectFrom('measures').select(['id', 'plan_id', 'number', 'text', 'status_label', 'target_groups'])
    .where('municipality_id', '=', municipalityId).where('id', 'in', part).execute());
}

export function goalRowsByIds(db: Kysely<Database>, municipalityId: number, ids: number[]) {
  return chunked(ids, (part) => db.selectFrom('goals').innerJoin('fields', 'fields.id', 'goals.field_id')
    .select(['goals.id', 'fields.plan_id', 'goals.text'])
    .where('goals.municipality_id', '=', municipalityId).where('goals.id', 'in', part).execute());
}

export async function fieldRowsByIds(db: Kysely<Database>, municipalityId: number, ids: number[]) {
  const fields = await chunked(ids, (part) => db.selectFrom('fields').select(['id', 'plan_id', 'title', 'description'])
    .where('municipality_id', '=', municipalityId).where('id', 'in', part).execute());
  const visions = await chunked(ids, (part) => db.selectFrom('visions').select(['field_id', 'text'])
    .where('municipality_id', '=', municipalityId).where('field_id', 'in', part).orderBy('position').execute());
  return { fields, visions };
}

/** Actors by id, or all of the municipality's actors when `ids` is null. */
export function actorRowsByIds(db: Kysely<Database>, municipalityId: number, ids: number[] | null) {
  if (ids === null) return db.selectFrom('actors').select(['id', 'name', 'description']).where('municipality_id', '=', municipalityId).orderBy('id').execute();
  return chunked(ids, (part) => db.selectFrom('actors').select(['id', 'name', 'description'])
    .where('municipality_id', '=', municipalityId).where('id', 'in', part).execute());
}

export function measureIdsOfActor(db: Kysely<Database>, municipalityId: number, actorId: number) {
  return db.selectFrom('measure_actors').select('measure_id').where('municipality_id', '=', municipalityId).where('actor_id', '=', actorId).execute();
}

/** A plan's "last changed" moment, set by every write to its content. */
export async function touchPlan(db: Kysely<Database>, municipalityId: number, planId: number, now: string): Promise<void> {
  await db.updateTable('plans').set({ updated_at: now }).where('municipality_id', '=', municipalityId).where('id', '=', planId).execute();
}
