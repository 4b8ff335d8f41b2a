// The SQL of the Wegweiser: offers, their links to measures and fields, and the settings; every function takes
// the municipality. Filters that are plain columns run here; "open now" needs the recurrence (offers.times.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { OfferTable } from '../../platform/db/schema.offers.js';
import type { Insertable } from 'kysely';

type Conn = Kysely<Database> | Transaction<Database>;

export type OfferValues = Omit<Insertable<OfferTable>, 'id' | 'municipality_id' | 'created_at' | 'link_state' | 'link_error' | 'link_checked_at'>;

const columns = [
  'o.id', 'o.municipality_id', 'o.actor_id', 'o.title', 'o.description', 'o.category', 'o.street', 'o.postcode', 'o.town', 'o.district',
  'o.frequency', 'o.weekdays', 'o.month_week', 'o.start_time', 'o.end_time', 'o.starts_on', 'o.ends_on', 'o.exceptions', 'o.skip_holidays',
  'o.times_note', 'o.languages', 'o.target_groups', 'o.free_of_charge', 'o.cost', 'o.accessibility', 'o.phone', 'o.email', 'o.website',
  'o.state', 'o.last_checked_on', 'o.link_state', 'o.link_error', 'o.link_checked_at', 'o.created_at', 'o.updated_at',
] as const;

function offers(db: Conn, municipalityId: number) {
  return db
    .selectFrom('offers as o')
    .leftJoin('actors as a', (j) => j.onRef('a.id', '=', 'o.actor_id').on('a.municipality_id', '=', municipalityId))
    .select([...columns, 'a.name as actor_name'])
    .where('o.municipality_id', '=', municipalityId);
}

export async function findOffer(db: Conn, municipalityId: number, id: number) {
  return (await offers(db, municipalityId).where('o.id', '=', id).executeTakeFirst()) ?? null;
}

export type OfferRow = NonNullable<Awaited<ReturnType<typeof findOffer>>>;

export interface ColumnFilters {
  q?: string;
  category?: string;
  language?: string;
  group?: string;
  district?: string;
  free?: boolean;
  actorId?: number;
  state?: 'published';
}

const likeText = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Offers matching the column filters, by title; without `state` drafts too (the admin list). */
export async function listOffers(db: Conn, municipalityId: number, f: ColumnFilters = {}): Promise<OfferRow[]> {
  let q = offers(db, municipalityId);
  if (f.state) q = q.where('o.state', '=', f.state);
  if (f.category) q = q.where('o.category', '=', f.category);
  if (f.language) q = q.where('o.languages', 'like', `%,${f.language},%`);
  if (f.group) q = q.where('o.target_groups', 'like', `%,${f.group},%`);
  if (f.district) q = q.where('o.district', '=', f.district);
  if (f.free) q = q.where('o.free_of_charge', '=', 1);
  if (f.actorId !== undefined) q = q.where('o.actor_id', '=', f.actorId);
  if (f.q) {
    const pattern = likeText(f.q);
    q = q.where((eb) => eb.or([
      eb(eb.fn('lower', ['o.title']), 'like', eb.val(pattern)),
      eb(eb.fn('lower', ['o.description']), 'like', eb.val(pattern)),
      eb(eb.fn('lower', ['a.name']), 'like', eb.val(pattern)),
      eb(eb.fn('lower', ['o.district']), 'like', eb.val(pattern)),
    ]));
  }
  return q.orderBy('o.title').orderBy('o.id').execute();
}

/** The districts of published offers, for the filter. */
export async function publishedDistricts(db: Conn, municipalityId: number): Promise<string[]> {
  const rows = await db.selectFrom('offers').select('district').distinct().where('municipality_id', '=', municipalityId).where('state', '=', 'published').where('district', '<>', '').orderBy('district').execute();
  return rows.map((r) => r.district);
}

/** The language codes of published offers, for the filter. */
export async function publishedLanguages(db: Conn, municipalityId: number): Promise<string[]> {
  const rows = await db.selectFrom('offers').select('languages').distinct().where('municipality_id', '=', municipalityId).where('state', '=', 'published').execute();
  return [...new Set(rows.flatMap((r) => r.languages.split(',').filter(Boolean)))];
}

export async function insertOffer(db: Conn, municipalityId: number, values: OfferValues & { created_at: string }): Promise<number> {
  const row = await db.insertInto('offers').values({ ...values, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOffer(db: Conn, municipalityId: number, id: number, values: Partial<OfferValues>): Promise<void> {
  await db.updateTable('offers').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deleteOffer(db: Conn, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('offer_links').where('municipality_id', '=', municipalityId).where('offer_id', '=', id).execute();
  await db.deleteFrom('offers').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function linksOf(db: Conn, municipalityId: number, offerIds: number[]): Promise<Array<{ offer_id: number; target_type: string; target_id: number }>> {
  if (offerIds.length === 0) return [];
  return db.selectFrom('offer_links').select(['offer_id', 'target_type', 'target_id']).where('municipality_id', '=', municipalityId).where('offer_id', 'in', offerIds).orderBy('id').execute();
}

export async function replaceLinks(db: Conn, municipalityId: number, offerId: number, links: Array<{ type: 'measure' | 'field'; id: number }>): Promise<void> {
  await db.deleteFrom('offer_links').where('municipality_id', '=', municipalityId).where('offer_id', '=', offerId).execute();
  if (links.length) await db.insertInto('offer_links').values(links.map((l) => ({ municipality_id: municipalityId, offer_id: offerId, target_type: l.type, target_id: l.id }))).execute();
}

/** Published offers that serve a measure or a field. */
export async function publishedOffersFor(db: Conn, municipalityId: number, type: 'measure' | 'field', targetId: number) {
  return offers(db, municipalityId)
    .where('o.state', '=', 'published')
    .where(({ exists, selectFrom }) => exists(selectFrom('offer_links as l').select('l.id').whereRef('l.offer_id', '=', 'o.id').where('l.municipality_id', '=', municipalityId).where('l.target_type', '=', type).where('l.target_id', '=', targetId)))
    .orderBy('o.title')
    .execute();
}

/** The actors with a published offer (their public page shows it). */
export async function actorsWithPublishedOffers(db: Conn, municipalityId: number): Promise<number[]> {
  const rows = await db.selectFrom('offers').select('actor_id').distinct().where('municipality_id', '=', municipalityId).where('state', '=', 'published').where('actor_id', 'is not', null).execute();
  return rows.map((r) => r.actor_id!);
}

/** The actors with any offer, drafts too. */
export async function actorsWithOffers(db: Conn, municipalityId: number): Promise<number[]> {
  const rows = await db.selectFrom('offers').select('actor_id').distinct().where('municipality_id', '=', municipalityId).where('actor_id', 'is not', null).execute();
  return rows.map((r) => r.actor_id!);
}

export async function countOffersOfActor(db: Conn, municipalityId: number, actorId: number): Promise<number> {
  const row = await db.selectFrom('offers').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).where('actor_id', '=', actorId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function moveOffers(db: Conn, municipalityId: number, fromId: number, toId: number): Promise<void> {
  await db.updateTable('offers').set({ actor_id: toId }).where('municipality_id', '=', municipalityId).where('actor_id', '=', fromId).execute();
}

export async function releaseOffers(db: Conn, municipalityId: number, actorIds: number[]): Promise<void> {
  if (actorIds.length) await db.updateTable('offers').set({ actor_id: null }).where('municipality_id', '=', municipalityId).where('actor_id', 'in', actorIds).execute();
}

/** Published offers with a website, the longest unchecked first: what the link checker looks at next. */
export async function linksToCheck(db: Conn, municipalityId: number, limit: number) {
  return db
    .selectFrom('offers')
    .select(['id', 'website'])
    .where('municipality_id', '=', municipalityId)
    .where('state', '=', 'published')
    .where('website', '<>', '')
    .orderBy('link_checked_at', (ob) => ob.asc().nullsFirst())
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function recordLinkCheck(db: Conn, municipalityId: number, id: number, values: { link_state: string; link_error: string | null; link_checked_at: string }): Promise<void> {
  await db.updateTable('offers').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** A changed website is checked anew, first in the next run. */
export async function forgetLinkCheck(db: Conn, municipalityId: number, id: number): Promise<void> {
  await db.updateTable('offers').set({ link_state: null, link_error: null, link_checked_at: null }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function findSettings(db: Conn, municipalityId: number) {
  return (await db.selectFrom('offer_settings').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst()) ?? null;
}

export async function saveSettings(db: Conn, municipalityId: number, values: { map_url_template: string; stale_days: number; holiday_region: string; reminder_email: string; updated_at: string }): Promise<number> {
  const existing = await findSettings(db, municipalityId);
  if (existing) {
    await db.updateTable('offer_settings').set(values).where('municipality_id', '=', municipalityId).execute();
    return existing.id;
  }
  const row = await db.insertInto('offer_settings').values({ ...values, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findMunicipality(db: Conn, municipalityId: number) {
  return (await db.selectFrom('municipalities').select(['id', 'slug', 'name', 'contact_email']).where('id', '=', municipalityId).executeTakeFirst()) ?? null;
}
