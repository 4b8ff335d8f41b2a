// The SQL of the status wordings. Every function takes the municipality first: no query leaves its tenant.
import type { Kysely } from 'kysely';
import { nextPosition } from '../../platform/db/ordering.js';
import type { Database, StatusWordingTable } from '../../platform/db/schema.js';
import type { RowChanges } from './plan.repository.js';
import type { StatusCategory } from './status.js';

type Conn = Kysely<Database>;

export interface NewWording {
  label: string;
  category: string;
}

/** The municipality's own status wordings, in their order. */
export function listWordings(db: Conn, municipalityId: number) {
  return db.selectFrom('status_wordings').select(['id', 'label', 'category', 'position']).where('municipality_id', '=', municipalityId).orderBy('position').execute();
}

/** The wordings as the status mapping reads them. */
export async function configuredWordings(db: Conn, municipalityId: number): Promise<Array<{ label: string; category: StatusCategory }>> {
  return (await listWordings(db, municipalityId)).map((r) => ({ label: r.label, category: r.category as StatusCategory }));
}

export function findWording(db: Conn, municipalityId: number, wordingId: number) {
  return db.selectFrom('status_wordings').select(['id', 'label', 'category', 'position']).where('municipality_id', '=', municipalityId).where('id', '=', wordingId).executeTakeFirst();
}

/** A new wording after the last one. */
export async function appendWording(db: Conn, municipalityId: number, wording: NewWording): Promise<number> {
  const position = await nextPosition(db, 'status_wordings', municipalityId, {});
  const row = await db.insertInto('status_wordings').values({ label: wording.label, category: wording.category, municipality_id: municipalityId, position }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Wordings in this order, numbered from 1 (a municipality's first ones). */
export async function insertWordings(db: Conn, municipalityId: number, wordings: NewWording[]): Promise<void> {
  if (wordings.length === 0) return;
  await db.insertInto('status_wordings').values(wordings.map((w, i) => ({ label: w.label, category: w.category, municipality_id: municipalityId, position: i + 1 }))).execute();
}

export async function updateWording(db: Conn, municipalityId: number, wordingId: number, changes: RowChanges<StatusWordingTable>): Promise<void> {
  await db.updateTable('status_wordings').set(changes).where('municipality_id', '=', municipalityId).where('id', '=', wordingId).execute();
}

export async function deleteWording(db: Conn, municipalityId: number, wordingId: number): Promise<void> {
  await db.deleteFrom('status_wordings').where('municipality_id', '=', municipalityId).where('id', '=', wordingId).execute();
}
