// A stored plan in the exchange format: what the JSON export writes and every other export reads.
import type { ExchangeMeasure, ExchangePlan } from './exchange.js';
import type { Measure, PlanTree } from './plan.repository.js';

export interface NotesByMeasure {
  get(measureId: number): Array<{ text: string; note_date: string | null }> | undefined;
}

export interface AttributesByMeasure {
  get(measureId: number): Array<{ label: string; value: string }> | undefined;
}

function toExchangeMeasure(m: Measure, notes: NotesByMeasure, attributes: AttributesByMeasure, further: boolean): ExchangeMeasure {
  // The plan's own wording; a measure that has only dates (entered in the form) is given them as a range.
  const timeframe = m.timeframe_label || [m.timeframe_start, m.timeframe_end].filter(Boolean).join('–');
  const own = attributes.get(m.id) ?? [];
  return {
    number: further ? null : m.number,
    text: m.text,
    actors: m.actors.map((a) => ({ name: a.name, role: a.role, parent: a.parentName })),
    status: { category: m.status_category, label: m.status_label, date: m.status_date },
    // Oldest first, as a catalogue reads.
    notes: [...(notes.get(m.id) ?? [])].reverse().map((n) => ({ text: n.text, date: n.note_date })),
    ...(timeframe ? { timeframe } : {}),
    ...(m.timeframe_start ? { timeframeStart: m.timeframe_start } : {}),
    ...(m.timeframe_end ? { timeframeEnd: m.timeframe_end } : {}),
    ...(m.target_groups ? { targetGroups: m.target_groups.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    ...(own.length ? { attributes: own.map((a) => ({ label: a.label, value: a.value })) } : {}),
  };
}

export function treeToExchange(tree: PlanTree, notes: NotesByMeasure, attributes: AttributesByMeasure = new Map()): ExchangePlan {
  const period = tree.plan.period_start || tree.plan.period_end ? [tree.plan.period_start, tree.plan.period_end].filter(Boolean).join('–') : null;
  return {
    plan: { title: tree.plan.title, period, edition: tree.plan.edition || null },
    fields: tree.fields.map((f) => ({
      title: f.title,
      visions: f.visions.map((v) => v.text),
      goals: f.goals.map((g) => ({ ...(g.number !== null ? { number: g.number } : {}), text: g.text, measures: g.measures.map((m) => toExchangeMeasure(m, notes, attributes, false)) })),
      furtherMeasures: f.furtherMeasures.map((m) => toExchangeMeasure(m, notes, attributes, true)),
    })),
  };
}
