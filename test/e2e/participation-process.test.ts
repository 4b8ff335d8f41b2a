// The participation process in the browser: the public timeline of the demo municipality shows the current
// phase ("Wir sind hier") and a phase's public document (downloaded, named after its title), and reflows at
// 320 px; the officer uploads a document to a phase (a refused file first) and deletes it, creates an event and
// adds its programme with the keyboard alone; axe-core finds nothing on any page of the process, the events
// and their forms.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, newContext, pressAndLoad, type Server, SLUG, tabTo, useServerAndBrowser } from './browser.js';

async function signIn(page: Page, server: Server) {
  await page.goto(`${server.url}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
  await page.getByLabel('Passwort').fill(server.admin.password);
  await Promise.all([page.waitForURL(`${server.url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);
}

describe.skipIf(!browserAvailable())('participation process in the browser', () => {
  let server: Server;
  let browser: Browser;

  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  it('the public timeline shows the current phase and a phase’s document (a download), reflows at 320 px, and the event pages pass axe', async () => {
    const { page, blocked } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}/${SLUG}`);
    const box = page.locator('section.process-box');
    expect(await box.innerText()).toContain('Aktuelle Phase: Werkstätten in den Handlungsfeldern');
    await axeCheck(page);

    await box.getByRole('link', { name: 'Zur Zeitleiste des Beteiligungsprozesses' }).click();
    await page.waitForURL(`${server.url}/${SLUG}/beteiligung`);
    const current = page.locator('ol.timeline > li[aria-current="step"]');
    expect(await current.count()).toBe(1);
    expect(await current.locator('h3').first().innerText()).toContain('Werkstätten in den Handlungsfeldern');
    expect(await current.innerText()).toContain('Wir sind hier');
    expect(await page.locator('ol.timeline > li').count()).toBe(8);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'timeline width at 320 px').toBeLessThanOrEqual(320);
    await axeCheck(page);
    // The kickoff's agenda: listed with its type and size, and only ever a download named after its title.
    const kickoff = page.locator('ol.timeline > li').first();
    const agenda = kickoff.getByRole('link', { name: 'Tagesordnung der Auftaktveranstaltung (Beispiel)' });
    expect(await kickoff.innerText()).toMatch(/Tagesordnung der Auftaktveranstaltung \(Beispiel\) \(Tagesordnung · TXT, 1 KB\)/);
    const [download] = await Promise.all([page.waitForEvent('download'), agenda.click()]);
    expect(download.suggestedFilename()).toBe('Tagesordnung der Auftaktveranstaltung (Beispiel).txt');
    const saved = await download.path();
    expect(readFileSync(saved!, 'utf8')).toContain('Beispieldaten der Demo-Kommune Musterstadt');
    expect(page.url()).toBe(`${server.url}/${SLUG}/beteiligung`);

    await page.goto(`${server.url}/${SLUG}/veranstaltungen`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'events width at 320 px').toBeLessThanOrEqual(320);
    await axeCheck(page);
    await page.getByRole('link', { name: 'Auftaktveranstaltung zur Integrationsplanung' }).click();
    await page.waitForURL(/\/veranstaltungen\/\d+$/);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Samstag');
    expect(text).toContain('Begrüßung durch den Oberbürgermeister');
    expect(text).toContain('Stufenloser Zugang');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'event width at 320 px').toBeLessThanOrEqual(320);
    await axeCheck(page);
    // A video conference: online, the link is not on its page.
    await page.goto(`${server.url}/${SLUG}/veranstaltungen`);
    await page.getByRole('link', { name: /^Videokonferenz:/ }).first().click();
    await page.waitForURL(/\/veranstaltungen\/\d+$/);
    expect(await page.content()).not.toContain('video.example');
    await axeCheck(page);
    expectNoNetwork(blocked);
  });

  it('the officer uploads and deletes a phase’s document, creates an event and adds its programme with the keyboard alone; every admin page passes axe', async () => {
    const { page, blocked } = await newContext(browser);
    await signIn(page, server);

    await page.getByRole('navigation', { name: 'Verwaltungsnavigation' }).getByRole('link', { name: 'Beteiligungsprozess', exact: true }).click();
    await page.waitForURL(`${server.url}/${SLUG}/verwaltung/beteiligung`);
    await axeCheck(page);
    await page.getByRole('link', { name: 'Gemeinsam zum Integrationsplan – der Beteiligungsprozess' }).click();
    await page.waitForURL(/\/verwaltung\/beteiligung\/\d+$/);
    expect(await page.locator('main').innerText()).toContain('Wir sind hier');
    await axeCheck(page);
    const processUrl = page.url();

    // A document for the draft phase: a refused file first (the message at the field, the title kept), then a PDF.
    await page.getByRole('link', { name: /^Dokument hochladen\W+Entwurf des Integrationsplans$/ }).click();
    await page.waitForURL(/\/phasen\/\d+\/dokumente\/neu$/);
    await axeCheck(page);
    await page.getByLabel('Titel', { exact: true }).fill('Entwurf Kapitel Sprache');
    await page.getByLabel('Art', { exact: true }).selectOption('draft');
    await page.getByLabel('Datei', { exact: true }).setInputFiles({ name: 'entwurf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('kein PDF, nur Text') });
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Hochladen' }).click()]);
    expect(await page.locator('#feld-file-error').innerText()).toContain('Diese Datei wird nicht angenommen');
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe('Entwurf Kapitel Sprache');
    await axeCheck(page);
    await page.getByLabel('Datei', { exact: true }).setInputFiles({ name: 'entwurf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') });
    await Promise.all([page.waitForURL(/\/verwaltung\/beteiligung\/\d+#phase-\d+$/), page.getByRole('button', { name: 'Hochladen' }).click()]);
    expect(await page.locator('main').innerText()).toContain('Entwurf Kapitel Sprache (Entwurf · PDF, 1 KB · öffentlich');
    await axeCheck(page);
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'process page width at 320 px').toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: /^Löschen\W+Entwurf Kapitel Sprache$/ }).click();
    await page.waitForURL(/\/dokumente\/\d+\/loeschen$/);
    await axeCheck(page);
    await Promise.all([page.waitForURL(/\/verwaltung\/beteiligung\/\d+#phase-\d+$/), page.getByRole('button', { name: 'Endgültig löschen' }).click()]);
    expect(await page.locator('main').innerText()).not.toContain('Entwurf Kapitel Sprache');
    await page.goto(processUrl);

    // A phase's form, and the same form with a mistake: the error summary and the message at the field.
    await page.getByRole('link', { name: 'Phase hinzufügen' }).click();
    await axeCheck(page);
    await page.getByLabel('Titel der Phase').fill('Nächste Fortschreibung');
    await page.getByLabel('Beginn').fill('2031-05-01');
    await page.getByLabel(/^Ende/).fill('2031-04-01');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Anlegen' }).click()]);
    expect(await page.locator('.error-summary').innerText()).toContain('Das Ende darf nicht vor dem Beginn liegen.');
    await axeCheck(page);

    await page.goto(`${server.url}/${SLUG}/verwaltung/veranstaltungen`);
    await axeCheck(page);
    await page.getByRole('link', { name: 'Neue Veranstaltung' }).click();
    await page.waitForURL(`${server.url}/${SLUG}/verwaltung/veranstaltungen/neu`);
    await axeCheck(page);
    await page.getByLabel('Art', { exact: true }).selectOption('info_evening');
    await page.getByLabel('Titel', { exact: true }).fill('Informationsabend zum Entwurf');
    await page.getByLabel('Datum').fill('2030-06-12');
    await page.getByLabel('Beginn (Uhrzeit)').fill('19:00');
    await page.getByLabel('Ende (Uhrzeit)').fill('21:00');
    await page.getByLabel(/^Name des Ortes/).fill('Rathaus, Ratssaal');
    await page.getByLabel(/^Adresse/).fill('Marktplatz 1\n12345 Musterstadt');
    await page.getByLabel(/^Plätze/).fill('40');
    await Promise.all([page.waitForURL(/\/verwaltung\/veranstaltungen\/\d+$/), page.getByRole('button', { name: 'Anlegen' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Informationsabend zum Entwurf');
    await axeCheck(page);

    // The programme, with the keyboard alone: the link, the three fields, the button.
    await tabTo(page, 'Programmpunkt hinzufügen');
    await pressAndLoad(page);
    await axeCheck(page);
    await tabTo(page, /^Uhrzeit/);
    await page.keyboard.type('19:00');
    await tabTo(page, 'Titel des Programmpunkts');
    await page.keyboard.type('Vorstellung des Entwurfs');
    await tabTo(page, /^Wer spricht oder leitet/);
    await page.keyboard.type('Kontaktstelle für Integration');
    await tabTo(page, 'Anlegen');
    await pressAndLoad(page);
    await tabTo(page, 'Programmpunkt hinzufügen');
    await pressAndLoad(page);
    await tabTo(page, /^Uhrzeit/);
    await page.keyboard.type('20:00');
    await tabTo(page, 'Titel des Programmpunkts');
    await page.keyboard.type('Fragen und Austausch');
    await tabTo(page, 'Anlegen');
    await pressAndLoad(page);
    const items = page.locator('ol.programme > li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).innerText()).toContain('Vorstellung des Entwurfs');
    expect(await items.nth(1).innerText()).toContain('Fragen und Austausch');
    // Publish with the keyboard, then the public page shows the programme.
    await tabTo(page, 'Veröffentlichen');
    await pressAndLoad(page);
    expect(await page.locator('main').innerText()).toContain('Veröffentlicht');
    await axeCheck(page);
    const id = /\/veranstaltungen\/(\d+)$/.exec(page.url())![1];
    await page.goto(`${server.url}/${SLUG}/veranstaltungen/${id}`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Vorstellung des Entwurfs');
    expect(text).toContain('noch 40 Plätze frei');
    await axeCheck(page);

    // The edit form and the delete confirmation.
    await page.goto(`${server.url}/${SLUG}/verwaltung/veranstaltungen/${id}/bearbeiten`);
    await axeCheck(page);
    await page.goto(`${server.url}/${SLUG}/verwaltung/veranstaltungen/${id}/loeschen`);
    await axeCheck(page);
    expectNoNetwork(blocked);
  });
});
