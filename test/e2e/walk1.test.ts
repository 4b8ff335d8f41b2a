import { writeFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { launchBrowser, newContext, SLUG, startServer } from './browser.js';

describe('walk', () => {
  it('screens', async () => {
    const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    try {
      for (const [name, path, width] of [
        ['de', `/${SLUG}?lang=de`, 1280], ['ar', `/${SLUG}?lang=ar`, 1280], ['ls', `/${SLUG}/leichte-sprache`, 1280],
        ['ar-320', `/${SLUG}?lang=ar`, 320], ['ls-320', `/${SLUG}/leichte-sprache`, 320],
        ['statement-ar', `/${SLUG}/barrierefreiheit?lang=ar`, 1280], ['measure-tr', `/${SLUG}/massnahmen/1?lang=tr`, 1280],
      ] as const) {
        const { page, context } = await newContext(browser, { viewport: { width, height: 900 } });
        await page.goto(server.url + path);
        await page.screenshot({ path: `/tmp/walk/${name}.png`, fullPage: name.endsWith('320') ? false : true });
        await context.close();
      }
      for (const p of [`/${SLUG}/leichte-sprache/startseite/pdf`]) {
        const res = await fetch(server.url + p);
        writeFileSync('/tmp/walk/ls.pdf', Buffer.from(await res.arrayBuffer()));
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }, 300000);
});
