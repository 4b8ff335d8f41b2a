// Compares two snapshots of a plan (two editions, or an edition and today's plan): which measures were added,
// removed or changed, and whose status changed, with the reasons the history gives. A pure function, so that the
// compare page and the yearly report say exactly the same.
//
// How a measure of the earlier snapshot (A) is matched with one of the later snapshot (B), stage by stage; each
// measure is matched at most once, and a later stage only sees what the earlier ones left:
//   1. Identity: the same id, or linked through lineage (B's measure was copied from A's when a new edition was
//      started from the old plan, or both were copied from the same one).
//   2. Same text: equal after ignoring case, punctuation and spacing; among several, the one with the same number.
//   3. Similar text, for measures that came in by import and so carry no ids in common: the Dice coefficient of
//      their character trigrams is at least 0.8, or at least 0.5 when both carry the same number. The best pairs
//      are taken first. Above 200,000 candidate pairs only pairs with the same number are scored, so a compare
//      of two unrelated large catalogues stays fast.
// Whatever is left is added (only in B) or removed (only in A). A number alone never matches: a renumbered
// catalogue would otherwise pair unrelated measures.
import type { StatusCategory } from '../plan/index.js';
import { placedMeasures, type PlacedMeasure, type PlanSnapshot } from './snapshot.js';

export interface HistoryEntry {
  measureId: number;
  fromLabel: string | null;
  fromCategory: string | null;
  toLabel: string;
  toCategory: string;
  note: string;
  changedAt: string;
  changedBy: string;
  /** Who made the change as the public may know it (an actor); empty or absent: the administration. */
  publicBy?: string;
  /** The note is internal: the public (the yearly report) does not see it. */
  noteInternal?: boolean;
}

export type MatchedBy = 'identity' | 'text' | 'similar';
export type ChangeKind = 'text' | 'number' | 'field' | 'goal' | 'actors';

export interface MeasureChange {
  before: PlacedMeasure;
  after: PlacedMeasure;
  matchedBy: MatchedBy;
  changes: ChangeKind[];
}

export interface StatusChange {
  before: PlacedMeasure;
  after: PlacedMeasure;
  from: { category: StatusCategory; label: string };
  to: { category: StatusCategory; label: string };
  /** Status changes recorded between the two snapshots, oldest first, each with its note. */
  reasons: HistoryEntry[];
}

export interface Comparison {
  added: PlacedMeasure[];
  removed: PlacedMeasure[];
  changed: MeasureChange[];
  statusChanges: StatusChange[];
  /** Matched measures with neither a change nor a new status. */
  unchanged: number;
}

const SIMILAR = 0.8;
const SIMILAR_SAME_NUMBER = 0.5;
const MAX_FUZZY_PAIRS = 200_000;

/** Lower case, letters and digits only, single spaces: what "the same text" means here. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function trigrams(text: string): Map<string, number> {
  const padded = `  ${text} `;
  const grams = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const gram = padded.slice(i, i + 3);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function size(grams: Map<string, number>): number {
  let n = 0;
  for (const count of grams.values()) n += count;
  return n;
}

/** Dice coefficient of two trigram multisets: 1 for equal texts, 0 for texts without a trigram in common. */
export function similarity(a: string, b: string): number {
  return dice(trigrams(normalizeText(a)), trigrams(normalizeText(b)));
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  const total = size(a) + size(b);
  if (total === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [gram, count] of small) shared += Math.min(count, large.get(gram) ?? 0);
  return (2 * shared) / total;
}

const identity = (part: { id: number; lineage: number[] }): number[] => [part.id, ...part.lineage];

function sameIdentity(a: { id: number; lineage: number[] }, b: { id: number; lineage: number[] }): boolean {
  const ids = new Set(identity(a));
  return identity(b).some((id) => ids.has(id));
}

/** A field or goal is the same when linked by id or lineage, or, between unrelated plans, when its text is. */
function samePlace(a: PlacedMeasure, b: PlacedMeasure, part: 'field' | 'goal'): boolean {
  if (part === 'field') return sameIdentity(a.field, b.field) || normalizeText(a.field.title) === normalizeText(b.field.title);
  if (a.goal === null || b.goal === null) return a.goal === b.goal;
  return sameIdentity(a.goal, b.goal) || normalizeText(a.goal.text) === normalizeText(b.goal.text);
}

const actorKeys = (p: PlacedMeasure): string =>
  p.measure.actors.map((a) => `${a.role}:${normalizeText(a.name)}`).sort().join('|');

const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim();

function changesOf(a: PlacedMeasure, b: PlacedMeasure): ChangeKind[] {
  const kinds: ChangeKind[] = [];
  if (spaced(a.measure.text) !== spaced(b.measure.text)) kinds.push('text');
  if (a.measure.number !== b.measure.number) kinds.push('number');
  if (!samePlace(a, b, 'field')) kinds.push('field');
  if (!samePlace(a, b, 'goal')) kinds.push('goal');
  if (actorKeys(a) !== actorKeys(b)) kinds.push('actors');
  return kinds;
}

function statusDiffers(a: PlacedMeasure, b: PlacedMeasure): boolean {
  return a.measure.status.category !== b.measure.status.category || a.measure.status.label.trim() !== b.measure.status.label.trim();
}

interface Pair {
  a: number;
  b: number;
  by: MatchedBy;
}

function match(left: PlacedMeasure[], right: PlacedMeasure[]): Pair[] {
  const pairs: Pair[] = [];
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const take = (a: number, b: number, by: MatchedBy) => {
    pairs.push({ a, b, by });
    usedA.add(a);
    usedB.add(b);
  };

  // 1. Identity: own ids first, so an exact id beats a lineage link.
  const byId = new Map<number, number>();
  left.forEach((p, i) => byId.set(p.measure.id, i));
  left.forEach((p, i) => p.measure.lineage.forEach((id) => (byId.has(id) ? undefined : byId.set(id, i))));
  right.forEach((p, j) => {
    for (const id of identity(p.measure)) {
      const i = byId.get(id);
      if (i !== undefined && !usedA.has(i)) {
        take(i, j, 'identity');
        return;
      }
    }
  });

  // 2. The same text.
  const byText = new Map<string, number[]>();
  left.forEach((p, i) => {
    if (usedA.has(i)) return;
    const key = normalizeText(p.measure.text);
    byText.set(key, [...(byText.get(key) ?? []), i]);
  });
  right.forEach((p, j) => {
    if (usedB.has(j)) return;
    const candidates = (byText.get(normalizeText(p.measure.text)) ?? []).filter((i) => !usedA.has(i));
    if (candidates.length === 0) return;
    const i = candidates.find((c) => left[c].measure.number === p.measure.number) ?? candidates[0];
    take(i, j, 'text');
  });

  // 3. Similar text, best pairs first.
  const restA = left.map((_, i) => i).filter((i) => !usedA.has(i));
  const restB = right.map((_, j) => j).filter((j) => !usedB.has(j));
  if (restA.length === 0 || restB.length === 0) return pairs;
  const onlySameNumber = restA.length * restB.length > MAX_FUZZY_PAIRS;
  const gramsA = new Map(restA.map((i) => [i, trigrams(normalizeText(left[i].measure.text))]));
  const gramsB = new Map(restB.map((j) => [j, trigrams(normalizeText(right[j].measure.text))]));
  const candidates: Array<{ i: number; j: number; score: number; sameNumber: boolean }> = [];
  for (const i of restA) {
    for (const j of restB) {
      const number = left[i].measure.number;
      const sameNumber = number !== null && number === right[j].measure.number;
      if (onlySameNumber && !sameNumber) continue;
      const score = dice(gramsA.get(i)!, gramsB.get(j)!);
      if (score >= SIMILAR || (sameNumber && score >= SIMILAR_SAME_NUMBER)) candidates.push({ i, j, score, sameNumber });
    }
  }
  candidates.sort((x, y) => y.score - x.score || Number(y.sameNumber) - Number(x.sameNumber) || x.i - y.i || x.j - y.j);
  for (const c of candidates) if (!usedA.has(c.i) && !usedB.has(c.j)) take(c.i, c.j, 'similar');
  return pairs;
}

/**
 * `a` is the earlier snapshot, `b` the later one. `history` may hold more than the two dates enclose: only
 * status changes of the matched measures after `a` was taken and up to `b` count as reasons.
 */
export function compareSnapshots(a: PlanSnapshot, b: PlanSnapshot, history: readonly HistoryEntry[]): Comparison {
  const left = placedMeasures(a);
  const right = placedMeasures(b);
  const pairs = match(left, right);
  const [from, to] = a.takenAt <= b.takenAt ? [a.takenAt, b.takenAt] : [b.takenAt, a.takenAt];
  const inWindow = history
    .filter((h) => h.fromLabel !== null && h.changedAt > from && h.changedAt <= to)
    .sort((x, y) => x.changedAt.localeCompare(y.changedAt));

  const changed: MeasureChange[] = [];
  const statusChanges: StatusChange[] = [];
  let unchanged = 0;
  // Reported in the later snapshot's order, which is the order the reader knows now.
  pairs.sort((x, y) => x.b - y.b);
  for (const pair of pairs) {
    const before = left[pair.a];
    const after = right[pair.b];
    const changes = changesOf(before, after);
    if (changes.length > 0) changed.push({ before, after, matchedBy: pair.by, changes });
    const newStatus = statusDiffers(before, after);
    if (newStatus) {
      const ids = new Set([...identity(before.measure), ...identity(after.measure)]);
      statusChanges.push({
        before,
        after,
        from: { category: before.measure.status.category, label: before.measure.status.label },
        to: { category: after.measure.status.category, label: after.measure.status.label },
        reasons: inWindow.filter((h) => ids.has(h.measureId)),
      });
    }
    if (changes.length === 0 && !newStatus) unchanged++;
  }
  const matchedA = new Set(pairs.map((p) => p.a));
  const matchedB = new Set(pairs.map((p) => p.b));
  return {
    added: right.filter((_, j) => !matchedB.has(j)),
    removed: left.filter((_, i) => !matchedA.has(i)),
    changed,
    statusChanges,
    unchanged,
  };
}
