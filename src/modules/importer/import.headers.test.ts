// Issue 8, one slice: field titles without "Handlungsfeld n", more header names, legend sheets skipped with a
// warning, invisible blanks removed, and the app's own CSV/XLSX export read back without warnings.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportXlsx, type ExportInput } from '../exports/index.js';
import { demoPlan, type ExchangePlan } from '../plan/index.js';
import { matchHeader, roleOfHeader } from './columns.detect.js';
import { parseCatalogue, type ParseResult } from './index.js';
import { interpretDocument, type Interpretation } from './layout.interpreter.js';
import { cleanText, oneLine } from './text.clean.js';
import { readText } from './text.reader.js';

const lines = (...rows: string[]) => rows.join('\n');
const ok = (result: Interpretation) => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
};
const interpret = (text: string, options = {}) => ok(interpretDocument(readText('t.txt', text), options));

async function parsed(fileName: string, bytes: Buffer, options = {}): Promise<Extract<ParseResult, { ok: true }>> {
  const result = await parseCatalogue({ fileName, bytes }, options);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

async function workbook(sheets: Array<[string, Array<Array<string | number>>]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const TABLE = ['Ziel\tNr.\tMaßnahme\tAkteure', 'Ziel A\t1\tSprachcafé\tVHS'];

describe('field titles', () => {
  it.each([
    ['1. Handlungsfeld Sprache und Bildung', 'Sprache und Bildung'],
    ['Handlungsfeld 2: Arbeit', 'Arbeit'],
    ['HF 3 – Wohnen', 'Wohnen'],
  ])('a heading "%s" becomes the field "%s"', (heading, title) => {
    const { plan } = interpret(lines('Integrationsplan Talheim', heading, ...TABLE));
    expect(plan.plan.title).toBe('Integrationsplan Talheim');
    expect(plan.fields.map((f) => f.title)).toEqual([title]);
  });

  it('strips the same prefix from a field column and from sheet names', async () => {
    const { plan } = interpret(
      lines(
        'Handlungsfeld\tZiel\tMaßnahme\tAkteure',
        '1. Handlungsfeld Sprache und Bildung\tZ1\tM1\tVHS',
        'Handlungsfeld 2: Arbeit\tZ2\tM2\tJobcenter',
        'HF 3 – Wohnen\tZ3\tM3\tWohnungsamt',
      ),
    );
    expect(plan.fields.map((f) => f.title)).toEqual(['Sprache und Bildung', 'Arbeit', 'Wohnen']);
    const header = ['Ziel', 'Nr.', 'Maßnahme', 'Akteure'];
    const bytes = await workbook([
      ['Handlungsfeld 2 – Arbeit', [header, ['Z', 1, 'Jobbörse', 'Jobcenter']]],
      ['HF 3 – Wohnen', [header, ['Z', 2, 'Wohnraumbörse', 'Wohnungsamt']]],
    ]);
    const { plan: fromSheets } = await parsed('hf.xlsx', bytes);
    expect(fromSheets.fields.map((f) => f.title)).toEqual(['Arbeit', 'Wohnen']);
  });

  it('gives the same titles on re-parse, with or without the column mapping the first parse detected', async () => {
    const header = ['Ziel', 'Nr.', 'Maßnahme', 'Akteure'];
    const bytes = await workbook([
      ['Arbeit', [['Integrationsplan Talheim'], header, ['Z', 1, 'Jobbörse', 'Jobcenter']]],
      ['Wohnen', [['Integrationsplan Talheim'], header, ['Z', 2, 'Wohnraumbörse', 'Wohnungsamt']]],
    ]);
    const first = await parsed('plan.xlsx', bytes);
    const again = await parsed('plan.xlsx', bytes);
    const mapped = await parsed('plan.xlsx', bytes, { columnMapping: first.columns.roles });
    for (const result of [first, again, mapped]) {
      expect(result.plan.plan.title).toBe('Integrationsplan Talheim');
      expect(result.plan.fields.map((f) => [f.title, f.goals.flatMap((g) => g.measures.map((m) => m.text))])).toEqual([
        ['Arbeit', ['Jobbörse']],
        ['Wohnen', ['Wohnraumbörse']],
      ]);
      expect(result.warnings).toEqual([]);
    }
  });
});

describe('header names', () => {
  it.each([
    ['Kooperationspartner', 'partners'],
    ['Kooperationspartner:innen', 'partners'],
    ['Partner', 'partners'],
    ['beteiligt', 'partners'],
    ['Beteiligte', 'partners'],
    ['Kooperation', 'partners'],
    ['Mitwirkende', 'partners'],
    ['Federführung', 'actors'],
    ['Verantwortlich', 'actors'],
    ['Zuständig', 'actors'],
    ['Federführung und Beteiligte', 'actors'],
    ['Umsetzung bis', 'timeframe'],
    ['Zeitraum', 'timeframe'],
    ['Zeitplan', 'timeframe'],
    ['Laufzeit', 'timeframe'],
  ])('%s → %s', (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  it('maps "Kooperationspartner" and "Umsetzung bis" as the partners and timeframe columns of a table', () => {
    const { plan, columns, warnings } = interpret(lines('Maßnahme\tKooperationspartner\tUmsetzung bis', 'Sprachcafé\tVHS\t12/2025'));
    expect(columns.roles).toEqual({ measure: 0, partners: 1, timeframe: 2 });
    const [measure] = plan.fields[0].goals[0].measures;
    expect([measure.actors, measure.timeframe]).toEqual([[{ name: 'VHS', role: 'partner', parent: null }], '12/2025']);
    expect(warnings).toEqual([]);
  });

  it('reads a lead column and a partner column at once, each actor in its column\'s role', () => {
    const { plan, columns, warnings } = interpret(
      lines('Maßnahme\tFederführung\tKooperationspartner', 'Sprachcafé\tVHS, Jobcenter\tCaritas, Diakonie', 'Lernpaten\tIntegrationsbüro\tVHS (Federführung), Caritas'),
    );
    expect(columns.roles).toEqual({ measure: 0, actors: 1, partners: 2 });
    const [first, second] = plan.fields[0].goals[0].measures;
    expect(first.actors.map((a) => [a.name, a.role])).toEqual([['VHS', 'lead'], ['Jobcenter', 'lead'], ['Caritas', 'partner'], ['Diakonie', 'partner']]);
    // A lead marker in the partner column still makes a lead.
    expect(second.actors.map((a) => [a.name, a.role])).toEqual([['Integrationsbüro', 'lead'], ['VHS', 'lead'], ['Caritas', 'partner']]);
    expect(warnings).toEqual([]);
  });

  it('keeps a second column of the same actor role as a further actor column', () => {
    const { plan, columns } = interpret(lines('Maßnahme\tVerantwortlich\tKooperationspartner\tBeteiligte', 'Sprachcafé\tVHS\tCaritas\tDiakonie'));
    expect(columns.actorColumns).toEqual([{ index: 3, role: 'partners' }]);
    expect(plan.fields[0].goals[0].measures[0].actors.map((a) => [a.name, a.role])).toEqual([['VHS', 'lead'], ['Caritas', 'partner'], ['Diakonie', 'partner']]);
  });

  it('keeps the column a mapping takes a role away from as an attribute, and never unmaps an actor column for another', () => {
    const { plan, columns, warnings } = interpret(lines('Maßnahme\tFederführung\tKooperationspartner', 'Sprachcafé\tVHS\tCaritas'), {
      columnMapping: { measure: 0, actors: 2 },
    });
    expect(columns.roles).toEqual({ measure: 0, actors: 2 });
    expect(plan.fields[0].goals[0].measures[0]).toMatchObject({ actors: [{ name: 'Caritas', role: 'lead' }], attributes: [{ label: 'Federführung', value: 'VHS' }] });
    expect(warnings).toEqual([]);
    const both = interpret(lines('Maßnahme\tFederführung\tKooperationspartner', 'Sprachcafé\tVHS\tCaritas'), {
      columnMapping: { measure: 0, actors: 1 },
      actorColumns: [{ index: 2, role: 'actors' }],
    });
    expect(both.plan.fields[0].goals[0].measures[0].actors.map((a) => [a.name, a.role])).toEqual([['VHS', 'lead'], ['Caritas', 'lead']]);
  });
});

describe('legend sheets', () => {
  const header = ['Ziel', 'Nr.', 'Maßnahme', 'Akteure', 'Status'];
  const legend: Array<Array<string>> = [['Ampel'], ['grün – umgesetzt'], ['gelb – in Arbeit'], ['rot – nicht begonnen']];

  it('skips a legend sheet with a warning naming it, and keeps the fields of the others', async () => {
    const bytes = await workbook([
      ['Arbeit', [header, ['Z', 1, 'Jobbörse', 'Jobcenter', 'grün']]],
      ['Legende', legend],
    ]);
    const { plan, warnings } = await parsed('ampel.xlsx', bytes);
    expect(plan.fields.map((f) => f.title)).toEqual(['Arbeit']);
    expect(plan.fields.flatMap((f) => f.goals.map((g) => g.text))).toEqual(['Z']);
    expect(warnings.map((w) => [w.sheet, w.message])).toContainEqual(['Legende', 'Blatt „Legende“ enthält keine Maßnahmen und wurde übersprungen.']);
  });

  it('skips a legend sheet by its rows whatever it is called, before or after the tables', async () => {
    const bytes = await workbook([
      ['Farben', legend],
      ['Arbeit', [header, ['Z', 1, 'Jobbörse', 'Jobcenter', 'offen']]],
      ['Tabelle3', [['Stand: März 2025', 'Erstellt von der Integrationsbeauftragten']]],
    ]);
    const { plan, warnings } = await parsed('ampel.xlsx', bytes);
    expect(plan.fields.map((f) => f.title)).toEqual(['Arbeit']);
    expect(warnings.map((w) => w.message)).toEqual([
      'Blatt „Farben“ enthält keine Maßnahmen und wurde übersprungen.',
      'Blatt „Tabelle3“ enthält keine Maßnahmen und wurde übersprungen.',
    ]);
  });

  it('says so in English too', async () => {
    const { translator } = await import('../../platform/i18n/i18n.js');
    const bytes = await workbook([
      ['Arbeit', [header, ['Z', 1, 'Jobbörse', 'Jobcenter', 'offen']]],
      ['Legende', legend],
    ]);
    const { warnings } = await parsed('ampel.xlsx', bytes, { t: translator('en') });
    expect(warnings.map((w) => w.message)).toEqual(['Sheet “Legende” contains no measures and was skipped.']);
  });
});

describe('invisible blank characters', () => {
  const blanks = ['\u2800', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u3164', '\u115f', '\u1160'];

  it.each(blanks.map((c) => [`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, c]))('%s is removed from cell text', (_, c) => {
    expect(cleanText(`${c}Sprach${c}café${c}`)).toBe('Sprachcafé');
    expect(oneLine(`${c}`)).toBe('');
  });

  it('turns U+00A0 into a space', () => {
    expect(cleanText('Sprach\u00a0café')).toBe('Sprach café');
  });

  it('leaves none in titles, field titles, sheet names or cells, and a blank-only cell is empty', async () => {
    const { plan } = interpret(
      lines(
        '\u2800Integrationsplan\u200b Talheim\u2800',
        '\u3164Handlungsfeld 2: Arbeit\u2060',
        'Ziel\tMaßnahme\tAkteure\t\u2800',
        'Ziel\u200d A\tSprach\u00a0café\u115f\tVHS\u1160\t\u2800',
      ),
    );
    expect(plan.plan.title).toBe('Integrationsplan Talheim');
    expect(plan.fields[0].title).toBe('Arbeit');
    expect(plan.fields[0].goals[0].text).toBe('Ziel A');
    expect(plan.fields[0].goals[0].measures[0]).toMatchObject({ text: 'Sprach café', actors: [{ name: 'VHS' }] });
    const bytes = await workbook([['\u2800Wohnen\u200b', [['Ziel', 'Maßnahme', 'Akteure'], ['Z', 'Wohnraumbörse', 'Wohnungsamt']]]]);
    const fromSheet = await parsed('w.xlsx', bytes);
    expect(fromSheet.plan.fields[0].title).toBe('Wohnen');
  });
});

describe("the app's own export read back", () => {
  // The demo plan with target groups on two measures: the export writes them, the import reads them back.
  const planWithGroups = (): ExchangePlan => {
    const plan = demoPlan();
    const measures = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
    measures[0].targetGroups = ['Frauen', 'Jugendliche'];
    measures[measures.length - 1].targetGroups = ['Geflüchtete'];
    return plan;
  };
  const input: ExportInput = { plan: planWithGroups(), municipalityName: 'Talheim', stateDate: '2026-03-01', planState: 'published', lang: 'de' };
  const numbersAndTexts = (plan: ExchangePlan) =>
    plan.fields.flatMap((f) => [...f.goals.flatMap((g) => g.measures), ...f.furtherMeasures]).map((m) => [m.number, m.text]);
  const shape = (plan: ExchangePlan) => [
    plan.fields.length,
    plan.fields.reduce((n, f) => n + f.goals.length, 0),
    plan.fields.reduce((n, f) => n + f.goals.reduce((k, g) => k + g.measures.length, 0) + f.furtherMeasures.length, 0),
  ];

  it('recognises the export columns as known columns', () => {
    const match = matchHeader(['Handlungsfeld', 'Ziel', 'Nr.', 'Maßnahme', 'Akteure', 'Zeitraum', 'Zielgruppen', 'Status', 'Statuskategorie', 'Statusdatum', 'Fortschritt', 'Weitere Maßnahme']);
    expect(match).toMatchObject({ unknown: [], roles: { timeframe: 5, status: 7 }, exported: { targetGroups: 6, statusCategory: 8, statusDate: 9, further: 11 } });
  });

  it.each([
    ['csv', () => Promise.resolve(exportCsv(input))],
    ['xlsx', () => exportXlsx(input)],
  ])('%s: no warnings, the same fields, goals, measures, numbers, texts and target groups', async (format, exporter) => {
    const original = planWithGroups();
    const { plan, warnings } = await parsed(`plan.${format}`, await exporter());
    expect(warnings).toEqual([]);
    expect(shape(plan)).toEqual(shape(original));
    expect(numbersAndTexts(plan)).toEqual(numbersAndTexts(original));
    expect(plan.fields.map((f) => f.furtherMeasures.length)).toEqual(original.fields.map((f) => f.furtherMeasures.length));
    const categories = (p: ExchangePlan) => p.fields.flatMap((f) => f.goals.flatMap((g) => g.measures.map((m) => m.status.category)));
    expect(categories(plan)).toEqual(categories(original));
    const groups = (p: ExchangePlan) => p.fields.flatMap((f) => f.goals.flatMap((g) => g.measures.map((m) => m.targetGroups ?? [])));
    expect(groups(plan)).toEqual(groups(original));
    expect(groups(plan).filter((g) => g.length)).toEqual([['Frauen', 'Jugendliche'], ['Geflüchtete']]);
    if (format === 'xlsx') expect(plan.plan.title).toBe(original.plan.title);
  });

  it('reads a category the label alone does not give from the "Statuskategorie" column', () => {
    const { plan, warnings } = interpret(
      lines('Ziel\tMaßnahme\tAkteure\tStatus\tStatuskategorie\tWeitere Maßnahme', 'Z\tM1\tVHS\tSiehe Protokoll\tIn Umsetzung\t', '\tM2\t\toffen\tNicht begonnen\tja'),
    );
    expect(warnings).toEqual([]);
    expect(plan.fields[0].goals[0].measures.map((m) => [m.text, m.status.category])).toEqual([['M1', 'in_progress']]);
    expect(plan.fields[0].furtherMeasures.map((m) => m.text)).toEqual(['M2']);
  });
});
