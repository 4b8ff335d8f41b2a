// PDF catalogues (and, in the CLI, a web list) through the real upload route, the import service and the CLI: the facts each committed fixture
// (LibreOffice exports of a Word and an Excel catalogue, see fixtures/import/make-pdf-fixtures.ts) must yield, the
// warning placed by page and line, and the refusals (scan without text, truncated file) that write nothing and
// leave the server serving. Numbers are asserted loosely: how "1.1" is stored is another change's business.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { translator } from '../src/platform/i18n/i18n.js';
import type { ExchangeMeasure, ExchangePlan } from '../src/modules/plan/index.js';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/import/pdf/${name}`, import.meta.url));
const fixturePath = (name: string) => new URL(`./fixtures/import/pdf/${name}`, import.meta.url).pathname;

const measures = (plan: ExchangePlan): ExchangeMeasure[] => plan.fields.flatMap((field) => [...field.goals.flatMap((goal) => goal.measures), ...field.furtherMeasures]);
/** The timeframe as written, whether the plan keeps it as a string or as a label with dates. */
const timeframe = (m: ExchangeMeasure): string => {
  const value = m.timeframe as unknown;
  return typeof value === 'string' ? value : ((value as { label?: string } | undefined)?.label ?? JSON.stringify(value ?? ''));
};
const byText = (plan: ExchangePlan, start: string) => measures(plan).find((m) => m.text.startsWith(start))!;

/**
 * What the Word catalogue says, whichever way it comes in. `verbatim`: the parsed plan, before it is stored, keeps
 * every timeframe as written; what the stored plan keeps of it is the plan's business.
 */
function expectWordFacts(plan: ExchangePlan, verbatim: boolean): void {
  expect(plan.plan.title).toBe('Integrationsplan der Stadt Musterstadt');
  expect(plan.fields.map((field) => field.title)).toEqual(['Sprache und Bildung', 'Arbeit und Ausbildung']);
  const [bildung, arbeit] = plan.fields;
  // The vision paragraph Word wrapped over three lines is one vision.
  expect(bildung.visions.join(' ')).toMatch(/^Alle Menschen in Musterstadt können .* gleichberechtigt am gesellschaftlichen Leben teilhaben; .* erreichen alle Menschen\.$/);
  expect(bildung.goals.map((goal) => goal.text)).toEqual([
    expect.stringContaining('Das Angebot an Deutschkursen wird ausgebaut'),
    expect.stringContaining('Kinder aus zugewanderten Familien werden früh gefördert'),
  ]);
  expect(bildung.goals[0].measures.map((m) => m.text.split('.')[0])).toEqual([
    'Sprachkurse mit Kinderbetreuung anbieten',
    'Sprachcafé im Stadtteilzentrum für die ganze Bevölkerung einrichten',
    'Berufsbezogene Deutschkurse mit Betrieben entwickeln',
  ]);
  expect(measures(plan)).toHaveLength(10);
  expect(byText(plan, 'Sprach- und Kulturmittler in Kitas einsetzen')).toMatchObject({
    actors: [expect.objectContaining({ name: 'Amt für Bildung' })],
    status: { label: 'in Umsetzung', category: 'in_progress' },
  });
  expect(byText(plan, 'Elternabende')).toMatchObject({ actors: [expect.objectContaining({ name: 'Staatliches Schulamt' })], status: { label: 'geplant' } });
  expect(timeframe(byText(plan, 'Elternabende'))).toMatch(/2025.*2027/);
  if (verbatim) {
    expect(measures(plan).map(timeframe)).toEqual(['2025–2026', 'laufend', 'ab Herbst 2025', 'seit 2024', 'Q3/2025 – Q2/2027', 'bis 12/2025', '2026', 'jährlich', '2025', '2026']);
  }
  // The row the page break cut in two is one measure with all of its text.
  const cut = byText(plan, 'Lesepatenschaften mit der Stadtbibliothek');
  expect(cut.text.match(/Die Angebote werden/g)).toHaveLength(4);
  expect(cut.actors.map((a) => a.name)).toEqual(['Stadtbibliothek']);
  expect(arbeit.goals[0].text).toContain('Zugewanderte finden schneller Arbeit');
  expect(arbeit.goals[0].measures.map((m) => m.text)).toEqual(['Jobbörse für Geflüchtete zweimal im Jahr', 'Anerkennungsberatung im Rathaus', 'Praktikumsbörse für junge Zugewanderte']);
  expect(byText(plan, 'Anerkennungsberatung').status).toMatchObject({ label: 'abgeschlossen', category: 'completed' });
  // Nothing from the running header, footer or page numbers became content.
  expect(JSON.stringify(plan)).not.toMatch(/Seite \d|Integrationsplan 2025/);
}

function expectExcelFacts(plan: ExchangePlan): void {
  expect(plan.fields.map((field) => field.title)).toEqual(['Sprache', 'Wohnen']);
  expect(plan.fields[0].goals.map((goal) => goal.text)).toEqual(['Mehr Menschen besuchen Sprachkurse']);
  expect(plan.fields[1].goals.map((goal) => goal.text)).toEqual(['Bezahlbarer Wohnraum für alle']);
  expect(measures(plan).map((m) => m.text)).toEqual([
    'Sprachkurse am Abend für Berufstätige',
    'Online-Sprachtreff mit Ehrenamtlichen',
    'Wohnraumbörse mit Vermietern einrichten',
    'Mietführerschein für Neuzugewanderte',
  ]);
  expect(byText(plan, 'Online-Sprachtreff')).toMatchObject({
    actors: [expect.objectContaining({ name: 'Freiwilligenagentur' })],
    status: { label: 'in Umsetzung', category: 'in_progress' },
  });
  expect(measures(plan).map(timeframe)).toEqual(['2025', 'laufend', '2026–2027', 'seit 2023']);
}

describe.each(engines)('PDF catalogues on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let admin: Client;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
  });
  afterAll(() => env.close());

  const count = async () => Number((await env.db.kysely.selectFrom('measures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('the import service reads the Word and the Excel export with their facts', async () => {
    const word = await env.services.imports.parse(f.A.municipalityId, 'massnahmen.pdf', fixture('word-catalogue.pdf'), {}, translator('de'));
    expect(word.ok, JSON.stringify(!word.ok && word.errors)).toBe(true);
    if (!word.ok) return;
    expectWordFacts(word.plan, true);
    // The number as written reaches the parsed plan (how it is stored is the plan's business).
    expect(JSON.stringify(byText(word.plan, 'Sprachkurse mit Kinderbetreuung'))).toContain('"1.1"');
    // The one thing worth a warning, placed where a reader of the PDF finds it.
    expect(word.warnings).toEqual([{ page: 2, row: 17, column: 'Federführung', message: 'Die Maßnahme hat keine Akteure.' }]);
    const excel = await env.services.imports.parse(f.A.municipalityId, 'tabelle.pdf', fixture('excel-catalogue.pdf'), {}, translator('de'));
    expect(excel.ok, JSON.stringify(!excel.ok && excel.errors)).toBe(true);
    if (excel.ok) expectExcelFacts(excel.plan);
  });

  it('upload, preview with "Seite 2, Zeile 17", confirm: the plan has the measures of the PDF', async () => {
    const up = await admin.upload(paths.adminImport(f.A.slug), { target: '' }, { file: { name: 'massnahmen.pdf', content: fixture('word-catalogue.pdf'), type: 'application/pdf' } });
    expect(up.status, up.body.slice(0, 300)).toBe(303);
    const preview = await admin.get(up.location!);
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('Seite 2, Zeile 17, Spalte „Federführung“:</strong> Die Maßnahme hat keine Akteure.');
    expect(preview.body).toContain('Sprachcafé im Stadtteilzentrum für die ganze Bevölkerung einrichten');
    const token = up.location!.split('/').pop()!;
    const done = await admin.post(paths.adminImportConfirm(f.A.slug, token));
    expect(done.status).toBe(303);
    const planId = Number(done.location!.split('/').pop());
    expectWordFacts(await env.services.plans.exchange(f.A.municipalityId, planId), false);
  });

  it('a web list pasted into the upload form: the preview shows its measures with implementers and status', async () => {
    const text = fs.readFileSync(new URL('./fixtures/import/web-list.txt', import.meta.url), 'utf8');
    const up = await admin.upload(paths.adminImport(f.A.slug), { target: '', text }, {});
    expect(up.status, up.body.slice(0, 300)).toBe(303);
    const preview = await admin.get(up.location!);
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('3 Handlungsfelder, 7 Maßnahmen');
    for (const shown of ['Vernetzung der Angebote für Deutschlernende in einer gemeinsamen Übersicht', 'Ehrenamtskreis Asyl', 'Interkulturelles Gemeindefest', 'Migrantenorganisationen', 'läuft']) {
      expect(preview.body).toContain(shown);
    }
    await admin.post(paths.adminImportDiscard(f.A.slug, up.location!.split('/').pop()!));
  });

  it('a scan without text and a truncated PDF: a clear message, nothing written, the server keeps serving', async () => {
    const before = await count();
    const scan = await admin.upload(paths.adminImport(f.A.slug), { target: '' }, { file: { name: 'scan.pdf', content: fixture('scanned.pdf'), type: 'application/pdf' } });
    expect(scan.status).toBe(400);
    expect(scan.body).toContain('Die PDF-Datei „scan.pdf“ enthält keinen Text (eingescannt?)');
    const cut = await admin.upload(paths.adminImport(f.A.slug), { target: '' }, { file: { name: 'halb.pdf', content: fixture('truncated.pdf'), type: 'application/pdf' } });
    expect(cut.status).toBe(400);
    expect(cut.body).toContain('Die Datei „halb.pdf“ ist keine gültige PDF-Datei (beschädigt oder unvollständig).');
    // Named .docx, still a PDF: the content decides.
    const renamed = await env.services.imports.parse(f.A.municipalityId, 'katalog.docx', fixture('excel-catalogue.pdf'), {}, translator('en'));
    expect(renamed.ok).toBe(true);
    const english = await env.services.imports.parse(f.A.municipalityId, 'scan.pdf', fixture('scanned.pdf'), {}, translator('en'));
    expect(!english.ok && english.errors[0].message).toMatch(/^The PDF file “scan.pdf” contains no text \(scanned\?\)/);
    expect(await count()).toBe(before);
    expect((await admin.get(paths.adminImport(f.A.slug))).status).toBe(200);
  });
});

describe('teilhabe import FILE.pdf --json', () => {
  const lines: string[] = [];
  const run = (...args: string[]) => runCli(args, (line) => lines.push(line));
  let dir: string;
  const lang = process.env.LANG;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-cli-pdf-'));
    process.env.DATA_DIR = dir;
    process.env.LANG = 'de_DE.UTF-8';
  });
  afterAll(() => {
    delete process.env.DATA_DIR;
    if (lang === undefined) delete process.env.LANG;
    else process.env.LANG = lang;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the plan of each PDF fixture', async () => {
    lines.length = 0;
    await run('import', fixturePath('word-catalogue.pdf'), '--json');
    expectWordFacts(JSON.parse(lines.join('\n')), true);
    lines.length = 0;
    await run('import', fixturePath('excel-catalogue.pdf'), '--json');
    expectExcelFacts(JSON.parse(lines.join('\n')));
  });

  it('prints the plan of a web list with numbered items and label lines', async () => {
    lines.length = 0;
    await run('import', new URL('./fixtures/import/web-list.txt', import.meta.url).pathname, '--json');
    const plan = JSON.parse(lines.join('\n')) as ExchangePlan;
    expect(plan.fields.map((field) => field.title)).toEqual(['Sprache und Bildung', 'Arbeit und Ausbildung', 'Zusammenleben']);
    expect(measures(plan)).toHaveLength(7);
    expect(byText(plan, 'Vernetzung der Angebote').actors.map((a) => a.name)).toEqual(['VHS Talheim', 'Familienzentrum', 'Ehrenamtskreis Asyl']);
    expect(byText(plan, 'Interkulturelles Gemeindefest')).toMatchObject({ actors: [{ name: 'Kulturamt', role: 'lead' }, { name: 'Migrantenorganisationen' }, { name: 'Sportvereine' }], status: { label: 'läuft' } });
    expect(timeframe(byText(plan, 'Interkulturelles Gemeindefest'))).toBe('jährlich');
  });

  it('refuses a scan and a truncated PDF with the message', async () => {
    await expect(run('import', fixturePath('scanned.pdf'), '--json')).rejects.toThrow('Die PDF-Datei „scanned.pdf“ enthält keinen Text (eingescannt?)');
    await expect(run('import', fixturePath('truncated.pdf'), '--json', '--lang', 'en')).rejects.toThrow('The file “truncated.pdf” is not a valid PDF file (damaged or incomplete).');
  });
});
