// All SQL of the events: the events themselves, their programme, the counts of their registrations (for the
// free places) and the working groups an event may belong to. Every query is scoped to the municipality.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { EventProgrammeTable, EventTable } from '../../platform/db/schema.participation.js';

type Db = Kysely<Database>;
export type EventRow = Selectable<EventTable>;
export type ProgrammeRow = Selectable<EventProgrammeTable>;
export type EventColumns = Omit<EventRow, 'id' | 'municipality_id' | 'created_at' | 'updated_at' | 'state' | 'is_demo'> & { state?: string; is_demo?: number };

export interface EventFilter {
  states?: string[];
  phaseIds?: number[];
  groupId?: number;
  /** events that end at or after this instant */
  from?: string;
  /** events that end before this instant */
  before?: string;
}

export function findEvent(db: Db, municipalityId: number, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

export function listEvents(db: Db, municipalityId: number, filter: EventFilter = {}, order: 'asc' | 'desc' = 'asc'): Promise<EventRow[]> {
  let q = db.selectFrom('events').selectAll().where('municipality_id', '=', municipalityId);
  if (filter.states) q = q.where('state', 'in', filter.states);
  if (filter.phaseIds) {
    if (filter.phaseIds.length === 0) return Promise.resolve([]);
    q = q.where('phase_id', 'in', filter.phaseIds);
  }
  if (filter.groupId !== undefined) q = q.where('group_id', '=', filter.groupId);
  if (filter.from) q = q.where('ends_at', '>=', filter.from);
  if (filter.before) q = q.where('ends_at', '<', filter.before);
  return q.orderBy('starts_at', order).orderBy('id', order).execute();
}

export async function insertEvent(db: Db, municipalityId: number, values: EventColumns, now: string): Promise<number> {
  const row = await db
    .insertInto('events')
    .values({ municipality_id: municipalityId, ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateEvent(db: Db, municipalityId: number, id: number, values: Partial<EventColumns>, now: string): Promise<void> {
  await db.updateTable('events').set({ ...values, updated_at: now }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deleteEvent(db: Db, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('events').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export function listProgramme(db: Db, municipalityId: number, eventId: number): Promise<ProgrammeRow[]> {
  return db.selectFrom('event_programme').selectAll().where('municipality_id', '=', municipalityId).where('event_id', '=', eventId).orderBy('position').orderBy('id').execute();
}

/** The programmes of several events at once, by event (events without one are missing). */
export async function listProgrammes(db: Db, municipalityId: number, eventIds: number[]): Promise<Map<number, ProgrammeRow[]>> {
  const byEvent = new Map<number, ProgrammeRow[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db.selectFrom('event_programme').selectAll().where('municipality_id', '=', municipalityId).where('event_id', 'in', eventIds).orderBy('event_id').orderBy('position').orderBy('id').execute();
  for (const r of rows) {
    const list = byEvent.get(r.event_id);
    if (list) list.push(r);
    else byEvent.set(r.event_id, [r]);
  }
  return byEvent;
}

export function findProgrammeItem(db: Db, municipalityId: number, id: number): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('event_programme').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

export async function insertProgrammeItem(db: Db, municipalityId: number, eventId: number, values: Pick<ProgrammeRow, 'starts_at' | 'title' | 'speaker'>): Promise<number> {
  const last = await db
    .selectFrom('event_programme')
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .where('municipality_id', '=', municipalityId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  const row = await db
    .insertInto('event_programme')
    .values({ municipality_id: municipalityId, event_id: eventId, position: Number(last?.p ?? 0) + 1, ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateProgrammeItem(db: Db, municipalityId: number, id: number, values: Partial<Pick<ProgrammeRow, 'starts_at' | 'title' | 'speaker' | 'position'>>): Promise<void> {
  await db.updateTable('event_programme').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deleteProgrammeItem(db: Db, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('event_programme').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** Confirmed registrations per event (the places taken). */
export async function confirmedCounts(db: Db, municipalityId: number, eventIds: number[]): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('event_registrations')
    .select(['event_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .where('event_id', 'in', eventIds)
    .where('state', '=', 'confirmed')
    .groupBy('event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, Number(r.n)]));
}

/** The municipality's working groups (id and title), for an event that is a group's meeting. */
export function listGroups(db: Db, municipalityId: number): Promise<Array<{ id: number; title: string }>> {
  return db.selectFrom('working_groups').select(['id', 'title']).where('municipality_id', '=', municipalityId).orderBy('title').execute();
}

export function findGroup(db: Db, municipalityId: number, id: number): Promise<{ id: number; title: string } | undefined> {
  return db.selectFrom('working_groups').select(['id', 'title']).where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}
