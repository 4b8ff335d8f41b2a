// The plan's SQL. Every function takes the municipality first: no query can leave its tenant.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import { inBatches } from '../../platform/db/batch.js';
import { moveInOrder, nextPosition } from '../../platform/db/ordering.js';
import type { Database, FieldTable, GoalTable, GuidingGoalTable, MeasureTable, PlanTable } from '../../platform/db/schema.js';
import type { StatusCategory } from './status.js';

/** A connection or a transaction (a transaction is a Kysely too). */
type Conn = Kysely<Database>;
/** A new row of a table: its id is made and its municipality set by the repository. */
export type NewRow<T> = Omit<Insertable<T>, 'id' | 'municipality_id'>;
/** The columns a write may change: never the id or the municipality. */
export type RowChanges<T> = Omit<Updateable<T>, 'id' | 'municipality_id'>;
export type Direction = 'up' | 'down';

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
  /** As the plan writes it ("1.1"), or null. */
  number: string | null;
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

// ---- plans --------------------------------------------------------------------------------------------

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

export async function insertPlan(db: Conn, municipalityId: number, plan: NewRow<PlanTable>): Promise<number> {
  const row = await db.insertInto('plans').values({ ...plan, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePlan(db: Conn, municipalityId: number, planId: number, changes: RowChanges<PlanTable>): Promise<void> {
  await db.updateTable('plans').set(changes).where('municipality_id', '=', municipalityId).where('id', '=', planId).execute();
}

export async function deletePlan(db: Conn, municipalityId: number, planId: number): Promise<void> {
  await db.deleteFrom('plans').where('municipality_id', '=', municipalityId).where('id', '=', planId).execute();
}

// ---- fields and visions -------------------------------------------------------------------------------

export function findField(db: Conn, municipalityId: number, fieldId: number) {
  return db.selectFrom('fields').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', fieldId).executeTakeFirst();
}

export async function insertField(db: Conn, municipalityId: number, field: NewRow<FieldTable>): Promise<number> {
  const row = await db.insertInto('fields').values({ ...field, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Many fields in one statement (an import); each comes back with its plan and position, whatever the order. */
export async function insertFields(db: Conn, municipalityId: number, fields: NewRow<FieldTable>[]): Promise<Array<{ id: number; plan_id: number; position: number }>> {
  return inBatches(fields, (part) => db.insertInto('fields').values(part.map((f) => ({ ...f, municipality_id: municipalityId }))).returning(['id', 'plan_id', 'position']).execute());
}

/** A new field after the plan's last one. */
export async function appendField(db: Conn, municipalityId: number, planId: number, field: { title: string; description: string }): Promise<number> {
  const position = await nextPosition(db, 'fields', municipalityId, { plan_id: planId });
  return insertField(db, municipalityId, { plan_id: planId, position, ...field });
}

export async function updateField(db: Conn, municipalityId: number, fieldId: number, changes: RowChanges<FieldTable>): Promise<void> {
  await db.updateTable('fields').set(changes).where('municipality_id', '=', municipalityId).where('id', '=', fieldId).execute();
}

/** Swaps a field with its neighbour in the plan; false at the edge. */
export function moveField(db: Conn, municipalityId: number, field: { id: number; plan_id: number }, direction: Direction): Promise<boolean> {
  return moveInOrder(db, 'fields', municipalityId, field.id, { plan_id: field.plan_id }, direction);
}

export async function deleteField(db: Conn, municipalityId: number, fieldId: number): Promise<void> {
  await db.deleteFrom('fields').where('municipality_id', '=', municipalityId).where('id', '=', fieldId).execute();
}

/** A vision with the plan its field belongs to. */
export function findVision(db: Conn, municipalityId: number, visionId: number) {
  return db
    .selectFrom('visions').innerJoin('fields', 'fields.id', 'visions.field_id')
    .select(['visions.id', 'visions.field_id', 'visions.text', 'visions.position', 'fields.plan_id'])
    .where('visions.municipality_id', '=', municipalityId).where('visions.id', '=', visionId).executeTakeFirst();
}

/** A field's visions at the given positions, in one statement. */
export async function insertVisions(db: Conn, municipalityId: number, fieldId: number, visions: Array<{ position: number; text: string }>): Promise<void> {
  if (visions.length === 0) return;
  await db.insertInto('visions').values(visions.map((v) => ({ municipality_id: municipalityId, field_id: fieldId, position: v.position, text: v.text }))).execute();
}

/** The visions of many fields in chunked multi-row statements (an import). */
export async function insertVisionRows(db: Conn, municipalityId: number, visions: Array<{ fieldId: number; position: number; text: string }>): Promise<void> {
  await inBatches(visions, async (part) => {
    await db.insertInto('visions').values(part.map((v) => ({ municipality_id: municipalityId, field_id: v.fieldId, position: v.position, text: v.text }))).execute();
    return [];
  });
}

/** A new vision after the field's last one. */
export async function appendVision(db: Conn, municipalityId: number, fieldId: number, text: string): Promise<number> {
  const position = await nextPosition(db, 'visions', municipalityId, { field_id: fieldId });
  const row = await db.insertInto('visions').values({ municipality_id: municipalityId, field_id: fieldId, position, text }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateVision(db: Conn, municipalityId: number, visionId: number, text: string): Promise<void> {
  await db.updateTable('visions').set({ text }).where('municipality_id', '=', municipalityId).where('id', '=', visionId).execute();
}

/** Swaps a vision with its neighbour in the field; false at the edge. */
export function moveVision(db: Conn, municipalityId: number, vision: { id: number; field_id: number }, direction: Direction): Promise<boolean> {
  return moveInOrder(db, 'visions', municipalityId, vision.id, { field_id: vision.field_id }, direction);
}

export async function deleteVision(db: Conn, municipalityId: number, visionId: number): Promise<void> {
  await db.deleteFrom('visions').where('municipality_id', '=', municipalityId).where('id', '=', visionId).execute();
}

// ---- guiding goals and goals --------------------------------------------------------------------------

export function findGuidingGoal(db: Conn, municipalityId: number, guidingGoalId: number) {
  return db.selectFrom('guiding_goals').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', guidingGoalId).executeTakeFirst();
}

export async function insertGuidingGoal(db: Conn, municipalityId: number, guidingGoal: NewRow<GuidingGoalTable>): Promise<number> {
  const row = await db.insertInto('guiding_goals').values({ ...guidingGoal, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A new guiding goal after the plan's last one. */
export async function appendGuidingGoal(db: Conn, municipalityId: number, planId: number, guidingGoal: { text: string; target_year: number | null }): Promise<number> {
  const position = await nextPosition(db, 'guiding_goals', municipalityId, { plan_id: planId });
  return insertGuidingGoal(db, municipalityId, { plan_id: planId, position, ...guidingGoal });
}

export async function updateGuidingGoal(db: Conn, municipalityId: number, guidingGoalId: number, changes: RowChanges<GuidingGoalTable>): Promise<void> {
  await db.updateTable('guiding_goals').set(changes).where('municipality_id', '=', municipalityId).where('id', '=', guidingGoalId).execute();
}

/** Swaps a guiding goal with its neighbour in the plan; false at the edge. */
export function moveGuidingGoal(db: Conn, municipalityId: number, guidingGoal: { id: number; plan_id: number }, direction: Direction): Promise<boolean> {
  return moveInOrder(db, 'guiding_goals', municipalityId, guidingGoal.id, { plan_id: guidingGoal.plan_id }, direction);
}

export async function deleteGuidingGoal(db: Conn, municipalityId: number, guidingGoalId: number): Promise<void> {
  await db.deleteFrom('guiding_goals').where('municipality_id', '=', municipalityId).where('id', '=', guidingGoalId).execute();
}

/** A goal with the plan its field belongs to. */
export function findGoal(db: Conn, municipalityId: number, goalId: number) {
  return db
    .selectFrom('goals').innerJoin('fields', 'fields.id', 'goals.field_id')
    .select(['goals.id', 'goals.field_id', 'goals.guiding_goal_id', 'goals.position', 'goals.number', 'goals.text', 'fields.plan_id'])
    .where('goals.municipality_id', '=', municipalityId).where('goals.id', '=', goalId).executeTakeFirst();
}

export async function insertGoal(db: Conn, municipalityId: number, goal: NewRow<GoalTable>): Promise<number> {
  const row = await db.insertInto('goals').values({ ...goal, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Many goals in chunked statements (an import); each comes back with its field and position, whatever the order. */
export async function insertGoals(db: Conn, municipalityId: number, goals: NewRow<GoalTable>[]): Promise<Array<{ id: number; field_id: number; position: number }>> {
  return inBatches(goals, (part) => db.insertInto('goals').values(part.map((g) => ({ ...g, municipality_id: municipalityId }))).returning(['id', 'field_id', 'position']).execute());
}

/** A new goal after the field's last one. */
export async function appendGoal(db: Conn, municipalityId: number, fieldId: number, goal: { text: string; number: string | null; guiding_goal_id: number | null }): Promise<number> {
  const position = await nextPosition(db, 'goals', municipalityId, { field_id: fieldId });
  return insertGoal(db, municipalityId, { field_id: fieldId, position, ...goal });
}

export async function updateGoal(db: Conn, municipalityId: number, goalId: number, changes: RowChanges<GoalTable>): Promise<void> {
  await db.updateTable('goals').set(changes).where('municipality_id', '=', municipalityId).where('id', '=', goalId).execute();
}

/** Swaps a goal with its neighbour in the field; false at the edge. */
export function moveGoal(db: Conn, municipalityId: number, goal: { id: number; field_id: number }, direction: Direction): Promise<boolean> {
  return moveInOrder(db, 'goals', municipalityId, goal.id, { field_id: goal.field_id }, direction);
}

export async function deleteGoal(db: Conn, municipalityId: number, goalId: number): Promise<void> {
  await db.deleteFrom('goals').where('municipality_id', '=', municipalityId).where('id', '=', goalId).execute();
}

// ---- measures, as they are read -----------------------------------------------------------------------

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
    groupActorRows(rows, byMeasure);
  }
  return byMeasure;
}

/** The actors of every measure of a plan, by measure (one query, whatever the plan's size). */
export async function actorsOfPlanMeasures(db: Kysely<Database>, municipalityId: number, planId: number): Promise<Map<number, MeasureActorRef[]>> {
  const rows = await db
    .selectFrom('measure_actors as ma')
    .innerJoin('measures as m', 'm.id', 'ma.measure_id')
    .innerJoin('actors as a', 'a.id', 'ma.actor_id')
    .leftJoin('actors as p', 'p.id', 'a.parent_id')
    .select(['ma.measure_id', 'a.id', 'a.name', 'p.name as parent_name', 'ma.role', 'ma.position'])
    .where('ma.municipality_id', '=', municipalityId)
    .where('m.municipality_id', '=', municipalityId)
    .where('m.plan_id', '=', planId)
    .orderBy('ma.measure_id')
    .orderBy('ma.position')
    .execute();
  return groupActorRows(rows);
}

function groupActorRows(rows: Array<{ measure_id: number; id: number; name: string; parent_name: string | null; role: string }>, byMeasure = new Map<number, MeasureActorRef[]>()): Map<number, MeasureActorRef[]> {
  for (const r of rows) {
    const list = byMeasure.get(r.measure_id) ?? [];
    list.push({ id: r.id, name: r.name, parentName: r.parent_name, role: r.role === 'lead' ? 'lead' : 'partner' });
    byMeasure.set(r.measure_id, list);
  }
  return byMeasure;
}

/** The whole plan in six queries at once, ordered as the catalogue prints it. */
export async function loadPlanTree(db: Kysely<Database>, municipalityId: number, plan: Plan): Promise<PlanTree> {
  const [guidingGoals, fields, visions, goals, measures, actors] = await Promise.all([
    db.selectFrom('guiding_goals').select(['id', 'plan_id', 'position', 'text', 'target_year'])
      .where('municipality_id', '=', municipalityId).where('plan_id', '=', plan.id).orderBy('position').execute(),
    db.selectFrom('fields').select(['id', 'plan_id', 'position', 'title', 'description'])
      .where('municipality_id', '=', municipalityId).where('plan_id', '=', plan.id).orderBy('position').execute(),
    db.selectFrom('visions').innerJoin('fields', 'fields.id', 'visions.field_id')
      .select(['visions.id', 'visions.field_id', 'visions.position', 'visions.text'])
      .where('visions.municipality_id', '=', municipalityId).where('fields.plan_id', '=', plan.id).orderBy('visions.position').execute(),
    db.selectFrom('goals').innerJoin('fields', 'fields.id', 'goals.field_id')
      .select(['goals.id', 'goals.field_id', 'goals.guiding_goal_id', 'goals.position', 'goals.number', 'goals.text'])
      .where('goals.municipality_id', '=', municipalityId).where('fields.plan_id', '=', plan.id).orderBy('goals.position').execute(),
    db.selectFrom('measures').selectAll()
      .where('municipality_id', '=', municipalityId).where('plan_id', '=', plan.id).orderBy('position').orderBy('id').execute(),
    actorsOfPlanMeasures(db, municipalityId, plan.id),
  ]);
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

/** A plan's fields of action and measures by name only, in the catalogue's order: what a link to them shows. */
export interface PlanOutline {
  fields: Array<{ id: number; title: string }>;
  measures: Array<{ id: number; number: string | null; text: string; field_id: number }>;
}

/** The plan's fields of action, their ids and titles in order. */
export function listFieldTitles(db: Kysely<Database>, municipalityId: number, planId: number): Promise<Array<{ id: number; title: string }>> {
  return db.selectFrom('fields').select(['id', 'title']).where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).orderBy('position').execute();
}

/** The plan's outline in two light queries (no goals, visions or actors). */
export async function loadPlanOutline(db: Kysely<Database>, municipalityId: number, planId: number): Promise<PlanOutline> {
  const [fields, measures] = await Promise.all([
    listFieldTitles(db, municipalityId, planId),
    // as allMeasures orders the tree: by field, then each goal's measures (a measure's position counts within its
    // goal), then the field's measures without a goal
    db.selectFrom('measures').innerJoin('fields', 'fields.id', 'measures.field_id').leftJoin('goals', 'goals.id', 'measures.goal_id')
      .select(['measures.id', 'measures.number', 'measures.text', 'measures.field_id'])
      .where('measures.municipality_id', '=', municipalityId).where('measures.plan_id', '=', planId)
      .orderBy('fields.position').orderBy('fields.id').orderBy(sql`case when goals.id is null then 1 else 0 end`).orderBy('goals.position').orderBy('goals.id')
      .orderBy('measures.position').orderBy('measures.id').execute(),
  ]);
  return { fields, measures };
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

/** A measure of the given plan only. */
export function findMeasureInPlan(db: Conn, municipalityId: number, planId: number, measureId: number) {
  return db.selectFrom('measures').selectAll().where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).where('id', '=', measureId).executeTakeFirst();
}

/** The measures of a plan that carry this number as written, trimmed (at most one, unless the data is already wrong). */
export async function measureIdsWithNumber(db: Conn, municipalityId: number, planId: number, number: string): Promise<number[]> {
  const rows = await db.selectFrom('measures').select('id').where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).where('number', '=', number).execute();
  return rows.map((r) => r.id);
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

/** Every public progress note of a plan's measures, newest first: what the exchange format (and every export) carries. */
export function listNotesOfPlan(db: Conn, municipalityId: number, planId: number) {
  return db
    .selectFrom('progress_notes as n')
    .innerJoin('measures as m', 'm.id', 'n.measure_id')
    .select(['n.measure_id', 'n.text', 'n.note_date'])
    .where('n.municipality_id', '=', municipalityId)
    .where('m.plan_id', '=', planId)
    .where('n.is_internal', '=', 0)
    .orderBy('n.note_date', 'desc')
    .orderBy('n.id', 'desc')
    .execute();
}

/** The labelled attributes of these measures by measure, in their order. */
export async function attributesOfMeasures(db: Conn, municipalityId: number, measureIds: number[]): Promise<Map<number, Array<{ label: string; value: string }>>> {
  const byMeasure = new Map<number, Array<{ label: string; value: string }>>();
  const rows = await inBatches(measureIds, (part) => db.selectFrom('measure_attributes').select(['measure_id', 'label', 'value'])
    .where('municipality_id', '=', municipalityId).where('measure_id', 'in', part)
    .orderBy('measure_id').orderBy('position').execute());
  for (const r of rows) byMeasure.set(r.measure_id, [...(byMeasure.get(r.measure_id) ?? []), { label: r.label, value: r.value }]);
  return byMeasure;
}

export interface NoteCopy {
  text: string;
  note_date: string | null;
  created_at: string;
  author_name: string;
  is_internal: number;
}

/** The progress notes of these measures by measure, in the order they were written. */
export async function notesOfMeasures(db: Conn, municipalityId: number, measureIds: number[]): Promise<Map<number, NoteCopy[]>> {
  const byMeasure = new Map<number, NoteCopy[]>();
  // Chunked: SQLite allows a limited number of bound parameters per statement.
  for (let i = 0; i < measureIds.length; i += 500) {
    const rows = await db.selectFrom('progress_notes')
      .select(['measure_id', 'text', 'note_date', 'created_at', 'author_name', 'is_internal'])
      .where('municipality_id', '=', municipalityId).where('measure_id', 'in', measureIds.slice(i, i + 500))
      .orderBy('id').execute();
    for (const r of rows) byMeasure.set(r.measure_id, [...(byMeasure.get(r.measure_id) ?? []), r]);
  }
  return byMeasure;
}

// ---- rows by id, for refreshing their search documents -----------------------------------------------

export function measureRowsByIds(db: Kysely<Database>, municipalityId: number, ids: number[]) {
  return inBatches(ids, (part) => db.selectFrom('measures').select(['id', 'plan_id', 'number', 'text', 'status_label', 'target_groups'])
    .where('municipality_id', '=', municipalityId).where('id', 'in', part).execute());
}

export function goalRowsByIds(db: Kysely<Database>, municipalityId: number, ids: number[]) {
  return inBatches(ids, (part) => db.selectFrom('goals').innerJoin('fields', 'fields.id', 'goals.field_id')
    .select(['goals.id', 'fields.plan_id', 'goals.text'])
    .where('goals.municipality_id', '=', municipalityId).where('goals.id', 'in', part).execute());
}

export async function fieldRowsByIds(db: Kysely<Database>, municipalityId: number, ids: number[]) {
  const fields = await inBatches(ids, (part) => db.selectFrom('fields').select(['id', 'plan_id', 'title', 'description'])
    .where('municipality_id', '=', municipalityId).where('id', 'in', part).execute());
  const visions = await inBatches(ids, (part) => db.selectFrom('visions').select(['field_id', 'text'])
    .where('municipality_id', '=', municipalityId).where('field_id', 'in', part).orderBy('position').execute());
  return { fields, visions };
}

/** Actors by id, or all of the municipality's actors when `ids` is null. */
export function actorRowsByIds(db: Kysely<Database>, municipalityId: number, ids: number[] | null) {
  if (ids === null) return db.selectFrom('actors').select(['id', 'name', 'description']).where('municipality_id', '=', municipalityId).orderBy('id').execute();
  return inBatches(ids, (part) => db.selectFrom('actors').select(['id', 'name', 'description'])
    .where('municipality_id', '=', municipalityId).where('id', 'in', part).execute());
}

export function measureIdsOfActor(db: Kysely<Database>, municipalityId: number, actorId: number) {
  return db.selectFrom('measure_actors').select('measure_id').where('municipality_id', '=', municipalityId).where('actor_id', '=', actorId).execute();
}

/** A plan's "last changed" moment, set by every write to its content. */
export async function touchPlan(db: Kysely<Database>, municipalityId: number, planId: number, now: string): Promise<void> {
  await db.updateTable('plans').set({ updated_at: now }).where('municipality_id', '=', municipalityId).where('id', '=', planId).execute();
}
