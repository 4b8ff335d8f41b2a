// The yearly report of the demo municipality as a tagged PDF and as Word, with the changes
// since the last edition. The officer keeps an edition, a measure's status changes afterwards, and both files
// list that change with its reason; they hold every measure with its goal, the charts with their text
// alternative, the tables, the year's priorities and the funding, every date in one format, and no heading left
// alone at the foot of a page. Downloaded through the real route, on SQLite and PostgreSQL.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfinfo, pdfPages, skipWithoutPoppler } from '../../../test/fixtures/exports/poppler.js';
import { Client, createTestEnv, engines, type TestEnv } from '../../../test/support.js';
import { paths } from './editions.paths.js';
import { DEMO_SLUG, seedDemo } from '../demo/index.js';
import { planReport } from './report.service.js';
import type { ReportBlock } from './report.document.js';
import { placedMeasures } from './snapshot.js';

if (skipWithoutPoppler) console.warn('pdfinfo/pdftotext not found: the report PDF checks are skipped here (CI installs poppler-utils)');

// Line breaks fall where the layout puts them, and pdftotext drops a hyphen that ends a line, so texts are compared
// without whitespace and hyphens.
const squash = (text: string): string => text.replace(/[\s-]+/g, '');
const REASON = 'Der Kurs läuft jetzt dauerhaft im Regelangebot der VHS';
const PRIORITY = 'Sprachkurse am Abend ausbauen';
const PROGRAMME = 'Landesprogramm Integration vor Ort';
const IDLE_ACTOR = 'Verein ohne Maßnahme';
// A day in words ("2. März 2026") or as stored ("2026-03-02", "2025-01"): the report writes days in figures only.
const OTHER_DATES = /\b\d{1,2}\. (?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}\b|\b\d{4}-\d{2}(?:-\d{2})?\b/;

describe.each(engines)('yearly report of the demo municipality on %s', (engine) => {
  let env: TestEnv;
  let pdf: Buffer;
  let docx: Buffer;
  let measureTexts: string[];
  let changedText: string;
  let blocks: ReportBlock[];
  let goalText: string;
  let linkedActors: Set<string>;

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
    goalText = placedMeasures(snapshot).find((p) => p.goal)!.goal!.text;
    linkedActors = new Set(placedMeasures(snapshot).flatMap((p) => p.measure.actors.map((a) => a.name)));
    await env.services.monitoring.createPriority(municipality.id, plan.id, { year: 2026, title: PRIORITY, description: '', guiding_goal_id: null, goal_ids: [], measure_ids: [target.id] }, officer);
    await env.services.monitoring.createFunding(municipality.id, target.id, { programme: PROGRAMME, amount: 2_500_000, start_date: '2025-01-01', end_date: '2026-12-31' }, officer);
    await env.services.actors.create(municipality.id, { name: IDLE_ACTOR, parent_id: null, description: '', contact_email: '', website: '' }, officer);
    blocks = (await planReport(env.services, () => env.now.value, municipality, plan.id)).blocks;

    // The demo admin's password is one-time: keep it, without the forced change, to fetch the report as the officer.
    await env.services.auth.setPassword((await env.services.auth.findUserByEmail(demo!.email))!.id, demo!.password!);
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

  it("lists only actors with measures in the actor table, though the directory has more", async () => {
    const actors = blocks.find((b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table' && b.caption.startsWith('Maßnahmen je Akteur'))!;
    const directory = (await env.services.actors.list((await env.services.municipalities.findBySlug(DEMO_SLUG))!.id)).map((a) => a.name);
    expect(directory).toContain(IDLE_ACTOR);
    expect(new Set(actors.rows.map((r) => r[0]))).toEqual(linkedActors);
  });

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

    it("holds the year's priorities, the funding and a goal column, with every date in one format", () => {
      const text = squash(pdfPages(pdf).join(''));
      expect(text).toContain(squash('Jahresziele 2026'));
      expect(text).toContain(squash(PRIORITY));
      expect(text).toContain(squash(PROGRAMME));
      expect(text).toContain(squash('25.000,00 €'));
      expect(text).toContain(squash('01.01.2025 – 31.12.2026'));
      // The goal cell, read in tagged order: pdftotext may interleave its lines with the next column's.
      const structure = squash(pdfinfo(pdf, '-struct-text'));
      expect(structure.slice(structure.indexOf(squash('Maßnahmen nach Handlungsfeldern')))).toContain(squash(goalText));
      expect(pdfPages(pdf).join('\n')).not.toMatch(OTHER_DATES);
    });

    it('leaves no heading alone at the foot of a page', () => {
      const headings = new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [b.text.replace(/\s+/g, ' ').trim()] : [])));
      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThan(3);
      pages.forEach((page, index) => {
        // The footer (title, plan, state, page number) is written on every page after its content.
        const lines = page.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l && !l.startsWith('Sachstandsbericht 2026 ·') && !/^Seite \d+ von \d+$/.test(l));
        expect(headings.has(lines.at(-1) ?? ''), `page ${index + 1} ends with the heading "${lines.at(-1)}"`).toBe(false);
      });
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

    it('keeps every heading with what follows it', () => {
      const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading[12]"\/>(?:(?!<\/w:p>).)*?<\/w:p>/gs)].map((m) => m[0]);
      expect(headings.length).toBeGreaterThan(10);
      for (const heading of headings) expect(heading).toContain('<w:keepNext/>');
    });

    it("holds the year's priorities, the funding and a goal column", () => {
      const body = text();
      expect(body).toContain(squash(PRIORITY));
      expect(body).toContain(squash(PROGRAMME));
      expect(body.slice(body.indexOf(squash('Maßnahmen nach Handlungsfeldern')))).toContain(squash(goalText).replace(/&/g, '&amp;'));
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
