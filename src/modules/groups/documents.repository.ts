// The SQL of a working group's documents (minutes, agendas, presentations …): rows of the shared documents
// table with owner_type 'group'. The content is read only for a download.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

const listColumns = ['id', 'owner_id', 'title', 'kind', 'file_name', 'mime_type', 'size', 'is_public', 'created_at', 'created_by_name'] as const;

export function listGroupDocuments(db: Q, municipalityId: number, groupId: number, onlyPublic = false) {
  let q = db
    .selectFrom('documents')
    .select(listColumns)
    .where('municipality_id', '=', municipalityId)
    .where('owner_type', '=', 'group')
    .where('owner_id', '=', groupId);
  if (onlyPublic) q = q.where('is_public', '=', 1);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export function findGroupDocument(db: Q, municipalityId: number, groupId: number, documentId: number) {
  return db
    .selectFrom('documents')
    .select([...listColumns, 'content'])
    .where('municipality_id', '=', municipalityId)
    .where('owner_type', '=', 'group')
    .where('owner_id', '=', groupId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}

export async function insertGroupDocument(
  db: Q, municipalityId: number, groupId: number,
  values: { title: string; kind: string; file_name: string; mime_type: string; size: number; content: Buffer; is_public: number; created_by_name: string }, at: string,
): Promise<number> {
  const row = await db
    .insertInto('documents')
    .values({ municipality_id: municipalityId, owner_type: 'group', owner_id: groupId, ...values, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteGroupDocument(db: Q, municipalityId: number, groupId: number, documentId: number): Promise<void> {
  await db.deleteFrom('documents').where('municipality_id', '=', municipalityId).where('owner_type', '=', 'group').where('owner_id', '=', groupId).where('id', '=', documentId).execute();
}
