// SQL of the steering group's comments on draft goals and measures: threads (a first comment and its replies),
// resolved as a whole. Every query is scoped to the municipality.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Conn = Kysely<Database> | Transaction<Database>;

export type CommentEntity = 'goal' | 'measure';

export interface CommentRow {
  id: number;
  plan_id: number;
  entity_type: string;
  entity_id: number;
  parent_id: number | null;
  author_user_id: number | null;
  author_name: string;
  text: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by_name: string | null;
}

const columns = ['id', 'plan_id', 'entity_type', 'entity_id', 'parent_id', 'author_user_id', 'author_name', 'text', 'created_at', 'resolved_at', 'resolved_by_name'] as const;

export function commentsOfPlan(db: Conn, municipalityId: number, planId: number): Promise<CommentRow[]> {
  return db.selectFrom('draft_comments').select(columns)
    .where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).orderBy('created_at').orderBy('id').execute();
}

export function commentsOf(db: Conn, municipalityId: number, entity: CommentEntity, entityId: number): Promise<CommentRow[]> {
  return db.selectFrom('draft_comments').select(columns)
    .where('municipality_id', '=', municipalityId).where('entity_type', '=', entity).where('entity_id', '=', entityId)
    .orderBy('created_at').orderBy('id').execute();
}

export function findComment(db: Conn, municipalityId: number, id: number): Promise<CommentRow | undefined> {
  return db.selectFrom('draft_comments').select(columns).where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

export async function insertComment(db: Conn, row: {
  municipalityId: number; planId: number; entity: string; entityId: number; parentId: number | null; userId: number | null; name: string; text: string; now: string;
}): Promise<number> {
  const r = await db.insertInto('draft_comments').values({
    municipality_id: row.municipalityId, plan_id: row.planId, entity_type: row.entity, entity_id: row.entityId, parent_id: row.parentId,
    author_user_id: row.userId, author_name: row.name, text: row.text, created_at: row.now,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Resolves a thread (its first comment carries the mark), or opens it again (`at` null). */
export async function setResolved(db: Conn, municipalityId: number, threadId: number, at: string | null, by: string | null): Promise<void> {
  await db.updateTable('draft_comments').set({ resolved_at: at, resolved_by_name: by })
    .where('municipality_id', '=', municipalityId).where('id', '=', threadId).where('parent_id', 'is', null).execute();
}
