// Parts of a file the officer can leave out (Word tables, workbook sheets), and where warnings point in a Word
// document. Leaving a part out or changing the mapping must never read the other parts differently.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docx, para, table } from '../../../test/fixtures/import/docx.build.js';
import type { ColumnRole } from './columns.detect.js';
import { parseCatalogue, type ParseOptions, type ParseResult } from './parse.catalogue.js';

type Parsed = Extract<ParseResult, { ok: true }>;

const twoTables = () =>
  docx(
    para('Integrationsplan Talheim') +
      para('Handlungsfeld Sprache') +
      table([
        ['Nr.', 'Maßnahme', 'Federführung', 'Kooperation', 'Zeitraum', 'Status'],
        { goal: 'Ziel 1.1: Mehr Kurse' },
        ['1.1', 'Sprachkurs für Eltern', 'VHS', 'Familienzentrum', 'Q3/2025 – Q2/2027', 'Läuft'],
        ['1.2', 'Sprachcafé', '', 'Stadtbibliothek', 'laufend', 'umgesetzt'],
      ]) +
      para('Handlungsfeld Arbeit') +
      table([
        ['Nr.', 'Maßnahme', 'Federführung', 'Kooperation', 'Zeitraum', 'Status', 'Kosten'],
        { goal: 'Ziel 2.1: Schneller in Arbeit' },
        ['2.1', 'Jobbörse für Geflüchtete', 'Jobcenter', 'IHK', '2026', 'geplant', '5.000 €'],
        ['2.2', 'Praktikumsbörse', 'IHK', 'Handwerkskammer', 'bis 12/2025', 'irgendwie', ''],
      ]),
  );

async function parse(bytes: Buffer, options: ParseOptions = {}): Promise<Parsed> {
  const parsed = await parseCatalogue({ fileName: 'zwei.docx', bytes }, options);
  expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
  return parsed as Parsed;
}

const field = (parsed: Parsed, title: string) => parsed.plan.fields.find((f) => f.title === title);
/** The warnings as a person reads their place. */
const places = (parsed: Parsed) => parsed.warnings.map((w) => ({ table: w.table, row: w.row, column: w.column, message: w.message }));

describe('the parts of a Word document', () => {
  it('are its tables, each with the heading before it and its rows', async () => {
    const parsed = await parse(await twoTables());
    expect(parsed.parts).toEqual([
      { id: 0, kind: 'table', ordinal: 1, after: 'Handlungsfeld Sprache', rows: 4, excluded: false },
      { id: 1, kind: 'table', ordinal: 2, after: 'Handlungsfeld Arbeit', rows: 4, excluded: false },
    ]);
  });

  it('leaving the first table out drops its measures and reads the second exactly as before', async () => {
    const bytes = await twoTables();
    const full = await parse(bytes);
    const without = await parse(bytes, { excludedParts: [0] });
    expect(without.parts.map((p) => p.excluded)).toEqual([true, false]);
    expect(field(without, 'Sprache')).toBeUndefined();
    expect(field(without, 'Arbeit')).toEqual(field(full, 'Arbeit'));
    expect(without.plan.plan.title).toBe(full.plan.plan.title);
    // Its warnings go with it; the second table's stay as they were.
    expect(places(without)).toEqual(places(full).filter((w) => w.table === 2));
    expect(without.statuses.map((s) => s.label).sort()).toEqual(['geplant', 'irgendwie']);
    expect(without.actors.map((a) => a.name)).not.toContain('VHS');
  });

  it('a mapping chosen for the first table does not reach the second when the first is left out', async () => {
    const bytes = await twoTables();
    const full = await parse(bytes);
    const header = full.columns.headers.map((h) => h.header);
    // The officer swaps "Zeitraum" and "Status" of the first table's header.
    const columnMapping: Partial<Record<ColumnRole, number>> = { number: 0, measure: 1, actors: 2, partners: 3, status: 4, timeframe: 5 };
    const mapped = await parse(bytes, { columnMapping, mappedHeader: header });
    const mappedWithout = await parse(bytes, { columnMapping, mappedHeader: header, excludedParts: [0] });
    expect(field(mapped, 'Sprache')!.goals[0].measures[0]).toMatchObject({ timeframe: 'Läuft', status: { label: 'Q3/2025 – Q2/2027' } });
    expect(field(mapped, 'Arbeit')).toEqual(field(full, 'Arbeit'));
    expect(field(mappedWithout, 'Arbeit')).toEqual(field(full, 'Arbeit'));
    // With the first table left out, the form offers the second table's header.
    expect(mappedWithout.columns.headers.map((h) => h.header)).toContain('Kosten');
  });

  it('a mapping chosen for the second table leaves the first as it was', async () => {
    const bytes = await twoTables();
    const full = await parse(bytes);
    const offered = (await parse(bytes, { excludedParts: [0] })).columns;
    const header = offered.headers.map((h) => h.header);
    // "Kosten" stays an extra attribute; the partner column is mapped to "Kooperationspartner" explicitly.
    const columnMapping: Partial<Record<ColumnRole, number>> = { number: 0, measure: 1, actors: 2, partners: 3, timeframe: 4, status: 5 };
    const again = await parse(bytes, { columnMapping, mappedHeader: header });
    expect(field(again, 'Sprache')).toEqual(field(full, 'Sprache'));
    const jobboerse = field(again, 'Arbeit')!.goals[0].measures[0];
    expect(jobboerse.actors).toEqual([
      { name: 'Jobcenter', role: 'lead', parent: null },
      { name: 'IHK', role: 'partner', parent: null },
    ]);
    expect(jobboerse.attributes).toEqual([{ label: 'Kosten', value: '5.000 €' }]);
  });

  it('warnings name the table and the row within it, not the paragraph, and no place twice', async () => {
    const parsed = await parse(await twoTables());
    const unknown = parsed.warnings.find((w) => w.message.includes('irgendwie'));
    // "Tabelle 2, Zeile 4, Spalte „Status“": header row 1, goal row 2, Jobbörse 3, Praktikumsbörse 4.
    expect(unknown).toMatchObject({ table: 2, row: 4, column: 'Status' });
    expect(unknown?.page).toBeUndefined();
    for (const w of parsed.warnings) {
      expect(w.message).not.toMatch(/^(Zeile|Tabelle|Seite)\s*\d/);
      expect(w.table).toBeDefined();
    }
  });

  it('a duplicate number names the table and row of its first occurrence', async () => {
    const bytes = await docx(
      table([['Nr.', 'Maßnahme', 'Akteure'], ['3', 'Eins', 'VHS']]) + para('Zwischentext') + table([['Nr.', 'Maßnahme', 'Akteure'], ['3', 'Zwei', 'IHK']]),
    );
    const parsed = await parse(bytes);
    expect(parsed.warnings.find((w) => w.column === 'Nr.')).toMatchObject({ table: 2, row: 2, message: 'Die Nummer 3 kommt schon in Tabelle 1, Zeile 2 vor.' });
  });
});

describe('a Word table without a measure column', () => {
  it('is refused naming the table and its header row, not the paragraph', async () => {
    const bytes = await docx(para('Einleitung') + para('Noch ein Absatz') + table([['Akteure', 'Status', 'Zeitraum'], ['VHS', 'offen', '2025']]));
    const parsed = await parseCatalogue({ fileName: 'ohne.docx', bytes });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toMatchObject({ table: 1, row: 1 });
  });
});

describe('the parts of a workbook', () => {
  it('are its sheets; leaving one out keeps the others as they were', async () => {
    const wb = new ExcelJS.Workbook();
    const header = ['Ziel', 'Nr.', 'Maßnahme', 'Federführung', 'Kooperationspartner', 'Status'];
    wb.addWorksheet('Sprache').addRows([header, ['Mehr Kurse', '1', 'Sprachkurs', 'VHS', 'Familienzentrum', 'umgesetzt']]);
    wb.addWorksheet('Arbeit').addRows([header, ['Arbeit finden', '2', 'Jobbörse', 'Jobcenter', 'IHK', 'Läuft']]);
    wb.addWorksheet('Legende').addRows([['Ampel'], ['grün', 'umgesetzt'], ['rot', 'offen']]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const full = await parseCatalogue({ fileName: 'mappe.xlsx', bytes });
    const without = await parseCatalogue({ fileName: 'mappe.xlsx', bytes }, { excludedParts: [0, 2] });
    expect(full.ok && without.ok).toBe(true);
    if (!full.ok || !without.ok) return;
    expect(full.parts.map((p) => [p.kind, p.name, p.rows])).toEqual([['sheet', 'Sprache', 2], ['sheet', 'Arbeit', 2], ['sheet', 'Legende', 3]]);
    expect(without.plan.fields.map((f) => f.title)).toEqual(['Arbeit']);
    expect(without.plan.fields[0]).toEqual(full.plan.fields.find((f) => f.title === 'Arbeit'));
    // The legend's "skipped" notice is gone with it; a spreadsheet's warnings name sheet and row.
    expect(without.warnings.some((w) => w.sheet === 'Legende')).toBe(false);
    expect(full.warnings.find((w) => w.sheet === 'Legende')).toMatchObject({ row: 1 });
  });
});
