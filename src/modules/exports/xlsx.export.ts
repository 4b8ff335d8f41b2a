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

// Widths in characters, chosen so that all columns print on one A4 landscape page at a readable scale.
const COLUMN_WIDTHS: Record<TableColumn, number> = {
  Handlungsfeld: 24,
  Ziel: 28,
  'Nr.': 5,
  Maßnahme: 44,
  Zeitraum: 12,
  Zielgruppen: 16,
  Akteure: 26,
  Status: 20,
  Statuskategorie: 16,
  Statusdatum: 12,
  Fortschritt: 36,
  'Weitere Maßnahme': 12,
};

const LINE_HEIGHT = 15;

/** How many lines a wrapped cell takes: its paragraphs word-wrapped at the column's width (in characters). */
export function wrappedLines(text: string, width: number): number {
  // A width counts characters of the widest digit; running text fits about a tenth more.
  const room = Math.max(1, Math.floor(width * 1.1) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length;
      if (line > 0 && line + 1 + length > room) {
        lines++;
        line = 0;
      }
      // A word longer than the column breaks over as many lines as it needs.
      if (length > room) {
        lines += Math.ceil(length / room) - 1;
        line = length % room;
      } else {
        line += (line > 0 ? 1 : 0) + length;
      }
    }
  }
  return lines;
}

/**
 * Row heights from the wrapped text: neither Excel nor LibreOffice measures rows a file gives no height, so
 * long texts would spill over the rows below on screen and on paper.
 */
function fitRowHeights(sheet: ExcelJS.Worksheet, widths: number[]): void {
  sheet.eachRow((row) => {
    let lines = 1;
    row.eachCell((cell, column) => {
      const value = cell.value;
      if (value === null || value === undefined) return;
      lines = Math.max(lines, wrappedLines(String(value), widths[column - 1] ?? 10));
    });
    row.height = lines * LINE_HEIGHT + 2;
  });
}

/** A4 landscape, all columns on one page wide, as many pages down as needed, the header row on every page. */
function printSetup(sheet: ExcelJS.Worksheet, repeatHeader: boolean): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(repeatHeader ? { printTitlesRow: '1:1' } : {}),
  };
  sheet.headerFooter = { oddFooter: '&L&A&RSeite &P von &N' };
}

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
  // The fields of action with their visions: the sheets that follow hold their measures.
  sheet.addRow([]);
  sheet.addRow(['Handlungsfeld', 'Vision']).font = { bold: true };
  for (const field of input.plan.fields) {
    const visions = field.visions.length ? field.visions : [''];
    visions.forEach((vision, index) => sheet.addRow([index === 0 ? field.title : '', vision]));
  }
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  fitRowHeights(sheet, [28, 60]);
  printSetup(sheet, false);
}

function addFieldSheet(workbook: ExcelJS.Workbook, name: string, field: ExportInput['plan']['fields'][number]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = catalogueRows(field);
  const attributes = attributeColumns(rows);
  const columns: string[] = [...SHEET_COLUMNS, ...attributes];
  sheet.columns = columns.map((column) => ({
    header: column,
    key: column,
    width: COLUMN_WIDTHS[column as TableColumn] ?? 16,
    style: { alignment: { wrapText: true, vertical: 'top' }, numFmt: TEXT_FORMAT },
  }));
  for (const row of rows) sheet.addRow(tableRecord(row, attributes));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(sheet.rowCount, 1), column: columns.length } };
  fitRowHeights(sheet, columns.map((column) => COLUMN_WIDTHS[column as TableColumn] ?? 16));
  printSetup(sheet, true);
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
