// The officer's workspace of a plan with 43 measures: a filter that lives in the address (works without
// JavaScript), fields that fold, one line and one link per measure, so that the keyboard reaches measure 8
// in a few dozen presses of Tab instead of 126. axe-core checks every page on the way.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, focused, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Server } from './browser.js';

async function signIn(page: Page, server: Server): Promise<void> {
  await page.goto(`${server.url}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
  await page.getByLabel('Passwort').fill(server.admin.password);
  await Promise.all([page.waitForURL(`${server.url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);
}

describe.skipIf(!browserAvailable())('the plan workspace', () => {
  let server: Server;
  let browser: Browser;
  let workspace: string;
  let measure8: { id: number; fieldId: number; fieldTitle: string };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { services } = server.env;
    const m = (await services.municipalities.findBySlug(SLUG))!;
    const plan = (await services.plans.findCurrentPublishedPlan(m.id))!;
    workspace = `${server.url}/${SLUG}/verwaltung/plaene/${plan.id}`;
    const tree = await services.plans.tree(m.id, plan.id);
    const field = tree.fields.find((f) => f.goals.some((g) => g.measures.some((x) => x.number === '8')))!;
    const measure = field.goals.flatMap((g) => g.measures).find((x) => x.number === '8')!;
    measure8 = { id: measure.id, fieldId: field.id, fieldTitle: field.title };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows one compact line per measure, folds the fields and reaches measure 8 in fewer than 40 presses of Tab', async () => {
    const { page, blocked } = await newContext(browser);
    await signIn(page, server);
    await page.goto(workspace);
    await axeCheck(page);
    // Only the first field is open; the page holds far fewer controls than the 396 it had.
    expect(await page.locator('details.field-details[open]').count()).toBe(1);
    const controls = await page.locator('main a, main button, main select, main input:not([type=hidden]), main summary').count();
    expect(controls).toBeLessThan(200);
    // Each measure row carries exactly one link.
    const rows = page.locator('details.field-details[open] li.measure-row');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) expect(await row.locator('a, button').count()).toBe(1);

    // The keyboard alone: the skip link past the navigation, then Tab; Enter on the summary of measure 8's
    // field opens it. Every press of Tab counts, the first one onto the skip link too.
    await page.keyboard.press('Tab');
    expect((await focused(page))?.name).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    let presses = 1;
    let opened = false;
    const passed: string[] = [];
    for (; presses < 60; ) {
      await page.keyboard.press('Tab');
      presses++;
      const f = await focused(page);
      if (!f) continue;
      passed.push(f.describe);
      expect(f.indicator, `focus visible on ${f.describe}`).toBe(true);
      if (f.name === 'Bearbeiten Maßnahme 8') break;
      if (!opened && f.tag === 'summary' && f.name.includes(measure8.fieldTitle)) {
        await page.keyboard.press('Enter');
        opened = true;
      }
    }
    expect(opened, passed.join('\n')).toBe(true);
    expect(presses, passed.join('\n')).toBeLessThan(40);
    await pressAndLoad(page);
    expect(new URL(page.url()).pathname).toBe(`/${SLUG}/verwaltung/massnahmen/${measure8.id}`);
    // The measure's own page holds what left the row: moving and deleting.
    await expect.poll(() => page.getByRole('button', { name: 'Nach oben Maßnahme 8' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Maßnahme löschen' }).count()).toBe(1);
    await axeCheck(page);
    expectNoNetwork(blocked);
  });

  it('filters by field, status, actor and words without JavaScript; the address keeps the filter', async () => {
    const { page, blocked } = await newContext(browser, { javaScriptEnabled: false });
    await signIn(page, server);
    await page.goto(workspace);
    await page.getByLabel('Handlungsfeld', { exact: true }).selectOption(String(measure8.fieldId));
    await page.getByLabel('Suchwörter').fill('8');
    await Promise.all([page.waitForURL(/\?/), page.getByRole('button', { name: 'Filtern' }).click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get('feld')).toBe(String(measure8.fieldId));
    expect(url.searchParams.get('q')).toBe('8');
    // Only the chosen field is shown, open, with its matching measures; the form shows the filter again.
    expect(await page.locator('details.field-details').count()).toBe(1);
    expect(await page.locator('details.field-details[open]').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Bearbeiten Maßnahme 8' }).count()).toBe(1);
    expect(await page.getByLabel('Suchwörter').inputValue()).toBe('8');
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/von 43 Maßnahmen/);

    // A status with no measure says so; the reset link leads back to the whole plan.
    await page.goto(`${workspace}?status=discontinued&q=gibtesnicht`);
    expect(await page.getByRole('status').innerText()).toBe('Keine Maßnahme passt zum Filter.');
    await Promise.all([page.waitForURL(workspace), page.getByRole('link', { name: 'Filter zurücksetzen' }).click()]);
    expect(await page.locator('details.field-details').count()).toBe(7);
    expectNoNetwork(blocked);
  });

  it('an actor filter keeps only that actor\'s measures, and every field with one is open', async () => {
    const { page } = await newContext(browser);
    await signIn(page, server);
    await page.goto(workspace);
    const select = page.getByLabel('Akteurin oder Akteur');
    const option = select.locator('option').nth(1);
    const actorName = (await option.innerText()).trim();
    await select.selectOption(await option.getAttribute('value'));
    await Promise.all([page.waitForURL(/akteur=/), page.getByRole('button', { name: 'Filtern' }).click()]);
    const shown = page.locator('li.measure-row');
    expect(await shown.count()).toBeGreaterThan(0);
    expect(await page.locator('details.field-details:not([open])').count()).toBe(0);
    const tabStops = await tabTo(page, /^Bearbeiten Maßnahme/);
    expect(tabStops.href).toMatch(/massnahmen\/\d+$/);
    expect(actorName.length).toBeGreaterThan(0);
    await axeCheck(page);
  });

  it('the audit log reads as sentences, filters with the keyboard, has no scroll region and passes axe', async () => {
    const { page, blocked } = await newContext(browser);
    await signIn(page, server);
    // One change first, so that the log holds a labelled before and after.
    const { services } = server.env;
    const m = (await services.municipalities.findBySlug(SLUG))!;
    await services.plans.updateField(m.id, measure8.fieldId, { title: `${measure8.fieldTitle} (neu)`, description: '' }, { userId: null, name: 'Redaktion' });
    await page.goto(`${server.url}/${SLUG}/verwaltung/protokoll`);
    await axeCheck(page);
    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain(`Redaktion hat das Handlungsfeld „${measure8.fieldTitle} (neu)“ geändert.`);
    expect(await main.innerText()).not.toContain('{"');
    // Nothing on the page scrolls sideways inside a box.
    const scrollers = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)).length);
    expect(scrollers).toBe(0);
    // The keyboard chooses a kind of entry and sends the form; the address keeps the choice.
    await tabTo(page, 'Art des Eintrags');
    // Typing on a closed select picks the option that starts with the letters.
    await page.keyboard.type('Handlungsfeld');
    expect(await page.locator('#audit-art').inputValue()).toBe('field');
    await tabTo(page, 'Anzeigen');
    await pressAndLoad(page);
    expect(new URL(page.url()).searchParams.get('art')).toBe('field');
    expect(await page.locator('.audit-entry').count()).toBeGreaterThan(0);
    for (const entry of await page.locator('.audit-entry .meta').all()) expect(await entry.innerText()).toContain('Handlungsfeld');
    await axeCheck(page);
    expectNoNetwork(blocked);
  });
});
