// The PDF reader on the committed LibreOffice exports (test/fixtures/import/pdf, built by make-pdf-fixtures.ts) and
// on small PDFs drawn here with pdfkit: tables from rules and from a header line, running headers and footers,
// rows cut by a page break, hyphenation, and the refusals (no text layer, password, truncated, garbage).
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from './parse.catalogue.js';
import { joinLines, readPdf, unpacksTooLarge } from './pdf.reader.js';
import type { SourceRow } from './table.model.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/import/pdf/${name}`, import.meta.url));

async function rowsOf(bytes: Buffer): Promise<SourceRow[]> {
  const read = await readPdf(bytes, 10_000);
  if (!read.ok) throw new Error(read.reason);
  return read.rows;
}

/**
 * A PDF drawn line by line: each page a list of [x, y from the top, text]; `rules` are lines drawn on the first
 * page ([x1, y1, x2, y2], from the top), as a word processor draws table borders.
 */
function drawn(pages: Array<Array<[number, number, string]>>, options: PDFKit.PDFDocumentOptions = {}, rules: Array<[number, number, number, number]> = []): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', autoFirstPage: false, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font('Helvetica').fontSize(10);
    for (const lines of pages) {
      doc.addPage({ margin: 0 });
      for (const [x, y, text] of lines) doc.text(text, x, y, { lineBreak: false });
      for (const [x1, y1, x2, y2] of pages.indexOf(lines) === 0 ? rules : []) doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(0.5).stroke();
    }
    doc.end();
  });
}

describe('joinLines', () => {
  it('mends a word hyphenated at the line end and keeps hyphens that mean something', () => {
    expect(joinLines('für die ganze Bevölke-', 'rung einrichten')).toBe('für die ganze Bevölkerung einrichten');
    expect(joinLines('Sprach-', 'und Kulturmittler')).toBe('Sprach- und Kulturmittler');
    expect(joinLines('Land Baden-', 'Württemberg')).toBe('Land Baden-Württemberg');
    expect(joinLines('Integrations\u00ad', 'kurse')).toBe('Integrationskurse');
    expect(joinLines('Bewerbungstraining:', '- Lebenslauf')).toBe('Bewerbungstraining:\n- Lebenslauf');
    expect(joinLines('Sprachkurse mit', 'Kinderbetreuung')).toBe('Sprachkurse mit Kinderbetreuung');
  });
});

describe('PDF from a Word catalogue (LibreOffice export)', () => {
  it('rebuilds the table: one row per measure, merged goal rows, multi-line cells as one cell', async () => {
    const rows = await rowsOf(fixture('word-catalogue.pdf'));
    const texts = rows.map((row) => row.cells.join(' | '));
    expect(rows[0]).toMatchObject({ cells: ['Integrationsplan der Stadt Musterstadt'], tabular: false, page: 1 });
    const header = rows.filter((row) => row.cells.join('|') === 'Nr.|Maßnahme|Federführung|Zeitraum|Status');
    // One header per table: the header Word repeats on page 2 is not read as a row of its own.
    expect(header.map((row) => row.page)).toEqual([1, 2]);
    const goal = rows.find((row) => row.cells[0].startsWith('Ziel 1.1'))!;
    expect(goal.tabular).toBe(true);
    expect(new Set(goal.cells)).toEqual(new Set(['Ziel 1.1: Das Angebot an Deutschkursen wird ausgebaut']));
    expect(rows.find((row) => row.cells[0] === '1.2')?.cells).toEqual(['1.2', 'Sprachcafé im Stadtteilzentrum für die ganze Bevölkerung einrichten', 'Stadtteilzentrum Nord', 'laufend', 'umgesetzt']);
    expect(rows.find((row) => row.cells[0] === '1.4')?.cells[1]).toBe('Sprach- und Kulturmittler in Kitas einsetzen');
    expect(rows.find((row) => row.cells[0] === '1.5')?.cells.slice(2)).toEqual(['Staatliches Schulamt', 'Q3/2025 – Q2/2027', 'geplant']);
    // Running header, footer and page numbers are gone.
    expect(texts.join('\n')).not.toMatch(/Seite \d|Integrationsplan 2025/);
  });

  it('joins the row the page break cut in two, and places each row by page and line', async () => {
    const rows = await rowsOf(fixture('word-catalogue.pdf'));
    const cut = rows.filter((row) => row.cells.some((cell) => cell.includes('Lesepatenschaften') || cell.startsWith('und jährlich')));
    expect(cut).toHaveLength(1);
    expect(cut[0].cells[0]).toBe('1.7');
    expect(cut[0].cells[1].match(/Die Angebote werden/g)).toHaveLength(4);
    expect(cut[0].cells[1]).toMatch(/Fortschreibung des Plans ein\.$/);
    expect(cut[0].page).toBe(1);
    const field = rows.find((row) => row.cells[0] === 'Handlungsfeld 2: Arbeit und Ausbildung')!;
    expect(field.page).toBe(2);
    // Lines are counted from the top of the page, the running header included, as a reader counts them.
    expect(field.line).toBeGreaterThan(2);
    expect(rows.map((row) => row.row)).toEqual(rows.map((_, i) => i + 1));
  });
});

describe('PDF from an Excel catalogue (LibreOffice export)', () => {
  it('reads a ruled sheet with a column per attribute, even where pdf.js ran two cells together', async () => {
    const rows = await rowsOf(fixture('excel-catalogue.pdf'));
    expect(rows[0].cells).toEqual(['Handlungsfeld', 'Ziel', 'Nr.', 'Maßnahme', 'Verantwortlich', 'Zeitraum', 'Status']);
    expect(rows[2].cells).toEqual(['Sprache', 'Mehr Menschen besuchen Sprachkurse', '1.2', 'Online-Sprachtreff mit Ehrenamtlichen', 'Freiwilligenagentur', 'laufend', 'in Umsetzung']);
    expect(rows).toHaveLength(5);
  });
});

describe('PDF without rules', () => {
  it('finds the table by its header line, drops running lines and page numbers, and continues it on the next page', async () => {
    const page = (n: number, lines: Array<[number, number, string]>): Array<[number, number, string]> => [
      [60, 30, 'Landkreis Beispiel · Integrationskonzept'],
      ...lines,
      [280, 800, `Seite ${n} von 2`],
    ];
    const bytes = await drawn([
      page(1, [
        [60, 80, 'Handlungsfeld 1: Arbeit'],
        [60, 110, 'Nr.'],
        [100, 110, 'Maßnahme'],
        [330, 110, 'Verantwortlich'],
        [460, 110, 'Status'],
        [60, 125, '1'],
        [100, 125, 'Jobbörse für Geflüchtete'],
        [330, 125, 'Jobcenter'],
        [460, 125, 'geplant'],
        [60, 140, '2'],
        [100, 140, 'Mentoring für Auszubildende in'],
        [100, 152, 'Handwerksbetrieben'],
        [330, 140, 'Handwerkskammer'],
        [460, 140, 'umgesetzt'],
      ]),
      page(2, [
        [60, 80, '3'],
        [100, 80, 'Anerkennungsberatung'],
        [330, 80, 'IQ Netzwerk'],
        [460, 80, 'laufend'],
      ]),
    ]);
    const rows = await rowsOf(bytes);
    expect(rows.map((row) => row.cells)).toEqual([
      ['Handlungsfeld 1: Arbeit'],
      ['Nr.', 'Maßnahme', 'Verantwortlich', 'Status'],
      ['1', 'Jobbörse für Geflüchtete', 'Jobcenter', 'geplant'],
      ['2', 'Mentoring für Auszubildende in Handwerksbetrieben', 'Handwerkskammer', 'umgesetzt'],
      ['3', 'Anerkennungsberatung', 'IQ Netzwerk', 'laufend'],
    ]);
    expect(rows.at(-1)).toMatchObject({ page: 2, line: 2 });
  });
});

describe('goal headings between the tables of a PDF', () => {
  it('are the goals of the measures below them', async () => {
    const bytes = await drawn([
      [
        [60, 50, 'Handlungsfeld 2: Wohnen'],
        [60, 80, 'Ziel 2.1: Geflüchtete finden eigene Wohnungen'],
        [60, 110, 'Nr.'],
        [100, 110, 'Maßnahme'],
        [330, 110, 'Verantwortlich'],
        [460, 110, 'Status'],
        [60, 125, '2.1'],
        [100, 125, 'Wohnraumbörse'],
        [330, 125, 'Amt für Soziales'],
        [460, 125, 'geplant'],
        [60, 160, 'Ziel 2.2: Vermieter vertrauen neuen Mietern'],
        [60, 190, 'Nr.'],
        [100, 190, 'Maßnahme'],
        [330, 190, 'Verantwortlich'],
        [460, 190, 'Status'],
        [60, 205, '2.2'],
        [100, 205, 'Mietführerschein'],
        [330, 205, 'Caritas'],
        [460, 205, 'umgesetzt'],
      ],
    ]);
    const result = await parseCatalogue({ fileName: 'wohnen.pdf', bytes });
    expect(result.ok && result.plan.fields.map((field) => [field.title, field.goals.map((goal) => [goal.text, goal.measures.map((m) => m.text)])])).toEqual([
      ['Wohnen', [[expect.stringContaining('Geflüchtete finden eigene Wohnungen'), ['Wohnraumbörse']], [expect.stringContaining('Vermieter vertrauen neuen Mietern'), ['Mietführerschein']]]],
    ]);
  });
});

describe('a ruled table drawn by another producer (pdfkit, with its own coordinate transform)', () => {
  it('is read by its rules, and a table without a measure column is refused at its page and line', async () => {
    const grid: Array<[number, number, number, number]> = [
      ...[100, 120, 150].map((y): [number, number, number, number] => [50, y, 450, y]),
      ...[50, 100, 300, 450].map((x): [number, number, number, number] => [x, 100, x, 150]),
    ];
    const table = await drawn(
      [[[60, 30, 'Maßnahmen'], [55, 105, 'Nr.'], [105, 105, 'Maßnahme'], [305, 105, 'Status'], [55, 125, '7'], [105, 125, 'Sprachcafé im'], [105, 137, 'Rathaus'], [305, 125, 'geplant']]],
      {},
      grid,
    );
    expect((await rowsOf(table)).map((row) => row.cells)).toEqual([['Maßnahmen'], ['Nr.', 'Maßnahme', 'Status'], ['7', 'Sprachcafé im Rathaus', 'geplant']]);
    const noMeasure = await drawn([[[60, 30, 'Übersicht'], [55, 105, 'Nr.'], [105, 105, 'Ziel'], [305, 105, 'Status'], [55, 125, '7'], [105, 125, 'Mehr Kurse'], [305, 125, 'geplant']]], {}, grid);
    const result = await parseCatalogue({ fileName: 'ohne.pdf', bytes: noMeasure });
    expect(!result.ok && result.errors[0]).toMatchObject({ page: 1, row: 2 });
  });
});

describe('a landscape page stored portrait with /Rotate 90', () => {
  it('is read upright', async () => {
    const bytes: Buffer = await new Promise((resolve) => {
      const doc = new PDFDocument({ size: [595, 842], margin: 0 });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.font('Helvetica').fontSize(10).save().translate(0, 842).rotate(-90);
      const lines: Array<[number, number, string]> = [[60, 40, 'Übersicht'], [60, 80, 'Nr.'], [100, 80, 'Maßnahme'], [400, 80, 'Status'], [60, 95, '1'], [100, 95, 'Sprachcafé'], [400, 95, 'geplant']];
      for (const [x, y, text] of lines) doc.text(text, x, y, { lineBreak: false });
      doc.restore().end();
    });
    // pdfkit cannot rotate a page; the entry is added by hand (pdf.js rebuilds the shifted cross-reference table).
    const rotated = Buffer.from(bytes.toString('latin1').replace('/Type /Page\n', '/Type /Page\n/Rotate 90\n'), 'latin1');
    expect((await rowsOf(rotated)).map((row) => row.cells)).toEqual([['Übersicht'], ['Nr.', 'Maßnahme', 'Status'], ['1', 'Sprachcafé', 'geplant']]);
  });
});

describe('PDFs that cannot be read', () => {
  it('says so for a scan without a text layer, a password, a truncated file and garbage', async () => {
    expect(await readPdf(fixture('scanned.pdf'), 100)).toEqual({ ok: false, reason: 'noText' });
    expect(await readPdf(fixture('truncated.pdf'), 100)).toEqual({ ok: false, reason: 'damaged' });
    expect(await readPdf(Buffer.from('%PDF-1.7\n1 0 obj << /Kaputt >>\n%%EOF\n'), 100)).toEqual({ ok: false, reason: 'damaged' });
    const locked = await drawn([[[60, 60, 'Geheimer Maßnahmenkatalog']]], { userPassword: 'geheim', ownerPassword: 'geheimer', pdfVersion: '1.7' });
    expect(await readPdf(locked, 100)).toEqual({ ok: false, reason: 'encrypted' });
  });

  it('never throws on a damaged PDF: cut anywhere or with bytes overwritten, it is read or refused', async () => {
    const whole = fixture('word-catalogue.pdf');
    let seed = 20261127;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let i = 0; i < 20; i++) {
      const bytes = Buffer.from(i % 2 ? whole.subarray(0, Math.floor(random() * whole.length)) : whole);
      if (i % 2 === 0) for (let k = 0; k < 1 + Math.floor(random() * 30); k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      const read = await readPdf(bytes, 10_000);
      if (!read.ok) expect(['damaged', 'noText', 'encrypted']).toContain(read.reason);
      else expect(read.rows.every((row) => row.page && row.line)).toBe(true);
    }
  });

  it('refuses a PDF whose streams would unpack to more than the limit, before pdf.js unpacks them', async () => {
    const bomb = Buffer.concat([
      Buffer.from('%PDF-1.4\n1 0 obj\n<< /Length 0 /Filter /FlateDecode >>\nstream\n', 'latin1'),
      deflateSync(Buffer.alloc(4 * 1024 * 1024)),
      Buffer.from('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
    ]);
    expect(unpacksTooLarge(bomb, 1024 * 1024)).toBe(true);
    expect(await readPdf(bomb, 100, 1024 * 1024)).toEqual({ ok: false, reason: 'tooComplex' });
    // The real catalogues unpack to far less.
    expect(unpacksTooLarge(fixture('word-catalogue.pdf'), 1024 * 1024)).toBe(false);
    expect(unpacksTooLarge(fixture('excel-catalogue.pdf'), 1024 * 1024)).toBe(false);
  });

  it('stops at the row limit', async () => {
    const lines: Array<[number, number, string]> = Array.from({ length: 30 }, (_, i) => [60, 60 + i * 20, `Absatz ${i + 1}.`]);
    expect(await readPdf(await drawn([lines]), 10)).toMatchObject({ ok: false, reason: 'tooManyRows' });
  });
});
