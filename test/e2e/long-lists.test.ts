// A long plan in the browser (500 measures beside the demo municipality): a resident reads the catalogue page by
// page and the search's results 50 at a time with the keyboard alone, on a 320 px wide screen and in Arabic;
// and the dashboard's overdue measures beyond the 20 it lists, in Ukrainian; axe on every page, no request leaves
// 127.0.0.1.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../bench/catalogue.js';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, startServer, tabTo, type Focused, type Server } from './browser.js';

const SLUG = 'grossstadt';

describe.skipIf(!browserAvailable())('a long plan in the browser', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { services } = server.env;
    const by = { userId: null, name: 'Test' };
    const { municipality } = await services.municipalities.create(
      { slug: SLUG, name: 'Großstadt', office_name: '', contact_person: '', contact_email: '', contact_phone: '', contact_address: '', admin_email: 'admin@grossstadt.example', admin_name: 'Test' },
      by,
    );
    await services.wordings.seedDefaults(municipality.id);
    const parsed = await services.imports.parse(municipality.id, 'lang.txt', Buffer.from(generateCatalogue(500)), {}, ((k: string) => k) as never);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    await services.importPlan(municipality.id, parsed.plan, by, { state: 'published' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const link = (name: string | RegExp) => (f: Focused) => f.tag === 'a' && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const firstMeasure = (page: Page) => page.locator('main a[href*="/massnahmen/"]').first().innerText();
  async function fits(page: Page) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `document width at 320 px on ${page.url()}`).toBeLessThanOrEqual(320);
  }

  it('the catalogue page by page, by its pager and by its contents, with the keyboard alone', async () => {
    const { page, blocked } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}/${SLUG}/katalog`);
    expect(await page.locator('h1').innerText()).toContain('Maßnahmenkatalog');
    expect(await firstMeasure(page)).toContain('Maßnahme 1:');
    await fits(page);
    await axeCheck(page);
    // the pager's "next page"
    await tabTo(page, link('Nächste Seite'), { limit: 400 });
    await pressAndLoad(page);
    expect(new URL(page.url()).search).toBe('?seite=2');
    expect(await page.locator('main').innerText()).toContain('Seite 2 von 6');
    expect(await firstMeasure(page)).toContain('Maßnahme 85:');
    await fits(page);
    await axeCheck(page);
    // the contents: straight to a field of action on another page
    await tabTo(page, link('Bereich 12'), { limit: 400 });
    await pressAndLoad(page);
    const url = new URL(page.url());
    expect(url.search).toBe('?seite=6');
    expect(url.hash).toMatch(/^#cat-field-\d+$/);
    expect(await page.locator(url.hash).innerText()).toContain('Bereich 12');
    await axeCheck(page);
    expectNoNetwork(blocked);
  });

  it('the search 50 at a time, in Arabic, right to left', async () => {
    const { page, blocked } = await newContext(browser, { viewport: { width: 320, height: 640 }, locale: 'ar' });
    await page.goto(`${server.url}/${SLUG}/suche`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await tabTo(page, (f) => f.tag === 'input' && f.type === 'search', { limit: 200 });
    await page.keyboard.type('Sprachkursangebote');
    await pressAndLoad(page);
    expect(await page.locator('main a[href*="/massnahmen/"]').count()).toBe(50);
    await fits(page);
    await axeCheck(page);
    await tabTo(page, link('الصفحة التالية'), { limit: 400 });
    await pressAndLoad(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe('Sprachkursangebote');
    expect(url.searchParams.get('seite')).toBe('2');
    expect(await firstMeasure(page)).toContain('Maßnahme 51:');
    expect(await page.locator('main').innerText()).toContain('الصفحة 2 من 10');
    await fits(page);
    await axeCheck(page);
    expectNoNetwork(blocked);
  });

  it('the dashboard’s 20 longest-overdue measures and the list of all of them, in Ukrainian, with the keyboard alone', async () => {
    const { page, blocked } = await newContext(browser, { viewport: { width: 320, height: 640 }, locale: 'uk' });
    await page.goto(`${server.url}/${SLUG}/umsetzung`);
    const section = page.locator('section[aria-labelledby="ueberfaellig"]');
    const total = Number(/\d+/.exec(await section.locator('caption').innerText())![0]);
    expect(total).toBeGreaterThan(50);
    expect(await section.locator('tbody tr').count()).toBe(20);
    expect(await section.innerText()).toContain('Тут показано заходи, що прострочені найдовше (кількість: 20).');
    await fits(page);
    await axeCheck(page);
    await tabTo(page, link(`Переглянути всі прострочені заходи (${total})`), { limit: 400 });
    await pressAndLoad(page);
    expect(new URL(page.url()).pathname).toBe(`/${SLUG}/umsetzung/ueberfaellig`);
    expect(await page.locator('h1').innerText()).toBe('Прострочені заходи');
    expect(await page.locator('main tbody tr').count()).toBe(50);
    await fits(page);
    await axeCheck(page);
    await tabTo(page, link('Наступна сторінка'), { limit: 400 });
    await pressAndLoad(page);
    expect(new URL(page.url()).searchParams.get('seite')).toBe('2');
    expect(await page.locator('main tbody tr').count()).toBe(Math.min(50, total - 50));
    await fits(page);
    await axeCheck(page);
    await tabTo(page, link('Назад до огляду виконання'), { limit: 400 });
    await pressAndLoad(page);
    expect(new URL(page.url()).pathname).toBe(`/${SLUG}/umsetzung`);
    expectNoNetwork(blocked);
  });
});
