// The columns of the CSV and of each XLSX sheet. Their German names are the ones the update import recognises,
// so a partner can edit an exported sheet and send it back: the notes column is "Fortschritt" because the
// importer reads "Sachstand" as a status column.
import { formatActors } from './actors.format.js';
import type { CatalogueRow } from './catalogue.js';
import { formatNotes } from './catalogue.js';
import { STATUS_CATEGORY_LABELS_DE } from './export.labels.js';

export const TABLE_COLUMNS = [
  'Handlungsfeld',
  'Ziel',
  'Nr.',
  'Maßnahme',
  'Akteure',
  'Zeitraum',
  'Zielgruppen',
  'Status',
  'Statuskategorie',
  'Statusdatum',
  'Fortschritt',
  'Weitere Maßnahme',
] as const;

export type TableColumn = (typeof TABLE_COLUMNS)[number];
export type TableRecord = Record<TableColumn, string | number | null> & Record<string, string | number | null>;

/**
 * The measures' further attributes as columns after the fixed ones, one per label in the order they first occur;
 * the importer keeps a column it does not know as an attribute under its header, so they read back the same.
 */
export function attributeColumns(rows: readonly CatalogueRow[]): string[] {
  const fixed = new Set<string>(TABLE_COLUMNS);
  const labels = new Set<string>();
  for (const { measure } of rows) for (const { label } of measure.attributes ?? []) if (!fixed.has(label)) labels.add(label);
  return [...labels];
}

export function tableRecord(row: CatalogueRow, attributes: readonly string[] = []): TableRecord {
  const { measure } = row;
  const own = (label: string) => (measure.attributes ?? []).filter((a) => a.label === label).map((a) => a.value).join('\n');
  return {
    ...Object.fromEntries(attributes.map((label) => [label, own(label)])),
    Handlungsfeld: row.field.title,
    Ziel: row.goal,
    'Nr.': measure.number,
    Maßnahme: measure.text,
    Akteure: formatActors(measure.actors),
    Zeitraum: measure.timeframe ?? '',
    Zielgruppen: (measure.targetGroups ?? []).join(', '),
    Status: measure.status.label,
    Statuskategorie: STATUS_CATEGORY_LABELS_DE[measure.status.category],
    Statusdatum: measure.status.date ?? '',
    Fortschritt: formatNotes(measure.notes),
    'Weitere Maßnahme': row.further ? 'ja' : '',
  };
}
