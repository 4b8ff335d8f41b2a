// Measure and goal numbers as the plan writes them ("1.1", "1.10", "A.3"): the form takes them, the pages order
// them naturally, a Word catalogue keeps them (through the CLI's `import --json`), and export → import gives
// them back, the update import matching "1.10" and never "1.1".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { exportCsv, exportJson, exportXlsx } from '../src/modules/exports/index.js';
import { parseCatalogue } from '../src/modules/importer/index.js';
import { translator } from '../src/platform/i18n/i18n.js';
import type { ExchangePlan } from '../src/modules/plan/index.js';
import { docx, para, table } from './fixtures/import/docx.build.js';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

/** A Word catalogue numbered the way many plans are: goals "Ziel 1.1:", measures 1.1, 1.2, 1.10, 2.1. */
const catalogue = () =>
  docx(
    para('Integrationsplan Talheim') +
      para('Handlungsfeld Sprache und Bildung') +
      table([
        ['Nr.', 'Maßnahme', 'Akteure', 'Status'],
        { goal: 'Ziel 1.1: Das Angebot an Deutschkursen wird ausgebaut' },
        ['1.1', 'Sprachkurs für Eltern', 'VHS', 'umgesetzt'],
        ['1.2', 'Kurs mit Kinderbetreuung', 'Familienzentrum', 'in Planung'],
        ['1.10', 'Sprachcafé in der Bibliothek', 'Stadtbibliothek', 'läuft'],
        { goal: 'Ziel 2.1: Mehr Kinder besuchen eine Kita' },
        ['2.1.', 'Kita-Lotsen', 'Jugendamt', 'umgesetzt'],
      ]),
  );

const numbersOf = (plan: ExchangePlan) => plan.fields.flatMap((f) => f.goals.map((g) => [g.number ?? null, g.measures.map((m) => m.number)]));
const de = translator('de');
const EXPECTED = [['1.1', ['1.1', '1.2', '1.10']], ['2.1', ['2.1']]];

describe('a Word catalogue with hierarchical numbers', () => {
  it('keeps measure and goal numbers as written through `teilhabe import FILE --json`', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numbers-'));
    const file = path.join(dir, 'talheim.docx');
    fs.writeFileSync(file, await catalogue());
    const lines: string[] = [];
    try {
      await runCli(['import', file, '--json'], (line) => lines.push(line));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const plan = JSON.parse(lines.join('\n')) as ExchangePlan;
    expect(numbersOf(plan)).toEqual(EXPECTED);
    expect(plan.fields[0].goals.map((g) => g.text)).toEqual(['Das Angebot an Deutschkursen wird ausgebaut', 'Mehr Kinder besuchen eine Kita']);
  });

  it('warns about a number cell it does not keep, and keeps the measure', async () => {
    const bytes = await docx(table([['Nr.', 'Maßnahme', 'Akteure'], ['–', 'Elterncafé', 'VHS'], ['3', 'Lotsen', 'Stadt']]));
    const parsed = await parseCatalogue({ fileName: 'k.docx', bytes });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.plan.fields[0].goals[0].measures.map((m) => [m.number, m.text])).toEqual([[null, 'Elterncafé'], ['3', 'Lotsen']]);
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ column: 'Nr.', message: expect.stringContaining('„–“ ist keine Nummer') }));
  });
});

describe.each(engines)('numbers as written on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let admin: Client;
  let planId: number;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
    const parsed = await parseCatalogue({ fileName: 'talheim.docx', bytes: await catalogue() });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    planId = await env.services.importPlan(f.A.municipalityId, parsed.plan, { userId: null, name: 'Test' }, { state: 'published' });
  });
  afterAll(() => env.close());

  const tree = () => env.services.plans.tree(f.A.municipalityId, planId);
  const exchange = () => env.services.plans.exchange(f.A.municipalityId, planId);

  it('stores the imported numbers and goal numbers as text', async () => {
    expect(numbersOf(await exchange())).toEqual(EXPECTED);
  });

  it('the import preview shows the numbers as written', async () => {
    const up = await admin.upload(paths.adminImport(f.A.slug), { target: '' }, { file: { name: 'talheim.docx', content: await catalogue(), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
    expect(up.status, up.body.slice(0, 300)).toBe(303);
    const preview = await admin.get(up.location!);
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('Ziel 1.1: Das Angebot an Deutschkursen wird ausgebaut');
    expect(preview.body).toContain('<span class="measure-number">1.10</span>');
  });

  it('the form takes "1.1.1" and "A.3", refuses a number too long or taken, and orders 1.2 before 1.10 on the admin and public pages', async () => {
    const t = await tree();
    const field = t.fields[0];
    const goal = field.goals[0];
    const create = (number: string, text: string) => admin.post(paths.adminMeasureNew(f.A.slug, field.id), { text, number, goal_id: String(goal.id) });
    // Typed in an order of its own: the numbers still sort naturally within the goal.
    expect((await create('1.3', 'Lesepaten')).status).toBe(303);
    expect((await create(' A.3 ', 'Buchstabennummer')).status).toBe(303);
    expect((await create('1.1.1', 'Unterpunkt')).status).toBe(303);

    const taken = await create('1.10', 'Doppelt');
    expect(taken.status).toBe(400);
    expect(taken.body).toContain('Diese Nummer hat schon eine andere Maßnahme dieses Plans.');
    const long = await create('1.2.3.4.5.6.7.8.9.10.11', 'Zu lang');
    expect(long.status).toBe(400);
    expect(long.body).toContain('höchstens 20 Zeichen');
    expect(long.body).toContain('Zu lang');

    const after = await tree();
    expect(after.fields[0].goals[0].measures.map((m) => m.number)).toEqual(['1.1', '1.1.1', '1.2', '1.3', '1.10', 'A.3']);

    const order = (body: string, labels: string[]) => labels.map((label) => body.indexOf(label));
    const ascending = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x > xs[i - 1]));
    const adminPage = await admin.get(paths.adminPlan(f.A.slug, planId));
    expect(adminPage.status).toBe(200);
    expect(ascending(order(adminPage.body, ['Kurs mit Kinderbetreuung', 'Lesepaten', 'Sprachcafé in der Bibliothek', 'Buchstabennummer']))).toBe(true);
    expect(adminPage.body).toContain('Maßnahme A.3');
    expect(adminPage.body).toContain('1.1 Das Angebot an Deutschkursen wird ausgebaut');

    const publicPage = await new Client(env).get(paths.field(f.A.slug, field.id));
    expect(publicPage.status).toBe(200);
    expect(ascending(order(publicPage.body, ['Kurs mit Kinderbetreuung', 'Lesepaten', 'Sprachcafé in der Bibliothek', 'Buchstabennummer']))).toBe(true);
    expect(publicPage.body).toContain('Maßnahme 1.10');
    expect(publicPage.body).toContain('Ziel 1.1: Das Angebot an Deutschkursen wird ausgebaut');
  });

  it('refuses to renumber a plan with a scheme of its own, and changes nothing', async () => {
    const before = await exchange();
    const res = await admin.post(paths.adminPlanRenumber(f.A.slug, planId));
    expect(res.status).toBe(303);
    const page = await admin.get(res.location!);
    expect(page.body).toContain('Neu nummerieren würde sie durch 1, 2, 3 … ersetzen');
    expect(await exchange()).toEqual(before);
  });

  it('export → import keeps the numbers: JSON, XLSX (string cells) and CSV', async () => {
    const original = await exchange();
    const input = { plan: original, municipalityName: 'Amstadt', stateDate: '2026-03-01', planState: 'published' as const, lang: 'de' as const };
    const numbers = numbersOf(original);
    expect(numbers[0][1]).toContain('1.10');

    const json = await env.services.imports.parse(f.A.municipalityId, 'plan.json', Buffer.from(exportJson(input)), {}, de);
    expect(json.ok).toBe(true);
    if (json.ok) expect(json.plan).toEqual(original);
    // A file of an older version wrote integers: read as their text.
    const legacy = JSON.parse(exportJson(input)) as { fields: Array<{ goals: Array<{ measures: Array<{ number: unknown }> }> }> };
    legacy.fields[0].goals[0].measures[0].number = 7;
    const fromLegacy = await env.services.imports.parse(f.A.municipalityId, 'alt.json', Buffer.from(JSON.stringify(legacy)), {}, de);
    expect(fromLegacy.ok && fromLegacy.plan.fields[0].goals[0].measures[0].number).toBe('7');

    const xlsx = await exportXlsx(input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = wb.worksheets[1];
    // "Nr." is the second column: a string cell, so that Excel does not read "1.10" as 1.1.
    expect(sheet.getRow(1).getCell(2).value).toBe('Nr.');
    expect(sheet.getRows(2, sheet.rowCount - 1)!.map((r) => r.getCell(2).value)).toEqual(['1.1', '1.1.1', '1.2', '1.3', '1.10', 'A.3', '2.1']);
    const fromXlsx = await parseCatalogue({ fileName: 'plan.xlsx', bytes: xlsx });
    expect(fromXlsx.ok).toBe(true);
    if (fromXlsx.ok) expect(numbersOf(fromXlsx.plan)).toEqual(numbers);

    const fromCsv = await parseCatalogue({ fileName: 'plan.csv', bytes: Buffer.from(exportCsv(input)) });
    expect(fromCsv.ok).toBe(true);
    if (fromCsv.ok) expect(numbersOf(fromCsv.plan)).toEqual(numbers);
  });

  it('a returned sheet updates the measure "1.10", not "1.1"', async () => {
    const xlsx = await exportXlsx({ plan: await exchange(), municipalityName: 'Amstadt', stateDate: '2026-03-01', planState: 'published', lang: 'de' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = wb.worksheets[1];
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const [numberCol, statusCol] = [headers.indexOf('Nr.'), headers.indexOf('Status')];
    expect(numberCol).toBeGreaterThan(0);
    sheet.eachRow((row, i) => {
      if (i > 1 && row.getCell(numberCol).value === '1.10') row.getCell(statusCol).value = 'Abgeschlossen';
    });
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const diff = await env.services.imports.parse(f.A.municipalityId, 'rücklauf.xlsx', edited, {}, de);
    expect(diff.ok).toBe(true);
    if (!diff.ok) return;
    const update = await env.services.imports.diff(f.A.municipalityId, planId, diff.plan);
    expect(update.unknownNumbers).toEqual([]);
    expect(update.changes.map((c) => [c.number, c.status?.toLabel])).toEqual([['1.10', 'Abgeschlossen']]);
  });
});
