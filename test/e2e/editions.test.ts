// Editions in the browser: the officer keeps an edition of the demo plan, changes a status, compares the edition
// with today and starts the next edition. axe-core checks every page on the way for WCAG 2.1 A/AA.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, newContext, type Server, SLUG, useServerAndBrowser } from './browser.js';

describe.skipIf(!browserAvailable())('journey: editions and the comparison', () => {
  let server: Server;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  it('keeps an edition, compares it with today after a status change, and starts the next edition', async () => {
    const { url } = server;
    const { page, blocked } = await newContext(browser);

    await page.goto(`${url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await page.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([page.waitForURL(`${url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);

    // The overview, reached through the admin navigation.
    await page.getByRole('navigation', { name: 'Verwaltungsnavigation' }).getByRole('link', { name: 'Fortschreibungen' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Fortschreibungen');
    await axeCheck(page);

    // The plan's editions: none yet.
    await page.locator('.card h2 a').first().click();
    await expect.poll(() => page.locator('h1').innerText()).toContain('Fassungen:');
    await axeCheck(page);

    // Sent with an impossible date first: the error summary and the field message must be accessible too.
    await page.getByLabel('Drucksachennummer').fill('GR 17/2025');
    await page.getByLabel('Beschlossen am').fill('2025-03-11');
    await page.getByRole('button', { name: 'Fassung festhalten' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Bezeichnung der Fassung');
    expect(await page.getByLabel('Drucksachennummer').inputValue()).toBe('GR 17/2025');
    await axeCheck(page);
    await page.getByLabel('Bezeichnung der Fassung').fill('1.0');
    await page.getByRole('button', { name: 'Fassung festhalten' }).click();
    await page.waitForURL(/\/fortschreibungen\/fassung\/\d+$/);
    await expect.poll(() => page.locator('.kern-alert').innerText()).toContain('Die Fassung 1.0 wurde festgehalten.');
    await axeCheck(page);

    // A measure changes afterwards, with a reason.
    const municipality = (await server.env.services.municipalities.findBySlug(SLUG))!;
    const [plan] = await server.env.services.plans.listPlans(municipality.id);
    const tree = await server.env.services.plans.tree(municipality.id, plan.id);
    const measure = tree.fields[0].goals[0].measures[0];
    server.env.now.value = new Date(server.env.now.value.getTime() + 60_000);
    await server.env.services.plans.changeStatus(municipality.id, measure.id, { status_label: 'Abgeschlossen', status_category: null, note: 'Ziel erreicht' }, { userId: null, name: 'Erika Mustermann' });

    // Compare the edition with today.
    await page.getByRole('link', { name: 'Mit heute vergleichen' }).click();
    await expect.poll(() => page.locator('h2#result-title').innerText()).toBe('Ergebnis des Vergleichs');
    await expect.poll(() => page.locator('#status-changes-title').innerText()).toBe('1 Statusänderung');
    expect(await page.locator('main').innerText()).toContain('Ziel erreicht');
    await axeCheck(page);

    // The compare form alone, and with two equal states: its error must be accessible as well.
    await page.goto(`${url}/${SLUG}/verwaltung/fortschreibungen/vergleich`);
    await axeCheck(page);
    const edition = await page.locator('#feld-from option', { hasText: 'Fassung 1.0' }).getAttribute('value');
    await page.getByLabel('Stand 1').selectOption(edition!);
    await page.getByLabel('Stand 2').selectOption(edition!);
    await page.getByRole('button', { name: 'Vergleichen' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('zwei verschiedene Stände');
    await axeCheck(page);

    // Start the next edition.
    await page.goto(`${url}/${SLUG}/verwaltung/fortschreibungen/plan/${plan.id}/fortschreiben`);
    await axeCheck(page);
    await page.getByLabel('Abgeschlossene Maßnahmen nicht übernehmen').check();
    await page.getByRole('button', { name: 'Fortschreibung beginnen' }).click();
    await page.waitForURL(/\/verwaltung\/plaene\/\d+$/);
    await expect.poll(() => page.locator('.kern-alert').innerText()).toContain('Die neue Fortschreibung wurde als Entwurf angelegt.');
    expect(await page.locator('main').innerText()).not.toContain(measure.text.slice(0, 60));

    expectNoNetwork(blocked);
  });
});
