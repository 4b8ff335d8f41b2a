// The SQL of uploaded documents (a working group's minutes, a phase's drafts …): one table for every owner,
// told apart by owner_type and owner_id. The content is read only for a download.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

type Q = Kysely<Database>;

/** Who a document belongs to: a process phase, a working group or an event. */
export type DocumentOwnerType = 'phase' | 'group' | 'event';

const listColumns = ['id', 'owner_id', 'title', 'kind', 'file_name', 'mime_type', 'size', 'is_public', 'created_at', 'created_by_name'] as const;

export interface DocumentValues {
  title: string;
  kind: string;
  file_name: string;
  mime_type: string;
  size: number;
  content: Buffer;
  is_public: number;
  created_by_name: string;
}

/** The documents of some owners, newest first (without content); only public ones when `onlyPublic`. */
export function listDocuments(db: Q, municipalityId: number, ownerType: DocumentOwnerType, ownerIds: number[], onlyPublic = false) {
  let q = db
    .selectFrom('documents')
    .select(listColumns)
    .where('municipality_id', '=', municipalityId)
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', ownerIds.length ? ownerIds : [0]);
  if (onlyPublic) q = q.where('is_public', '=', 1);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** A document with its content; of one owner when `ownerId` is given, else of any owner of the type. */
export function findDocument(db: Q, municipalityId: number, ownerType: DocumentOwnerType, ownerId: number | null, documentId: number) {
  let q = db
    .selectFrom('documents')
    .select([...listColumns, 'content'])
    .where('municipality_id', '=', municipalityId)
    .where('owner_type', '=', ownerType)
    .where('id', '=', documentId);
  if (ownerId !== null) q = q.where('owner_id', '=', ownerId);
  return q.executeTakeFirst();
}

export async function insertDocument(db: Q, municipalityId: number, ownerType: DocumentOwnerType, ownerId: number, values: DocumentValues, at: string): Promise<number> {
  const row = await db
    .insertInto('documents')
    .values({ municipality_id: municipalityId, owner_type: ownerType, owner_id: ownerId, ...values, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteDocument(db: Q, municipalityId: number, ownerType: DocumentOwnerType, ownerId: number, documentId: number): Promise<void> {
  await db.deleteFrom('documents').where('municipality_id', '=', municipalityId).where('owner_type', '=', ownerType).where('owner_id', '=', ownerId).where('id', '=', documentId).execute();
}

/** Deletes every document of some owners (an owner deleted with its documents, in the same write). */
export async function deleteDocumentsOf(db: Q, municipalityId: number, ownerType: DocumentOwnerType, ownerIds: number[]): Promise<void> {
  if (ownerIds.length === 0) return;
  await db.deleteFrom('documents').where('municipality_id', '=', municipalityId).where('owner_type', '=', ownerType).where('owner_id', 'in', ownerIds).execute();
}
