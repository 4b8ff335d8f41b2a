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
  'Status',
  'Statuskategorie',
  'Statusdatum',
  'Fortschritt',
  'Weitere Maßnahme',
] as const;

export type TableColumn = (typeof TABLE_COLUMNS)[number];
export type TableRecord = Record<TableColumn, string | number | null>;

export function tableRecord(row: CatalogueRow): TableRecord {
  const { measure } = row;
  return {
    Handlungsfeld: row.field.title,
    Ziel: row.goal,
    'Nr.': measure.number,
    Maßnahme: measure.text,
    Akteure: formatActors(measure.actors),
    Status: measure.status.label,
    Statuskategorie: STATUS_CATEGORY_LABELS_DE[measure.status.category],
    Statusdatum: measure.status.date ?? '',
    Fortschritt: formatNotes(measure.notes),
    'Weitere Maßnahme': row.further ? 'ja' : '',
  };
}
