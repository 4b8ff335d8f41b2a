// The actors directory of an import: one entry per actor however often and however spelled it appears.
// Measures are rewritten to the directory's spelling and parent, so "Kontaktstelle für Integration" named
// once with "(Amt für soziale Dienste)" and once without ends up as one actor with that parent everywhere.
import { actorKey } from './actors.parser.js';
import type { ExchangeMeasure, ExchangePlan } from './exchange.js';

export interface DirectoryEntry {
  name: string;
  parent: string | null;
  measureCount: number;
}

function allMeasures(plan: ExchangePlan): ExchangeMeasure[] {
  return plan.fields.flatMap((field) => [...field.goals.flatMap((goal) => goal.measures), ...field.furtherMeasures]);
}

export function unifyActors(plan: ExchangePlan): DirectoryEntry[] {
  const entries = new Map<string, DirectoryEntry>();
  for (const measure of allMeasures(plan)) {
    for (const actor of measure.actors) {
      const key = actorKey(actor.name);
      const entry = entries.get(key);
      if (!entry) entries.set(key, { name: actor.name, parent: actor.parent, measureCount: 1 });
      else {
        entry.measureCount++;
        entry.parent ??= actor.parent;
      }
    }
  }
  for (const measure of allMeasures(plan)) {
    for (const actor of measure.actors) {
      const entry = entries.get(actorKey(actor.name))!;
      actor.name = entry.name;
      actor.parent = entry.parent;
    }
  }
  return [...entries.values()];
}
