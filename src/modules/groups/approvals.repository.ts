// SQL of the steering group's reviews of a plan: each entry is kept (a change of mind adds one); entries not
// yet recorded with an edition (edition_id null) make the plan's open review. Scoped to the municipality.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Conn = Kysely<Database> | Transaction<Database>;

export interface ApprovalRow {
  id: number;
  plan_id: number;
  user_id: number | null;
  member_name: string;
  seat: string | null;
  state: string;
  comment: string;
  created_at: string;
  edition_id: number | null;
}

const columns = ['id', 'plan_id', 'user_id', 'member_name', 'seat', 'state', 'comment', 'created_at', 'edition_id'] as const;

/** The open review's entries of a plan (not yet recorded with an edition), oldest first. */
export function openEntries(db: Conn, municipalityId: number, planId: number): Promise<ApprovalRow[]> {
  return db.selectFrom('plan_approvals').select(columns)
    .where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).where('edition_id', 'is', null)
    .orderBy('created_at').orderBy('id').execute();
}

export function entriesOfEdition(db: Conn, municipalityId: number, editionId: number): Promise<ApprovalRow[]> {
  return db.selectFrom('plan_approvals').select(columns)
    .where('municipality_id', '=', municipalityId).where('edition_id', '=', editionId)
    .orderBy('created_at').orderBy('id').execute();
}

export function entriesOfUser(db: Conn, municipalityId: number, planId: number, userId: number): Promise<ApprovalRow[]> {
  return db.selectFrom('plan_approvals').select(columns)
    .where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).where('user_id', '=', userId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function insertEntry(db: Conn, row: {
  municipalityId: number; planId: number; userId: number; name: string; seat: string | null; state: string; comment: string; now: string;
}): Promise<number> {
  const r = await db.insertInto('plan_approvals').values({
    municipality_id: row.municipalityId, plan_id: row.planId, user_id: row.userId, member_name: row.name, seat: row.seat,
    state: row.state, comment: row.comment, created_at: row.now,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Records the plan's open review with an edition made from it. */
export async function recordWithEdition(db: Conn, municipalityId: number, planId: number, editionId: number): Promise<number> {
  const r = await db.updateTable('plan_approvals').set({ edition_id: editionId })
    .where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).where('edition_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
