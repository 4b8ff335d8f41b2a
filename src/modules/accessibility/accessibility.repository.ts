// The SQL of the accessibility statement and of the feedback on barriers; every function takes the municipality.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { StatementRow } from './statement.model.js';

type Q = Kysely<Database>;

export type StatementValues = StatementRow & { updated_at: string };

export async function findStatement(db: Q, municipalityId: number) {
  return (await db.selectFrom('accessibility_statements').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst()) ?? null;
}

export async function saveStatement(db: Q, municipalityId: number, values: StatementValues): Promise<number> {
  const existing = await db.selectFrom('accessibility_statements').select('id').where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (existing) {
    await db.updateTable('accessibility_statements').set(values).where('municipality_id', '=', municipalityId).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const row = await db.insertInto('accessibility_statements').values({ ...values, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findMunicipality(db: Q, municipalityId: number) {
  return (await db.selectFrom('municipalities').select(['id', 'slug', 'name', 'office_name', 'contact_email', 'contact_phone', 'contact_address', 'created_at']).where('id', '=', municipalityId).executeTakeFirst()) ?? null;
}

export async function insertFeedback(db: Q, municipalityId: number, values: { page: string; problem: string; name: string; email: string; lang: string; created_at: string }): Promise<number> {
  const row = await db.insertInto('accessibility_feedback').values({ ...values, municipality_id: municipalityId, answered_at: null, personal_deleted_at: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findFeedback(db: Q, municipalityId: number, id: number) {
  return (await db.selectFrom('accessibility_feedback').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listFeedback(db: Q, municipalityId: number) {
  return db.selectFrom('accessibility_feedback').selectAll().where('municipality_id', '=', municipalityId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function countOpenFeedback(db: Q, municipalityId: number): Promise<number> {
  const r = await db.selectFrom('accessibility_feedback').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).where('state', '=', 'open').executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markAnswered(db: Q, municipalityId: number, id: number, at: string): Promise<void> {
  await db.updateTable('accessibility_feedback').set({ state: 'answered', answered_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** The feedback that arrived before `before` and still keeps a name or an e-mail address. */
export async function dueForDeletion(db: Q, municipalityId: number, before: string): Promise<number[]> {
  const due = await db
    .selectFrom('accessibility_feedback')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('created_at', '<=', before)
    .where('personal_deleted_at', 'is', null)
    .where((eb) => eb.or([eb('name', '!=', ''), eb('email', '!=', '')]))
    .execute();
  return due.map((r) => r.id);
}

/** Empties the name and e-mail of these feedbacks. */
export async function emptyPersonal(db: Q, municipalityId: number, ids: number[], at: string): Promise<void> {
  if (ids.length > 0) await db.updateTable('accessibility_feedback').set({ name: '', email: '', personal_deleted_at: at }).where('municipality_id', '=', municipalityId).where('id', 'in', ids).execute();
}

/** The oldest feedback that still keeps a name or an e-mail address. */
export async function oldestWithPersonal(db: Q, municipalityId: number) {
  return (await db
    .selectFrom('accessibility_feedback')
    .select(['id', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('personal_deleted_at', 'is', null)
    .where((eb) => eb.or([eb('name', '!=', ''), eb('email', '!=', '')]))
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst()) ?? null;
}
