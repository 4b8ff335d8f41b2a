// The SQL of residents' comments and ideas and of their settings; every function takes the municipality.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

export type SubjectType = 'measure' | 'goal' | 'field';
export type PostKind = 'comment' | 'idea';
export type PostState = 'pending' | 'published' | 'hidden';

export interface NewPost {
  kind: PostKind;
  subject_type: SubjectType;
  subject_id: number;
  title: string;
  body: string;
  author_name: string;
  lang: string;
  state: PostState;
  approved_at: string | null;
  email: string;
  email_token: string | null;
  created_at: string;
}

export async function insertPost(db: Q, municipalityId: number, values: NewPost): Promise<number> {
  const row = await db.insertInto('resident_posts').values({ ...values, municipality_id: municipalityId, reported_at: null, hidden_at: null, answered_at: null, measure_id: null, linked_at: null, email_confirmed_at: null, personal_deleted_at: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findPost(db: Q, municipalityId: number, id: number) {
  return (await db.selectFrom('resident_posts').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst()) ?? null;
}

export type PostRow = NonNullable<Awaited<ReturnType<typeof findPost>>>;

/** The public comments or ideas on a subject: answered ones first, then oldest first. */
export async function publishedOn(db: Q, municipalityId: number, kind: PostKind, subjectType: SubjectType, subjectId: number) {
  return db
    .selectFrom('resident_posts')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', kind)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('state', '=', 'published')
    .orderBy('answered_at', (ob) => ob.desc().nullsLast())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Public ideas per field of action (counts), of these fields. */
export async function publishedIdeaCounts(db: Q, municipalityId: number, fieldIds: number[]): Promise<Map<number, number>> {
  if (fieldIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('resident_posts')
    .select(['subject_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'idea')
    .where('subject_type', '=', 'field')
    .where('subject_id', 'in', fieldIds)
    .where('state', '=', 'published')
    .groupBy('subject_id')
    .execute();
  return new Map(rows.map((r) => [r.subject_id, Number(r.n)]));
}

/** How many comments are public on each subject of a kind (subjects without any are missing). */
export async function publicCommentCounts(db: Q, municipalityId: number, subjectType: SubjectType): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('resident_posts')
    .select(['subject_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'comment')
    .where('subject_type', '=', subjectType)
    .where('state', '=', 'published')
    .groupBy('subject_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.subject_id), Number(r.n)]));
}

export async function publicCommentCount(db: Q, municipalityId: number, subjectType: SubjectType, subjectId: number): Promise<number> {
  const r = await db
    .selectFrom('resident_posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'comment')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('state', '=', 'published')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Public ideas that led to this measure. */
export async function publishedIdeasOfMeasure(db: Q, municipalityId: number, measureId: number) {
  return db.selectFrom('resident_posts').select(['id', 'title', 'created_at', 'linked_at']).where('municipality_id', '=', municipalityId).where('kind', '=', 'idea').where('measure_id', '=', measureId).where('state', '=', 'published').orderBy('id').execute();
}

/** Every idea that led to this measure, whatever its state (the admin's page). */
export async function ideasOfMeasure(db: Q, municipalityId: number, measureId: number) {
  return db.selectFrom('resident_posts').select(['id', 'title', 'state', 'created_at', 'linked_at']).where('municipality_id', '=', municipalityId).where('kind', '=', 'idea').where('measure_id', '=', measureId).orderBy('id').execute();
}

/** The moderators' queue: waiting (new or reported), oldest first. */
export async function queue(db: Q, municipalityId: number) {
  return db.selectFrom('resident_posts').selectAll().where('municipality_id', '=', municipalityId).where('state', '=', 'pending').orderBy('created_at').orderBy('id').execute();
}

/** The last public and hidden ones, newest first (to answer, hide or link later). */
export async function recent(db: Q, municipalityId: number, limit: number) {
  return db.selectFrom('resident_posts').selectAll().where('municipality_id', '=', municipalityId).where('state', '!=', 'pending').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function updatePost(db: Q, municipalityId: number, id: number, values: Partial<{ state: PostState; hidden_reason: string; hidden_at: string | null; approved_at: string | null; answer: string; answered_at: string | null; reported_at: string | null; report_count: number; measure_id: number | null; linked_at: string | null; email_confirmed_at: string | null; email_token: string | null }>): Promise<void> {
  await db.updateTable('resident_posts').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** The post whose e-mail confirmation link has this hash. */
export async function findByToken(db: Q, municipalityId: number, tokenHash: string) {
  return (await db.selectFrom('resident_posts').selectAll().where('municipality_id', '=', municipalityId).where('email_token', '=', tokenHash).executeTakeFirst()) ?? null;
}

export async function findSettings(db: Q, municipalityId: number) {
  return (await db.selectFrom('resident_post_settings').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst()) ?? null;
}

export async function saveSettings(db: Q, municipalityId: number, values: { moderation: string; blocked_words: string; email_retention_days: number; updated_at: string }): Promise<number> {
  const existing = await findSettings(db, municipalityId);
  if (existing) {
    await db.updateTable('resident_post_settings').set(values).where('municipality_id', '=', municipalityId).where('id', '=', existing.id).execute();
    return existing.id;
  }
  return (await db.insertInto('resident_post_settings').values({ ...values, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow()).id;
}

/** The comments and ideas that arrived before `before` and still keep an e-mail address. */
export async function dueForDeletion(db: Q, municipalityId: number, before: string): Promise<number[]> {
  const rows = await db.selectFrom('resident_posts').select('id').where('municipality_id', '=', municipalityId).where('created_at', '<=', before).where('email', '!=', '').execute();
  return rows.map((r) => r.id);
}

export async function emptyEmail(db: Q, municipalityId: number, ids: number[], at: string): Promise<void> {
  if (ids.length > 0) await db.updateTable('resident_posts').set({ email: '', email_token: null, personal_deleted_at: at }).where('municipality_id', '=', municipalityId).where('id', 'in', ids).execute();
}

export async function oldestWithEmail(db: Q, municipalityId: number) {
  return (await db.selectFrom('resident_posts').select(['id', 'created_at']).where('municipality_id', '=', municipalityId).where('email', '!=', '').orderBy('created_at').limit(1).executeTakeFirst()) ?? null;
}

/** Subjects' names for the queue: measures, goals and fields of the municipality by id. */
export async function subjectNames(db: Q, municipalityId: number, ids: { measure: number[]; goal: number[]; field: number[] }) {
  const [measures, goals, fields] = await Promise.all([
    ids.measure.length ? db.selectFrom('measures').select(['id', 'number', 'text', 'plan_id']).where('municipality_id', '=', municipalityId).where('id', 'in', ids.measure).execute() : [],
    ids.goal.length ? db.selectFrom('goals').select(['id', 'text']).where('municipality_id', '=', municipalityId).where('id', 'in', ids.goal).execute() : [],
    ids.field.length ? db.selectFrom('fields').select(['id', 'title', 'plan_id']).where('municipality_id', '=', municipalityId).where('id', 'in', ids.field).execute() : [],
  ]);
  return { measures, goals, fields };
}

export async function findMunicipality(db: Q, municipalityId: number) {
  return (await db.selectFrom('municipalities').select(['id', 'slug', 'name']).where('id', '=', municipalityId).executeTakeFirst()) ?? null;
}
