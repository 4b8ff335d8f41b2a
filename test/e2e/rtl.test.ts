// Arabic, right to left, in the browser: the demo start page, a measure page and an admin page at 1280 and
// 320 px. Nothing scrolls sideways; the page mirrors (the brand stands at the right, the breadcrumb points left);
// the language switch opens without running off the screen; axe passes. Screenshots go to /tmp/langs6/.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, SLUG, startServer, type Server } from './browser.js';

const SHOTS = '/tmp/langs6';

describe.skipIf(!browserAvailable())('Arabic, right to left', () => {
  let server: Server;
  let browser: Browser;
  let measurePath: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { services } = server.env;
    const m = (await services.municipalities.findBySlug(SLUG))!;
    const plan = (await services.plans.findCurrentPublishedPlan(m.id))!;
    const tree = await services.plans.tree(m.id, plan.id);
    measurePath = `/${SLUG}/massnahmen/${tree.fields[0].goals[0].measures[0].id}`;
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function check(page: Page, name: string, width: number) {
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scroll, `${name}: document width at ${width} px`).toBeLessThanOrEqual(width);
    // Mirrored: the municipality's name starts at the right edge of the header.
    const gap = await page.evaluate(() => {
      const bar = document.querySelector('.site-header__bar')!;
      const contentRight = bar.getBoundingClientRect().right - parseFloat(getComputedStyle(bar).paddingRight);
      return contentRight - document.querySelector('.site-header__brand')!.getBoundingClientRect().right;
    });
    expect(Math.abs(gap), `${name}: brand at the right`).toBeLessThan(2);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    // The switch opens in the flow and stays on the screen.
    await page.locator('.lang-switch > summary').click();
    const links = page.locator('.lang-switch__list a');
    // six languages and Leichte Sprache
    expect(await links.count()).toBe(7);
    for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) {
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: with the switch open`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}-switch.png` });
    await axeCheck(page);
  }

  for (const width of [1280, 320]) {
    it(`public and admin pages at ${width} px`, async () => {
      const { page, blocked } = await newContext(browser, { viewport: { width, height: 800 } });
      await page.goto(`${server.url}/${SLUG}?lang=ar`);
      await check(page, 'start', width);
      await page.goto(`${server.url}${measurePath}`);
      // The breadcrumb's separator "›" is a bidi-mirrored character: in rtl it shows as "‹" by itself.
      const mark = await page.evaluate(() => getComputedStyle(document.querySelector('.breadcrumbs li + li')!, '::before').content);
      expect(mark).toBe('"›"');
      await check(page, 'measure', width);
      await page.goto(`${server.url}/anmelden`);
      await page.locator('input[name="email"]').fill(server.admin.email);
      await page.locator('input[name="password"]').fill(server.admin.password);
      await Promise.all([page.waitForURL(/\/verwaltung/), page.locator('form button[type="submit"]').last().click()]);
      // The admin overview. (The admin actor list scrolls sideways at 320 px in every language, German too:
      // left for its own fix.)
      await page.goto(`${server.url}/${SLUG}/verwaltung`);
      await check(page, 'admin', width);
      expectNoNetwork(blocked);
    });
  }
});
