// A working group in the browser, with mail read from a real SMTP server: a resident asks to join on the
// public group page with the keyboard alone, the group's lead accepts, and the resident sets a password from
// the invitation mail, signs in and sees the group's internal area. axe-core checks every page on the way;
// the public group page reflows at 320 px.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../smtp.js';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Server } from './browser.js';

const LINK = /https?:\/\/[^\s"<]+(\/konto\/passwort\/[A-Za-z0-9_-]{43})/;
const GROUP = 'AG Sprache und Bildung (Beispiel)';
const LEAD = 'ag-sprache-leitung@musterstadt.example';
const LEAD_PW = 'leitung-passwort-2026';

describe.skipIf(!browserAvailable())('working groups in the browser, with mail and axe', () => {
  let smtp: TestSmtp;
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    smtp = await startSmtp();
    [server, browser] = await Promise.all([startServer(smtp.env), launchBrowser()]);
    await server.env.services.auth.setPassword((await server.env.services.auth.findUserByEmail(LEAD))!.id, LEAD_PW);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('a resident asks to join with the keyboard, the lead accepts, the resident sees the internal area', async () => {
    const { url } = server;
    const resident = await newContext(browser);
    const r = resident.page;

    // The public list and the group page, reached with the keyboard.
    await r.goto(`${url}/${SLUG}/arbeitsgruppen`);
    await axeCheck(r);
    await tabTo(r, GROUP);
    await pressAndLoad(r);
    expect(r.url()).toMatch(new RegExp(`/${SLUG}/arbeitsgruppen/\\d+$`));
    await axeCheck(r);
    expect(await r.locator('main').innerText()).not.toContain('Amira Demir');
    await r.setViewportSize({ width: 320, height: 900 });
    expect(await r.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await r.setViewportSize({ width: 1280, height: 900 });

    // A mistake first: the error summary, the message at the field, what was typed kept.
    await tabTo(r, /^Ihr Name/);
    await r.keyboard.type('Rosa Resident');
    await tabTo(r, /^Ihre E-Mail-Adresse/);
    await r.keyboard.type('rosa-ohne-at');
    await tabTo(r, 'Anfrage senden');
    await pressAndLoad(r);
    expect(await r.locator('.error-summary').innerText()).toContain('Ihre E-Mail-Adresse');
    expect(await r.locator('#feld-name').inputValue()).toBe('Rosa Resident');
    await axeCheck(r);
    // (The error summary's links come first and carry the fields' names: the fields are found by their ids.)
    await tabTo(r, (f) => f.id === 'feld-email');
    await r.keyboard.press('Control+A');
    await r.keyboard.type('rosa@example.org');
    await tabTo(r, (f) => f.id === 'feld-motivation');
    await r.keyboard.type('Ich helfe gern beim Sprachcafé.');
    await tabTo(r, 'Anfrage senden');
    await pressAndLoad(r);
    expect(await r.locator('main').innerText()).toContain('Ihre Anfrage wurde gesendet.');
    await axeCheck(r);

    // The lead gets a mail, signs in and accepts.
    await server.env.services.jobs.runDueJobs(server.env.now.value);
    expect(smtp.mails.some((m) => m.to.includes(LEAD) && m.subject.includes(GROUP))).toBe(true);
    const lead = await newContext(browser);
    const l = lead.page;
    await l.goto(`${url}/anmelden`);
    await l.getByLabel('E-Mail-Adresse').fill(LEAD);
    await l.getByLabel('Passwort', { exact: true }).fill(LEAD_PW);
    await Promise.all([l.waitForURL(/\/meine-gruppen$/), l.getByRole('button', { name: 'Anmelden' }).click()]);
    await axeCheck(l);
    await l.getByRole('link', { name: GROUP }).click();
    await l.waitForURL(/\/meine-gruppen\/\d+$/);
    await axeCheck(l);
    await l.getByRole('link', { name: /^Anfragen/ }).click();
    await l.waitForURL(/\/anfragen$/);
    await axeCheck(l);
    const decision = l.getByRole('group', { name: 'Entscheidung über die Anfrage von Rosa Resident' });
    await decision.getByLabel(/^Annehmen/).check();
    const form = l.locator('form', { has: decision });
    await form.getByLabel(/^Nachricht an die Person/).fill('Herzlich willkommen!');
    await Promise.all([l.waitForURL(/\/anfragen$/), form.getByRole('button', { name: 'Entscheidung speichern' }).click()]);
    expect(await l.locator('main').innerText()).toContain('Die Anfrage wurde angenommen.');
    await axeCheck(l);

    // The resident: the decision and the invitation by mail, a password, signing in with the keyboard.
    await server.env.services.jobs.runDueJobs(server.env.now.value);
    const mails = smtp.mails.filter((m) => m.to.includes('rosa@example.org'));
    expect(mails.find((m) => m.subject.startsWith('Willkommen in der Arbeitsgruppe'))?.text).toContain('Herzlich willkommen!');
    const link = mails.map((m) => LINK.exec(m.text)).find(Boolean);
    expect(link).toBeTruthy();
    await r.goto(`${url}${link![1]}`);
    await axeCheck(r);
    await tabTo(r, /^Neues Passwort$|^Neues Passwort /);
    await r.keyboard.type('rosas-passwort-2026');
    await tabTo(r, /^Neues Passwort wiederholen/);
    await r.keyboard.type('rosas-passwort-2026');
    await tabTo(r, 'Passwort speichern');
    await pressAndLoad(r);
    expect(r.url()).toBe(`${url}/anmelden`);
    await tabTo(r, /^E-Mail-Adresse/);
    await r.keyboard.type('rosa@example.org');
    await tabTo(r, /^Passwort/);
    await r.keyboard.type('rosas-passwort-2026');
    await r.keyboard.press('Enter');
    await r.waitForURL(/\/meine-gruppen$/);
    await axeCheck(r);
    await tabTo(r, GROUP);
    await pressAndLoad(r);
    const internal = await r.locator('main').innerText();
    expect(internal).toContain('Interner Bereich der Arbeitsgruppe');
    expect(internal).toContain('Rosa Resident');
    expect(internal).toContain('Aufgaben');
    await axeCheck(r);
    expectNoNetwork(resident.blocked);
    expectNoNetwork(lead.blocked);
  });
});
