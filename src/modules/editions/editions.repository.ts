// The editions module's SQL. Every function takes the municipality first: no query can leave its tenant.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { HistoryEntry } from './compare.js';
import type { Lineage } from './snapshot.js';

type Conn = Kysely<Database> | Transaction<Database>;

export interface EditionSummary {
  id: number;
  plan_id: number;
  plan_title: string;
  label: string;
  adopted_on: string | null;
  paper_number: string;
  note: string;
  created_at: string;
  created_by: string;
}

export interface EditionRow extends EditionSummary {
  snapshot_json: string;
}

const summaryColumns = [
  'e.id', 'e.plan_id', 'p.title as plan_title', 'e.label', 'e.adopted_on', 'e.paper_number', 'e.note', 'e.created_at', 'e.created_by',
] as const;

/** Newest first; without the snapshots, which can be large. */
export function listEditions(db: Conn, municipalityId: number, planId?: number): Promise<EditionSummary[]> {
  let q = db.selectFrom('editions as e').innerJoin('plans as p', 'p.id', 'e.plan_id').select(summaryColumns).where('e.municipality_id', '=', municipalityId);
  if (planId !== undefined) q = q.where('e.plan_id', '=', planId);
  return q.orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').execute();
}

export function findEdition(db: Conn, municipalityId: number, editionId: number): Promise<EditionRow | undefined> {
  return db.selectFrom('editions as e').innerJoin('plans as p', 'p.id', 'e.plan_id')
    .select([...summaryColumns, 'e.snapshot_json'])
    .where('e.municipality_id', '=', municipalityId).where('e.id', '=', editionId)
    .executeTakeFirst();
}

export async function insertEdition(
  trx: Conn,
  row: { municipality_id: number; plan_id: number; label: string; adopted_on: string | null; paper_number: string; note: string; snapshot_json: string; created_at: string; created_by_user_id: number | null; created_by: string },
): Promise<number> {
  const inserted = await trx.insertInto('editions').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function deleteEdition(trx: Conn, municipalityId: number, editionId: number): Promise<void> {
  await trx.deleteFrom('editions').where('municipality_id', '=', municipalityId).where('id', '=', editionId).execute();
}

/** Every public progress note of a plan's measures, newest first per measure: an edition keeps no internal note. */
export async function notesOfPlan(db: Conn, municipalityId: number, planId: number): Promise<Map<number, Array<{ text: string; date: string | null }>>> {
  const rows = await db.selectFrom('progress_notes as n').innerJoin('measures as m', 'm.id', 'n.measure_id')
    .select(['n.id', 'n.measure_id', 'n.text', 'n.note_date'])
    .where('n.municipality_id', '=', municipalityId).where('m.plan_id', '=', planId).where('n.is_internal', '=', 0)
    .execute();
  // Sorted here: the engines disagree on where NULL goes in a descending order. Undated notes come last.
  rows.sort((x, y) => (y.note_date ?? '').localeCompare(x.note_date ?? '') || y.id - x.id);
  const notes = new Map<number, Array<{ text: string; date: string | null }>>();
  for (const r of rows) notes.set(r.measure_id, [...(notes.get(r.measure_id) ?? []), { text: r.text, date: r.note_date }]);
  return notes;
}

export async function insertLineage(trx: Conn, municipalityId: number, entityType: string, origins: Map<number, number>): Promise<void> {
  const rows = [...origins].map(([origin, entity]) => ({ municipality_id: municipalityId, entity_type: entityType, entity_id: entity, origin_id: origin }));
  for (let i = 0; i < rows.length; i += 200) await trx.insertInto('edition_lineage').values(rows.slice(i, i + 200)).execute();
}

/** The municipality's copy links, walked back to the first origin. */
export async function loadLineage(db: Conn, municipalityId: number): Promise<Lineage> {
  const rows = await db.selectFrom('edition_lineage').select(['entity_type', 'entity_id', 'origin_id']).where('municipality_id', '=', municipalityId).execute();
  const origin = new Map(rows.map((r) => [`${r.entity_type}:${r.entity_id}`, r.origin_id]));
  return {
    of(entityType, entityId) {
      const chain: number[] = [];
      const seen = new Set([entityId]);
      let current = origin.get(`${entityType}:${entityId}`);
      while (current !== undefined && !seen.has(current)) {
        chain.push(current);
        seen.add(current);
        current = origin.get(`${entityType}:${current}`);
      }
      return chain;
    },
  };
}

/** Status changes of the given measures recorded after `from` up to and including `to`. */
export async function statusHistory(db: Conn, municipalityId: number, measureIds: number[], from: string, to: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  // Chunked: SQLite allows a limited number of bound parameters per statement.
  for (let i = 0; i < measureIds.length; i += 500) {
    const rows = await db.selectFrom('status_changes')
      .select(['measure_id', 'from_label', 'from_category', 'to_label', 'to_category', 'note', 'changed_at', 'changed_by_name', 'changed_by_public', 'note_internal'])
      .where('municipality_id', '=', municipalityId).where('measure_id', 'in', measureIds.slice(i, i + 500))
      .where('changed_at', '>', from).where('changed_at', '<=', to)
      .orderBy('changed_at').orderBy('id')
      .execute();
    for (const r of rows) {
      entries.push({
        measureId: r.measure_id, fromLabel: r.from_label, fromCategory: r.from_category, toLabel: r.to_label, toCategory: r.to_category,
        note: r.note, changedAt: r.changed_at, changedBy: r.changed_by_name, publicBy: r.changed_by_public, noteInternal: r.note_internal === 1,
      });
    }
  }
  return entries;
}
