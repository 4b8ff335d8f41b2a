// A stored plan in the exchange format: what the JSON export writes and every other export reads.
import type { ExchangeMeasure, ExchangePlan } from './exchange.js';
import type { Measure, PlanTree } from './plan.repository.js';

export interface NotesByMeasure {
  get(measureId: number): Array<{ text: string; note_date: string | null }> | undefined;
}

function toExchangeMeasure(m: Measure, notes: NotesByMeasure, further: boolean): ExchangeMeasure {
  const timeframe = [m.timeframe_start, m.timeframe_end].filter(Boolean).join('–');
  return {
    number: further ? null : m.number,
    text: m.text,
    actors: m.actors.map((a) => ({ name: a.name, role: a.role, parent: a.parentName })),
    status: { category: m.status_category, label: m.status_label, date: m.status_date },
    // Oldest first, as a catalogue reads.
    notes: [...(notes.get(m.id) ?? [])].reverse().map((n) => ({ text: n.text, date: n.note_date })),
    ...(timeframe ? { timeframe } : {}),
    ...(m.target_groups ? { targetGroups: m.target_groups.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
  };
}

export function treeToExchange(tree: PlanTree, notes: NotesByMeasure): ExchangePlan {
  const period = tree.plan.period_start || tree.plan.period_end ? [tree.plan.period_start, tree.plan.period_end].filter(Boolean).join('–') : null;
  return {
    plan: { title: tree.plan.title, period, edition: tree.plan.edition || null },
    fields: tree.fields.map((f) => ({
      title: f.title,
      visions: f.visions.map((v) => v.text),
      goals: f.goals.map((g) => ({ ...(g.number !== null ? { number: g.number } : {}), text: g.text, measures: g.measures.map((m) => toExchangeMeasure(m, notes, false)) })),
      furtherMeasures: f.furtherMeasures.map((m) => toExchangeMeasure(m, notes, true)),
    })),
  };
}
