// The checker the journeys and the crawl rely on: axe() must find what axe-core finds, whichever way it runs
// (axe loaded as a script beside the app, or put into the page through @axe-core/playwright).
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, browserAvailable, newContext, type Server, SLUG, useServerAndBrowser } from './browser.js';

describe.skipIf(!browserAvailable())('axe()', () => {
  let server: Server;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  it('finds nothing on a clean page and an image without a text alternative once there is one, on either path', async () => {
    const { context, page } = await newContext(browser);
    await page.goto(`${server.url}/${SLUG}`);
    for (const crossOrigin of [false, true]) {
      await page.reload();
      expect((await axe(page, { crossOrigin })).violations.map((v) => v.id)).toEqual([]);
      await page.evaluate(() => {
        const img = document.createElement('img');
        img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        img.width = 20;
        img.height = 20;
        document.querySelector('main')!.append(img);
      });
      const found = await axe(page, { crossOrigin });
      expect(found.violations.map((v) => v.id)).toContain('image-alt');
      expect(found.violations.find((v) => v.id === 'image-alt')!.nodes[0].html).toContain('<img');
    }
    // the first way: axe came as a script of the page's own origin
    await page.reload();
    await axe(page);
    expect(await page.evaluate(() => [...document.scripts].some((s) => s.src.endsWith('/__test/axe-core.js')))).toBe(true);
    await context.close();
  });
});
