// The public pages render without JavaScript (and ship none), and the catalogue prints
// as a table without the site's header and navigation.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, SLUG, startServer, type Server } from './browser.js';

interface PublicPage {
  name: string;
  path: string;
  /** text the page must show */
  shows: string[];
}

describe.skipIf(!browserAvailable())('public pages without JavaScript', () => {
  let server: Server;
  let browser: Browser;
  let pages: PublicPage[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { services } = server.env;
    const m = (await services.municipalities.findBySlug(SLUG))!;
    const plan = (await services.plans.findCurrentPublishedPlan(m.id))!;
    const tree = await services.plans.tree(m.id, plan.id);
    const measures = tree.fields.flatMap((f) => f.goals.flatMap((g) => g.measures.map((x) => ({ ...x, goal: g.text, field: f }))));
    const course = measures.find((x) => /Sprach-Treffen/.test(x.text) && x.actors.length > 0)!;
    const field = course.field;
    const actor = course.actors[0];
    const q = new URLSearchParams({ q: 'Sprach-Treffen', field: String(field.id) });
    pages = [
      { name: 'start page', path: `/${SLUG}`, shows: [plan.title, field.title, 'Kontakt', 'Kontaktstelle für Integration'] },
      { name: 'field of action', path: `/${SLUG}/handlungsfelder/${field.id}`, shows: [field.title, field.visions[0]?.text ?? '', course.goal, course.text.slice(0, 60)] },
      { name: 'measure', path: `/${SLUG}/massnahmen/${course.id}`, shows: [`Maßnahme ${course.number}`, course.text.slice(0, 60), actor.name, 'Verlauf des Status'] },
      { name: 'actors directory', path: `/${SLUG}/akteure`, shows: ['Akteurinnen und Akteure', actor.name] },
      { name: 'actor', path: `/${SLUG}/akteure/${actor.id}`, shows: [actor.name, course.text.slice(0, 60)] },
      { name: 'search with a query and a filter', path: `/${SLUG}/suche?${q}`, shows: ['Ergebnis', course.text.slice(0, 60)] },
      { name: 'catalogue', path: `/${SLUG}/katalog`, shows: ['Maßnahmenkatalog', field.title, course.text.slice(0, 60), actor.name] },
    ];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('render their content and contain no script', async () => {
    const { context, page, blocked } = await newContext(browser, { javaScriptEnabled: false });
    for (const p of pages) {
      const res = await page.goto(`${server.url}${p.path}`);
      expect(res?.status(), p.name).toBe(200);
      const html = await res!.text();
      expect(html, `${p.name}: no <script> at all`).not.toMatch(/<script\b/i);
      expect(await page.locator('script').count(), p.name).toBe(0);
      const text = await page.locator('main').innerText();
      for (const s of p.shows) expect(text, `${p.name} (${p.path}) shows "${s}"`).toContain(s);
    }
    // The search without JavaScript is a plain GET form: the filter stays chosen in the result page.
    await page.goto(`${server.url}${pages[5].path}`);
    expect(await page.locator('#field option:checked').innerText()).not.toBe('Alle');
    expect(await page.locator('#q').inputValue()).toBe('Sprach-Treffen');
    expectNoNetwork(blocked);
    await context.close();
  });

  it('the catalogue prints as a table, without header and navigation', async () => {
    const { context, page } = await newContext(browser, { javaScriptEnabled: false });
    await page.goto(`${server.url}/${SLUG}/katalog`);
    await page.emulateMedia({ media: 'print' });
    const table = page.locator('table.catalogue-table').first();
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    const display = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display);
    for (const hidden of ['.site-header', '.site-nav', 'nav[aria-label="Hauptnavigation"]', '.site-footer', '.breadcrumbs', '.skip-link']) {
      expect(await display(hidden), `${hidden} in print`).toBe('none');
    }
    expect(await table.locator('thead').evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
    // On screen, the same header is there.
    await page.emulateMedia({ media: 'screen' });
    expect(await display('.site-header')).not.toBe('none');
    await context.close();
  });

  it('the same pages pass axe (WCAG 2.1 A/AA)', async () => {
    const { context, page } = await newContext(browser);
    for (const p of pages) {
      await page.goto(`${server.url}${p.path}`);
      await axeCheck(page);
    }
    await context.close();
  });
});
