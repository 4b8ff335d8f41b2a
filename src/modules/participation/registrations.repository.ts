// SQL of event registrations: the registrations, their personal links (only SHA-256 of a token), the little of
// an event and of the municipality that registering needs, and the jobs a registration schedules. Every query
// is scoped to the municipality.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface RegistrationRow {
  id: number;
  municipality_id: number;
  event_id: number;
  name: string;
  email: string;
  needs_json: string;
  state: string;
  lang: string;
  created_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
  reminded_at: string | null;
}

const REG_COLUMNS = ['id', 'municipality_id', 'event_id', 'name', 'email', 'needs_json', 'state', 'lang', 'created_at', 'confirmed_at', 'cancelled_at', 'reminded_at'] as const;

/**
 * What registering reads of an event (the events' own repository has the full record): its times, place,
 * capacity, registration settings, state, and the online link (used only for a confirmed registrant's mail).
 */
export interface EventRow {
  id: number;
  title: string;
  description: string;
  kind: string;
  starts_at: string;
  ends_at: string;
  online: number;
  online_url: string;
  place_name: string;
  address: string;
  accessibility: string;
  capacity: number | null;
  registration: number;
  registration_deadline: string | null;
  state: string;
  updated_at: string;
}

export function findEvent(db: Db, municipalityId: number, eventId: number): Promise<EventRow | undefined> {
  return db
    .selectFrom('events')
    .select(['id', 'title', 'description', 'kind', 'starts_at', 'ends_at', 'online', 'online_url', 'place_name', 'address', 'accessibility', 'capacity', 'registration', 'registration_deadline', 'state', 'updated_at'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', eventId)
    .executeTakeFirst();
}

/** Events that take registrations, the latest first, with their registrations counted by state. */
export async function eventsWithCounts(db: Db, municipalityId: number) {
  const events = await db
    .selectFrom('events')
    .select(['id', 'title', 'starts_at', 'ends_at', 'capacity', 'state', 'online'])
    .where('municipality_id', '=', municipalityId)
    .where('registration', '=', 1)
    .orderBy('starts_at', 'desc')
    .orderBy('id')
    .execute();
  const counts = await db
    .selectFrom('event_registrations')
    .select(['event_id', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .groupBy(['event_id', 'state'])
    .execute();
  return events.map((e) => {
    const of = (state: string) => Number(counts.find((c) => c.event_id === e.id && c.state === state)?.n ?? 0);
    return { ...e, confirmed: of('confirmed'), waiting: of('waiting'), pending: of('pending') };
  });
}

/**
 * Holds the event's row for the rest of the transaction (PostgreSQL locks it; SQLite has one writer anyway), so
 * that two people confirming or cancelling at once never take the same free place.
 */
export async function lockEvent(trx: Db, municipalityId: number, eventId: number): Promise<void> {
  await trx.updateTable('events').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('municipality_id', '=', municipalityId).where('id', '=', eventId).execute();
}

export interface MunicipalityRow {
  id: number;
  slug: string;
  name: string;
  office_name: string;
  contact_email: string;
  contact_phone: string;
  registration_retention_days: number;
}

export function findMunicipality(db: Db, municipalityId: number): Promise<MunicipalityRow | undefined> {
  return db
    .selectFrom('municipalities')
    .select(['id', 'slug', 'name', 'office_name', 'contact_email', 'contact_phone', 'registration_retention_days'])
    .where('id', '=', municipalityId)
    .executeTakeFirst();
}

export async function setRetentionDays(trx: Db, municipalityId: number, days: number): Promise<void> {
  await trx.updateTable('municipalities').set({ registration_retention_days: days }).where('id', '=', municipalityId).execute();
}

export async function insertRegistration(
  trx: Db,
  municipalityId: number,
  values: { event_id: number; name: string; email: string; needs_json: string; token_hash: string; lang: string; created_at: string },
): Promise<number> {
  const row = await trx
    .insertInto('event_registrations')
    .values({ municipality_id: municipalityId, ...values, state: 'pending', confirmed_at: null, cancelled_at: null, reminded_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findRegistration(db: Db, municipalityId: number, id: number): Promise<RegistrationRow | undefined> {
  return db.selectFrom('event_registrations').select(REG_COLUMNS).where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

/** The registration a personal link belongs to, in this municipality only. */
export function findByTokenHash(db: Db, municipalityId: number, tokenHash: string): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('event_registration_links as l')
    .innerJoin('event_registrations as r', 'r.id', 'l.registration_id')
    .select(REG_COLUMNS.map((c) => `r.${c}` as const))
    .where('l.municipality_id', '=', municipalityId)
    .where('r.municipality_id', '=', municipalityId)
    .where('l.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function insertLink(db: Db, municipalityId: number, registrationId: number, tokenHash: string, now: string): Promise<void> {
  await db.insertInto('event_registration_links').values({ municipality_id: municipalityId, registration_id: registrationId, token_hash: tokenHash, created_at: now }).execute();
}

export async function deleteLink(db: Db, municipalityId: number, tokenHash: string): Promise<void> {
  await db.deleteFrom('event_registration_links').where('municipality_id', '=', municipalityId).where('token_hash', '=', tokenHash).execute();
}

export async function countConfirmed(db: Db, municipalityId: number, eventId: number): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('event_id', '=', eventId)
    .where('state', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The waiting list in its order: who confirmed their address first comes first. */
export function waitingList(db: Db, municipalityId: number, eventId: number): Promise<RegistrationRow[]> {
  return db
    .selectFrom('event_registrations')
    .select(REG_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('event_id', '=', eventId)
    .where('state', '=', 'waiting')
    .orderBy('confirmed_at')
    .orderBy('id')
    .execute();
}

export async function updateRegistration(
  trx: Db,
  municipalityId: number,
  id: number,
  patch: Partial<Pick<RegistrationRow, 'state' | 'confirmed_at' | 'cancelled_at' | 'reminded_at'>>,
): Promise<void> {
  await trx.updateTable('event_registrations').set(patch).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** Marks the reminder as sent, once: false when it already was. */
export async function claimReminder(db: Db, municipalityId: number, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('event_registrations')
    .set({ reminded_at: now })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .where('state', '=', 'confirmed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteRegistration(trx: Db, municipalityId: number, id: number): Promise<void> {
  await trx.deleteFrom('event_registration_links').where('municipality_id', '=', municipalityId).where('registration_id', '=', id).execute();
  await trx.deleteFrom('event_registrations').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** The registrations of an event an officer sees: everyone not cancelled, in the order they registered. */
export function listRegistrations(db: Db, municipalityId: number, eventId: number): Promise<RegistrationRow[]> {
  return db
    .selectFrom('event_registrations')
    .select(REG_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('event_id', '=', eventId)
    .where('state', '!=', 'cancelled')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * The events whose registrations are due for deletion at `now`: ended at least the retention days ago (the
 * municipality's setting), and still with registrations.
 */
export async function eventsDueForDeletion(db: Db, municipalityId: number, endedBefore: string): Promise<number[]> {
  const rows = await db
    .selectFrom('events as e')
    .select('e.id')
    .where('e.municipality_id', '=', municipalityId)
    .where('e.ends_at', '<=', endedBefore)
    .where((eb) => eb.exists(eb.selectFrom('event_registrations as r').select('r.id').where('r.municipality_id', '=', municipalityId).whereRef('r.event_id', '=', 'e.id')))
    .execute();
  return rows.map((r) => r.id);
}

/** Events of the municipality that still have registrations, with their ends. */
export function eventsWithRegistrations(db: Db, municipalityId: number): Promise<Array<{ id: number; ends_at: string }>> {
  return db
    .selectFrom('events as e')
    .select(['e.id', 'e.ends_at'])
    .where('e.municipality_id', '=', municipalityId)
    .where((eb) => eb.exists(eb.selectFrom('event_registrations as r').select('r.id').where('r.municipality_id', '=', municipalityId).whereRef('r.event_id', '=', 'e.id')))
    .execute();
}

export async function deleteRegistrationsOfEvent(trx: Db, municipalityId: number, eventId: number): Promise<number> {
  const ids = (await trx.selectFrom('event_registrations').select('id').where('municipality_id', '=', municipalityId).where('event_id', '=', eventId).execute()).map((r) => r.id);
  if (ids.length === 0) return 0;
  await trx.deleteFrom('event_registration_links').where('municipality_id', '=', municipalityId).where('registration_id', 'in', ids).execute();
  await trx.deleteFrom('event_registrations').where('municipality_id', '=', municipalityId).where('id', 'in', ids).execute();
  return ids.length;
}

/** Whether a job of this kind with exactly this payload is still waiting to run (a deletion already scheduled). */
export async function hasQueuedJob(db: Db, municipalityId: number, kind: string, payload: unknown, runAt: string): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', kind)
    .where('state', '=', 'queued')
    .where('payload_json', '=', JSON.stringify(payload))
    .where('run_at', '=', runAt)
    .executeTakeFirst();
  return !!row;
}
