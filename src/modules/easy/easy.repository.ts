// The SQL of Leichte Sprache texts, the checker's settings and sign-language videos. Every function takes the
// connection, then the municipality.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

export interface SubjectKey {
  type: string;
  id: number;
}

export type EasyTextRow = Awaited<ReturnType<typeof findText>> & object;

export function findText(db: Q, municipalityId: number, subject: SubjectKey) {
  return db.selectFrom('easy_texts').selectAll()
    .where('municipality_id', '=', municipalityId).where('subject_type', '=', subject.type).where('subject_id', '=', subject.id)
    .executeTakeFirst();
}

export function listTexts(db: Q, municipalityId: number, onlyPublished = false) {
  let q = db.selectFrom('easy_texts').selectAll().where('municipality_id', '=', municipalityId);
  if (onlyPublished) q = q.where('is_published', '=', 1);
  return q.orderBy('id').execute();
}

export async function insertText(db: Q, municipalityId: number, subject: SubjectKey, values: { title: string; body: string }, at: string): Promise<number> {
  const row = await db.insertInto('easy_texts')
    .values({ municipality_id: municipalityId, subject_type: subject.type, subject_id: subject.id, title: values.title, body: values.body, created_at: at, updated_at: at })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateText(db: Q, municipalityId: number, id: number, values: Partial<{ title: string; body: string; is_published: number; check_group: string | null; checked_on: string | null; check_recorded_by: string | null; checked_hash: string | null }>, at: string): Promise<void> {
  await db.updateTable('easy_texts').set({ ...values, updated_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export function findSettings(db: Q, municipalityId: number) {
  return db.selectFrom('easy_settings').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
}

export async function saveSettings(db: Q, municipalityId: number, values: { max_words: number; max_word_length: number; glossary: string }): Promise<void> {
  const found = await findSettings(db, municipalityId);
  if (found) await db.updateTable('easy_settings').set(values).where('municipality_id', '=', municipalityId).execute();
  else await db.insertInto('easy_settings').values({ municipality_id: municipalityId, ...values }).execute();
}

/** The video of a subject without its content: whether there is one, its type and size. */
export function findVideoHead(db: Q, municipalityId: number, subject: SubjectKey) {
  return db.selectFrom('easy_videos').select(['id', 'mime_type', 'size', 'created_at'])
    .where('municipality_id', '=', municipalityId).where('subject_type', '=', subject.type).where('subject_id', '=', subject.id)
    .executeTakeFirst();
}

export function listVideoHeads(db: Q, municipalityId: number) {
  return db.selectFrom('easy_videos').select(['id', 'subject_type', 'subject_id', 'mime_type', 'size']).where('municipality_id', '=', municipalityId).execute();
}

export function findVideo(db: Q, municipalityId: number, subject: SubjectKey) {
  return db.selectFrom('easy_videos').select(['id', 'mime_type', 'size', 'content'])
    .where('municipality_id', '=', municipalityId).where('subject_type', '=', subject.type).where('subject_id', '=', subject.id)
    .executeTakeFirst();
}

/** Replaces a subject's video. */
export async function putVideo(db: Q, municipalityId: number, subject: SubjectKey, values: { mime_type: string; size: number; content: Buffer; created_by_name: string }, at: string): Promise<void> {
  await deleteVideo(db, municipalityId, subject);
  await db.insertInto('easy_videos').values({ municipality_id: municipalityId, subject_type: subject.type, subject_id: subject.id, ...values, created_at: at }).execute();
}

export async function deleteVideo(db: Q, municipalityId: number, subject: SubjectKey): Promise<void> {
  await db.deleteFrom('easy_videos').where('municipality_id', '=', municipalityId).where('subject_type', '=', subject.type).where('subject_id', '=', subject.id).execute();
}
