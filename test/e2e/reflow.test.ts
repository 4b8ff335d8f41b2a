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
      { name: 'start', path: `/${SLUG}` },
      { name: 'search', path: `/${SLUG}/suche?q=Sprachkurs` },
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
      // Nothing in a card sticks out of it (a long e-mail address wraps).
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll('main .card')].flatMap((card) => {
          const edge = card.getBoundingClientRect().right;
          return [...card.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > edge + 1).map((el) => el.outerHTML.slice(0, 120));
        }),
      );
      expect(outside, `${p.name}: elements beyond the right edge of their card`).toEqual([]);
      await axeCheck(page);
    }
    expectNoNetwork(blocked);
  });

  it('the search filter: the legend stands above the fields, each select right below its label; the breadcrumb is one size', async () => {
    for (const width of [1280, 320]) {
      const { page } = await newContext(browser, { viewport: { width, height: 900 } });
      await page.goto(`${server.url}/${SLUG}/suche?q=Sprachkurs`);
      const legend = (await page.locator('legend', { hasText: 'Filter' }).boundingBox())!;
      const label = (await page.locator('label[for="status"]').boundingBox())!;
      const select = (await page.locator('#status').boundingBox())!;
      expect(label.y, `${width} px: the first label starts below the legend`).toBeGreaterThanOrEqual(legend.y + legend.height - 1);
      expect(Math.abs(select.x - label.x), `${width} px: the first select is not indented against its label`).toBeLessThanOrEqual(20);
      // The breadcrumb's current page is set like the link before it: same size, same line.
      const crumbs = await page.evaluate(() => {
        const link = document.querySelector<HTMLElement>('.breadcrumbs a')!;
        const current = document.querySelector<HTMLElement>('.breadcrumbs [aria-current="page"]')!;
        return { link: getComputedStyle(link).fontSize, current: getComputedStyle(current).fontSize, top: [link.getBoundingClientRect().bottom, current.getBoundingClientRect().bottom] };
      });
      expect(crumbs.current, `${width} px: breadcrumb sizes`).toBe(crumbs.link);
      if (width === 1280) expect(Math.abs(crumbs.top[0] - crumbs.top[1]), 'the breadcrumb items share a line').toBeLessThanOrEqual(4);
      await page.context().close();
    }
  });

  it('an admin table wider than the screen scrolls in its box, the page does not (words for screen readers in its cells stay inside)', async () => {
    const { page } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}/anmelden`);
    await page.fill('input[name=email]', server.admin.email);
    await page.fill('input[name=password]', server.admin.password);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/anmelden')), page.click('button[type=submit]')]);
    await page.goto(`${server.url}/${SLUG}/verwaltung/akteure`);
    const sizes = await page.evaluate(() => {
      const box = document.querySelector('.kern-table-responsive')!;
      return { page: document.documentElement.scrollWidth, box: box.clientWidth, table: box.scrollWidth };
    });
    expect(sizes.table, 'the actor table is wider than its box at 320 px').toBeGreaterThan(sizes.box);
    expect(sizes.page, 'the admin actor list: document width at 320 px').toBeLessThanOrEqual(320);
    await axeCheck(page);
    await page.context().close();
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
