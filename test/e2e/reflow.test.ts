// At 320 CSS pixels (WCAG 1.4.10, 400 % zoom) the measure page and the catalogue reflow: nothing scrolls
// sideways; a table either stacks or scrolls inside a labelled region that the keyboard can reach. Every page
// names its favicon, and the favicon is served.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, SLUG, startServer, type Server } from './browser.js';

describe.skipIf(!browserAvailable())('public pages at 320 px', () => {
  let server: Server;
  let browser: Browser;
  let pages: Array<{ name: string; path: string }>;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { services } = server.env;
    const m = (await services.municipalities.findBySlug(SLUG))!;
    const plan = (await services.plans.findCurrentPublishedPlan(m.id))!;
    const tree = await services.plans.tree(m.id, plan.id);
    const measures = tree.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
    // The measure with the longest text and the most actors: the hardest to fit.
    const measure = [...measures].sort((a, b) => b.text.length + 50 * b.actors.length - (a.text.length + 50 * a.actors.length))[0];
    pages = [
      { name: 'measure', path: `/${SLUG}/massnahmen/${measure.id}` },
      { name: 'catalogue', path: `/${SLUG}/katalog` },
    ];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('do not scroll sideways and pass axe', async () => {
    const { page, blocked } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    for (const p of pages) {
      await page.goto(`${server.url}${p.path}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${p.name}: document width at 320 px`).toBeLessThanOrEqual(320);
      // A box that scrolls sideways must be reachable by keyboard and named.
      const unreachable = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
          .filter((el) => el.getAttribute('tabindex') !== '0' || !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
          .map((el) => el.outerHTML.slice(0, 120)),
      );
      expect(unreachable, `${p.name}: scrolling boxes without keyboard access or a name`).toEqual([]);
      await axeCheck(page);
    }
    expectNoNetwork(blocked);
  });

  it('every page links the favicon, and it is served as SVG', async () => {
    const { page } = await newContext(browser);
    await page.goto(`${server.url}${pages[0].path}`);
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBeTruthy();
    const res = await page.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('image/svg+xml');
    expect(await res.text()).toContain('<svg');
  });
});
