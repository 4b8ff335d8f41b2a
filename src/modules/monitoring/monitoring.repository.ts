// The monitoring module's SQL. Every function takes the municipality first: no query can leave its tenant.
import type { Kysely, Transaction, Updateable } from 'kysely';
import { inBatches } from '../../platform/db/batch.js';
import type { Database } from '../../platform/db/schema.js';
import type { IndicatorTable, MeasureFundingTable, YearlyPriorityTable } from '../../platform/db/schema.monitoring.js';

type Q = Kysely<Database> | Transaction<Database>;

// ---- what the dashboard reads of the plan ---------------------------------------------------------------

export function notesOfPlan(db: Q, municipalityId: number, planId: number) {
  return db
    .selectFrom('progress_notes as n')
    .innerJoin('measures as m', 'm.id', 'n.measure_id')
    .select(['n.measure_id', 'n.note_date', 'n.created_at'])
    .where('n.municipality_id', '=', municipalityId)
    .where('m.municipality_id', '=', municipalityId)
    .where('m.plan_id', '=', planId)
    .execute();
}

export function statusChangesOfPlan(db: Q, municipalityId: number, planId: number, since: string) {
  return db
    .selectFrom('status_changes as s')
    .innerJoin('measures as m', 'm.id', 's.measure_id')
    .select(['s.measure_id', 's.changed_at', 's.from_label'])
    .where('s.municipality_id', '=', municipalityId)
    .where('m.municipality_id', '=', municipalityId)
    .where('m.plan_id', '=', planId)
    .where('s.changed_at', '>=', since)
    .execute();
}

/**
 * When each measure of the plan came into it: its first status history entry (written on creation, import and
 * copy) or its creation in the audit log, whichever is earlier. Measures with neither are missing from the map.
 */
export async function measuresInPlanSince(db: Q, municipalityId: number, planId: number): Promise<Map<number, string>> {
  const [history, created] = await Promise.all([
    db.selectFrom('status_changes as s')
      .innerJoin('measures as m', 'm.id', 's.measure_id')
      .select(['s.measure_id as id', (eb) => eb.fn.min('s.changed_at').as('at')])
      .where('s.municipality_id', '=', municipalityId)
      .where('m.municipality_id', '=', municipalityId)
      .where('m.plan_id', '=', planId)
      .groupBy('s.measure_id')
      .execute(),
    db.selectFrom('audit_log as l')
      .innerJoin('measures as m', 'm.id', 'l.entity_id')
      .select(['m.id as id', (eb) => eb.fn.min('l.at').as('at')])
      .where('l.municipality_id', '=', municipalityId)
      .where('l.entity_type', '=', 'measure')
      .where('l.action', '=', 'measure.create')
      .where('m.municipality_id', '=', municipalityId)
      .where('m.plan_id', '=', planId)
      .groupBy('m.id')
      .execute(),
  ]);
  const since = new Map<number, string>();
  for (const r of [...history, ...created]) {
    if (!r.at) continue;
    const at = String(r.at);
    const known = since.get(r.id);
    if (known === undefined || Date.parse(at) < Date.parse(known)) since.set(r.id, at);
  }
  return since;
}

// ---- funding ------------------------------------------------------------------------------------------

export function fundingOfPlan(db: Q, municipalityId: number, planId: number) {
  return db
    .selectFrom('measure_funding as f')
    .innerJoin('measures as m', 'm.id', 'f.measure_id')
    .select(['f.id', 'f.measure_id', 'f.programme', 'f.amount_cents', 'f.start_date', 'f.end_date'])
    .where('f.municipality_id', '=', municipalityId)
    .where('m.municipality_id', '=', municipalityId)
    .where('m.plan_id', '=', planId)
    .orderBy('f.end_date')
    .orderBy('f.id')
    .execute();
}

export function fundingOfMeasure(db: Q, municipalityId: number, measureId: number) {
  return db
    .selectFrom('measure_funding')
    .select(['id', 'measure_id', 'programme', 'amount_cents', 'start_date', 'end_date'])
    .where('municipality_id', '=', municipalityId)
    .where('measure_id', '=', measureId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
}

export function findFunding(db: Q, municipalityId: number, id: number) {
  return db.selectFrom('measure_funding').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

/** What a funding entry says (programme, amount in cents, period). */
export type FundingColumns = Required<Pick<Updateable<MeasureFundingTable>, 'programme' | 'amount_cents' | 'start_date' | 'end_date'>>;

export async function insertFunding(db: Q, municipalityId: number, measureId: number, funding: FundingColumns, at: string): Promise<number> {
  const row = await db
    .insertInto('measure_funding')
    .values({ municipality_id: municipalityId, measure_id: measureId, ...funding, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateFunding(db: Q, municipalityId: number, id: number, funding: FundingColumns): Promise<void> {
  await db.updateTable('measure_funding').set(funding).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deleteFunding(db: Q, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('measure_funding').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

// ---- indicators ---------------------------------------------------------------------------------------

export function listIndicators(db: Q, municipalityId: number, planId: number) {
  return db.selectFrom('indicators').selectAll().where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).orderBy('position').orderBy('id').execute();
}

export function findIndicator(db: Q, municipalityId: number, id: number) {
  return db.selectFrom('indicators').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

/** What an indicator says and what it belongs to (a goal or a guiding goal). */
export type IndicatorColumns = Required<Omit<Updateable<IndicatorTable>, 'id' | 'municipality_id' | 'plan_id' | 'position' | 'created_at'>>;

/** A new indicator, after the plan's others; returns its id. */
export async function insertIndicator(db: Q, municipalityId: number, planId: number, columns: IndicatorColumns, at: string): Promise<number> {
  const position = await nextPosition(db, 'indicators', municipalityId, planId);
  const row = await db
    .insertInto('indicators')
    .values({ municipality_id: municipalityId, plan_id: planId, ...columns, position, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateIndicator(db: Q, municipalityId: number, id: number, columns: IndicatorColumns): Promise<void> {
  await db.updateTable('indicators').set(columns).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deleteIndicator(db: Q, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('indicators').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export function valuesOf(db: Q, municipalityId: number, indicatorIds: readonly number[]) {
  return inBatches(indicatorIds, (chunk) =>
    db
      .selectFrom('indicator_values')
      .select(['id', 'indicator_id', 'period', 'value'])
      .where('municipality_id', '=', municipalityId)
      .where('indicator_id', 'in', chunk)
      .orderBy('period')
      .execute(),
  );
}

export function findValue(db: Q, municipalityId: number, indicatorId: number, valueId: number) {
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('indicator_id', '=', indicatorId)
    .where('id', '=', valueId)
    .executeTakeFirst();
}

/** Sets the value of a period, replacing one recorded before for the same period. */
export async function putValue(db: Q, municipalityId: number, indicatorId: number, period: string, value: number, at: string) {
  await db.deleteFrom('indicator_values').where('municipality_id', '=', municipalityId).where('indicator_id', '=', indicatorId).where('period', '=', period).execute();
  await db.insertInto('indicator_values').values({ municipality_id: municipalityId, indicator_id: indicatorId, period, value, created_at: at }).execute();
}

export async function deleteValue(db: Q, municipalityId: number, indicatorId: number, valueId: number): Promise<void> {
  await db.deleteFrom('indicator_values').where('municipality_id', '=', municipalityId).where('indicator_id', '=', indicatorId).where('id', '=', valueId).execute();
}

// ---- yearly priorities --------------------------------------------------------------------------------

export function listPriorities(db: Q, municipalityId: number, planId: number, year?: number) {
  let q = db.selectFrom('yearly_priorities').selectAll().where('municipality_id', '=', municipalityId).where('plan_id', '=', planId);
  if (year !== undefined) q = q.where('year', '=', year);
  return q.orderBy('year', 'desc').orderBy('position').orderBy('id').execute();
}

export async function priorityYears(db: Q, municipalityId: number, planId: number): Promise<number[]> {
  const rows = await db.selectFrom('yearly_priorities').select('year').distinct().where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).orderBy('year', 'desc').execute();
  return rows.map((r) => r.year);
}

export function findPriority(db: Q, municipalityId: number, id: number) {
  return db.selectFrom('yearly_priorities').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

/** What a priority says (its links are written by replaceLinks). */
export type PriorityColumns = Required<Pick<Updateable<YearlyPriorityTable>, 'year' | 'title' | 'description' | 'guiding_goal_id'>>;

/** A new priority, after the plan's others; returns its id. */
export async function insertPriority(db: Q, municipalityId: number, planId: number, columns: PriorityColumns, at: string): Promise<number> {
  const position = await nextPosition(db, 'yearly_priorities', municipalityId, planId);
  const row = await db
    .insertInto('yearly_priorities')
    .values({ municipality_id: municipalityId, plan_id: planId, ...columns, position, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePriority(db: Q, municipalityId: number, id: number, columns: PriorityColumns): Promise<void> {
  await db.updateTable('yearly_priorities').set(columns).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deletePriority(db: Q, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('yearly_priorities').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export function linksOf(db: Q, municipalityId: number, priorityIds: readonly number[]) {
  return inBatches(priorityIds, (chunk) =>
    db
      .selectFrom('yearly_priority_links')
      .select(['priority_id', 'goal_id', 'measure_id'])
      .where('municipality_id', '=', municipalityId)
      .where('priority_id', 'in', chunk)
      .orderBy('id')
      .execute(),
  );
}

export async function replaceLinks(db: Q, municipalityId: number, priorityId: number, goalIds: readonly number[], measureIds: readonly number[]) {
  await db.deleteFrom('yearly_priority_links').where('municipality_id', '=', municipalityId).where('priority_id', '=', priorityId).execute();
  const rows = [
    ...goalIds.map((id) => ({ municipality_id: municipalityId, priority_id: priorityId, goal_id: id, measure_id: null })),
    ...measureIds.map((id) => ({ municipality_id: municipalityId, priority_id: priorityId, goal_id: null, measure_id: id })),
  ];
  if (rows.length) await db.insertInto('yearly_priority_links').values(rows).execute();
}

export async function nextPosition(db: Q, table: 'yearly_priorities' | 'indicators', municipalityId: number, planId: number): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('municipality_id', '=', municipalityId)
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}
