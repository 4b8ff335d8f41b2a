// The yearly report in the reader's interface language: Arabic right to left and Russian, tagged, the document's
// language declared, the headings and status names extracted back in reading order, no character drawn as a box.
// Downloaded through the real route, on SQLite and PostgreSQL.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawsNotdef } from '../../../test/fixtures/exports/notdef.js';
import { pdfinfo, pdfPages, skipWithoutPoppler } from '../../../test/fixtures/exports/poppler.js';
import { Client, createTestEnv, engines, type TestEnv } from '../../../test/support.js';
import { translator } from '../../platform/i18n/i18n.js';
import { DEMO_SLUG, seedDemo } from '../demo/index.js';
import { paths } from './editions.paths.js';

const plain = (text: string): string => text.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/\s+/g, ' ');
/** The words and figures of a text, in the order extraction gives them (punctuation aside). */
const tokens = (text: string): string[] => text.replace(/[\u202a-\u202e\u200e\u200f]/g, '').match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? [];
const count = (text: string, letters: RegExp): number => text.match(letters)?.length ?? 0;
/** The structure elements tagged as German (pdfkit writes each element's dictionary as plain text). */
const taggedGerman = (pdf: Buffer): string[] => [...pdf.toString('latin1').matchAll(/\/S \/(\w+)\n\/Lang \(de-DE\)/g)].map((m) => m[1]);

describe.each(engines)('yearly report in Arabic and Russian on %s', (engine) => {
  let env: TestEnv;
  const pdfs = new Map<'ar' | 'ru', Buffer>();
  let arabicWord: Buffer;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    env.now.value = new Date('2026-03-02T10:00:00Z');
    const demo = await seedDemo(env.services);
    const municipality = (await env.services.municipalities.findBySlug(DEMO_SLUG))!;
    const [plan] = await env.services.plans.listPlans(municipality.id);
    await env.services.auth.setPassword((await env.services.auth.findUserByEmail(demo!.email))!.id, demo!.password!);
    const admin = new Client(env);
    await admin.signIn(demo!.email, demo!.password!);
    for (const lang of ['ar', 'ru'] as const) {
      const res = await admin.getBytes(`${paths.adminPlanReport(DEMO_SLUG, plan.id, 'pdf')}?lang=${lang}`);
      expect(res.status).toBe(200);
      pdfs.set(lang, res.bytes);
    }
    arabicWord = (await admin.getBytes(`${paths.adminPlanReport(DEMO_SLUG, plan.id, 'docx')}?lang=ar`)).bytes;
  });
  afterAll(() => env.close());

  it('writes the Arabic Word report right to left: bidirectional paragraphs, right-to-left runs, tables from the right', async () => {
    const document = await (await JSZip.loadAsync(arabicWord)).file('word/document.xml')!.async('string');
    const title = translator('ar')('editions.report.documentTitle', { year: '2026' });
    const titleParagraph = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => p[0]).find((p) => p.includes(title))!;
    expect(titleParagraph).toContain('<w:bidi/>');
    expect(titleParagraph).toContain('<w:rtl/>');
    expect(document.match(/<w:bidiVisual\/>/g)?.length).toBe(document.match(/<w:tbl>/g)?.length);
    const styles = await (await JSZip.loadAsync(arabicWord)).file('word/styles.xml')!.async('string');
    expect(styles).toContain('<w:lang w:val="ar" w:bidi="ar"/>');
  });

  describe.skipIf(skipWithoutPoppler)('PDF', () => {
    it('is tagged and declares the language', () => {
      expect(pdfinfo(pdfs.get('ar')!)).toMatch(/^Tagged:\s+yes$/m);
      expect(pdfinfo(pdfs.get('ru')!)).toMatch(/^Tagged:\s+yes$/m);
      expect(pdfs.get('ar')!.toString('latin1')).toContain('/Lang (ar)');
      expect(pdfs.get('ru')!.toString('latin1')).toContain('/Lang (ru-RU)');
      expect(pdfinfo(pdfs.get('ar')!, '-struct-text')).toMatch(/^ {4}H2/m);
    });

    it('gives the Arabic headings and status names back in reading order', () => {
      const t = translator('ar');
      const text = plain(pdfPages(pdfs.get('ar')!).join('\n'));
      for (const key of ['editions.report.summary.title', 'editions.report.changes.title', 'editions.report.summary.figure']) expect(text).toContain(t(key));
      expect(text).toContain(t('status.in_progress'));
    });

    it('keeps Arabic lines with figures in reading order: in the structure tree, and from pdftotext on pages where Arabic prevails', () => {
      const t = translator('ar');
      const pdf = pdfs.get('ar')!;
      // What a screen reader reads: the tagged content, in the order it is drawn.
      const structure = pdfinfo(pdf, '-struct-text').replace(/[\u202a-\u202e]/g, '');
      const title = t('editions.report.documentTitle', { year: '2026' });
      expect(title).toMatch(/2026/);
      expect(structure).toContain(`"${title}"`);
      expect(structure).toContain(`"${t('editions.report.priorities.title', { year: 2026 })}"`);
      const [before, after] = t('editions.measureNumbered', { number: '#' }).split('#');
      expect(structure).toMatch(new RegExp(`${before}\\d+${after}`));
      // pdftotext orders a page right to left where Arabic letters outnumber Latin ones; there every footer reads
      // "page n of m" in order.
      const pages = pdfPages(pdf);
      const arabicPages = pages.map((text, i) => [text, i] as const).filter(([text]) => count(text, /\p{Script=Arabic}/gu) > count(text, /\p{Script=Latin}/gu));
      expect(arabicPages.length).toBeGreaterThan(0);
      for (const [text, i] of arabicPages) {
        expect(tokens(text).join(' ')).toContain(tokens(`${t('editions.report.pageBefore')}${i + 1}${t('editions.report.pageBetween')}${pages.length}`).join(' '));
      }
      expect(tokens(pages[0]).join(' ')).toContain(tokens(title).join(' '));
    });

    it("draws the charts in the reader's language: no German status name in the Arabic pictures", () => {
      const de = translator('de');
      const text = plain(pdfPages(pdfs.get('ar')!).join('\n'));
      for (const key of ['status.planned', 'status.not_started', 'status.in_progress', 'status.under_review']) expect(text).not.toContain(de(key));
      // The Russian charts are drawn as text: their status names come back.
      const ru = translator('ru');
      const russian = plain(pdfPages(pdfs.get('ru')!).join('\n'));
      expect(russian.split(ru('status.not_started')).length - 1).toBeGreaterThan(2);
    });

    it("tags the plan's German text as German: the plan's title, the fields, the measures", () => {
      const german = taggedGerman(pdfs.get('ar')!);
      for (const tag of ['P', 'H3', 'TD']) expect(german).toContain(tag);
      expect(taggedGerman(pdfs.get('ru')!)).toContain('H3');
    });

    it('gives the Russian headings and status names back in order', () => {
      const t = translator('ru');
      const text = plain(pdfPages(pdfs.get('ru')!).join('\n'));
      for (const key of ['editions.report.summary.title', 'editions.report.changes.title', 'editions.report.summary.figure']) expect(text).toContain(t(key));
      expect(text).toContain(t('status.in_progress'));
    });

    it('draws no character as an empty box', () => {
      expect(drawsNotdef(pdfs.get('ar')!)).toBe(false);
      expect(drawsNotdef(pdfs.get('ru')!)).toBe(false);
    });
  });
});
