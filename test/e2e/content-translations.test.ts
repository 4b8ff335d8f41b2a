// Content translations in the browser, keyboard alone: the officer pre-translates Arabic by machine (a fake
// DeepL on 127.0.0.1), reviews and saves one measure's text; the public measure page in Arabic shows it,
// right to left. After a German edit the page falls back to German, marked lang="de", with the note. Every
// page passes axe and reflows at 320 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTranslator, type FakeTranslator } from '../translate.fake.js';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Server } from './browser.js';

const REVIEWED = 'تقديم دورات لغة للآباء والأمهات في المدارس';
const NOTE_AR = 'بعض النصوص في هذه الصفحة لم تُترجم بعد وتظهر باللغة الألمانية.';

async function width(page: Page, what: string, max: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${what} width`).toBeLessThanOrEqual(max);
}

describe.skipIf(!browserAvailable())('content translations in the browser', () => {
  let server: Server;
  let browser: Browser;
  let fake: FakeTranslator;

  beforeAll(async () => {
    fake = await startFakeTranslator();
    [server, browser] = await Promise.all([startServer(fake.env('deepl')), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  it('machine drafts, a person’s review, the Arabic page right to left, and German again after a German edit', async () => {
    const s = server.env.services;
    const mid = (await s.municipalities.list()).find((m) => m.slug === SLUG)!.id;
    const plan = (await s.plans.findCurrentPublishedPlan(mid))!;
    const tree = await s.plans.tree(mid, plan.id);
    // The fourth measure of the first field: no translation in the demo.
    const measure = [...tree.fields[0].goals.flatMap((g) => g.measures), ...tree.fields[0].furtherMeasures][3];

    const { page, blocked } = await newContext(browser);
    await page.goto(`${server.url}/anmelden`);
    await tabTo(page, 'E-Mail-Adresse');
    await page.keyboard.type(server.admin.email);
    await tabTo(page, 'Passwort');
    await page.keyboard.type(server.admin.password);
    await pressAndLoad(page);

    await tabTo(page, (f) => f.tag === 'a' && f.name === 'Übersetzungen');
    await pressAndLoad(page);
    expect(page.url()).toBe(`${server.url}/${SLUG}/verwaltung/uebersetzungen`);
    expect(await page.locator('main').innerText()).toContain('DeepL');
    await axeCheck(page);
    await tabTo(page, 'Bearbeiten (العربية)');
    await pressAndLoad(page);
    await axeCheck(page);

    await tabTo(page, 'Maschinell vorübersetzen');
    await pressAndLoad(page);
    expect(await page.locator('.flash').innerText()).toMatch(/Maschinelle Entwürfe angefordert/);
    expect(await page.locator('main').innerText()).toContain('Maschinelle Entwürfe werden vorbereitet.');
    await axeCheck(page);
    // The jobs worker fetches the drafts; the officer then checks how far it is.
    await s.jobs.runDueJobs(server.env.now.value);
    await tabTo(page, 'Stand prüfen (Seite neu laden)');
    await pressAndLoad(page);
    expect(await page.locator('main').innerText()).toMatch(/Entwürfe maschinell vorübersetzt/);
    await tabTo(page, 'Entwürfe zeigen');
    await pressAndLoad(page);
    expect(page.url()).toContain('?show=draft');
    const textarea = page.locator(`textarea[name="t_measure_${measure.id}_text"]`);
    // Page by page (with the keyboard) to the measure's text.
    for (let i = 0; i < 10 && (await textarea.count()) === 0; i++) {
      await tabTo(page, 'Nächste Seite', { limit: 200 });
      await pressAndLoad(page);
    }
    await axeCheck(page);
    expect(await textarea.inputValue()).toBe(`[tr:AR] ${measure.text}`);
    expect(await textarea.getAttribute('dir')).toBe('rtl');
    expect(await textarea.getAttribute('lang')).toBe('ar');

    // Review: the text corrected and marked reviewed, with the keyboard alone.
    await tabTo(page, (f) => f.tag === 'textarea' && f.id.includes(`measure_${measure.id}_text`), { limit: 200 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(REVIEWED);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.locator(`input[name="r_measure_${measure.id}_text"]`).isChecked()).toBe(true);
    await tabTo(page, 'Alle speichern', { limit: 200 });
    await pressAndLoad(page);
    expect(await page.locator('.flash').innerText()).toContain('1 Übersetzung gespeichert.');
    await page.setViewportSize({ width: 320, height: 640 });
    await width(page, 'translation screen at 320 px', 320);

    // The public page in Arabic: the reviewed text, right to left, no note.
    await page.goto(`${server.url}/${SLUG}/massnahmen/${measure.id}?lang=ar`);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const text = page.locator('main p.kern-body--large');
    expect(await text.innerText()).toBe(REVIEWED);
    expect(await text.getAttribute('lang')).toBeNull();
    await width(page, 'Arabic measure page at 320 px', 320);
    await axeCheck(page);

    // The German changes: the translation is outdated, the page shows the German marked as such, and the note.
    const d = await s.plans.measureDetail(mid, measure.id);
    await s.plans.updateMeasure(mid, measure.id, {
      text: `${measure.text} (erweitert)`, number: d.measure.number, is_further: false, field_id: null, goal_id: d.measure.goal_id, status_label: d.measure.status_label, status_category: null,
      timeframe_start: null, timeframe_end: null, target_groups: d.measure.target_groups, lead_actor_id: d.measure.actors.find((a) => a.role === 'lead')?.id ?? null,
      partner_actor_ids: d.measure.actors.filter((a) => a.role === 'partner').map((a) => a.id),
    }, { userId: null, name: 'Test' });
    await page.reload();
    expect(await text.innerText()).toBe(`${measure.text} (erweitert)`);
    expect(await text.getAttribute('lang')).toBe('de');
    expect(await text.getAttribute('dir')).toBe('ltr');
    expect(await page.locator('main').innerText()).toContain(NOTE_AR);
    expect(await page.locator('main').innerText()).not.toContain(REVIEWED);
    await width(page, 'Arabic measure page in German at 320 px', 320);
    await axeCheck(page);

    // The screen names it outdated, the old German beside the new.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/${SLUG}/verwaltung/uebersetzungen/ar?show=outdated&lang=de`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('Veraltet');
    expect(main).toContain(`${measure.text} (erweitert)`);
    await axeCheck(page);
    expectNoNetwork(blocked);
  });
});
