// The one write path of measures: inserting a measure, its actor links, its progress notes and its status
// history. The plan's services, the import of an exchange plan and the copy of a plan all write through here,
// so a measure looks the same however it arrived, and its history is kept in one shape.
import type { Insertable, Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { Database, MeasureTable } from '../../platform/db/schema.js';
import type { StatusCategory } from './status.js';

type Conn = Kysely<Database>;

export async function insertMeasure(db: Conn, row: Insertable<MeasureTable>): Promise<number> {
  const inserted = await db.insertInto('measures').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export interface ActorLink {
  actorId: number;
  role: 'lead' | 'partner' | string;
}

/** Sets the measure's actors in this order (the first lead first); `replace` removes the links it had. */
export async function linkActors(db: Conn, municipalityId: number, measureId: number, links: ActorLink[], options: { replace: boolean }): Promise<void> {
  if (options.replace) await db.deleteFrom('measure_actors').where('municipality_id', '=', municipalityId).where('measure_id', '=', measureId).execute();
  if (links.length === 0) return;
  await db.insertInto('measure_actors')
    .values(links.map((l, position) => ({ municipality_id: municipalityId, measure_id: measureId, actor_id: l.actorId, role: l.role, position })))
    .execute();
}

export interface NewNote {
  text: string;
  date: string | null;
  /** When the note was written (defaults to the write's time). */
  createdAt?: string;
  authorName: string;
}

export async function insertNotes(db: Conn, municipalityId: number, measureId: number, notes: NewNote[], at: string): Promise<number[]> {
  if (notes.length === 0) return [];
  const rows = await db.insertInto('progress_notes')
    .values(notes.map((n) => ({ municipality_id: municipalityId, measure_id: measureId, text: n.text, note_date: n.date, created_at: n.createdAt ?? at, author_name: n.authorName })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export interface StatusEntry {
  label: string;
  category: StatusCategory | string;
}

/** One entry of a measure's status history: from (null for the first), to, why, when and by whom. */
export async function recordStatusChange(
  db: Conn, municipalityId: number, measureId: number,
  change: { from: StatusEntry | null; to: StatusEntry; note: string; at: string; by: Writer },
): Promise<void> {
  await db.insertInto('status_changes').values({
    municipality_id: municipalityId, measure_id: measureId,
    from_label: change.from?.label ?? null, from_category: change.from?.category ?? null,
    to_label: change.to.label, to_category: change.to.category, note: change.note,
    changed_at: change.at, changed_by_user_id: change.by.userId, changed_by_name: change.by.name,
  }).execute();
}

/** Sets a measure's current status (the history entry is written beside it by the caller's use case). */
export async function setMeasureStatus(db: Conn, municipalityId: number, measureId: number, status: { label: string; category: string; date: string | null }, at: string): Promise<void> {
  await db.updateTable('measures')
    .set({ status_label: status.label, status_category: status.category, status_date: status.date, updated_at: at })
    .where('municipality_id', '=', municipalityId).where('id', '=', measureId).execute();
}

/** The municipality's own status wordings, in their order. */
export function listWordings(db: Conn, municipalityId: number) {
  return db.selectFrom('status_wordings').select(['id', 'label', 'category', 'position']).where('municipality_id', '=', municipalityId).orderBy('position').execute();
}

/** The wordings as the status mapping reads them. */
export async function configuredWordings(db: Conn, municipalityId: number): Promise<Array<{ label: string; category: StatusCategory }>> {
  return (await listWordings(db, municipalityId)).map((r) => ({ label: r.label, category: r.category as StatusCategory }));
}
