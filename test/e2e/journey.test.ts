// The admin adds a goal and a measure, changes its status with a note and publishes;
// a resident finds the measure by search and sees the new status and its history. axe-core checks every
// page on the way for WCAG 2.1 A/AA; then the same journey again with the keyboard alone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Focused, type Server } from './browser.js';

const GOAL = 'Neu zugewanderte Familien finden in den ersten Monaten Anschluss';
const MEASURE = 'Sprachpatenschaften für neu zugewanderte Familien';
const NUMBER = '42';
const STATUS = 'In Umsetzung';
const NOTE = 'Erste Patenschaften vermittelt';

const heading = (page: Page) => page.locator('h1').innerText();

describe.skipIf(!browserAvailable())('journey: plan to resident, with the mouse', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('admin adds a goal and a measure, changes its status, publishes; a resident finds it', async () => {
    const { url } = server;
    const admin = await newContext(browser);
    const page = admin.page;

    // Sign in.
    await page.goto(`${url}/anmelden`);
    await axeCheck(page);
    await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await page.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([page.waitForURL(`${url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);
    await axeCheck(page);

    // The plan workspace.
    await page.locator('.card h3 a').first().click();
    await expect.poll(() => heading(page)).toContain('Integrationsplan');
    const workspace = page.url();
    await axeCheck(page);

    // A goal in the first field of action.
    await page.getByRole('link', { name: /^Ziel anlegen/ }).first().click();
    await axeCheck(page);
    // Sent empty first: the form comes back with its error summary, which must be accessible too.
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Ziel');
    await axeCheck(page);
    await page.locator('.error-summary a').first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feld-text');
    await page.getByLabel('Ziel', { exact: true }).fill(GOAL);
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await page.waitForURL((u) => u.pathname === new URL(workspace).pathname);
    await expect.poll(() => page.locator('.kern-alert').innerText()).toContain('Das Ziel wurde angelegt.');
    await axeCheck(page);

    // A measure under that goal.
    await page.getByRole('link', { name: /^Maßnahme anlegen/ }).first().click();
    await axeCheck(page);
    await page.getByLabel('Beschreibung der Maßnahme').fill(MEASURE);
    await page.getByRole('textbox', { name: /^Nummer/ }).fill(NUMBER);
    const goalOption = await page.locator('#feld-goal_id option', { hasText: GOAL }).getAttribute('value');
    await page.getByRole('combobox', { name: /^Ziel/ }).selectOption(goalOption!);
    await page.getByRole('button', { name: 'Anlegen' }).click();
    // Creating a measure leads to its admin page.
    await page.waitForURL(/\/verwaltung\/massnahmen\/\d+$/);
    const measureId = page.url().match(/massnahmen\/(\d+)$/)![1];
    await expect.poll(() => heading(page)).toBe(`Maßnahme ${NUMBER}`);
    await axeCheck(page);

    // Its status, with a note.
    await page.getByLabel('Status (Wortlaut des Plans)').fill(STATUS);
    await page.getByLabel('Begründung oder Notiz zur Änderung').fill(NOTE);
    await page.getByRole('button', { name: 'Status speichern' }).click();
    await expect.poll(() => page.locator('.kern-alert').innerText()).toContain('Der Status wurde geändert');
    await expect(page.locator('#history-title + ol').innerText()).resolves.toContain(NOTE);
    await axeCheck(page);

    // Back to the workspace: draft first (then nobody outside sees the measure), then publish.
    await page.getByRole('navigation', { name: 'Brotkrumennavigation' }).getByRole('link').last().click();
    await page.getByRole('button', { name: 'Zurück in den Entwurf' }).click();
    await expect.poll(() => page.locator('.kern-alert').innerText()).toContain('wieder ein Entwurf');
    await axeCheck(page);

    const outsider = await newContext(browser);
    const hidden = await outsider.page.goto(`${url}/${SLUG}/massnahmen/${measureId}`);
    expect(hidden?.status()).toBe(404);
    expect(await outsider.page.content()).not.toContain(MEASURE);
    await axeCheck(outsider.page);
    await outsider.context.close();

    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await expect.poll(() => page.locator('.kern-alert').innerText()).toContain('Der Plan ist veröffentlicht.');
    await axeCheck(page);
    expectNoNetwork(admin.blocked);
    await admin.context.close();

    // A resident, not signed in, searches and finds it.
    const resident = await newContext(browser);
    const r = resident.page;
    await r.goto(`${url}/${SLUG}`);
    await axeCheck(r);
    await r.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Suche' }).click();
    await axeCheck(r);
    await r.getByLabel('Suchbegriff').fill('Sprachpatenschaft');
    await r.getByRole('button', { name: 'Suchen' }).click();
    await r.waitForURL(/q=Sprachpatenschaft/);
    await axeCheck(r);
    await r.getByRole('link', { name: new RegExp(MEASURE) }).click();
    await r.waitForURL(`${url}/${SLUG}/massnahmen/${measureId}`);
    await axeCheck(r);
    expect(await heading(r)).toBe(`Maßnahme ${NUMBER}`);
    const status = await r.locator('dl.facts').innerText();
    expect(status).toContain(STATUS);
    const history = await r.locator('#history-title + ol').innerText();
    expect(history).toContain(`zu „${STATUS}“`);
    expect(history).toContain(NOTE);
    expectNoNetwork(resident.blocked);
    await resident.context.close();
  });
});

describe.skipIf(!browserAvailable())('journey: plan to resident, with the keyboard alone', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const link = (name: string | RegExp) => (f: Focused) => f.tag === 'a' && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const button = (name: string | RegExp) => (f: Focused) => f.tag === 'button' && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const field = (name: string | RegExp) => (f: Focused) => ['input', 'textarea', 'select'].includes(f.tag) && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const flash = (page: Page) => page.locator('.kern-alert').innerText();

  it('the same journey: Tab, Enter, Space, arrow keys and typing only', async () => {
    const { url } = server;
    const admin = await newContext(browser);
    const page = admin.page;

    // The one URL typed in: the start page. From here on only keys.
    await page.goto(`${url}/`);
    await axeCheck(page);
    await tabTo(page, link('Anmelden'));
    await pressAndLoad(page);
    expect(new URL(page.url()).pathname).toBe('/anmelden');
    await axeCheck(page);
    await tabTo(page, field('E-Mail-Adresse'));
    await page.keyboard.type(server.admin.email);
    await tabTo(page, field('Passwort'));
    await page.keyboard.type(server.admin.password);
    await pressAndLoad(page); // Enter in a text field submits its form
    expect(new URL(page.url()).pathname).toBe(`/${SLUG}/verwaltung`);
    await axeCheck(page);

    // The skip link works and leads into the content; the first plan is the demo plan.
    const skip = await tabTo(page, link('Zum Inhalt springen'));
    expect(skip.href).toBe('#inhalt');
    await page.keyboard.press('Enter');
    await tabTo(page, link(/^Integrationsplan/));
    await pressAndLoad(page);
    expect(await heading(page)).toContain('Integrationsplan');
    const workspace = new URL(page.url()).pathname;
    await axeCheck(page);

    // A goal in the first field of action.
    await tabTo(page, link(/^Ziel anlegen/));
    await pressAndLoad(page);
    await axeCheck(page);
    await tabTo(page, field('Ziel'));
    await page.keyboard.type(GOAL);
    await tabTo(page, button('Anlegen'));
    await pressAndLoad(page);
    expect(new URL(page.url()).pathname).toBe(workspace);
    expect(await flash(page)).toContain('Das Ziel wurde angelegt.');
    await axeCheck(page);

    // A measure under that goal. The page returned to the field (#field-…), so Tab continues from there.
    await tabTo(page, link(/^Maßnahme anlegen/));
    await pressAndLoad(page);
    await axeCheck(page);
    await tabTo(page, field('Beschreibung der Maßnahme'));
    await page.keyboard.type(MEASURE);
    await tabTo(page, field(/^Nummer/));
    await page.keyboard.type(NUMBER);
    await tabTo(page, field(/^Ziel/));
    // Arrow keys move through the closed select; count the steps from what the page shows.
    const steps = await page.locator('#feld-goal_id').evaluate((s: HTMLSelectElement, goal) => [...s.options].findIndex((o) => o.text.endsWith(goal)) - s.selectedIndex, GOAL);
    expect(steps).toBeGreaterThan(0);
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#feld-goal_id option:checked').innerText()).toContain(GOAL);
    await tabTo(page, button('Anlegen'));
    await pressAndLoad(page, 'Space');
    expect(page.url()).toMatch(/\/verwaltung\/massnahmen\/\d+$/);
    const measureId = page.url().match(/massnahmen\/(\d+)$/)![1];
    expect(await heading(page)).toBe(`Maßnahme ${NUMBER}`);
    await axeCheck(page);

    // Its status, with a note.
    await tabTo(page, field('Status (Wortlaut des Plans)'));
    await page.keyboard.type(STATUS);
    await tabTo(page, field(/^Begründung oder Notiz zur Änderung/));
    await page.keyboard.type(NOTE);
    await tabTo(page, button('Status speichern'));
    await pressAndLoad(page);
    expect(await flash(page)).toContain('Der Status wurde geändert');
    expect(await page.locator('#history-title + ol').innerText()).toContain(NOTE);
    await axeCheck(page);

    // Back to the plan by its breadcrumb, into draft, and (while a resident gets 404) published again.
    await tabTo(page, link(/^Integrationsplan/));
    await pressAndLoad(page);
    expect(new URL(page.url()).pathname).toBe(workspace);
    await tabTo(page, button('Zurück in den Entwurf'));
    await pressAndLoad(page);
    expect(await flash(page)).toContain('wieder ein Entwurf');
    await axeCheck(page);

    const outsider = await newContext(browser);
    const hidden = await outsider.context.request.get(`${url}/${SLUG}/massnahmen/${measureId}`);
    expect(hidden.status()).toBe(404);
    expect(await hidden.text()).not.toContain(MEASURE);
    await outsider.context.close();

    await tabTo(page, button('Veröffentlichen'));
    await pressAndLoad(page, 'Space');
    expect(await flash(page)).toContain('Der Plan ist veröffentlicht.');
    await axeCheck(page);
    expectNoNetwork(admin.blocked);
    await admin.context.close();

    // The resident, from the start page, with the keyboard.
    const resident = await newContext(browser);
    const r = resident.page;
    await r.goto(`${url}/`);
    await axeCheck(r);
    await tabTo(r, link('Musterstadt (Demo)'));
    await pressAndLoad(r);
    await axeCheck(r);
    await tabTo(r, link('Suche'));
    await pressAndLoad(r);
    expect(new URL(r.url()).pathname).toBe(`/${SLUG}/suche`);
    await axeCheck(r);
    await tabTo(r, field('Suchbegriff'));
    await r.keyboard.type('Sprachpatenschaft');
    await pressAndLoad(r);
    await axeCheck(r);
    await tabTo(r, link(new RegExp(MEASURE)));
    await pressAndLoad(r);
    expect(new URL(r.url()).pathname).toBe(`/${SLUG}/massnahmen/${measureId}`);
    await axeCheck(r);
    expect(await heading(r)).toBe(`Maßnahme ${NUMBER}`);
    expect(await r.locator('dl.facts').innerText()).toContain(STATUS);
    const history = await r.locator('#history-title + ol').innerText();
    expect(history).toContain(`zu „${STATUS}“`);
    expect(history).toContain(NOTE);
    expectNoNetwork(resident.blocked);
    await resident.context.close();
  });
});
