// The audit log: every admin write records who, when, what, before and after. Services call this inside
// the same transaction as the write, so a write without its entry cannot happen.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** The person (or the system) who wrote: the audit log's "who", not an organisation of the plan. */
export interface Writer {
  userId: number | null;
  name: string;
  /** The name the public may see in a measure's history (an actor or office); without it, the administration. */
  publicName?: string;
}

export interface AuditEntry {
  municipalityId: number | null;
  writer: Writer;
  action: string;
  entityType: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
  at: string;
}

export async function recordAudit(db: Kysely<Database> | Transaction<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      municipality_id: e.municipalityId,
      user_id: e.writer.userId,
      user_name: e.writer.name,
      at: e.at,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, municipalityId: number, limit = 200, offset = 0) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}
