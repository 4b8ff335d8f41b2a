import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { smallInput } from '../../../test/fixtures/exports/plans.js';
import { exportXlsx, wrappedLines } from './xlsx.export.js';

async function reread(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const values = (row: ExcelJS.Row): unknown[] => (row.values as unknown[]).slice(1);

describe('exportXlsx', () => {
  it('has an overview sheet and one sheet per field of action with a valid, unique name', async () => {
    const workbook = await reread(await exportXlsx(smallInput));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Übersicht', 'Sprache und Bildung', 'Arbeit, Ausbildung & Wirtschaft']);
    expect(workbook.title).toBe('Integrationskonzept 2.0 der Stadt Musterstadt');
    expect(workbook.creator).toBe('Teilhabe');

    const overview = workbook.getWorksheet('Übersicht')!;
    const rows = overview.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(rows).toContainEqual(['Kommune', 'Stadt Musterstadt']);
    expect(rows).toContainEqual(['Stand', '31.03.2025']);
    expect(rows).toContainEqual(['Abgeschlossen', '1']);
    expect(rows).toContainEqual(['Unbekannt', '0']);
  });

  it('keeps each field sheet a plain table: bold frozen header, filter, statuses as text', async () => {
    const workbook = await reread(await exportXlsx(smallInput));
    const sheet = workbook.getWorksheet('Sprache und Bildung')!;
    expect(values(sheet.getRow(1))).toEqual([
      'Ziel', 'Nr.', 'Maßnahme', 'Akteure', 'Zeitraum', 'Zielgruppen', 'Status', 'Statuskategorie', 'Statusdatum', 'Fortschritt', 'Weitere Maßnahme',
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:K5');
    expect(sheet.rowCount).toBe(5);

    const first = sheet.getRow(2);
    // A string cell in text format: Excel keeps "1.10" as written instead of turning it into 1.1.
    expect(first.getCell(2).value).toBe('1');
    expect(first.getCell(2).numFmt).toBe('@');
    expect(first.getCell(7).value).toBe('In Planung ab 2024');
    expect(first.getCell(9).value).toBe('2024');
    expect(first.getCell(9).numFmt).toBe('@');
    expect(first.getCell(10).value).toBe('→ Kurs wurde 2021/2022 durchgeführt (2022)');
    expect(first.getCell(3).alignment?.wrapText).toBe(true);
    for (let row = 2; row <= sheet.rowCount; row++) expect(typeof sheet.getRow(row).getCell(7).value).toBe('string');

    const further = sheet.getRow(5);
    expect(further.getCell(2).value).toBeNull();
    expect(further.getCell(3).value).toBe('Sprachcafé für Frauen im Stadtteil Süd');
    expect(further.getCell(11).value).toBe('ja');
  });

  it('prints on A4 landscape, one page wide, the header row on every page; rows tall enough for their text', async () => {
    const workbook = await reread(await exportXlsx(smallInput));
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    const sheet = workbook.getWorksheet('Sprache und Bildung')!;
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
    // A long measure text gets a row of several lines, a short one a single line.
    const heights = [2, 3, 4, 5].map((n) => sheet.getRow(n).height);
    expect(Math.max(...heights)).toBeGreaterThan(Math.min(...heights));
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(15);
  });

  it('carries the timeframe, the target groups and the visions', async () => {
    const input = structuredClone(smallInput);
    const measure = input.plan.fields[0].goals[0].measures[0];
    measure.timeframe = '2025–2026';
    measure.targetGroups = ['Frauen', 'Jugendliche'];
    const workbook = await reread(await exportXlsx(input));
    const row = workbook.getWorksheet('Sprache und Bildung')!.getRow(2);
    expect(row.getCell(5).value).toBe('2025–2026');
    expect(row.getCell(6).value).toBe('Frauen, Jugendliche');
    const overview = workbook.getWorksheet('Übersicht')!;
    const rows = overview.getSheetValues().slice(1).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows).toContainEqual(['Handlungsfeld', 'Vision']);
    expect(rows).toContainEqual(['Arbeit, Ausbildung & Wirtschaft: [Teil 1]*', 'Zugewanderte finden Arbeit, die ihren Fähigkeiten entspricht.']);
    expect(rows).toContainEqual(['', 'Betriebe öffnen sich für Vielfalt.']);
  });
});

describe('wrappedLines', () => {
  it('wraps words at the column width and counts line breaks', () => {
    expect(wrappedLines('kurz', 20)).toBe(1);
    expect(wrappedLines('eins\nzwei', 20)).toBe(2);
    expect(wrappedLines('ein Wort und noch ein Wort und noch eins', 10)).toBeGreaterThanOrEqual(4);
    expect(wrappedLines('x'.repeat(50), 10)).toBe(5);
  });
});
