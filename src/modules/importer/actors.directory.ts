// The actors directory of an import: one entry per actor however often and however spelled it appears.
// Measures are rewritten to the directory's spelling and parent, so "Kontaktstelle für Integration" named
// once with "(Amt für soziale Dienste)" and once without ends up as one actor with that parent everywhere.
import { actorKey } from './actors.parser.js';
import { actorNameKey, type ExchangeMeasure, type ExchangePlan } from '../plan/index.js';

export interface DirectoryEntry {
  name: string;
  parent: string | null;
  measureCount: number;
  /** The municipality's directory has this actor already (same name but for case and spaces): it is reused. */
  existing?: true;
}

function allMeasures(plan: ExchangePlan): ExchangeMeasure[] {
  return plan.fields.flatMap((field) => [...field.goals.flatMap((goal) => goal.measures), ...field.furtherMeasures]);
}

/** True when two keys differ by at most one inserted, deleted or replaced character. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

// Long names only: a typo in "Koordinator für das Bürgerschaftliche Engagement" is one actor, while "VHS"
// and "VHG" may well be two.
const TYPO_MIN_LENGTH = 15;

/**
 * `existing` are the names in the municipality's directory: an entry with the same name but for case and
 * spaces takes that spelling, as the directory's unique names are matched (`actorNameKey`), so the preview
 * shows the actor the import will reuse.
 */
export function unifyActors(plan: ExchangePlan, existing: readonly string[] = []): DirectoryEntry[] {
  const entries = new Map<string, DirectoryEntry>();
  const keyOf = new Map<string, string>();
  const resolve = (name: string): string => {
    const own = actorKey(name);
    const known = keyOf.get(own);
    if (known) return known;
    const near = own.length >= TYPO_MIN_LENGTH ? [...entries.keys()].find((key) => oneEditApart(key, own)) : undefined;
    keyOf.set(own, near ?? own);
    return near ?? own;
  };
  for (const measure of allMeasures(plan)) {
    for (const actor of measure.actors) {
      const key = resolve(actor.name);
      const entry = entries.get(key);
      if (!entry) entries.set(key, { name: actor.name, parent: actor.parent, measureCount: 1 });
      else {
        entry.measureCount++;
        entry.parent ??= actor.parent;
        // Of several spellings the shortest is usually the plain one ("Vereine", not the dative "Vereinen");
        // a name merged only as a likely typo never becomes the spelling.
        if (actor.name.length < entry.name.length && actorKey(actor.name) === key) entry.name = actor.name;
      }
    }
  }
  const known = new Map(existing.map((name) => [actorNameKey(name), name]));
  for (const entry of entries.values()) {
    const name = known.get(actorNameKey(entry.name));
    if (name !== undefined) Object.assign(entry, { name, existing: true });
  }
  for (const entry of entries.values()) {
    const parent = entry.parent === null ? undefined : known.get(actorNameKey(entry.parent));
    if (parent !== undefined) entry.parent = parent;
  }
  for (const measure of allMeasures(plan)) {
    for (const actor of measure.actors) {
      const entry = entries.get(resolve(actor.name))!;
      actor.name = entry.name;
      actor.parent = entry.parent;
    }
  }
  return [...entries.values()];
}

/**
 * The officer's merges in the preview ("Volkshochschule" is "VHS Talheim"): every measure names the actor it
 * goes into instead, once (a lead stays a lead), with that actor's parent where it has one. `merges` maps a
 * name to the name it goes into; names are matched as the directory matches them (case and spaces aside).
 */
export function mergeActorsInPlan(plan: ExchangePlan, merges: Readonly<Record<string, string>>): void {
  const into = new Map(Object.entries(merges).map(([from, to]) => [actorKey(from), to]));
  if (!into.size) return;
  const parents = new Map<string, string | null>();
  for (const measure of allMeasures(plan)) for (const actor of measure.actors) if (actor.parent) parents.set(actorKey(actor.name), actor.parent);
  for (const measure of allMeasures(plan)) {
    const kept = new Map<string, ExchangeMeasure['actors'][number]>();
    for (const actor of measure.actors) {
      const target = into.get(actorKey(actor.name));
      const merged = target ? { ...actor, name: target, parent: parents.get(actorKey(target)) ?? actor.parent } : actor;
      const key = actorKey(merged.name);
      const earlier = kept.get(key);
      if (!earlier) kept.set(key, merged);
      else if (merged.role === 'lead') earlier.role = 'lead';
    }
    measure.actors = [...kept.values()];
  }
}
