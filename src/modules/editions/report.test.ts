// The yearly report of the demo municipality as a tagged PDF and as Word, with the changes
// since the last edition. The officer keeps an edition, a measure's status changes afterwards, and both files
// list that change with its reason; they hold every measure, the charts with their text alternative, and the
// tables. Downloaded through the real route, on SQLite and PostgreSQL.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfinfo, pdfPages, skipWithoutPoppler } from '../../../test/fixtures/exports/poppler.js';
import { Client, createTestEnv, engines, type TestEnv } from '../../../test/support.js';
import { paths } from './editions.paths.js';
import { DEMO_SLUG, seedDemo } from '../demo/index.js';
import { placedMeasures } from './snapshot.js';

if (skipWithoutPoppler) console.warn('pdfinfo/pdftotext not found: the report PDF checks are skipped here (CI installs poppler-utils)');

// Line breaks fall where the layout puts them, and pdftotext drops a hyphen that ends a line, so texts are compared
// without whitespace and hyphens.
const squash = (text: string): string => text.replace(/[\s-]+/g, '');
const REASON = 'Der Kurs läuft jetzt dauerhaft im Regelangebot der VHS';

describe.each(engines)('yearly report of the demo municipality on %s', (engine) => {
  let env: TestEnv;
  let pdf: Buffer;
  let docx: Buffer;
  let measureTexts: string[];
  let changedText: string;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    env.now.value = new Date('2025-03-12T09:00:00Z');
    const demo = await seedDemo(env.services);
    const municipality = (await env.services.municipalities.findBySlug(DEMO_SLUG))!;
    const [plan] = await env.services.plans.listPlans(municipality.id);
    const officer = { userId: null, name: 'Erika Mustermann' };
    await env.services.editions.create(municipality.id, plan.id, { label: '1.0', adopted_on: '2025-03-11', paper_number: 'GR 17/2025', note: '' }, officer);

    // A year later one measure is done, with the reason in its history.
    env.now.value = new Date('2026-03-02T10:00:00Z');
    const snapshot = await env.services.editions.snapshotOf(municipality.id, plan.id);
    const target = placedMeasures(snapshot).find((p) => p.measure.status.category !== 'completed')!.measure;
    changedText = target.text;
    await env.services.plans.changeStatus(municipality.id, target.id, { status_label: 'Abgeschlossen', status_category: null, note: REASON }, officer);
    measureTexts = placedMeasures(snapshot).map((p) => p.measure.text);

    const admin = new Client(env);
    await admin.signIn(demo!.email, demo!.password!);
    const [pdfRes, docxRes] = [await admin.getBytes(paths.adminPlanReport(DEMO_SLUG, plan.id, 'pdf')), await admin.getBytes(paths.adminPlanReport(DEMO_SLUG, plan.id, 'docx'))];
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.type).toBe('application/pdf');
    expect(pdfRes.disposition).toContain('sachstandsbericht-integrationsplan-musterstadt-demo-2026-03-02.pdf');
    expect(docxRes.status).toBe(200);
    pdf = pdfRes.bytes;
    docx = docxRes.bytes;
  });
  afterAll(() => env.close());

  describe.skipIf(skipWithoutPoppler)('PDF', () => {
    it('is tagged, in German, titled, with the structure of headings, tables and figures', () => {
      const info = pdfinfo(pdf);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Title:\s+Sachstandsbericht 2026$/m);
      const structure = pdfinfo(pdf, '-struct');
      expect(structure).toMatch(/^ {2}H1/m);
      expect(structure).toMatch(/^ {4}H2/m);
      expect(structure).toMatch(/^ {4}H3/m);
      expect(structure).toMatch(/Table/);
      expect(structure).toMatch(/^ +TH/m);
      expect(structure).toMatch(/^ +TD/m);
      expect(structure).toMatch(/Figure/);
      const raw = pdf.toString('latin1');
      expect(raw).toContain('/Lang (de-DE)');
      expect(raw).toContain('/DisplayDocTitle true');
    });

    it('lists the status change since the last edition with its reason, and shows the date and page numbers', () => {
      const pages = pdfPages(pdf);
      const text = squash(pages.join(''));
      expect(pages[0]).toContain('Stand: 02.03.2026');
      expect(text).toContain(squash('Verglichen wird die Fassung 1.0, festgehalten am 12.03.2025 (beschlossen am 11.03.2025, Drucksache GR 17/2025)'));
      const section = text.slice(text.indexOf(squash('Änderungen seit der letzten Fassung')), text.indexOf(squash('Überfällige Maßnahmen (')));
      expect(section).toContain(squash('1 Statusänderung'));
      expect(section).toContain(squash(changedText));
      expect(section).toContain(squash(REASON));
      expect(section).toContain(squash('Wird fortgesetzt (Fortlaufend)'));
      expect(section).toContain(squash('0 Maßnahmen neu aufgenommen'));
      pages.forEach((page, index) => expect(page).toContain(`Seite ${index + 1} von ${pages.length}`));
    });

    it('reads, in its tagged order, every section and every measure', () => {
      // The tagged text is what a screen reader reads; pdftotext would interleave a table's columns.
      const tagged = squash([...pdfinfo(pdf, '-struct-text').matchAll(/^ *"(.*)"$/gm)].map((m) => m[1]).join(''));
      for (const heading of ['Auf einen Blick', 'Diagramme', 'Änderungen seit der letzten Fassung', 'Überfällige Maßnahmen', 'Kennzahlen und Ziele', 'Maßnahmen nach Handlungsfeldern']) {
        expect(tagged).toContain(squash(heading));
      }
      for (const measure of measureTexts) expect(tagged).toContain(squash(measure));
    });

    it('gives every chart a text alternative', () => {
      const raw = pdf.toString('latin1');
      const figures = raw.match(/\/S \/Figure/g) ?? [];
      expect(figures.length).toBeGreaterThanOrEqual(3);
      expect(raw.match(/\/Alt \(/g)).toHaveLength(figures.length);
    });
  });

  describe('Word', () => {
    let xml: string;
    let zip: JSZip;
    beforeAll(async () => {
      zip = await JSZip.loadAsync(docx);
      xml = await zip.file('word/document.xml')!.async('string');
    });
    const text = () => squash(xml.replace(/<[^>]+>/g, ''));

    it('has the tables with header rows that repeat', () => {
      expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(8);
      expect(xml).toContain('<w:tblHeader/>');
    });

    it('lists the status change since the last edition with its reason, and every measure', () => {
      const body = text();
      const section = body.slice(body.indexOf(squash('Änderungen seit der letzten Fassung')));
      expect(section).toContain(squash(changedText));
      expect(section).toContain(squash(REASON));
      for (const measure of measureTexts) expect(body).toContain(squash(measure).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    });

    it('embeds the charts as PNG images with their text alternative', async () => {
      const images = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
      expect(images.length).toBeGreaterThanOrEqual(3);
      const png = await zip.file(images[0])!.async('nodebuffer');
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const alts = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]+)"/g)].map((m) => m[1]);
      expect(alts.length).toBe(images.length);
      expect(alts.some((alt) => alt.includes('Maßnahmen'))).toBe(true);
    });
  });
});
