// The embed views in the browser: the officer lists the municipality's website on the open data page (keyboard
// alone, axe clean); a page served from ANOTHER origin (a tiny node:http server on another port of 127.0.0.1)
// shows the plan overview and the dashboard in iframes, in the visitor's language, without any script; a page
// of an origin not in the list gets nothing (frame-ancestors), and the app's other pages still refuse framing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Focused, type Server } from './browser.js';

/** A website of its own: one page with the iframes it is given, on a free port of 127.0.0.1. */
async function hostSite(frames: Array<{ src: string; title: string }>): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="de"><head><title>Website der Stadt</title></head><body><main><h1>Website der Stadt</h1>${frames.map((f) => `<iframe src="${f.src}" title="${f.title}" width="900" height="700"></iframe>`).join('')}</main></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function frameOf(page: Page, part: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes(part))).toBe(true);
  return page.frames().find((f) => f.url().includes(part))!;
}

describe.skipIf(!browserAvailable())('embedding the plan on the municipality\'s own website', () => {
  let server: Server;
  let browser: Browser;
  let allowed: Awaited<ReturnType<typeof hostSite>>;
  let other: Awaited<ReturnType<typeof hostSite>>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const frames = [{ src: `${server.url}/${SLUG}/einbetten/plan?lang=en`, title: 'Plan' }, { src: `${server.url}/${SLUG}/einbetten/dashboard?lang=ar`, title: 'Dashboard' }];
    [allowed, other] = await Promise.all([hostSite(frames), hostSite(frames)]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([allowed?.close(), other?.close()]);
    await server?.close();
  });

  it('the officer allows the city\'s website; there the views render inside iframes, elsewhere they are refused', async () => {
    const { url } = server;
    // the officer, keyboard alone
    const officer = await newContext(browser);
    const page = officer.page;
    await page.goto(`${url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await page.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([page.waitForURL(`${url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);
    await tabTo(page, 'Offene Daten und API');
    await pressAndLoad(page);
    expect(page.url()).toBe(`${url}/${SLUG}/verwaltung/offene-daten`);
    await axeCheck(page);
    const textarea = (f: Focused) => f.tag === 'textarea';
    await tabTo(page, textarea);
    await page.keyboard.type('keine Adresse');
    await tabTo(page, (f) => f.tag === 'button' && f.name === 'Speichern');
    await pressAndLoad(page);
    expect(await page.locator('.kern-error').first().innerText()).toContain('vollständig');
    expect(await page.locator('textarea').inputValue()).toBe('keine Adresse');
    await axeCheck(page);
    // the error summary's link leads to the field, the text is replaced
    await tabTo(page, (f) => f.tag === 'a' && f.href.endsWith('#feld-embed_origins'));
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await page.evaluate(() => document.activeElement?.tagName))).toBe('TEXTAREA');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(`${allowed.origin}/startseite`);
    await tabTo(page, (f) => f.tag === 'button' && f.name === 'Speichern');
    await pressAndLoad(page);
    expect(await page.locator('textarea').inputValue()).toBe(allowed.origin);
    expect(await page.locator('body').innerText()).toContain('Die Einstellungen für offene Daten sind gespeichert.');
    expect(await page.locator('main').innerText()).toContain(`/${SLUG}/einbetten/plan?lang=de`);
    await officer.context.close();

    // a visitor of the city's website
    const visitor = await newContext(browser);
    const cspErrors: string[] = [];
    visitor.page.on('console', (msg) => {
      if (msg.type() === 'error') cspErrors.push(msg.text());
    });
    await visitor.page.goto(`${allowed.origin}/`);
    const plan = await frameOf(visitor.page, '/einbetten/plan');
    await expect.poll(() => plan.locator('h1').count()).toBe(1);
    expect(await plan.locator('html').getAttribute('lang')).toBe('en');
    expect(await plan.locator('main').innerText()).toMatch(/\d+ measures?/);
    expect(await plan.locator('script').count()).toBe(0);
    expect(await plan.locator('a[target="_blank"]').count()).toBeGreaterThan(0);
    const dashboard = await frameOf(visitor.page, '/einbetten/dashboard');
    await expect.poll(() => dashboard.locator('h1').count()).toBe(1);
    expect(await dashboard.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await dashboard.locator('h1').innerText()).toBe('حالة التنفيذ');
    expect(await dashboard.locator('table').count()).toBe(2);
    expect(cspErrors).toEqual([]);
    await axeCheck(visitor.page, { crossOrigin: true }); // the views are frames of another origin
    expectNoNetwork(visitor.blocked);
    await visitor.context.close();

    // another website: the browser refuses to show the views there
    const stranger = await newContext(browser);
    const refused: string[] = [];
    stranger.page.on('console', (msg) => {
      if (/frame-ancestors|Refused to frame/i.test(msg.text())) refused.push(msg.text());
    });
    await stranger.page.goto(`${other.origin}/`);
    await expect.poll(() => refused.length).toBeGreaterThanOrEqual(2);
    // what shows in the frames is the browser's own error page, never the plan
    const shown = await Promise.all(stranger.page.frames().filter((f) => f !== stranger.page.mainFrame()).map(async (f) => ({ url: f.url(), text: await f.locator('body').innerText().catch(() => '') })));
    expect(shown).toHaveLength(2);
    for (const f of shown) {
      expect(f.url, JSON.stringify(f)).not.toContain('/einbetten/');
      expect(f.text).not.toMatch(/measures|حالة التنفيذ|Musterstadt/);
    }
    await stranger.context.close();

    // the app's own pages keep refusing any framing, also on the allowed site
    const res = await fetch(`${url}/${SLUG}`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const embed = await fetch(`${url}/${SLUG}/einbetten/plan`);
    expect(embed.headers.get('content-security-policy')).toContain(`frame-ancestors ${allowed.origin}`);
    expect(embed.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(embed.headers.get('x-frame-options')).toBeNull();
  });
});
