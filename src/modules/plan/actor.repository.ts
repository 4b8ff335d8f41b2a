// The SQL of the actors directory. Every function takes the municipality first: no query leaves its tenant.
import { sql, type Kysely } from 'kysely';
import { inBatches } from '../../platform/db/batch.js';
import type { ActorTable, Database } from '../../platform/db/schema.js';
import { compareNumbers } from '../../platform/text/natural.js';
import type { NewRow, RowChanges } from './plan.repository.js';

type Conn = Kysely<Database>;

/**
 * The key two actor names are the same by: case and runs of blank characters do not count ("Stadt  Talheim" =
 * "stadt talheim"). Stored as `name_key` (unique per municipality, migration 012); the importer matches by it.
 */
export function actorNameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('de').replace(/\s+/gu, ' ').trim();
}

/** An actor's row as callers give it: the key is the repository's business. */
export type NewActor = Omit<NewRow<ActorTable>, 'name_key'>;

export interface ActorRow {
  id: number;
  name: string;
  parent_id: number | null;
  parent_name: string | null;
  description: string;
  contact_email: string;
  website: string;
  lang: string;
  lead_count: number;
  partner_count: number;
  /** The measures the actor is named in (in the plan asked for, else in all), whatever the role. */
  measure_count: number;
}

/** The directory with how many measures each actor leads and supports, in one plan or in all. */
export async function listActors(db: Conn, municipalityId: number, planId?: number): Promise<ActorRow[]> {
  const counts = db
    .selectFrom('measure_actors as ma')
    .innerJoin('measures as m', 'm.id', 'ma.measure_id')
    .select(['ma.actor_id', sql<number>`sum(case when ma.role = 'lead' then 1 else 0 end)`.as('lead_count'), sql<number>`sum(case when ma.role = 'partner' then 1 else 0 end)`.as('partner_count'), sql<number>`count(*)`.as('measure_count')])
    .where('ma.municipality_id', '=', municipalityId)
    .$if(planId !== undefined, (q) => q.where('m.plan_id', '=', planId!))
    .groupBy('ma.actor_id')
    .as('c');
  const rows = await db
    .selectFrom('actors as a')
    .leftJoin('actors as p', 'p.id', 'a.parent_id')
    .leftJoin(counts, 'c.actor_id', 'a.id')
    .select(['a.id', 'a.name', 'a.parent_id', 'p.name as parent_name', 'a.description', 'a.contact_email', 'a.website', 'a.lang', 'c.lead_count', 'c.partner_count', 'c.measure_count'])
    .where('a.municipality_id', '=', municipalityId)
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({ ...r, lead_count: Number(r.lead_count ?? 0), partner_count: Number(r.partner_count ?? 0), measure_count: Number(r.measure_count ?? 0) }));
}

/** An actor with its parent's name. */
export function findActor(db: Conn, municipalityId: number, actorId: number) {
  return db
    .selectFrom('actors as a')
    .leftJoin('actors as p', 'p.id', 'a.parent_id')
    .select(['a.id', 'a.name', 'a.parent_id', 'p.name as parent_name', 'a.description', 'a.contact_email', 'a.website', 'a.lang'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.id', '=', actorId)
    .executeTakeFirst();
}

/** These actors of the municipality (unknown ids are left out). */
export async function findActors(db: Conn, municipalityId: number, actorIds: number[]) {
  return inBatches(actorIds, (part) => db.selectFrom('actors').select(['id', 'name', 'contact_email']).where('municipality_id', '=', municipalityId).where('id', 'in', part).execute());
}

/** An actor's parent, `undefined` when there is no such actor. */
export function findActorParent(db: Conn, municipalityId: number, actorId: number): Promise<{ parent_id: number | null } | undefined> {
  return db.selectFrom('actors').select('parent_id').where('municipality_id', '=', municipalityId).where('id', '=', actorId).executeTakeFirst();
}

/** The actors directly below this one, by name. */
export function listChildActors(db: Conn, municipalityId: number, actorId: number) {
  return db.selectFrom('actors').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('parent_id', '=', actorId).orderBy('name').execute();
}

/** Every actor's id, name and name key (the importer matches names against them). */
export function listActorNames(db: Conn, municipalityId: number) {
  return db.selectFrom('actors').select(['id', 'name', 'name_key']).where('municipality_id', '=', municipalityId).execute();
}

/** The actor that already carries this name (by its key), other than `exceptId`. */
export function findActorByName(db: Conn, municipalityId: number, name: string, exceptId: number | null) {
  return db.selectFrom('actors').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('name_key', '=', actorNameKey(name))
    .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!)).executeTakeFirst();
}

/** Actors whose names are the same by key as another's (kept apart by migration 012 until merged). */
export async function listDuplicateNameIds(db: Conn, municipalityId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('actors').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute();
  const byKey = new Map<string, number[]>();
  for (const r of rows) byKey.set(actorNameKey(r.name), [...(byKey.get(actorNameKey(r.name)) ?? []), r.id]);
  return new Set([...byKey.values()].filter((ids) => ids.length > 1).flat());
}

/** What points at an actor in the plan kernel: its measure links (by plan) and the actors below it. */
export async function actorLinkCounts(db: Conn, municipalityId: number, actorId: number): Promise<{ measures: number; plans: number; children: number }> {
  const links = await db.selectFrom('measure_actors as ma').innerJoin('measures as m', 'm.id', 'ma.measure_id')
    .select([sql<number>`count(*)`.as('measures'), sql<number>`count(distinct m.plan_id)`.as('plans')])
    .where('ma.municipality_id', '=', municipalityId).where('ma.actor_id', '=', actorId).executeTakeFirstOrThrow();
  const children = await db.selectFrom('actors').select(sql<number>`count(*)`.as('n')).where('municipality_id', '=', municipalityId).where('parent_id', '=', actorId).executeTakeFirstOrThrow();
  return { measures: Number(links.measures), plans: Number(links.plans), children: Number(children.n) };
}

/**
 * Actors no measure of any plan names, and that no other actor sits below (deleting those would flatten the
 * directory's tree): the candidates for clean-up. `onlyIds` narrows the check to these actors.
 */
export async function listUnusedActors(db: Conn, municipalityId: number, onlyIds?: number[], options: { withParents?: boolean } = {}): Promise<Array<{ id: number; name: string }>> {
  if (onlyIds && onlyIds.length === 0) return [];
  return db.selectFrom('actors as a').select(['a.id', 'a.name'])
    .where('a.municipality_id', '=', municipalityId)
    .$if(onlyIds !== undefined, (q) => q.where('a.id', 'in', onlyIds!))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('measure_actors as ma').select('ma.actor_id').whereRef('ma.actor_id', '=', 'a.id').where('ma.municipality_id', '=', municipalityId))))
    .$if(!options.withParents, (q) => q.where(({ not, exists, selectFrom }) => not(exists(selectFrom('actors as ch').select('ch.id').whereRef('ch.parent_id', '=', 'a.id').where('ch.municipality_id', '=', municipalityId)))))
    .orderBy('a.name').orderBy('a.id')
    .execute();
}

/** The actors linked to measures of this plan that no measure of another plan names. */
export async function listActorsOnlyInPlan(db: Conn, municipalityId: number, planId: number): Promise<Array<{ id: number; name: string }>> {
  return db.selectFrom('actors as a').select(['a.id', 'a.name'])
    .where('a.municipality_id', '=', municipalityId)
    .where(({ exists, selectFrom }) => exists(selectFrom('measure_actors as ma').innerJoin('measures as m', 'm.id', 'ma.measure_id').select('ma.actor_id')
      .whereRef('ma.actor_id', '=', 'a.id').where('ma.municipality_id', '=', municipalityId).where('m.plan_id', '=', planId)))
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('measure_actors as ma').innerJoin('measures as m', 'm.id', 'ma.measure_id').select('ma.actor_id')
      .whereRef('ma.actor_id', '=', 'a.id').where('ma.municipality_id', '=', municipalityId).where('m.plan_id', '!=', planId))))
    .orderBy('a.name').orderBy('a.id')
    .execute();
}

/** The actors below `fromId` move below `toId` (a merge); `toId` itself never becomes its own child. */
export async function reparentChildActors(db: Conn, municipalityId: number, fromId: number, toId: number): Promise<void> {
  await db.updateTable('actors').set({ parent_id: toId }).where('municipality_id', '=', municipalityId).where('parent_id', '=', fromId).where('id', '!=', toId).execute();
}

/** Those of these ids that are the municipality's actors. */
export async function existingActorIds(db: Conn, municipalityId: number, actorIds: number[]): Promise<number[]> {
  const rows = await db.selectFrom('actors').select('id').where('municipality_id', '=', municipalityId).where('id', 'in', actorIds).execute();
  return rows.map((r) => r.id);
}

/** Measures an actor leads or supports, in the given plan. */
export async function listMeasuresOfActor(db: Conn, municipalityId: number, actorId: number, planId: number) {
  const rows = await db
    .selectFrom('measure_actors as ma')
    .innerJoin('measures as m', 'm.id', 'ma.measure_id')
    .select(['m.id', 'm.number', 'm.text', 'm.status_label', 'm.status_category', 'ma.role'])
    .where('ma.municipality_id', '=', municipalityId)
    .where('ma.actor_id', '=', actorId)
    .where('m.plan_id', '=', planId)
    .orderBy('m.id')
    .execute();
  // Numbers are text as the plan writes them: ordered naturally ("1.2" before "1.10"), unnumbered last.
  return rows.sort((a, b) => compareNumbers(a.number, b.number));
}

export async function insertActor(db: Conn, municipalityId: number, actor: NewActor): Promise<number> {
  const row = await db.insertInto('actors').values({ ...actor, name_key: actorNameKey(actor.name), municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Many actors in chunked statements (an import); their ids come back in the order of `actors`. Ids are made
 * in the order of a statement's rows on both engines; they are sorted, not taken in RETURNING's order.
 */
export async function insertActors(db: Conn, municipalityId: number, actors: NewActor[]): Promise<number[]> {
  return inBatches(actors, async (part) => {
    const rows = await db.insertInto('actors').values(part.map((a) => ({ ...a, name_key: actorNameKey(a.name), municipality_id: municipalityId }))).returning('id').execute();
    return rows.map((r) => r.id).sort((a, b) => a - b);
  });
}

export async function updateActor(db: Conn, municipalityId: number, actorId: number, changes: Omit<RowChanges<ActorTable>, 'name_key'>): Promise<void> {
  const key = changes.name === undefined ? {} : { name_key: actorNameKey(changes.name) };
  await db.updateTable('actors').set({ ...changes, ...key }).where('municipality_id', '=', municipalityId).where('id', '=', actorId).execute();
}

/** Gives the actor this parent unless it already has one. */
export async function setParentIfMissing(db: Conn, municipalityId: number, actorId: number, parentId: number): Promise<void> {
  await db.updateTable('actors').set({ parent_id: parentId }).where('municipality_id', '=', municipalityId).where('id', '=', actorId).where('parent_id', 'is', null).execute();
}

/** Gives these actors this parent where they have none yet (`setParentIfMissing` for many). */
export async function setParentIfMissingOfMany(db: Conn, municipalityId: number, actorIds: number[], parentId: number): Promise<void> {
  await inBatches(actorIds, async (part) => {
    await db.updateTable('actors').set({ parent_id: parentId }).where('municipality_id', '=', municipalityId).where('id', 'in', part).where('parent_id', 'is', null).execute();
    return [];
  });
}

/** The actors below this one lose their parent (they stay in the directory). */
export async function detachChildActors(db: Conn, municipalityId: number, actorId: number): Promise<void> {
  await db.updateTable('actors').set({ parent_id: null }).where('municipality_id', '=', municipalityId).where('parent_id', '=', actorId).execute();
}

export async function deleteActor(db: Conn, municipalityId: number, actorId: number): Promise<void> {
  await db.deleteFrom('actors').where('municipality_id', '=', municipalityId).where('id', '=', actorId).execute();
}

/** Many actors at once (the clean-up list, a deleted draft's actors); their children lose their parent first. */
export async function deleteActors(db: Conn, municipalityId: number, actorIds: number[]): Promise<void> {
  await inBatches(actorIds, async (part) => {
    await db.updateTable('actors').set({ parent_id: null }).where('municipality_id', '=', municipalityId).where('parent_id', 'in', part).execute();
    await db.deleteFrom('actors').where('municipality_id', '=', municipalityId).where('id', 'in', part).execute();
    return [];
  });
}
