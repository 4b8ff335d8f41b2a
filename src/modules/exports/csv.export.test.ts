import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { LONG_TEXT, smallInput } from '../../../test/fixtures/exports/plans.js';
import { exportCsv } from './csv.export.js';

const HEADER = [
  'Handlungsfeld', 'Ziel', 'Nr.', 'Maßnahme', 'Akteure', 'Zeitraum', 'Zielgruppen', 'Status', 'Statuskategorie', 'Statusdatum', 'Fortschritt', 'Weitere Maßnahme',
];

describe('exportCsv', () => {
  const csv = exportCsv(smallInput);

  it('is UTF-8 with a byte-order mark, semicolons and CRLF, as German Excel expects', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe(HEADER.join(';'));
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('parses back to one row per measure, further measures last in their field', () => {
    const rows: string[][] = parse(csv, { bom: true, delimiter: ';' });
    expect(rows).toEqual([
      HEADER,
      ['Sprache und Bildung', 'Sprachkurse sind für alle Zugewanderten erreichbar', '1', 'Sprachkurse mit Kinderbetreuung anbieten',
        'Volkshochschule in Kooperation mit Jobcenter', '', '', 'In Planung ab 2024', 'Geplant', '2024', '→ Kurs wurde 2021/2022 durchgeführt (2022)', ''],
      ['Sprache und Bildung', 'Sprachkurse sind für alle Zugewanderten erreichbar', '2', LONG_TEXT,
        'Kontaktstelle für Integration (Amt für soziale Dienste) in Kooperation mit Ehrenamtskreis Asyl, Familienzentrum Süd', '', '',
        'Abgeschlossen – weitere Durchführung in Planung', 'Abgeschlossen', '', '', ''],
      ['Sprache und Bildung', 'Übergänge von der Schule in den Beruf gelingen', '3', 'Berufsorientierung in Willkommensklassen',
        'Agentur für Arbeit', '', '', 'Daueraufgabe', 'Fortlaufend', '', '', ''],
      ['Sprache und Bildung', '', '', 'Sprachcafé für Frauen im Stadtteil Süd', 'Frauenbüro', '', '', 'offen', 'Nicht begonnen', '', '', 'ja'],
      ['Arbeit, Ausbildung & Wirtschaft: [Teil 1]*', 'Geflüchtete finden schneller Arbeit', '4', 'Jobbörse „Arbeit für alle“',
        'Wirtschaftsförderung', '', '', 'entfällt', 'Entfallen', '', '', ''],
      ['Arbeit, Ausbildung & Wirtschaft: [Teil 1]*', 'Geflüchtete finden schneller Arbeit', '5', 'Anerkennungsberatung für ausländische Abschlüsse',
        'IQ Netzwerk in Kooperation mit Ausländerbehörde (Amt für öffentliche Ordnung)', '', '', 'Realisierung wird geprüft', 'Wird geprüft', '',
        '→ Gespräche mit der IHK geführt (2023-05)\n→ Finanzierung offen', ''],
    ]);
  });

  it('writes a measure\'s target groups into the "Zielgruppen" column, separated by commas', () => {
    const plan = structuredClone(smallInput.plan);
    plan.fields[0].goals[0].measures[0].targetGroups = ['Frauen', 'Jugendliche'];
    const rows: string[][] = parse(exportCsv({ ...smallInput, plan }), { bom: true, delimiter: ';' });
    const column = HEADER.indexOf('Zielgruppen');
    expect(rows.slice(1).map((row) => row[column])).toEqual(['Frauen, Jugendliche', '', '', '', '', '']);
  });

  it('quotes a cell that holds the delimiter or a quote', () => {
    const plan = structuredClone(smallInput.plan);
    plan.fields[0].goals[0].measures[0].text = 'Kurse; auch "online"';
    const rows: string[][] = parse(exportCsv({ ...smallInput, plan }), { bom: true, delimiter: ';' });
    expect(rows[1][3]).toBe('Kurse; auch "online"');
  });
});

describe('exportCsv and formulas', () => {
  const tricky = structuredClone(smallInput);
  const measures = tricky.plan.fields[0].goals[0].measures;
  measures[0].text = '=HYPERLINK("http://example.org/x";"Hier klicken")';
  measures[1].text = '-Sprachkurs für Eltern';
  measures[1].actors = [{ name: '@Stadt', role: 'lead', parent: null }];

  it('keeps a spreadsheet from reading a cell as a formula', () => {
    const rows: string[][] = parse(exportCsv(tricky), { bom: true, delimiter: ';' });
    expect(rows[1][3]).toBe(`'=HYPERLINK("http://example.org/x";"Hier klicken")`);
    expect(rows[2][3]).toBe("'-Sprachkurs für Eltern");
    expect(rows[2][4]).toBe("'@Stadt");
    expect(rows.flat().filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });

  it('reads back as written through the importer', async () => {
    const { parseCatalogue } = await import('../importer/index.js');
    const result = await parseCatalogue({ fileName: 'plan.csv', bytes: exportCsv(tricky) });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const texts = result.plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures.map((m) => m.text)));
    expect(texts).toContain('=HYPERLINK("http://example.org/x";"Hier klicken")');
    expect(texts).toContain('-Sprachkurs für Eltern');
    expect(result.plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures.flatMap((m) => m.actors.map((a) => a.name))))).toContain('@Stadt');
  });
});
