// The yearly report in the reader's interface language: Arabic right to left and Russian, tagged, the document's
// language declared, the headings and status names extracted back in reading order, no character drawn as a box.
// Downloaded through the real route, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawsNotdef } from '../../../test/fixtures/exports/notdef.js';
import { pdfinfo, pdfPages, skipWithoutPoppler } from '../../../test/fixtures/exports/poppler.js';
import { Client, createTestEnv, engines, type TestEnv } from '../../../test/support.js';
import { translator } from '../../platform/i18n/i18n.js';
import { DEMO_SLUG, seedDemo } from '../demo/index.js';
import { paths } from './editions.paths.js';

const plain = (text: string): string => text.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/\s+/g, ' ');

describe.each(engines)('yearly report in Arabic and Russian on %s', (engine) => {
  let env: TestEnv;
  const pdfs = new Map<'ar' | 'ru', Buffer>();

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
  });
  afterAll(() => env.close());

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
