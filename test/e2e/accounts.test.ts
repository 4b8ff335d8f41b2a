// Accounts in the browser, with mail read from a real SMTP server: the admin invites an editor, the editor
// chooses a password through the mailed link, changes it on their account page, forgets it and resets it
// through the mailed link; the admin changes the editor's role and removes them. Once with the mouse, once
// with the keyboard alone; and a one-time password replaced at the first sign-in. axe-core checks every page
// on the way, the error states included.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../smtp.js';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Focused, type Server } from './browser.js';

const LINK = /https?:\/\/[^\s"<]+(\/konto\/passwort\/[A-Za-z0-9_-]{43})/;

describe.skipIf(!browserAvailable())('accounts in the browser, with mail and axe', () => {
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

  /** Runs the mail jobs and returns the path of the link in the newest mail to this address. */
  const mailedLink = async (to: string, subject: string) => {
    await server.env.services.jobs.runDueJobs(server.env.now.value);
    const mail = smtp.mails.filter((m) => m.to.includes(to)).pop();
    expect(mail?.subject).toBe(subject);
    return `${server.url}${mail!.text.match(LINK)![1]}`;
  };
  const alert = (page: Page) => page.locator('.kern-alert').first().innerText();

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${server.url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort', { exact: true }).fill(password);
    await Promise.all([page.waitForURL(/\/verwaltung/), page.getByRole('button', { name: 'Anmelden' }).click()]);
  }

  it('invite, choose, change, forget and reset a password; change the role and remove the person', async () => {
    const { url } = server;
    const email = 'erika@musterstadt.example';
    const admin = await newContext(browser);
    const page = admin.page;
    await signIn(page, server.admin.email, server.admin.password);
    await page.getByRole('navigation', { name: 'Verwaltungsnavigation' }).getByRole('link', { name: 'Personen' }).click();
    await page.waitForURL(`${url}/${SLUG}/verwaltung/personen`);
    await axeCheck(page);
    await page.getByLabel('Name').fill('Erika Editor');
    await page.getByLabel('E-Mail-Adresse').fill('kaputt');
    await page.getByRole('button', { name: 'Einladen' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('E-Mail-Adresse');
    await axeCheck(page);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByRole('combobox', { name: 'Rolle' }).selectOption('editor');
    await page.getByRole('button', { name: 'Einladen' }).click();
    await expect.poll(() => alert(page)).toContain(`Die Einladung an ${email} wird per E-Mail verschickt.`);
    await axeCheck(page);
    // At 320 px the page reflows: only the table scrolls in its own box, never the page.
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The editor: the mailed link, a mismatch first, then the password.
    const invite = await mailedLink(email, 'Einladung zu Teilhabe – Musterstadt (Demo)');
    const editor = await newContext(browser);
    const e = editor.page;
    await e.goto(invite);
    await axeCheck(e);
    await e.getByLabel('Neues Passwort', { exact: true }).fill('erikas-erstes-passwort');
    await e.getByLabel('Neues Passwort wiederholen').fill('etwas-ganz-anderes');
    await e.getByRole('button', { name: 'Passwort speichern' }).click();
    await expect.poll(() => e.locator('.error-summary').innerText()).toContain('Neues Passwort wiederholen');
    await axeCheck(e);
    await e.getByLabel('Neues Passwort', { exact: true }).fill('erikas-erstes-passwort');
    await e.getByLabel('Neues Passwort wiederholen').fill('erikas-erstes-passwort');
    await Promise.all([e.waitForURL(`${url}/anmelden`), e.getByRole('button', { name: 'Passwort speichern' }).click()]);
    await axeCheck(e);
    await e.goto(invite);
    await expect.poll(() => e.locator('main').innerText()).toContain('Dieser Link wurde schon benutzt oder ist abgelaufen.');
    await axeCheck(e);

    // Signed in, the editor changes the password on the account page (the link in the header).
    await signIn(e, email, 'erikas-erstes-passwort');
    await e.getByRole('link', { name: 'Mein Konto' }).click();
    await e.waitForURL(`${url}/konto`);
    await axeCheck(e);
    await e.getByLabel('Aktuelles Passwort').fill('falsch-geraten');
    await e.getByLabel('Neues Passwort', { exact: true }).fill('erikas-zweites-passwort');
    await e.getByLabel('Neues Passwort wiederholen').fill('erikas-zweites-passwort');
    await e.getByRole('button', { name: 'Passwort ändern' }).click();
    await expect.poll(() => e.locator('.error-summary').innerText()).toContain('Aktuelles Passwort');
    await axeCheck(e);
    await e.getByLabel('Aktuelles Passwort').fill('erikas-erstes-passwort');
    await e.getByLabel('Neues Passwort', { exact: true }).fill('erikas-zweites-passwort');
    await e.getByLabel('Neues Passwort wiederholen').fill('erikas-zweites-passwort');
    await e.getByRole('button', { name: 'Passwort ändern' }).click();
    await expect.poll(() => alert(e)).toContain('Ihr Passwort wurde geändert.');
    await axeCheck(e);

    // Forgotten: signed out, "Passwort vergessen?" on the sign-in page, the mailed link.
    await e.getByRole('button', { name: /^Abmelden/ }).click();
    await e.waitForURL(`${url}/`);
    await e.goto(`${url}/anmelden`);
    await e.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await e.waitForURL(`${url}/konto/passwort-vergessen`);
    await axeCheck(e);
    await e.getByLabel('E-Mail-Adresse').fill(email);
    await e.getByRole('button', { name: 'Link anfordern' }).click();
    await expect.poll(() => alert(e)).toContain('Wenn es ein Konto zu dieser Adresse gibt, haben wir eine Mail geschickt');
    await axeCheck(e);
    const reset = await mailedLink(email, 'Ihr Passwort für Teilhabe');
    await e.goto(reset);
    await axeCheck(e);
    await e.getByLabel('Neues Passwort', { exact: true }).fill('erikas-drittes-passwort');
    await e.getByLabel('Neues Passwort wiederholen').fill('erikas-drittes-passwort');
    await Promise.all([e.waitForURL(`${url}/anmelden`), e.getByRole('button', { name: 'Passwort speichern' }).click()]);
    await signIn(e, email, 'erikas-drittes-passwort');
    await axeCheck(e);

    // The admin: the role, then the removal, each with its confirmation page.
    await page.goto(`${url}/${SLUG}/verwaltung/personen`);
    await page.getByRole('link', { name: 'Rolle ändern Erika Editor' }).click();
    await axeCheck(page);
    await page.getByRole('combobox', { name: 'Rolle' }).selectOption('admin');
    await page.getByRole('button', { name: 'Rolle speichern' }).click();
    await expect.poll(() => alert(page)).toContain('Erika Editor hat jetzt die Rolle „Administration der Kommune“.');
    await axeCheck(page);
    await page.getByRole('link', { name: 'Entfernen Erika Editor' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('verliert sofort den Zugang');
    await axeCheck(page);
    await page.getByRole('button', { name: 'Jetzt entfernen' }).click();
    await expect.poll(() => alert(page)).toContain('Erika Editor wurde aus Musterstadt (Demo) entfernt.');
    await axeCheck(page);
    expect(await page.locator('table').innerText()).not.toContain(email);
    await e.reload();
    await expect.poll(() => e.locator('h1').innerText()).toBe('Seite nicht gefunden');

    expectNoNetwork(admin.blocked);
    expectNoNetwork(editor.blocked);
    await admin.context.close();
    await editor.context.close();
  });

  it('a one-time password leads to choosing one\'s own first', async () => {
    const { url, env } = server;
    const mid = (await env.services.municipalities.getBySlug(SLUG)).id;
    const id = await env.services.auth.createUser({ email: 'olga@musterstadt.example', name: 'Olga Einmal', password: 'Abcde-Fghij-Klmno-Pqrst', mustChangePassword: true });
    await env.services.auth.addMembership(mid, id, 'editor');
    const { context, page, blocked } = await newContext(browser);
    await page.goto(`${url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill('olga@musterstadt.example');
    await page.getByLabel('Passwort', { exact: true }).fill('Abcde-Fghij-Klmno-Pqrst');
    await Promise.all([page.waitForURL(`${url}/konto`), page.getByRole('button', { name: 'Anmelden' }).click()]);
    await expect.poll(() => page.locator('main').innerText()).toContain('Sie haben sich mit einem Einmal-Passwort angemeldet.');
    await axeCheck(page);
    await page.goto(`${url}/${SLUG}/verwaltung`);
    expect(page.url()).toBe(`${url}/konto`);
    await page.getByLabel('Einmal-Passwort').fill('Abcde-Fghij-Klmno-Pqrst');
    await page.getByLabel('Neues Passwort', { exact: true }).fill('olgas-eigenes-passwort');
    await page.getByLabel('Neues Passwort wiederholen').fill('olgas-eigenes-passwort');
    await Promise.all([page.waitForURL(`${url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Passwort ändern' }).click()]);
    await axeCheck(page);
    expectNoNetwork(blocked);
    await context.close();
  });

  const link = (name: string | RegExp) => (f: Focused) => f.tag === 'a' && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const button = (name: string | RegExp) => (f: Focused) => f.tag === 'button' && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const field = (name: string) => (f: Focused) => ['input', 'select'].includes(f.tag) && f.name === name;

  /** Moves a focused closed select to the option with this label by arrow keys. */
  async function choose(page: Page, label: string) {
    const steps = await page.evaluate((l) => {
      const s = document.activeElement as HTMLSelectElement;
      return [...s.options].findIndex((o) => o.text === l) - s.selectedIndex;
    }, label);
    for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  }

  it('the same with the keyboard alone', async () => {
    const { url } = server;
    const email = 'kai@musterstadt.example';
    const admin = await newContext(browser);
    const page = admin.page;
    await page.goto(`${url}/anmelden`);
    await tabTo(page, field('E-Mail-Adresse'));
    await page.keyboard.type(server.admin.email);
    await tabTo(page, field('Passwort'));
    await page.keyboard.type(server.admin.password);
    await pressAndLoad(page);
    await tabTo(page, link('Personen'));
    await pressAndLoad(page);
    await tabTo(page, field('Name'));
    await page.keyboard.type('Kai Tastatur');
    await tabTo(page, field('E-Mail-Adresse'));
    await page.keyboard.type(email);
    await tabTo(page, field('Rolle'));
    await choose(page, 'Redaktion');
    await tabTo(page, button('Einladen'));
    await pressAndLoad(page);
    await expect.poll(() => alert(page)).toContain(`Die Einladung an ${email} wird per E-Mail verschickt.`);
    await axeCheck(page);

    const kai = await newContext(browser);
    const k = kai.page;
    await k.goto(await mailedLink(email, 'Einladung zu Teilhabe – Musterstadt (Demo)'));
    await tabTo(k, field('Neues Passwort'));
    await k.keyboard.type('kais-erstes-passwort');
    await tabTo(k, field('Neues Passwort wiederholen'));
    await k.keyboard.type('kais-erstes-passwort');
    await pressAndLoad(k);
    expect(k.url()).toBe(`${url}/anmelden`);
    await tabTo(k, field('E-Mail-Adresse'));
    await k.keyboard.type(email);
    await tabTo(k, field('Passwort'));
    await k.keyboard.type('kais-erstes-passwort');
    await pressAndLoad(k);
    await tabTo(k, link('Mein Konto'));
    await pressAndLoad(k);
    await tabTo(k, field('Aktuelles Passwort'));
    await k.keyboard.type('kais-erstes-passwort');
    await tabTo(k, field('Neues Passwort'));
    await k.keyboard.type('kais-zweites-passwort');
    await tabTo(k, field('Neues Passwort wiederholen'));
    await k.keyboard.type('kais-zweites-passwort');
    await tabTo(k, button('Passwort ändern'));
    await pressAndLoad(k);
    await expect.poll(() => alert(k)).toContain('Ihr Passwort wurde geändert.');
    await tabTo(k, button(/^Abmelden/));
    await pressAndLoad(k);
    await tabTo(k, link('Anmelden'));
    await pressAndLoad(k);
    await tabTo(k, link('Passwort vergessen?'));
    await pressAndLoad(k);
    await tabTo(k, field('E-Mail-Adresse'));
    await k.keyboard.type(email);
    await pressAndLoad(k);
    await expect.poll(() => alert(k)).toContain('Wenn es ein Konto zu dieser Adresse gibt');
    await k.goto(await mailedLink(email, 'Ihr Passwort für Teilhabe'));
    await tabTo(k, field('Neues Passwort'));
    await k.keyboard.type('kais-drittes-passwort');
    await tabTo(k, field('Neues Passwort wiederholen'));
    await k.keyboard.type('kais-drittes-passwort');
    await pressAndLoad(k);
    expect(k.url()).toBe(`${url}/anmelden`);
    await axeCheck(k);

    await tabTo(page, link('Rolle ändern Kai Tastatur'));
    await pressAndLoad(page);
    await tabTo(page, field('Rolle'));
    await choose(page, 'Administration der Kommune');
    await tabTo(page, button('Rolle speichern'));
    await pressAndLoad(page);
    await expect.poll(() => alert(page)).toContain('Kai Tastatur hat jetzt die Rolle „Administration der Kommune“.');
    await tabTo(page, link('Entfernen Kai Tastatur'));
    await pressAndLoad(page);
    await tabTo(page, button('Jetzt entfernen'));
    await pressAndLoad(page);
    await expect.poll(() => alert(page)).toContain('Kai Tastatur wurde aus Musterstadt (Demo) entfernt.');
    await axeCheck(page);
    expectNoNetwork(admin.blocked);
    expectNoNetwork(kai.blocked);
    await admin.context.close();
    await kai.context.close();
  });
});
