// Update rounds in the browser: the officer starts a round for the demo plan (no SMTP here, so the links are
// shown to copy), an actor opens its link without an account, sends bad input, then a valid update; the
// officer reviews it; a representative changes a measure of their actor. axe-core checks every page on the
// way for WCAG 2.1 A/AA, the error states included.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from '../support.js';
import { axeCheck, browserAvailable, expectNoNetwork, newContext, type Server, SLUG, useServerAndBrowser } from './browser.js';

describe.skipIf(!browserAvailable())('update rounds in the browser, with axe', () => {
  let server: Server;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  it("officer's round pages, the actor's page and the representative's page pass axe", async () => {
    const { url, env } = server;
    const deadline = new Date(env.now.value.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const officer = await newContext(browser);
    const page = officer.page;
    await page.goto(`${url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await page.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([page.waitForURL(`${url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);

    await page.getByRole('navigation', { name: 'Verwaltungsnavigation' }).getByRole('link', { name: 'Sachstandsabfragen' }).click();
    await page.waitForURL(`${url}/${SLUG}/verwaltung/sachstand`);
    await axeCheck(page);

    // Sent without a deadline first: the error summary must be accessible too.
    await page.getByRole('combobox', { name: 'Plan' }).selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Abfrage starten' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Frist');
    await axeCheck(page);
    await page.getByLabel('Frist').fill(deadline);
    await page.getByRole('button', { name: 'Abfrage starten' }).click();
    await expect.poll(() => page.locator('h2#links-title').innerText()).toBe('Links zum Weitergeben');
    await axeCheck(page);
    const vhsLink = await page.getByLabel('Link für VHS').inputValue();
    const roundsList = await page.locator('nav.breadcrumbs a').last().getAttribute('href');
    expect(vhsLink).toMatch(new RegExp(`/${SLUG}/sachstand/[A-Za-z0-9_-]+$`));

    // The actor, without an account.
    const actor = await newContext(browser);
    const a = actor.page;
    await a.goto(`${url}${new URL(vhsLink).pathname}`);
    await axeCheck(a);
    const first = a.locator('section.card').first();
    await first.getByLabel('Link als Nachweis').fill('keine-adresse');
    await a.getByRole('button', { name: 'Sachstand einreichen' }).click();
    await expect.poll(() => a.locator('.error-summary').innerText()).toContain('https://');
    await axeCheck(a);
    await first.getByLabel('Status').fill('In Umsetzung');
    await first.locator('textarea').fill('Zweiter Kurs hat begonnen.');
    await first.getByLabel('Link als Nachweis').fill('https://vhs.example/kurse');
    await a.getByRole('button', { name: 'Sachstand einreichen' }).click();
    await expect.poll(() => a.locator('.kern-alert--success').innerText()).toContain('Vielen Dank!');
    await axeCheck(a);
    expectNoNetwork(actor.blocked);
    await actor.context.close();

    // The officer's round page with the pending change, then after a return with an empty comment.
    await page.goto(`${url}${roundsList}`);
    await page.getByRole('link', { name: /^Sachstand / }).first().click();
    await expect.poll(() => page.locator('h2#pending-title').innerText()).toBe('Eingereichte Änderungen');
    await expect.poll(() => page.locator('#pending-title ~ ul').innerText()).toContain('Zweiter Kurs hat begonnen.');
    await axeCheck(page);
    await page.getByRole('button', { name: /^Zurückgeben/ }).first().click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Kommentar');
    await axeCheck(page);
    await page.getByRole('button', { name: /^Übernehmen/ }).first().click();
    await expect.poll(() => page.locator('.kern-alert').first().innerText()).toContain('in den Plan übernommen');
    await axeCheck(page);

    // The representatives page, and a representative's own page.
    await page.getByRole('navigation', { name: 'Verwaltungsnavigation' }).getByRole('link', { name: 'Sachstandsabfragen' }).click();
    await page.getByRole('link', { name: 'Vertretungen der Akteure' }).click();
    await axeCheck(page);
    expectNoNetwork(officer.blocked);
    await officer.context.close();

    const demo = await env.services.municipalities.getBySlug(SLUG);
    const vhs = (await env.services.actors.list(demo.id)).find((x) => x.name === 'VHS')!;
    await env.services.representatives.add(demo.id, { name: 'Vera Vertretung', email: 'vera@vhs.example', actor_id: vhs.id }, { userId: null, name: 'Test' });
    const vera = await env.services.auth.findUserByEmail('vera@vhs.example');
    await env.services.auth.setPassword(vera!.id, PASSWORD);
    const rep = await newContext(browser);
    await rep.page.goto(`${url}/anmelden`);
    await rep.page.getByLabel('E-Mail-Adresse').fill('vera@vhs.example');
    await rep.page.getByLabel('Passwort').fill(PASSWORD);
    await Promise.all([rep.page.waitForURL(`${url}/${SLUG}/verwaltung/meine-massnahmen`), rep.page.getByRole('button', { name: 'Anmelden' }).click()]);
    await expect.poll(() => rep.page.locator('h1').innerText()).toBe('Meine Maßnahmen');
    await axeCheck(rep.page);
    expectNoNetwork(rep.blocked);
    await rep.context.close();
  });
});
