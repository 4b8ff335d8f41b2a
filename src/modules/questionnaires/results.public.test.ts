// What residents see of the results and what the officer downloads, on a real database (SQLite and PostgreSQL):
// no public results before closing, for a draft or when not public; after closing the figures with small cells
// withheld and the topics (never the free texts); the line on the measure and goal pages; and the CSV, the XLSX
// read back with exceljs (columns, codebook) and the tagged PDF.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawsNotdef } from '../../../test/fixtures/exports/notdef.js';
import { pdfinfo, pdfPages, skipWithoutPoppler } from '../../../test/fixtures/exports/poppler.js';
import { seedResults, type ResultsFixture } from '../../../test/questionnaire-results.fixture.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { translator } from '../../platform/i18n/i18n.js';
import { paths } from './questionnaires.paths.js';
import { sourceHash } from '../../platform/i18n/content.js';

const by = { userId: null, name: 'Test' };
const CLOSES = '2026-03-15T11:00:00.000Z';

describe.each(engines)('public results and downloads on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let r: ResultsFixture;
  let topicId: number;
  const anon = () => new Client(env);

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    r = await seedResults(env, f.A, { closesAt: CLOSES });
    const texts = await env.services.questionnaireResults.freeTexts(f.A.municipalityId, r.questionnaireId, r.q.wishes, { search: 'Frauen' });
    topicId = await env.services.questionnaireTopics.assign(f.A.municipalityId, r.questionnaireId, r.q.wishes, texts.answers.map((a) => a.id), { name: 'Sprachkurse für Frauen' }, by);
    await env.services.questionnaireTopics.link(f.A.municipalityId, r.questionnaireId, topicId, `measure:${f.A.measureId}`, by);
    await env.services.questionnaireTopics.link(f.A.municipalityId, r.questionnaireId, topicId, `goal:${f.A.goalId}`, by);
  });
  afterAll(() => env.close());

  const line = 'Aus der Befragung „Befragung Bildung und Sprache 2025“ (2026): 2 Antworten zum Thema „Sprachkurse für Frauen“';

  it('has no public results page while the questionnaire is open, and the measure and goal pages say nothing yet', async () => {
    env.now.value = new Date('2026-03-01T10:00:00Z');
    expect((await anon().get(paths.publicResults(f.A.slug, r.questionnaireId))).status).toBe(404);
    const measure = await anon().get(paths.measure(f.A.slug, f.A.measureId));
    expect(measure.status).toBe(200);
    expect(measure.body).not.toContain('Aus der Befragung');
    expect((await anon().get(paths.field(f.A.slug, f.A.fieldId))).body).not.toContain('Aus der Befragung');
  });

  it('has none for a draft or for results that are not public, even after their closing time', async () => {
    const draft = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, { title: 'Entwurf', state: 'draft', closesAt: '2026-01-01T00:00:00Z', sections: [] }, by);
    const closedPrivate = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, { title: 'Intern', state: 'closed', resultsPublic: false, sections: [] }, by);
    for (const id of [draft, closedPrivate]) expect((await anon().get(paths.publicResults(f.A.slug, id))).status).toBe(404);
  });

  it('after closing shows the figures with small cells withheld, the topics and what they led to, never the free texts', async () => {
    env.now.value = new Date('2026-04-01T10:00:00Z');
    const res = await anon().get(paths.publicResults(f.A.slug, r.questionnaireId));
    expect(res.status).toBe(200);
    expect(res.body).toContain('12 Antworten');
    expect(res.body).toContain('Haben Sie einen Sprachkurs besucht?');
    expect(res.body).toMatch(/<th scope="row"[^>]*>Ja<\/th><td[^>]*>8<\/td><td[^>]*>67\s?%<\/td>/);
    // "Anderes" was chosen once: withheld on the public page
    expect(res.body).toMatch(/<th scope="row"[^>]*>Anderes<\/th><td[^>]*>weniger als 5<\/td>/);
    expect(res.body).toContain('<svg');
    expect(res.body).toContain('2 Antworten zum Thema „Sprachkurse für Frauen“');
    expect(res.body).toContain(`href="${paths.measure(f.A.slug, f.A.measureId)}"`);
    expect(res.body).not.toContain('Mehr Sprachkurse für Frauen am Vormittag');
    expect(res.body).not.toContain('Online-Kurs');
    expect(res.body).not.toContain('Was wünschen Sie sich?');
    expect(res.body).not.toMatch(/\sstyle=/);
    // a group of four is withheld whole, and another municipality does not find the page
    const group = await anon().get(`${paths.publicResults(f.A.slug, r.questionnaireId)}?gruppe=${r.o.middle}`);
    expect(group.body).toContain('weniger als 5 Antworten – aus Datenschutzgründen nicht gezeigt');
    expect(group.body).not.toContain('67 %');
    expect((await anon().get(paths.publicResults(f.B.slug, r.questionnaireId))).status).toBe(404);
  });

  it('in Arabic the line marks the questionnaire’s German title and the topic’s name lang="de", the title translated once reviewed', async () => {
    env.now.value = new Date('2026-03-20T10:00:00Z');
    const arabic = async () => (await anon().get(`${paths.measure(f.A.slug, f.A.measureId)}?lang=ar`)).body;
    let page = await arabic();
    expect(page).toContain('<span lang="de" dir="ltr">Befragung Bildung und Sprache 2025</span>');
    expect(page).toContain('<span lang="de" dir="ltr">Sprachkurse für Frauen</span>');
    await env.services.translations.seed(f.A.municipalityId, [{
      entityType: 'questionnaire', entityId: r.questionnaireId, field: 'title', lang: 'ar', text: 'استبيان التعليم واللغة', sourceHash: sourceHash('Befragung Bildung und Sprache 2025'),
      sourceText: 'Befragung Bildung und Sprache 2025', state: 'reviewed', origin: 'person', provider: '', reviewedBy: null, reviewedAt: null,
    }], by);
    page = await arabic();
    expect(page).toContain('استبيان التعليم واللغة');
    expect(page).not.toContain('>Befragung Bildung und Sprache 2025<');
    // The results page shows the questionnaire as it was asked, in German: marked so, with the note.
    const results = (await anon().get(`${paths.publicResults(f.A.slug, r.questionnaireId)}?lang=ar`)).body;
    expect(results).toContain('<h3 class="kern-heading-small" lang="de" dir="ltr">Haben Sie einen Sprachkurs besucht?</h3>');
    expect(results).toContain('<span lang="de" dir="ltr">Sprachkurse für Frauen</span>');
    expect(results).toContain('بعض النصوص في هذه الصفحة لم تُترجم بعد وتظهر باللغة الألمانية.');
    expect((await anon().get(paths.publicResults(f.A.slug, r.questionnaireId))).body).not.toContain('lang="de" dir="ltr">Haben Sie');
  });

  it('after closing the measure page and the goal on its field page show the line, linking to the results', async () => {
    const measure = await anon().get(paths.measure(f.A.slug, f.A.measureId));
    expect(measure.body).toContain(line);
    expect(measure.body).toContain(`href="${paths.publicResults(f.A.slug, r.questionnaireId)}"`);
    const field = await anon().get(paths.field(f.A.slug, f.A.fieldId));
    expect(field.body).toContain(line);
    // B's measure page knows nothing of it
    expect((await anon().get(paths.measure(f.B.slug, f.B.measureId))).body).not.toContain('Aus der Befragung');
    const admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
    const adminMeasure = await admin.get(paths.adminMeasure(f.A.slug, f.A.measureId));
    expect(adminMeasure.body).toContain('Befragung „Befragung Bildung und Sprache 2025“: 2 Antworten zum Thema „Sprachkurse für Frauen“');
    expect(adminMeasure.body).toContain(`href="${paths.adminTopic(f.A.slug, r.questionnaireId, topicId)}"`);
  });

  describe('downloads', () => {
    let admin: Client;
    beforeAll(async () => {
      admin = new Client(env);
      await admin.signIn(f.A.adminEmail, PASSWORD);
    });

    const expectedColumns = () => [
      'nr', 'tag', 'quelle', 'sprache',
      `q${r.q.kurs}`,
      `q${r.q.kurs}_sonst`,
      `q${r.q.angebote}_o${r.o.cafe}`, `q${r.q.angebote}_o${r.o.vhs}`, `q${r.q.angebote}_o${r.o.hilfe}`, `q${r.q.angebote}_o${r.o.sonstiges}`,
      `q${r.q.angebote}_sonst`,
      `q${r.q.scale}`,
    ];

    it('CSV: BOM, semicolons, one row per response, one column per option', async () => {
      const file = await admin.getBytes(paths.adminExportCsv(f.A.slug, r.questionnaireId));
      expect(file.status).toBe(200);
      expect(file.disposition).toMatch(/^attachment; filename="befragung-befragung-bildung-und-sprache-2025-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = file.bytes.toString('utf8').slice(1).trim().split('\r\n');
      expect(lines).toHaveLength(13);
      const header = lines[0].split(';');
      expect(header.slice(0, expectedColumns().length)).toEqual(expectedColumns());
      const first = Object.fromEntries(header.map((h, i) => [h, lines[1].split(';')[i]]));
      expect(first).toMatchObject({ nr: '1', tag: '2025-05-10', quelle: 'online', sprache: 'en', [`q${r.q.kurs}`]: 'Ja', [`q${r.q.angebote}_o${r.o.cafe}`]: '1', [`q${r.q.angebote}_o${r.o.hilfe}`]: '0', [`q${r.q.scale}`]: '1' });
      const last = Object.fromEntries(header.map((h, i) => [h, lines[12].split(';')[i]]));
      expect(last).toMatchObject({ quelle: 'papier', [`q${r.q.kurs}`]: 'Anderes', [`q${r.q.kurs}_sonst`]: 'Online-Kurs', [`q${r.q.angebote}_o${r.o.cafe}`]: '' });
    });

    it('XLSX read back with exceljs: the responses sheet with its columns, and the codebook', async () => {
      const file = await admin.getBytes(paths.adminExportXlsx(f.A.slug, r.questionnaireId));
      expect(file.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
      expect(book.worksheets.map((s) => s.name)).toEqual(['Antworten', 'Codebuch']);
      const sheet = book.getWorksheet('Antworten')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header.slice(0, expectedColumns().length)).toEqual(expectedColumns());
      const matrixRows = (await env.services.questionnaires.definition(f.A.municipalityId, r.questionnaireId))!.sections[0].questions[3].rows;
      expect(header).toContain(`q${r.q.matrix}_z${matrixRows[0].id}`);
      expect(header.filter((h) => String(h).startsWith(`q${r.q.ranking}_o`))).toHaveLength(3);
      expect(header).toEqual(expect.arrayContaining([`q${r.q.wishes}`, `q${r.q.kinder}`, `q${r.q.seit}`, `q${r.q.age}`]));
      expect(sheet.rowCount).toBe(13);
      const cell = (row: number, name: string) => sheet.getRow(row).getCell(header.indexOf(name) + 1).value;
      expect(cell(2, `q${r.q.wishes}`)).toBe('Mehr Sprachkurse für Frauen am Vormittag');
      expect(cell(2, `q${r.q.matrix}_z${matrixRows[0].id}`)).toBe('gut');
      expect(cell(2, `q${r.q.kinder}`)).toBe(0);
      const codebook = book.getWorksheet('Codebuch')!;
      expect((codebook.getRow(1).values as unknown[]).slice(1)).toEqual(['Spalte', 'Abschnitt', 'Frage', 'Fragetyp', 'Antwortoption', 'Bedeutung des Werts']);
      const entries = new Map<string, unknown[]>();
      codebook.eachRow((row, n) => {
        if (n > 1) entries.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
      });
      expect([...entries.keys()]).toEqual(header);
      expect(entries.get(`q${r.q.angebote}_o${r.o.cafe}`)).toEqual(['q' + r.q.angebote + '_o' + r.o.cafe, 'Bildung und Sprache', 'Welche Angebote nutzen Sie?', 'Mehrfachauswahl', 'Sprachcafé', '1 = gewählt, 0 = nicht gewählt; leer: Frage nicht beantwortet oder nicht gezeigt']);
      expect(entries.get(`q${r.q.ranking}_o${r.o.cafe}`)).toBeUndefined();
      expect(entries.get(`q${r.q.scale}`)?.[5]).toBe('Skalenwert von 1 bis 5');
    });

    it.skipIf(skipWithoutPoppler)('PDF: tagged, titled, with the questions, figures and tables', async () => {
      const file = await admin.getBytes(paths.adminExportPdf(f.A.slug, r.questionnaireId));
      expect(file.status).toBe(200);
      expect(file.type).toBe('application/pdf');
      const info = pdfinfo(file.bytes);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Title:\s+Ergebnisse: Befragung Bildung und Sprache 2025$/m);
      const structure = pdfinfo(file.bytes, '-struct');
      expect(structure).toMatch(/H1/);
      expect(structure).toMatch(/Figure/);
      expect(structure).toMatch(/Table/);
      const text = pdfPages(file.bytes).join('\n');
      expect(text).toContain('12 Antworten');
      expect(text).toContain('Haben Sie einen Sprachkurs besucht?');
      expect(text).toContain('Handlungsfeld: Sprache in Amstadt');
      expect(text).not.toContain('Mehr Sprachkurse für Frauen am Vormittag');
    });

    it.skipIf(skipWithoutPoppler)("PDF in the reader's language: Arabic shaped and in reading order, the questionnaire's German text tagged German", async () => {
      const file = await admin.getBytes(`${paths.adminExportPdf(f.A.slug, r.questionnaireId)}?lang=ar`);
      expect(file.status).toBe(200);
      const t = translator('ar');
      expect(file.bytes.toString('latin1')).toContain('/Lang (ar)');
      expect(drawsNotdef(file.bytes)).toBe(false);
      // The words the summary adds, in Arabic: in the structure tree word for word, and from pdftotext.
      const responses = t('questionnaires.results.responses', { count: 12 });
      expect(responses).not.toBe('questionnaires.results.responses');
      expect(pdfinfo(file.bytes, '-struct-text')).toContain(responses);
      const text = pdfPages(file.bytes).join('\n').replace(/[\u202a-\u202e]/g, '');
      for (const key of ['option', 'count', 'share']) expect(text).toContain(t(`questionnaires.results.col.${key}`));
      expect(text).toContain('Haben Sie einen Sprachkurs besucht?');
      // Sections, questions and options are the questionnaire's German text.
      const german = [...file.bytes.toString('latin1').matchAll(/\/S \/(\w+)\n\/Lang \(de-DE\)/g)].map((m) => m[1]);
      for (const tag of ['H2', 'H3', 'TD']) expect(german).toContain(tag);
    });

    it('another municipality cannot download them (404)', async () => {
      const other = new Client(env);
      await other.signIn(f.B.adminEmail, PASSWORD);
      for (const path of [paths.adminExportCsv(f.B.slug, r.questionnaireId), paths.adminExportXlsx(f.B.slug, r.questionnaireId), paths.adminExportPdf(f.B.slug, r.questionnaireId), paths.adminExportCsv(f.A.slug, r.questionnaireId)]) {
        expect((await other.getBytes(path)).status, path).toBe(404);
      }
    });
  });
});
