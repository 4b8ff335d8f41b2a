// The one write path of measures: inserting, changing, moving, numbering and deleting a measure, its actor
// links, its progress notes and its status history. The plan's services, the import of an exchange plan and
// the copy of a plan all write through here, so a measure looks the same however it arrived, and its history
// is kept in one shape.
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import { inBatches } from '../../platform/db/batch.js';
import { moveInOrder, nextPosition } from '../../platform/db/ordering.js';
import type { Database, MeasureTable } from '../../platform/db/schema.js';
import { compareNumbers } from '../../platform/text/natural.js';
import type { Direction, NewRow, RowChanges } from './plan.repository.js';
import type { StatusCategory } from './status.js';

type Conn = Kysely<Database>;

export async function insertMeasure(db: Conn, municipalityId: number, measure: NewRow<MeasureTable>): Promise<number> {
  const inserted = await db.insertInto('measures').values({ ...measure, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** A measure as `insertMeasures` returns it: its id with the place and position it was written to. */
export interface InsertedMeasure {
  id: number;
  field_id: number;
  goal_id: number | null;
  position: number;
  is_further: number;
}

/**
 * Many measures in chunked multi-row statements (an import), in the given order. Each comes back with its
 * place and position, so a caller matches ids by place, not by the order RETURNING happens to give.
 */
export function insertMeasures(db: Conn, municipalityId: number, rows: NewRow<MeasureTable>[]): Promise<InsertedMeasure[]> {
  return inBatches(rows, (part) => db.insertInto('measures')
    .values(part.map((m) => ({ ...m, municipality_id: municipalityId })))
    .returning(['id', 'field_id', 'goal_id', 'position', 'is_further'])
    .execute());
}

/** Where a measure stands: under a goal, or among its field's further measures (no goal). */
export interface MeasurePlace {
  fieldId: number;
  goalId: number | null;
}

function orderScope(place: MeasurePlace): Record<string, number | null> {
  return place.goalId === null ? { field_id: place.fieldId, goal_id: null } : { goal_id: place.goalId };
}

/** The position after the last measure of that place. */
export function nextMeasurePosition(db: Conn, municipalityId: number, place: MeasurePlace): Promise<number> {
  return nextPosition(db, 'measures', municipalityId, orderScope(place));
}

/**
 * Where a measure with this number goes in its place: before the first numbered neighbour whose number sorts
 * after it ("1.2" before "1.10"), the neighbours from there on moved one down; else after the last measure.
 */
export async function positionForNumber(db: Conn, municipalityId: number, place: MeasurePlace, number: string | null, self: number | null = null): Promise<number> {
  if (number === null) return nextMeasurePosition(db, municipalityId, place);
  let query = db.selectFrom('measures').select(['id', 'number', 'position']).where('municipality_id', '=', municipalityId);
  query = place.goalId === null ? query.where('field_id', '=', place.fieldId).where('goal_id', 'is', null) : query.where('goal_id', '=', place.goalId);
  const siblings = (await query.orderBy('position').execute()).filter((s) => s.id !== self);
  const after = siblings.find((s) => s.number !== null && compareNumbers(s.number, number) > 0);
  if (!after) return nextMeasurePosition(db, municipalityId, place);
  const moving = siblings.filter((s) => s.position >= after.position).map((s) => s.id);
  await db.updateTable('measures').set((eb) => ({ position: eb('position', '+', 1) })).where('municipality_id', '=', municipalityId).where('id', 'in', moving).execute();
  return after.position;
}

/** Swaps a measure with its neighbour in its place; false at the edge. */
export function moveMeasure(db: Conn, municipalityId: number, measure: { id: number; field_id: number; goal_id: number | null }, direction: Direction): Promise<boolean> {
  return moveInOrder(db, 'measures', municipalityId, measure.id, orderScope({ fieldId: measure.field_id, goalId: measure.goal_id }), direction);
}

export async function updateMeasure(db: Conn, municipalityId: number, measureId: number, changes: RowChanges<MeasureTable>): Promise<void> {
  await db.updateTable('measures').set(changes).where('municipality_id', '=', municipalityId).where('id', '=', measureId).execute();
}

export async function deleteMeasure(db: Conn, municipalityId: number, measureId: number): Promise<void> {
  await db.deleteFrom('measures').where('municipality_id', '=', municipalityId).where('id', '=', measureId).execute();
}

/** Numbers these measures 1…n in the given order. */
export async function numberMeasures(db: Conn, municipalityId: number, measureIds: number[]): Promise<void> {
  // Two passes so that no intermediate state has two measures with one number.
  for (const id of measureIds) await updateMeasure(db, municipalityId, id, { number: null });
  let n = 1;
  for (const id of measureIds) await updateMeasure(db, municipalityId, id, { number: String(n++) });
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

/** The actor links of many new measures in chunked statements (an import); each measure's in its order. */
export async function linkActorsOfMany(db: Conn, municipalityId: number, links: Array<{ measureId: number; links: ActorLink[] }>): Promise<void> {
  const rows = links.flatMap((m) => m.links.map((l, position) => ({ municipality_id: municipalityId, measure_id: m.measureId, actor_id: l.actorId, role: l.role, position })));
  await inBatches(rows, async (part) => {
    await db.insertInto('measure_actors').values(part).execute();
    return [];
  });
}

export interface MeasureAttribute {
  label: string;
  value: string;
}

/** Replaces a measure's labelled attributes with these, in this order. */
export async function setMeasureAttributes(db: Conn, municipalityId: number, measureId: number, attributes: MeasureAttribute[]): Promise<void> {
  await db.deleteFrom('measure_attributes').where('municipality_id', '=', municipalityId).where('measure_id', '=', measureId).execute();
  await insertAttributesOfMany(db, municipalityId, [{ measureId, attributes }]);
}

/** The labelled attributes of many new measures in chunked statements (an import, a copy); each in its order. */
export async function insertAttributesOfMany(db: Conn, municipalityId: number, list: Array<{ measureId: number; attributes: MeasureAttribute[] }>): Promise<void> {
  const rows = list.flatMap((m) => m.attributes.map((a, position) => ({ municipality_id: municipalityId, measure_id: m.measureId, position, label: a.label, value: a.value })));
  await inBatches(rows, async (part) => {
    await db.insertInto('measure_attributes').values(part).execute();
    return [];
  });
}

export interface NewNote {
  text: string;
  date: string | null;
  /** When the note was written (defaults to the write's time). */
  createdAt?: string;
  authorName: string;
  /** An internal note (the officer's own, or the system's) is never shown in public. */
  internal?: boolean;
}

export async function insertNotes(db: Conn, municipalityId: number, measureId: number, notes: NewNote[], at: string): Promise<number[]> {
  if (notes.length === 0) return [];
  const rows = await db.insertInto('progress_notes')
    .values(notes.map((n) => ({ municipality_id: municipalityId, measure_id: measureId, text: n.text, note_date: n.date, created_at: n.createdAt ?? at, author_name: n.authorName, is_internal: n.internal ? 1 : 0 })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The notes of many measures in chunked statements (an import), in the given order. */
export async function insertNotesOfMany(db: Conn, municipalityId: number, notes: Array<NewNote & { measureId: number }>, at: string): Promise<void> {
  await inBatches(notes, async (part) => {
    await db.insertInto('progress_notes')
      .values(part.map((n) => ({ municipality_id: municipalityId, measure_id: n.measureId, text: n.text, note_date: n.date, created_at: n.createdAt ?? at, author_name: n.authorName, is_internal: n.internal ? 1 : 0 })))
      .execute();
    return [];
  });
}

export interface StatusEntry {
  label: string;
  category: StatusCategory | string;
}

/**
 * One entry of a measure's status history: from (null for the first), to, why (public or internal), when and by
 * whom (the writer, and the name the public sees: the writer's `publicName`, else the administration).
 */
export async function recordStatusChange(
  db: Conn, municipalityId: number, measureId: number,
  change: { from: StatusEntry | null; to: StatusEntry; note: string; noteInternal?: boolean; at: string; by: Writer },
): Promise<void> {
  await db.insertInto('status_changes').values({
    municipality_id: municipalityId, measure_id: measureId,
    from_label: change.from?.label ?? null, from_category: change.from?.category ?? null,
    to_label: change.to.label, to_category: change.to.category, note: change.note,
    changed_at: change.at, changed_by_user_id: change.by.userId, changed_by_name: change.by.name,
    note_internal: change.noteInternal ? 1 : 0, changed_by_public: change.by.publicName ?? '',
  }).execute();
}

/** The status history entries of many measures in chunked statements (an import), in the given order. */
export async function recordStatusChanges(
  db: Conn, municipalityId: number,
  changes: Array<{ measureId: number; from: StatusEntry | null; to: StatusEntry; note: string; noteInternal?: boolean; at: string; by: Writer }>,
): Promise<void> {
  await inBatches(changes, async (part) => {
    await db.insertInto('status_changes').values(part.map((change) => ({
      municipality_id: municipalityId, measure_id: change.measureId,
      from_label: change.from?.label ?? null, from_category: change.from?.category ?? null,
      to_label: change.to.label, to_category: change.to.category, note: change.note,
      changed_at: change.at, changed_by_user_id: change.by.userId, changed_by_name: change.by.name,
      note_internal: change.noteInternal ? 1 : 0, changed_by_public: change.by.publicName ?? '',
    }))).execute();
    return [];
  });
}

/** Every measure of the municipality with a status wording, with its current status (matched by the caller). */
export function listMeasureStatuses(db: Conn, municipalityId: number) {
  return db.selectFrom('measures').select(['id', 'status_label', 'status_category'])
    .where('municipality_id', '=', municipalityId).where('status_label', '!=', '').orderBy('id').execute();
}

/** Sets the category of these measures, keeping their wording (a wording's category changed). */
export async function setMeasuresCategory(db: Conn, municipalityId: number, measureIds: number[], category: string, at: string): Promise<void> {
  await inBatches(measureIds, async (part) => {
    await db.updateTable('measures').set({ status_category: category, updated_at: at })
      .where('municipality_id', '=', municipalityId).where('id', 'in', part).execute();
    return [];
  });
}

/** Sets a measure's current status (the history entry is written beside it by the caller's use case). */
export async function setMeasureStatus(db: Conn, municipalityId: number, measureId: number, status: { label: string; category: string; date: string | null }, at: string): Promise<void> {
  await db.updateTable('measures')
    .set({ status_label: status.label, status_category: status.category, status_date: status.date, updated_at: at })
    .where('municipality_id', '=', municipalityId).where('id', '=', measureId).execute();
}

/**
 * Moves every measure link of actor `fromId` to actor `toId` (a merge). Where a measure names both, one link
 * stays: lead wins over partner, and it keeps the earlier of the two positions. Returns how many links moved.
 */
export async function moveActorLinks(db: Conn, municipalityId: number, fromId: number, toId: number): Promise<number> {
  const from = await db.selectFrom('measure_actors').select(['measure_id', 'role', 'position'])
    .where('municipality_id', '=', municipalityId).where('actor_id', '=', fromId).execute();
  if (from.length === 0) return 0;
  const both = await inBatches(from.map((l) => l.measure_id), (part) => db.selectFrom('measure_actors').select(['measure_id', 'role', 'position'])
    .where('municipality_id', '=', municipalityId).where('actor_id', '=', toId).where('measure_id', 'in', part).execute());
  const fromOf = new Map(from.map((l) => [l.measure_id, l]));
  for (const kept of both) {
    const gone = fromOf.get(kept.measure_id)!;
    const role = kept.role === 'lead' || gone.role === 'lead' ? 'lead' : kept.role;
    await db.updateTable('measure_actors').set({ role, position: Math.min(kept.position, gone.position) })
      .where('municipality_id', '=', municipalityId).where('measure_id', '=', kept.measure_id).where('actor_id', '=', toId).execute();
  }
  await inBatches(both.map((l) => l.measure_id), async (part) => {
    await db.deleteFrom('measure_actors').where('municipality_id', '=', municipalityId).where('actor_id', '=', fromId).where('measure_id', 'in', part).execute();
    return [];
  });
  await db.updateTable('measure_actors').set({ actor_id: toId }).where('municipality_id', '=', municipalityId).where('actor_id', '=', fromId).execute();
  return from.length;
}
