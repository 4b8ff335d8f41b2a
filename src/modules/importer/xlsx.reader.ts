// Excel workbooks through exceljs, after the zip guard has verified the archive. Every visible sheet becomes a
// sheet of the table model; merged cells carry the master cell's value in every cell they cover, so a goal
// merged over three measure rows reads as the same goal three times.
import ExcelJS from 'exceljs';
import type { SourceRow, SourceSheet } from './table.model.js';

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : `${two(value.getUTCDate())}.${two(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  }
  if (typeof value !== 'object') return String(value);
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text ?? '').join('');
  if ('result' in value) return valueText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

export async function readXlsx(bytes: Buffer, maxRows: number): Promise<SourceSheet[] | { tooManyRows: number }> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings want its own Buffer flavour; a Node Buffer is what it reads at runtime.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets: SourceSheet[] = [];
  let total = 0;
  for (const sheet of workbook.worksheets) {
    if (sheet.state && sheet.state !== 'visible') continue;
    total += sheet.rowCount;
    if (total > maxRows) return { tooManyRows: total };
    const width = Math.min(sheet.columnCount, 200);
    const rows: SourceRow[] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(valueText(row.getCell(c).value));
      while (cells.length && !cells[cells.length - 1].trim()) cells.pop();
      rows.push({ row: r, cells, tabular: true, part: sheets.length });
    }
    sheets.push({ name: sheet.name, rows });
  }
  return sheets;
}
