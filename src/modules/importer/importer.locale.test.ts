// The importer's problems and warnings in the interface language: the same problems at the same rows and
// columns, in English with an English `t`, in German without one (the German texts are asserted beside the
// parsers). No message may come out as a bare key.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.js';
import { validateForImport, type ExchangePlan } from '../plan/index.js';
import { parseCatalogue, parseExchangeJson, type ParseOptions } from './index.js';
import { interpretDocument } from './layout.interpreter.js';
import { readText } from './text.reader.js';

const en = translator('en');
const de = translator('de');

async function errorOf(fileName: string, bytes: Buffer, options: ParseOptions = {}): Promise<string> {
  const result = await parseCatalogue({ fileName, bytes }, { t: en, ...options });
  if (result.ok) throw new Error('expected an error');
  return result.errors.map((error) => error.message).join('\n');
}

describe('importer messages in English', () => {
  it('refuses bad files in English, naming the file', async () => {
    expect(await errorOf('leer.docx', Buffer.alloc(0))).toBe('The file “leer.docx” is empty.');
    const pasted = await parseCatalogue({ text: '' }, { t: en });
    expect(!pasted.ok && pasted.errors[0]).toEqual({ file: 'pasted text', message: 'The pasted text is empty.' });
    expect(await errorOf('x.txt', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 7, 8]))).toMatch(/^The file “x.txt” contains no readable text \(binary data\)/);
    expect(await errorOf('x.pdf', Buffer.from('%PDF-1.7\n...'))).toBe('The file “x.pdf” is not a valid PDF file (damaged or incomplete).');
    expect(await errorOf('kaputt.docx', Buffer.from('kein zip'))).toBe('The file “kaputt.docx” is not a valid Word file (damaged or incomplete).');
    const notOffice = await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' });
    expect(await errorOf('archiv.xlsx', notOffice)).toBe('The file “archiv.xlsx” is a zip archive, but neither an Excel nor a Word file.');
    expect(await errorOf('prosa.txt', Buffer.from('Ein Absatz.\nNoch einer.'))).toMatch(/^No table of measures was recognised\. .*“Maßnahme” \(measure\)/);
  });

  it('gives the zip guard’s detail in English', async () => {
    const zip = new JSZip().file('word/document.xml', Buffer.alloc(60 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await errorOf('bombe.docx', bomb)).toMatch(/^The file “bombe.docx” was refused: unpacked, it would be unusually large \(more than \d+ bytes unpacked\)\. Please save/);
    const truncated = bomb.subarray(0, 100);
    expect(await errorOf('kurz.docx', truncated)).toBe('The file “kurz.docx” is not a valid Word file (damaged or incomplete: table of contents missing).');
    expect(await errorOf('kurz.docx', truncated, { t: de })).toBe('Die Datei „kurz.docx“ ist keine gültige Word-Datei (beschädigt oder unvollständig: Inhaltsverzeichnis fehlt).');
  });

  it('formats limits in the language of the message', async () => {
    const limits = { maxBytes: 512 * 1024 };
    expect(await errorOf('gross.csv', Buffer.alloc(600 * 1024, 'a'), { limits })).toBe('The file “gross.csv” is too large (at most 0.5 MB are allowed).');
    expect(await errorOf('gross.csv', Buffer.alloc(600 * 1024, 'a'), { limits, t: de })).toBe('Die Datei „gross.csv“ ist zu groß (erlaubt sind höchstens 0,5 MB).');
    const rows = ['Nr.\tMaßnahme', ...Array.from({ length: 50 }, (_, i) => `${i + 1}\tM${i}`)].join('\n');
    expect(await errorOf('lang.tsv', Buffer.from(rows), { limits: { maxRows: 20 } })).toBe('The file “lang.tsv” has 51 rows; at most 20 are allowed.');
  });

  it('lists the columns it found, quoted the English way', async () => {
    expect(await errorOf('tabelle.txt', Buffer.from('Spalte A\tSpalte B\nx\ty\n'))).toBe('No column for the measure was recognised. Columns found: “Spalte A”, “Spalte B”.');
  });

  it('warns at the same rows and columns as in German', () => {
    const text = ['Nr.\tMaßnahme\tAkteure\tStatus\tBudget', '1\tEins\t\tsuper', '1\tZwei\tVHS\toffen', 'Arbeit und Soziales', '3\tDrei\tVHS\toffen', 'Ein Absatz, der etwas erklärt.'].join('\n');
    const english = interpretDocument(readText('t.txt', text), { t: en });
    const german = interpretDocument(readText('t.txt', text));
    if (!english.ok || !german.ok) throw new Error('expected a plan');
    expect(english.warnings.map((w) => w.message)).toEqual([
      'The entry “super” is not assigned to any category.',
      'The measure has no actors.',
      'The number 1 already occurs in row 2.',
      '“Arbeit und Soziales” looks like a heading and was imported as a field of action.',
      'The text “Ein Absatz, der etwas erklärt.” is outside the table and was not imported.',
    ]);
    expect(english.warnings.map(({ row, column, sheet }) => ({ row, column, sheet }))).toEqual(german.warnings.map(({ row, column, sheet }) => ({ row, column, sheet })));
  });

  it('names a column without a header of its own by its role, in the language of t', () => {
    // A first row with a long cell is data, not a header the detection missed: the columns keep their roles' names.
    const text = 'Mehr Menschen finden Arbeit\tJobbörse für Zugewanderte und Betriebe der Region jedes Frühjahr organisieren\tJobcenter\tläuft prima\n';
    const result = interpretDocument(readText('t.txt', text), { t: en, columnMapping: { goal: 0, measure: 1, actors: 2, status: 3 } });
    if (!result.ok) throw new Error('expected a plan');
    expect(result.columns.headers.map((h) => h.header)).toEqual(['Goal', 'Measure', 'Actors', 'Status']);
    const german = interpretDocument(readText('t.txt', text), { columnMapping: { goal: 0, measure: 1, actors: 2, status: 3 } });
    expect(german.ok && german.columns.headers.map((h) => h.header)).toEqual(['Ziel', 'Maßnahme', 'Akteure', 'Status']);
  });

  it('reads our own JSON with English problems', () => {
    const limits = { maxBytes: 1000, maxRows: 10 };
    const broken = parseExchangeJson('plan.json', Buffer.from('{ nope'), limits, en);
    expect(!broken.ok && broken.errors[0].message).toMatch(/^The file “plan.json” is not valid JSON: /);
    const wrong = parseExchangeJson('plan.json', Buffer.from('{"plan":{"title":""},"fields":[]}'), limits, en);
    expect(!wrong.ok && wrong.errors[0].message).toMatch(/^Field “plan.title”: /);
    const big = parseExchangeJson('plan.json', Buffer.alloc(2000, ' '), limits, en);
    expect(!big.ok && big.errors[0].message).toBe('The file “plan.json” is larger than allowed.');
  });

  it('validates a plan for the import with English places', () => {
    const measure = (number: string | null, text: string) => ({ number, text, actors: [], status: { category: 'unknown' as const, label: '', date: null }, notes: [] });
    const plan: ExchangePlan = {
      plan: { title: 'Plan' },
      fields: [{ title: 'Sprache', visions: [], goals: [{ text: 'Ziel', measures: [measure('1', 'A'), measure('1', 'B'), measure(null, 'x'.repeat(10_001))] }], furtherMeasures: [] }],
    };
    const english = validateForImport(plan, 'k.txt', en).map((p) => p.message);
    expect(english).toEqual([
      expect.stringMatching(/^Field of action 1 “Sprache”, measure at position 3 of goal 1: \S/),
      'The number 1 is given to 2 measures. Each number may occur only once.',
    ]);
    const german = validateForImport(plan, 'k.txt', de).map((p) => p.message);
    expect(german).toEqual([
      expect.stringMatching(/^Handlungsfeld 1 „Sprache“, Maßnahme an Stelle 3 von Ziel 1: \S/),
      'Die Nummer 1 steht bei 2 Maßnahmen. Jede Nummer darf nur einmal vorkommen.',
    ]);
  });

  it('never answers with a bare key, in either language', async () => {
    const inputs: Array<[string, Buffer]> = [
      ['leer.txt', Buffer.from(' ')],
      ['a.xlsx', Buffer.from('PK\u0003\u0004 kaputt')],
      ['a.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)])],
      ['t.txt', Buffer.from('Ziel\tMaßnahme\tAkteure\nA\t\tB\n')],
      ['w.txt', Buffer.from('Ziel\tMaßnahme\tAkteure\tStatus\tKosten\nA\tM\t\tkomisch\nB\t\tX\n')],
    ];
    for (const t of [en, de]) {
      for (const [fileName, bytes] of inputs) {
        const result = await parseCatalogue({ fileName, bytes }, { t });
        const messages = result.ok ? result.warnings.map((w) => w.message) : result.errors.map((e) => e.message);
        expect(messages.length, fileName).toBeGreaterThan(0);
        for (const message of messages) expect(message, fileName).not.toMatch(/importer\.|exchange\.|\{\{/);
      }
    }
  });
});
