// The four fixture layouts (built by test/fixtures/import/make-fixtures.ts) and every kind of bad input.
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ExchangeMeasure, ExchangePlan } from '../plan/index.js';
import { parseCatalogue, type ParseResult } from './index.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url));

async function parsed(name: string, bytes = fixture(name), options = {}): Promise<Extract<ParseResult, { ok: true }>> {
  const result = await parseCatalogue({ fileName: name, bytes }, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

async function errorOf(fileName: string, bytes: Buffer, options = {}): Promise<string> {
  const result = await parseCatalogue({ fileName, bytes }, options);
  if (result.ok) throw new Error('expected an error');
  return result.errors.map((error) => error.message).join('\n');
}

const measures = (plan: ExchangePlan): ExchangeMeasure[] => plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));

describe('xlsx with a sheet per field and merged goal cells', () => {
  it('reads fields from sheet names, visions from merged rows and goals over merged cells', async () => {
    const { plan, warnings, columns } = await parsed('per-sheet.xlsx');
    expect(plan.fields.map((f) => f.title)).toEqual(['Arbeit', 'Wohnen', 'Bildung']);
    expect(plan.fields[0].visions).toEqual(['Gleichberechtigter Zugang zum Arbeitsmarkt']);
    expect(plan.fields[0].goals.map((g) => [g.text, g.measures.map((m) => m.number)])).toEqual([
      ['Zugewanderte finden schneller Arbeit', ['1', '2', '3']],
      ['Betriebe öffnen sich interkulturell', ['4']],
    ]);
    const [first, second] = measures(plan);
    expect(first.notes).toEqual([{ text: 'erste Börse im Mai 2023 durchgeführt', date: '2023-05' }]);
    expect(second.text).toBe('Bewerbungstraining:\n• Lebenslauf\n• Vorstellungsgespräch');
    expect(second.status).toEqual({ category: 'planned', label: 'In Planung ab 2025', date: '2025' });
    expect(measures(plan)[3].actors[0]).toEqual({ name: 'Wirtschaftsförderung', role: 'lead', parent: 'Amt für Stadtentwicklung' });
    expect(columns.roles).toEqual({ goal: 0, number: 1, measure: 2, actors: 3, status: 4 });
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: 'Wohnen', row: 3, column: 'Stand', message: expect.stringContaining('„Schauen wir mal“') }),
        expect.objectContaining({ sheet: 'Wohnen', row: 4, message: 'Die Maßnahme hat keine Akteure.' }),
      ]),
    );
  });

  it('applies the status mapping an officer chose', async () => {
    const { plan, statuses } = await parsed('per-sheet.xlsx', undefined, { statusMapping: { 'schauen wir mal': 'ongoing' } });
    expect(measures(plan)[4].status).toMatchObject({ category: 'ongoing', label: 'Schauen wir mal' });
    expect(statuses).toContainEqual({ label: 'Schauen wir mal', category: 'ongoing', count: 1 });
  });

  it('reads one sheet with merged field heading rows and per-field numbering', async () => {
    const { plan, warnings } = await parsed('one-sheet.xlsx');
    expect(plan.plan.title).toBe('Integrationskonzept Beispielkreis 2.0');
    expect(plan.fields.map((f) => f.title)).toEqual(['Sprache', 'Gesundheit']);
    const all = measures(plan);
    expect(all.map((m) => m.number)).toEqual(['1.1', '1.2', '2.1']);
    expect(all[0]).toMatchObject({ timeframe: '2024–2026', notes: [{ text: 'gut besucht', date: null }] });
    expect(all[2].status.category).toBe('discontinued');
    // "Kosten" is a column the importer does not know: kept as an attribute where a row fills it, here none does.
    expect(all.map((m) => m.attributes)).toEqual([undefined, undefined, undefined]);
    expect(warnings).toEqual([]);
  });
});

describe('docx', () => {
  it('reads one table per field with headings, visions and bullet lists between and in the tables', async () => {
    const { plan, warnings } = await parsed('per-table.docx');
    expect(plan.plan.title).toBe('Integrationsplan Beispielstadt 2024–2030');
    expect(plan.fields.map((f) => [f.title, f.visions])).toEqual([
      ['Sprache', ['Alle können sich im Alltag verständigen.']],
      ['Arbeit und Wirtschaft', ['Alle haben Zugang zu fairer Arbeit.', 'Betriebe profitieren von Vielfalt.']],
    ]);
    expect(plan.fields[0].goals).toHaveLength(1);
    const [one, two, three] = measures(plan);
    expect(one.text).toBe('Kursangebote bündeln:\n• Übersicht im Internet\n• Flyer in fünf Sprachen');
    expect(one.actors.map((a) => `${a.name}|${a.role}|${a.parent}`)).toEqual([
      'Integrationsbeauftragte|lead|Amt für Bildung',
      'VHS|partner|null',
      'Sprachschulen|partner|null',
    ]);
    expect(two.notes).toEqual([{ text: 'Pilot im Oktober 2024 gestartet', date: '2024-10' }]);
    expect(three).toMatchObject({ timeframe: '2025–2026', status: { category: 'not_started' } });
    expect(plan.fields[1].furtherMeasures.map((m) => m.text)).toEqual(['Prüfung eines Jobcafés ab 2026', 'Austausch mit den Nachbarkommunen']);
    expect(warnings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('Die Nummer 3 kommt schon') }));
  });

  it('reads fields given as merged single-cell rows inside one table', async () => {
    const { plan } = await parsed('one-table.docx');
    expect(plan.fields.map((f) => f.title)).toEqual(['Ankommen und Erstorientierung', 'Zusammenleben']);
    expect(measures(plan).map((m) => [m.number, m.text, m.status.category])).toEqual([
      [null, 'Willkommensmappe', 'completed'],
      [null, 'Interkulturelles Stadtfest', 'ongoing'],
    ]);
  });
});

describe('csv', () => {
  it('reads a Windows-1252 semicolon file with a field column and other header names', async () => {
    const { plan, columns } = await parsed('windows-1252.csv');
    expect(columns.roles).toEqual({ number: 0, field: 1, goal: 2, measure: 3, actors: 4, status: 5 });
    expect(plan.fields.map((f) => f.title)).toEqual(['Bildung', 'Gesundheit']);
    expect(plan.fields[0].goals.map((g) => g.measures.length)).toEqual([2]);
    const all = measures(plan);
    expect(all[1].text).toBe('Elterncafés an Schulen\n• monatlich\n• mit Dolmetschung');
    expect(all[1].actors).toEqual([
      { name: 'Schulsozialarbeit', role: 'lead', parent: null },
      { name: 'Elternbeiräte', role: 'partner', parent: null },
    ]);
    expect(all[2]).toMatchObject({ status: { category: 'planned', date: '2025-03' }, actors: [{ parent: 'Landratsamt Musterkreis' }] });
    expect(plan.fields[1].goals).toHaveLength(1);
  });

  it('reads UTF-8 with BOM and comma-separated files the same way', async () => {
    const text = iconv.decode(fixture('windows-1252.csv'), 'win1252');
    const comma = text.replace(/;/g, ',').replace('"Schulamt, Caritas"', '"Schulamt; Caritas"');
    const { plan } = await parsed('komma.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(comma)]));
    expect(measures(plan).map((m) => m.number)).toEqual(['1', '2', '3', '4']);
    expect(plan.fields[1].title).toBe('Gesundheit');
  });
});

describe('flattened text with label/value records', () => {
  it('reads records under field headings', async () => {
    const { plan } = await parsed('flattened.txt');
    expect(plan.plan.title).toBe('Integrationsplan Beispieldorf');
    expect(plan.fields.map((f) => [f.title, f.goals.map((g) => g.text)])).toEqual([
      ['Sprache', ['Mehr Menschen lernen Deutsch']],
      ['Wohnen', ['Geflüchtete finden eigene Wohnungen']],
    ]);
    expect(plan.fields[0].visions).toEqual(['Niemand bleibt wegen der Sprache außen vor.']);
    const all = measures(plan);
    expect(all.map((m) => m.number)).toEqual(['1', '2', '3', '4']);
    expect(all[0].actors.map((a) => `${a.name}:${a.role}`)).toEqual(['Freiwilligenagentur:lead', 'Asylkreis:partner', 'VHS:partner']);
    expect(all[1]).toMatchObject({ text: 'Deutschkurs mit Kinderbetreuung im Familienzentrum', timeframe: '2025–2026' });
    expect(all[2].notes).toEqual([{ text: '40 Teilnehmende im Juni 2024', date: '2024-06' }]);
    expect(all[3].actors[0]).toEqual({ name: 'Wohnungsamt', role: 'lead', parent: 'Amt für Soziales' });
  });

  it('accepts the same catalogue pasted as text', async () => {
    const result = await parseCatalogue({ text: fixture('flattened.txt').toString('utf8') });
    expect(result.ok && measures(result.plan)).toHaveLength(4);
  });
});

describe('column mapping', () => {
  const table = 'Spalte A\tSpalte B\tSpalte C\nMehr Menschen finden Arbeit\tJobbörse organisieren\tJobcenter\n\tBewerbungstraining anbieten\tVHS\n';

  it('explains which columns it found when none is the measure', async () => {
    expect(await errorOf('tabelle.txt', Buffer.from(table))).toBe(
      'Keine Spalte für die Maßnahme erkannt. Gefundene Spalten: „Spalte A“, „Spalte B“, „Spalte C“.',
    );
    expect(await errorOf('x.txt', Buffer.from('Ziel\tAkteure\nA\tB\n'))).toMatch(/^Keine Spalte für die Maßnahme erkannt. Gefundene Spalten: „Ziel“, „Akteure“/);
  });

  it('reads the table once the officer maps the columns', async () => {
    const result = await parseCatalogue({ text: table }, { columnMapping: { goal: 0, measure: 1, actors: 2 } });
    expect(result.ok && result.columns.headers.map((h) => `${h.header}:${h.role}`)).toEqual(['Spalte A:goal', 'Spalte B:measure', 'Spalte C:actors']);
    expect(result.ok && measures(result.plan).map((m) => [m.text, m.actors[0].name])).toEqual([
      ['Jobbörse organisieren', 'Jobcenter'],
      ['Bewerbungstraining anbieten', 'VHS'],
    ]);
  });

  it('lets a mapping move one role and keeps the detected rest', async () => {
    const result = await parseCatalogue({ text: 'Nr.\tMaßnahme\tBemerkung\tAkteure\n1\tA\tIn Planung\tVHS\n' }, { columnMapping: { status: 2 } });
    expect(result.ok && result.columns.roles).toEqual({ number: 0, measure: 1, status: 2, actors: 3 });
    expect(result.ok && measures(result.plan)[0].status.category).toBe('planned');
  });
});

function zipWith(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const compressed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    // Declares a small size whatever the data is: the archive lies, as a crafted bomb would.
    central.writeUInt32LE(Math.min(data.length, 1000), 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('bad input', () => {
  it('rejects empty files and empty text', async () => {
    expect(await errorOf('leer.docx', Buffer.alloc(0))).toBe('Die Datei „leer.docx“ ist leer.');
    expect(await errorOf('leer.txt', Buffer.from('  \n\t\n'))).toBe('Die Datei „leer.txt“ ist leer.');
    const pasted = await parseCatalogue({ text: '' });
    expect(!pasted.ok && pasted.errors[0].message).toBe('Der eingefügte Text ist leer.');
  });

  it('rejects binary garbage, PDFs and old or encrypted Office files', async () => {
    expect(await errorOf('x.txt', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]))).toMatch(/Binärdaten/);
    expect(await errorOf('x.pdf', Buffer.from('%PDF-1.7\n...'))).toBe('Die Datei „x.pdf“ ist keine gültige PDF-Datei (beschädigt oder unvollständig).');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await errorOf('geheim.xlsx', ole)).toMatch(/^Die Datei „geheim.xlsx“ ist passwortgeschützt oder im alten Office-Format/);
    expect(await errorOf('kaputt.docx', Buffer.from('kein zip'))).toMatch(/keine gültige Word-Datei/);
  });

  it('rejects truncated archives', async () => {
    const bytes = fixture('per-table.docx');
    expect(await errorOf('abgeschnitten.docx', bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatch(/beschädigt oder unvollständig/);
    const xlsx = fixture('per-sheet.xlsx');
    expect(await errorOf('abgeschnitten.xlsx', xlsx.subarray(0, xlsx.length - 10))).toMatch(/beschädigt oder unvollständig/);
  });

  it('rejects a Word file whose document.xml is not well-formed', async () => {
    const zip = new JSZip().file('word/document.xml', '<w:document><w:body><w:p><w:r w:rsidR="00A1><w:t>Ziel</w:t></w:r></w:p></w:body></w:document>');
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await errorOf('kaputt.docx', bytes)).toBe('Die Datei „kaputt.docx“ ist keine gültige Word-Datei (beschädigt oder unvollständig).');
  });

  it('rejects zip bombs before inflating them, honest or lying about their size', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', Buffer.alloc(60 * 1024 * 1024));
    const honest = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(honest.length).toBeLessThan(1024 * 1024);
    expect(await errorOf('bombe.docx', honest)).toMatch(/ungewöhnlich groß/);
    const lying = zipWith({ 'xl/workbook.xml': Buffer.alloc(20 * 1024 * 1024) });
    expect(await errorOf('bombe.xlsx', lying)).toMatch(/ungewöhnlich groß/);
  });

  it('enforces size and row limits', async () => {
    expect(await errorOf('gross.csv', Buffer.alloc(2000, 'a'), { limits: { maxBytes: 1000 } })).toMatch(/zu groß/);
    const rows = ['Nr.\tMaßnahme', ...Array.from({ length: 50 }, (_, i) => `${i + 1}\tM${i}`)].join('\n');
    expect(await errorOf('lang.tsv', Buffer.from(rows), { limits: { maxRows: 20 } })).toMatch(/erlaubt sind höchstens 20/);
    expect(await errorOf('lang.xlsx', fixture('per-sheet.xlsx'), { limits: { maxRows: 5 } })).toMatch(/erlaubt sind höchstens 5/);
  });

  it('rejects a zip that is no Office document and a table without measures', async () => {
    const zip = await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' });
    expect(await errorOf('archiv.xlsx', zip)).toMatch(/weder eine Excel- noch eine Word-Datei/);
    expect(await errorOf('prosa.txt', Buffer.from('Ein Absatz.\nNoch einer.'))).toMatch(/Keine Tabelle mit Maßnahmen erkannt/);
  });
});
