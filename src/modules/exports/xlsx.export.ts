import ExcelJS from 'exceljs';
import { STATUS_CATEGORIES } from '../plan/index.js';
import { catalogueRows, countByCategory } from './catalogue.js';
import { documentLabels, STATUS_CATEGORY_LABELS_DE } from './export.labels.js';
import { parseExportInput, type ExportInput } from './export.model.js';
import { sheetNames } from './sheet.names.js';
import { attributeColumns, TABLE_COLUMNS, tableRecord, type TableColumn } from './table.columns.js';

const OVERVIEW_SHEET = 'Übersicht';

// Each field's sheet is a plain table (header in row 1, nothing above it) so that the update import can read an
// edited sheet back. The field is the sheet name, so its column is left out.
const SHEET_COLUMNS = TABLE_COLUMNS.filter((column) => column !== 'Handlungsfeld');

const COLUMN_WIDTHS: Record<TableColumn, number> = {
  Handlungsfeld: 30,
  Ziel: 40,
  'Nr.': 6,
  Maßnahme: 60,
  Akteure: 40,
  Zeitraum: 16,
  Status: 30,
  Statuskategorie: 16,
  Statusdatum: 12,
  Fortschritt: 50,
  'Weitere Maßnahme': 10,
};

// Text format on every column, the number too: otherwise Excel turns a status date "2024-03" or a label such as
// "1.3." into a date as soon as someone edits the cell, and a number "1.10" into 1.1. Numbers are string cells.
const TEXT_FORMAT = '@';

function addOverview(workbook: ExcelJS.Workbook, input: ExportInput): void {
  const sheet = workbook.addWorksheet(OVERVIEW_SHEET);
  sheet.columns = [{ width: 28 }, { width: 60 }];
  const labels = documentLabels('de');
  sheet.addRows([
    ['Kommune', input.municipalityName],
    ['Plan', input.plan.plan.title],
    ['Stand', labels.date(input.stateDate)],
    ['Planstatus', labels.planStates[input.planState]],
    [],
    ['Statuskategorie', 'Anzahl Maßnahmen'],
  ]);
  const counts = countByCategory(input.plan);
  for (const category of STATUS_CATEGORIES) {
    sheet.addRow([STATUS_CATEGORY_LABELS_DE[category], String(counts.get(category) ?? 0)]);
  }
  sheet.getColumn(1).font = { bold: true };
  sheet.getRow(6).font = { bold: true };
}

function addFieldSheet(workbook: ExcelJS.Workbook, name: string, field: ExportInput['plan']['fields'][number]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = catalogueRows(field);
  const attributes = attributeColumns(rows);
  const columns: string[] = [...SHEET_COLUMNS, ...attributes];
  sheet.columns = columns.map((column) => ({
    header: column,
    key: column,
    width: COLUMN_WIDTHS[column as TableColumn] ?? 30,
    style: { alignment: { wrapText: true, vertical: 'top' }, numFmt: TEXT_FORMAT },
  }));
  for (const row of rows) sheet.addRow(tableRecord(row, attributes));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(sheet.rowCount, 1), column: columns.length } };
}

export async function exportXlsx(input: ExportInput): Promise<Buffer> {
  const parsed = parseExportInput(input);
  const workbook = new ExcelJS.Workbook();
  workbook.title = parsed.plan.plan.title;
  workbook.creator = 'Teilhabe';
  workbook.company = parsed.municipalityName;
  addOverview(workbook, parsed);
  const names = sheetNames(parsed.plan.fields.map((field) => field.title), [OVERVIEW_SHEET]);
  parsed.plan.fields.forEach((field, index) => addFieldSheet(workbook, names[index], field));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
