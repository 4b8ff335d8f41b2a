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

/** Which entries a reader of the log asks for; a missing value does not narrow. Dates are days (YYYY-MM-DD). */
export interface AuditFilter {
  person?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

function filtered(db: Kysely<Database>, municipalityId: number, f: AuditFilter) {
  let q = db.selectFrom('audit_log').where('municipality_id', '=', municipalityId);
  if (f.person) q = q.where('user_name', '=', f.person);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  // Timestamps are ISO text on both engines: a day's entries sort between the day and the next day.
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', nextDay(f.to));
  return q;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** One page of the filtered log, newest first, and how many entries the filter matches in all. */
export async function searchAudit(db: Kysely<Database>, municipalityId: number, f: AuditFilter, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    filtered(db, municipalityId, f).selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, municipalityId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The people and the kinds of entries the municipality's log holds: the filter's choices. */
export async function auditChoices(db: Kysely<Database>, municipalityId: number) {
  const [people, types] = await Promise.all([
    db.selectFrom('audit_log').select('user_name').distinct().where('municipality_id', '=', municipalityId).orderBy('user_name').execute(),
    db.selectFrom('audit_log').select('entity_type').distinct().where('municipality_id', '=', municipalityId).orderBy('entity_type').execute(),
  ]);
  return { people: people.map((p) => p.user_name), entityTypes: types.map((t) => t.entity_type) };
}
