// The SQL of the importer: uploads staged between preview and confirmation. Every function takes the
// municipality first, except the housekeeping that removes expired uploads of the whole instance.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

/** A connection or a caller's transaction (a Transaction is a Kysely). */
type Conn = Kysely<Database>;

export interface StagedUpload {
  userId: number;
  fileName: string;
  content: Buffer;
  targetPlanId: number | null;
}

export async function insertImportSession(db: Conn, municipalityId: number, id: string, upload: StagedUpload, at: string): Promise<void> {
  await db
    .insertInto('import_sessions')
    .values({ id, municipality_id: municipalityId, user_id: upload.userId, file_name: upload.fileName, content: upload.content, target_plan_id: upload.targetPlanId, options_json: '{}', created_at: at })
    .execute();
}

/** A staged upload of this municipality and this person. */
export function findImportSession(db: Conn, municipalityId: number, userId: number, id: string) {
  return db.selectFrom('import_sessions').selectAll()
    .where('municipality_id', '=', municipalityId).where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
}

export async function updateImportSessionOptions(db: Conn, municipalityId: number, id: string, optionsJson: string): Promise<void> {
  await db.updateTable('import_sessions').set({ options_json: optionsJson })
    .where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deleteImportSession(db: Conn, municipalityId: number, id: string): Promise<void> {
  await db.deleteFrom('import_sessions').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** Housekeeping of the instance: removes every upload (of any municipality) staged before `before`. */
export async function deleteExpiredImportSessions(db: Conn, before: string): Promise<void> {
  await db.deleteFrom('import_sessions').where('created_at', '<', before).execute();
}
