// Leichte Sprache in the browser: the officer writes a text for a field of action with the keyboard alone, sees
// the checker's hints while typing (the script) and after "Prüfen" (the form post), fixes them, records the check
// by a test-reader group and publishes; a resident reaches the text from the field's page through the header link,
// and the LS start page from a measure's page in Arabic through the language switch. axe finds nothing, nothing
// scrolls sideways at 320 px.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, newContext, pressAndLoad, type Server, SLUG, tabTo, useServerAndBrowser } from './browser.js';

const BAD = 'Wir wissen, dass der Kurs nichts kostet.';
const GOOD = ['Der Kurs ist kostenlos.', 'Sie lernen dort Deutsch.', 'Das hilft bei der Arbeit.'];

async function signIn(page: Page, server: Server) {
  await page.goto(`${server.url}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
  await page.getByLabel('Passwort').fill(server.admin.password);
  await Promise.all([page.waitForURL(`${server.url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);
}

const noSideScroll = async (page: Page, what: string) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${what} at 320 px`).toBeLessThanOrEqual(320);

describe.skipIf(!browserAvailable())('Leichte Sprache in the browser', () => {
  let server: Server;
  let browser: Browser;
  let fieldPath = '';

  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  it('the officer writes, checks, fixes, records the test readers’ check and publishes with the keyboard alone', async () => {
    const { page, blocked } = await newContext(browser);
    await signIn(page, server);
    await tabTo(page, 'Leichte Sprache');
    await pressAndLoad(page);
    expect(page.url()).toBe(`${server.url}/${SLUG}/verwaltung/leichte-sprache`);
    expect(await page.locator('main').innerText()).toContain('Handlungsfeld: Sprache und Bildung');
    await axeCheck(page);

    await tabTo(page, 'Text schreiben: Handlungsfeld: Arbeit');
    await pressAndLoad(page);
    expect(page.url()).toMatch(/\/verwaltung\/leichte-sprache\/handlungsfeld\/\d+$/);
    expect(await page.locator('main').innerText()).toContain('Für diese Seite gibt es noch kein Video in Deutscher Gebärdensprache');
    expect(await page.locator('main').innerText()).toContain('In der Demo gibt es kein echtes Video in Gebärdensprache');

    // While typing, the script asks the server's checker and the live region says how many hints there are.
    await tabTo(page, 'Text in Leichter Sprache – optional');
    await page.keyboard.type(BAD);
    await expect.poll(() => page.locator('#easy-hints-live').innerText()).toContain('2 Hinweise');
    expect(await page.locator('#easy-hints').innerText()).toContain('1 Nebensatz');

    // "Prüfen" is an ordinary form post: the page comes back with the hints and the text kept.
    await tabTo(page, 'Prüfen');
    await pressAndLoad(page);
    const hints = await page.locator('#easy-hints').innerText();
    expect(hints).toContain('1 Nebensatz');
    expect(hints).toContain('1 Verneinung');
    expect(hints).toContain('Zeile 1');
    expect(await page.locator('#feld-body').inputValue()).toBe(BAD);
    await axeCheck(page);

    // Fixed: one statement a line, said positively.
    await tabTo(page, 'Text in Leichter Sprache – optional');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    for (const [i, line] of GOOD.entries()) {
      await page.keyboard.type(line);
      if (i < GOOD.length - 1) await page.keyboard.press('Enter');
    }
    await tabTo(page, 'Speichern');
    await pressAndLoad(page);
    expect(await page.locator('.flash').innerText()).toContain('Der Text ist gespeichert.');
    expect(await page.locator('#easy-hints').innerText()).toContain('Das Prüfprogramm hat nichts gefunden.');

    await tabTo(page, 'Prüfgruppe');
    await page.keyboard.type('Prüfgruppe Leichte Sprache Musterstadt (Demo)');
    // The day is today's unless changed; Enter in the field sends the form.
    await pressAndLoad(page);
    expect(await page.locator('.flash').innerText()).toContain('Die Prüfung ist eingetragen.');
    expect(await page.locator('.easy-check-state').innerText()).toContain('Geprüft von Prüfgruppe Leichte Sprache Musterstadt (Demo)');

    await tabTo(page, 'Veröffentlichen');
    await pressAndLoad(page);
    expect(await page.locator('.flash').innerText()).toContain('Der Text ist veröffentlicht.');
    expect(await page.locator('main').innerText()).toContain('Er erscheint als „Leichte Sprache“');
    await axeCheck(page);
    fieldPath = new URL(page.url()).pathname.replace('/verwaltung/leichte-sprache/handlungsfeld/', '/handlungsfelder/');
    expectNoNetwork(blocked);
  });

  it('a resident reaches the text from the field’s page by the header link, and the LS start page from a measure in Arabic by the language switch', async () => {
    const { page, blocked } = await newContext(browser, { viewport: { width: 320, height: 700 } });
    await page.goto(`${server.url}${fieldPath}`);
    await tabTo(page, 'Leichte Sprache');
    await pressAndLoad(page);
    expect(page.url()).toMatch(new RegExp(`/${SLUG}/leichte-sprache/handlungsfeld/\\d+$`));
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    const text = await page.locator('main').innerText();
    expect(text).toContain('Der Kurs ist kostenlos.');
    expect(text).toContain('Diesen Text hat eine Prüf·gruppe geprüft: Prüfgruppe Leichte Sprache Musterstadt (Demo).');
    expect(await page.locator('.easy-label .kern-badge').innerText()).toBe('Leichte Sprache');
    await noSideScroll(page, 'the LS text');
    await axeCheck(page);

    // A measure of the same field, in Arabic: it has no LS text, so the switch leads to the LS start page.
    await page.goto(`${server.url}${fieldPath}?lang=ar`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await page.locator('main a[href*="/massnahmen/"]').first().click();
    await page.waitForURL(/\/massnahmen\/\d+/);
    await tabTo(page, (f) => f.tag === 'summary');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.tag === 'a' && f.name === 'Leichte Sprache' && f.href.includes('von='));
    await pressAndLoad(page);
    expect(new URL(page.url()).pathname).toBe(`/${SLUG}/leichte-sprache`);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    const start = await page.locator('main').innerText();
    expect(start).toContain('Willkommen in Musterstadt');
    expect(start).toContain('So finden Sie sich zurecht');
    expect(start).toContain('Erklärung zur Barriere·freiheit');
    expect(start).toContain('Ein Video in Gebärden·sprache gibt es noch nicht.');
    expect(await page.locator(`main a[href="/${SLUG}/barrierefreiheit"]`).count()).toBe(1);
    await noSideScroll(page, 'the LS start page');
    await axeCheck(page);

    // Leichte Sprache is now the reader's choice: back on the measure (Arabic), its top says it has no LS version
    // and leads to the LS start page; the field's page leads to its LS text.
    await page.goBack();
    await page.reload();
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const notice = page.locator('main > .easy-notice');
    expect(await notice.innerText()).toContain('Diese Seite gibt es nicht in Leichter Sprache.');
    expect(await notice.getAttribute('lang')).toBe('de');
    expect(await notice.locator(`a[href="/${SLUG}/leichte-sprache"]`).count()).toBe(1);
    await noSideScroll(page, 'the measure with the LS note');
    await axeCheck(page);
    await page.goto(`${server.url}${fieldPath}`);
    expect(await page.locator('main > .easy-notice').innerText()).toContain('Diese Seite gibt es in Leichter Sprache.');
    await page.locator('main > .easy-notice a').first().click();
    await page.waitForURL(/\/leichte-sprache\/handlungsfeld\/\d+$/);
    await page.goto(`${server.url}/${SLUG}/leichte-sprache`);

    // The plan overview in LS (checked) and the field not yet checked (Einfache Sprache).
    await page.getByRole('link', { name: 'Der Integrations·plan von Musterstadt' }).click();
    expect(await page.locator('.easy-label .kern-badge').innerText()).toBe('Leichte Sprache');
    await page.goto(`${server.url}/${SLUG}/leichte-sprache`);
    await page.getByRole('link', { name: 'Sprache und Bildung' }).click();
    expect(await page.locator('.easy-label .kern-badge').innerText()).toBe('Einfache Sprache');
    await axeCheck(page);

    // The sign-language page is in the reader's language (Arabic, chosen above) and leads to the LS text.
    await page.goto(`${server.url}/${SLUG}/gebaerdensprache`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.locator('main').innerText()).toContain('لا يوجد بعد فيديو بلغة الإشارة الألمانية لهذا الموقع');
    expect(await page.locator(`main a[href="/${SLUG}/leichte-sprache"]`).count()).toBe(1);
    await noSideScroll(page, 'the sign-language page');
    await axeCheck(page);
    expectNoNetwork(blocked);
  });
});
