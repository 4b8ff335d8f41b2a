// The plan flattened into one row per measure, in the plan's order: per field its goals' measures, then its
// further measures. Also the wording shared by every export for notes and statuses.
import type { ExchangeField, ExchangeMeasure, ExchangeNote, ExchangePlan, ExchangeStatus } from '../plan/index.js';
import type { StatusCategory } from '../plan/index.js';

export interface CatalogueRow {
  field: ExchangeField;
  /** Empty for further measures, which belong to no goal. */
  goal: string;
  measure: ExchangeMeasure;
  further: boolean;
}

/** "Ziel 1.1: Sprachförderung ausbauen" for a goal with a number, as catalogues write it (and the importer reads it). */
export function goalLabel(goal: ExchangeField['goals'][number], word = 'Ziel'): string {
  return goal.number ? `${word} ${goal.number}: ${goal.text}` : goal.text;
}

export function catalogueRows(field: ExchangeField): CatalogueRow[] {
  const rows: CatalogueRow[] = [];
  for (const goal of field.goals) {
    for (const measure of goal.measures) rows.push({ field, goal: goalLabel(goal), measure, further: false });
  }
  for (const measure of field.furtherMeasures) {
    rows.push({ field, goal: '', measure, further: true });
  }
  return rows;
}

export function allCatalogueRows(plan: ExchangePlan): CatalogueRow[] {
  return plan.fields.flatMap(catalogueRows);
}

/** "→ Kurs wurde durchgeführt (2022)": the arrow is how catalogues mark progress notes, and the importer reads it. */
export function formatNotes(notes: readonly ExchangeNote[], mark = '→'): string {
  return notes.map((note) => (note.date ? `${mark} ${note.text} (${note.date})` : `${mark} ${note.text}`)).join('\n');
}

/** The plan's own wording first; the category in brackets unless the wording already says exactly that. */
export function formatStatus(status: ExchangeStatus, categoryLabels: Record<StatusCategory, string>): string {
  const category = categoryLabels[status.category];
  const label = status.label.trim();
  if (!label) return category;
  return label.toLowerCase() === category.toLowerCase() ? label : `${label} (${category})`;
}

export function countByCategory(plan: ExchangePlan): Map<StatusCategory, number> {
  const counts = new Map<StatusCategory, number>();
  for (const row of allCatalogueRows(plan)) {
    counts.set(row.measure.status.category, (counts.get(row.measure.status.category) ?? 0) + 1);
  }
  return counts;
}
