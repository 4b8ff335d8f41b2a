// The SQL of the actors directory. Every function takes the municipality first: no query leaves its tenant.
import { sql, type Kysely } from 'kysely';
import { inBatches } from '../../platform/db/batch.js';
import type { ActorTable, Database } from '../../platform/db/schema.js';
import { compareNumbers } from '../../platform/text/natural.js';
import type { NewRow, RowChanges } from './plan.repository.js';

type Conn = Kysely<Database>;

export interface ActorRow {
  id: number;
  name: string;
  parent_id: number | null;
  parent_name: string | null;
  description: string;
  contact_email: string;
  website: string;
  lead_count: number;
  partner_count: number;
}

/** The directory with how many measures each actor leads and supports, in one plan or in all. */
export async function listActors(db: Conn, municipalityId: number, planId?: number): Promise<ActorRow[]> {
  const counts = db
    .selectFrom('measure_actors as ma')
    .innerJoin('measures as m', 'm.id', 'ma.measure_id')
    .select(['ma.actor_id', sql<number>`sum(case when ma.role = 'lead' then 1 else 0 end)`.as('lead_count'), sql<number>`sum(case when ma.role = 'partner' then 1 else 0 end)`.as('partner_count')])
    .where('ma.municipality_id', '=', municipalityId)
    .$if(planId !== undefined, (q) => q.where('m.plan_id', '=', planId!))
    .groupBy('ma.actor_id')
    .as('c');
  const rows = await db
    .selectFrom('actors as a')
    .leftJoin('actors as p', 'p.id', 'a.parent_id')
    .leftJoin(counts, 'c.actor_id', 'a.id')
    .select(['a.id', 'a.name', 'a.parent_id', 'p.name as parent_name', 'a.description', 'a.contact_email', 'a.website', 'c.lead_count', 'c.partner_count'])
    .where('a.municipality_id', '=', municipalityId)
    .orderBy('a.name')
    .execute();
  return rows.map((r) => ({ ...r, lead_count: Number(r.lead_count ?? 0), partner_count: Number(r.partner_count ?? 0) }));
}

/** An actor with its parent's name. */
export function findActor(db: Conn, municipalityId: number, actorId: number) {
  return db
    .selectFrom('actors as a')
    .leftJoin('actors as p', 'p.id', 'a.parent_id')
    .select(['a.id', 'a.name', 'a.parent_id', 'p.name as parent_name', 'a.description', 'a.contact_email', 'a.website'])
    .where('a.municipality_id', '=', municipalityId)
    .where('a.id', '=', actorId)
    .executeTakeFirst();
}

/** An actor's parent, `undefined` when there is no such actor. */
export function findActorParent(db: Conn, municipalityId: number, actorId: number): Promise<{ parent_id: number | null } | undefined> {
  return db.selectFrom('actors').select('parent_id').where('municipality_id', '=', municipalityId).where('id', '=', actorId).executeTakeFirst();
}

/** The actors directly below this one, by name. */
export function listChildActors(db: Conn, municipalityId: number, actorId: number) {
  return db.selectFrom('actors').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('parent_id', '=', actorId).orderBy('name').execute();
}

/** Every actor's id and name (the importer matches names against them). */
export function listActorNames(db: Conn, municipalityId: number) {
  return db.selectFrom('actors').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute();
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

export async function insertActor(db: Conn, municipalityId: number, actor: NewRow<ActorTable>): Promise<number> {
  const row = await db.insertInto('actors').values({ ...actor, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Many actors in chunked statements (an import); their ids come back in the order of `actors`. Ids are made
 * in the order of a statement's rows on both engines; they are sorted, not taken in RETURNING's order.
 */
export async function insertActors(db: Conn, municipalityId: number, actors: NewRow<ActorTable>[]): Promise<number[]> {
  return inBatches(actors, async (part) => {
    const rows = await db.insertInto('actors').values(part.map((a) => ({ ...a, municipality_id: municipalityId }))).returning('id').execute();
    return rows.map((r) => r.id).sort((a, b) => a - b);
  });
}

export async function updateActor(db: Conn, municipalityId: number, actorId: number, changes: RowChanges<ActorTable>): Promise<void> {
  await db.updateTable('actors').set(changes).where('municipality_id', '=', municipalityId).where('id', '=', actorId).execute();
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
