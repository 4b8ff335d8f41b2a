// The accessibility statement in the browser: from a public page's footer to the municipality's statement, a
// barrier reported with the keyboard alone on a 320 px wide screen (an error first, then the success announced),
// the mail to the feedback contact (a real SMTP server), the officer who sees the feedback and marks it answered;
// the statement in Arabic right to left; axe on every page.
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../smtp.js';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Focused, type Server } from './browser.js';

describe.skipIf(!browserAvailable())('the accessibility statement in the browser', () => {
  let smtp: TestSmtp;
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtp();
    [server, browser] = await Promise.all([startServer(smtp.env), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  const link = (name: string | RegExp) => (f: Focused) => f.tag === 'a' && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const button = (name: string) => (f: Focused) => f.tag === 'button' && f.name === name;
  const field = (name: string) => (f: Focused) => ['input', 'select', 'textarea'].includes(f.tag) && f.name.startsWith(name);

  async function noHorizontalScroll(page: Page) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `document width at 320 px on ${page.url()}`).toBeLessThanOrEqual(320);
  }

  it('a resident goes from the footer to the statement and reports a barrier with the keyboard alone; the officer sees it', async () => {
    const { url } = server;
    const resident = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const r = resident.page;
    await r.goto(`${url}/${SLUG}/suche`);
    await tabTo(r, link('Erklärung zur Barrierefreiheit'), { limit: 400 });
    await pressAndLoad(r);
    await expect.poll(() => r.locator('h1').innerText()).toBe('Erklärung zur Barrierefreiheit');
    expect(new URL(r.url()).pathname).toBe(`/${SLUG}/barrierefreiheit`);
    const main = await r.locator('main').innerText();
    expect(main).toContain('teilweise mit den Anforderungen der BITV 2.0');
    expect(main).toContain('Die Videos der Auftaktveranstaltung haben noch keine Untertitel.');
    expect(main).toContain('Else-Josenhans-Straße 6');
    expect(await r.locator('#feld-page').inputValue()).toBe(`/${SLUG}/suche`);
    await noHorizontalScroll(r);
    await axeCheck(r);

    // Sent without a description: the error at the field, the page kept.
    await tabTo(r, button('Rückmeldung senden'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('.error-summary').innerText()).toContain('Bitte beschreiben Sie das Problem.');
    expect(await r.locator('#feld-page').inputValue()).toBe(`/${SLUG}/suche`);
    await noHorizontalScroll(r);
    await axeCheck(r);
    await tabTo(r, field('Was ist das Problem?'));
    await r.keyboard.type('Das Suchfeld liest mein Bildschirmleser ohne Beschriftung vor.');
    await tabTo(r, field('Ihre E-Mail-Adresse'));
    await r.keyboard.type('leser@example.org');
    await tabTo(r, button('Rückmeldung senden'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('[role="status"]').innerText()).toContain('Vielen Dank. Ihre Rückmeldung ist angekommen.');
    expect(new URL(r.url()).pathname).toBe(`/${SLUG}/barrierefreiheit`);
    await noHorizontalScroll(r);
    await axeCheck(r);
    expectNoNetwork(resident.blocked);

    // The mail to the feedback contact.
    await server.env.services.jobs.runDueJobs(server.env.now.value);
    const mail = smtp.mails.find((m) => m.to.includes('barrierefreiheit@musterstadt.example') && m.text.includes('Suchfeld'));
    expect(mail?.subject).toMatch(/^Rückmeldung zur Barrierefreiheit – Musterstadt/);
    expect(mail?.text).toContain('Bitte antworten Sie an leser@example.org.');

    // The officer sees it in the admin area and marks it answered, with the keyboard.
    const officer = await newContext(browser);
    const o = officer.page;
    await o.goto(`${url}/anmelden`);
    await o.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await o.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([o.waitForURL((u) => !u.pathname.startsWith('/anmelden')), o.getByRole('button', { name: 'Anmelden' }).click()]);
    await o.goto(`${url}/${SLUG}/verwaltung/barrierefreiheit`);
    await expect.poll(() => o.locator('h1').innerText()).toBe('Erklärung zur Barrierefreiheit');
    await axeCheck(o);
    await tabTo(o, link(/^Rückmeldungen \(\d+ offen\)$/), { limit: 400 });
    await pressAndLoad(o);
    await expect.poll(() => o.locator('h1').innerText()).toBe('Rückmeldungen zur Barrierefreiheit');
    expect(await o.locator('main').innerText()).toContain('Das Suchfeld liest mein Bildschirmleser ohne Beschriftung vor.');
    await axeCheck(o);
    await tabTo(o, (f) => f.tag === 'button' && f.name.startsWith('Als beantwortet markieren') && f.name.includes(`/${SLUG}/suche`), { limit: 400 });
    await pressAndLoad(o);
    await expect.poll(() => o.locator('[role="status"]').innerText()).toContain('Die Rückmeldung ist als beantwortet markiert.');
    await expect.poll(() => o.locator('#rueckmeldungen-answered + *').innerText()).toContain('Suchfeld');
    await axeCheck(o);
    expectNoNetwork(officer.blocked);
  });

  it('the statement and its feedback form in Arabic run right to left, clean for axe at 320 px', async () => {
    const narrow = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const p = narrow.page;
    for (const path of [`/${SLUG}/barrierefreiheit?lang=ar`, `/${SLUG}/barrierefreiheit/rueckmeldung?seite=%2F${SLUG}&lang=ar`]) {
      await p.goto(`${server.url}${path}`);
      expect(await p.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await p.locator('html').getAttribute('lang')).toBe('ar');
      await noHorizontalScroll(p);
      await axeCheck(p);
    }
    expect(await p.locator('h1').innerText()).toBe('الإبلاغ عن عائق');
    expect(await p.locator('#feld-page').inputValue()).toBe(`/${SLUG}`);
    expectNoNetwork(narrow.blocked);
  });
  it('the officer’s settings and feedback list in Arabic at 320 px: right to left, no sideways scrolling, clean for axe', async () => {
    const narrow = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const p = narrow.page;
    await p.goto(`${server.url}/anmelden`);
    await p.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await p.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([p.waitForURL((u) => !u.pathname.startsWith('/anmelden')), p.getByRole('button', { name: 'Anmelden' }).click()]);
    for (const path of [`/${SLUG}/verwaltung/barrierefreiheit?lang=ar`, `/${SLUG}/verwaltung/barrierefreiheit/rueckmeldungen?lang=ar`]) {
      await p.goto(`${server.url}${path}`);
      expect(await p.locator('html').getAttribute('dir')).toBe('rtl');
      await noHorizontalScroll(p);
      await axeCheck(p);
    }
    expectNoNetwork(narrow.blocked);
  });
});
