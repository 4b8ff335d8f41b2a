import { stringify } from 'csv-stringify/sync';
import { allCatalogueRows } from './catalogue.js';
import { parseExportInput, type ExportInput } from './export.model.js';
import { attributeColumns, TABLE_COLUMNS, tableRecord } from './table.columns.js';

/**
 * Semicolon, CRLF and a byte-order mark because that is what German Excel opens correctly on a double click;
 * without the BOM it reads the file as Windows-1252 and breaks every umlaut.
 */
export function exportCsv(input: ExportInput): Buffer {
  const { plan } = parseExportInput(input);
  const rows = allCatalogueRows(plan);
  const attributes = attributeColumns(rows);
  const text = stringify(rows.map((row) => neutralise(tableRecord(row, attributes))), {
    header: true,
    columns: [...TABLE_COLUMNS, ...attributes],
    delimiter: ';',
    record_delimiter: '\r\n',
    bom: true,
  });
  return Buffer.from(text, 'utf8');
}

/**
 * A cell that starts with =, +, -, @, a tab or a carriage return would be read as a formula by a spreadsheet
 * program ("=HYPERLINK(…)" in a measure text). Such a cell gets a leading apostrophe, which spreadsheets show as
 * text and the importer removes again (csv.reader), so that the round trip keeps the text as written.
 */
export function neutraliseCell(value: string | number | null): string | number | null {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function neutralise<T extends Record<string, string | number | null>>(record: T): T {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, neutraliseCell(v)])) as T;
}
