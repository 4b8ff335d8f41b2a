import { stringify } from 'csv-stringify/sync';
import { allCatalogueRows } from './catalogue.js';
import { parseExportInput, type ExportInput } from './export.model.js';
import { TABLE_COLUMNS, tableRecord } from './table.columns.js';

/**
 * Semicolon, CRLF and a byte-order mark because that is what German Excel opens correctly on a double click;
 * without the BOM it reads the file as Windows-1252 and breaks every umlaut.
 */
export function exportCsv(input: ExportInput): Buffer {
  const { plan } = parseExportInput(input);
  const text = stringify(allCatalogueRows(plan).map(tableRecord), {
    header: true,
    columns: [...TABLE_COLUMNS],
    delimiter: ';',
    record_delimiter: '\r\n',
    bom: true,
  });
  return Buffer.from(text, 'utf8');
}
