// The actors directory's clean-up pages in the browser with axe-core (WCAG 2.1 A/AA), error states included:
// merging two actors (chosen, confirmed, done), the unused actors and their deletion, a delete confirmation
// that lists what an actor touches, a refused duplicate name, the lead actors' contact e-mails, and deleting
// a draft plan with its own actors. The merge itself is done with the keyboard.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Server } from './browser.js';

const system = { userId: null, name: 'Test' };
const blank = { parent_id: null, description: '', contact_email: '', website: '' };

describe.skipIf(!browserAvailable())('actors clean-up pages with axe', () => {
  let server: Server;
  let browser: Browser;
  const id = { keep: 0, gone: 0, draft: 0, plan: 0 };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const s = server.env.services;
    const m = await s.municipalities.getBySlug(SLUG);
    const plan = (await s.plans.findCurrentPublishedPlan(m.id))!;
    id.plan = plan.id;
    const actors = await s.actors.list(m.id);
    id.keep = actors.find((a) => a.lead_count > 0)!.id;
    id.gone = await s.actors.create(m.id, { ...blank, name: 'Doppelt eingetragener Verein', description: 'Zweiter Eintrag' }, system);
    await s.actors.create(m.id, { ...blank, name: 'Verein ohne Maßnahme' }, system);
    id.draft = await s.plans.createPlan(m.id, { title: 'Entwurf mit eigenem Akteur', edition: '', period_start: null, period_end: null, intro: '' }, system);
    const field = await s.plans.createField(m.id, id.draft, { title: 'Feld', description: '' }, system);
    const own = await s.actors.create(m.id, { ...blank, name: 'Nur im Entwurf e.V.' }, system);
    await s.plans.createMeasure(m.id, field, { text: 'Entwurfsmaßnahme', number: null, is_further: true, field_id: null, goal_id: null, status_label: '', status_category: null, timeframe_start: null, timeframe_end: null, target_groups: '', lead_actor_id: own, partner_actor_ids: [] }, system);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pass axe, error states included, and the merge works by keyboard', async () => {
    const { url } = server;
    const { context, page, blocked } = await newContext(browser);
    await page.goto(`${url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await page.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([page.waitForURL(`${url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);
    const admin = `${url}/${SLUG}/verwaltung`;

    await page.goto(`${admin}/akteure`);
    await axeCheck(page);
    await page.goto(`${admin}/akteure/neu`);
    const keepName = await (await server.env.services.actors.get((await server.env.services.municipalities.getBySlug(SLUG)).id, id.keep)).name;
    await page.getByLabel('Name', { exact: true }).fill(keepName.toUpperCase());
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('gibt es schon');
    expect(await page.getByRole('link', { name: `„${keepName}“ öffnen` }).count()).toBe(1);
    await axeCheck(page);

    await page.goto(`${admin}/akteure/zusammenfuehren?behalten=${id.keep}&aufnehmen=${id.keep}`);
    await axeCheck(page);
    await page.goto(`${admin}/akteure/zusammenfuehren?behalten=${id.keep}&aufnehmen=${id.gone}`);
    expect(await page.locator('h1').innerText()).toBe('Zusammenführen bestätigen');
    await axeCheck(page);
    await tabTo(page, 'Jetzt zusammenführen');
    await pressAndLoad(page);
    await expect.poll(() => page.locator('main').innerText()).toContain(`Akteur „Doppelt eingetragener Verein“ mit „${keepName}“ zusammengeführt.`);

    await page.goto(`${admin}/akteure/nicht-verwendet`);
    await axeCheck(page);
    await page.goto(`${admin}/akteure/nicht-verwendet/loeschen`);
    await axeCheck(page);
    await page.goto(`${admin}/akteure/${id.keep}/loeschen`);
    expect(await page.locator('main').innerText()).toContain('Das Löschen betrifft:');
    await axeCheck(page);

    await page.goto(`${admin}/sachstand/plaene/${id.plan}/adressen`);
    await axeCheck(page);
    await page.locator('input[type="email"]').first().fill('keine-adresse');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    await axeCheck(page);

    await page.goto(`${admin}/plaene/${id.draft}/loeschen`);
    expect(await page.locator('main').innerText()).toContain('Nur im Entwurf e.V.');
    await axeCheck(page);
    expectNoNetwork(blocked);
    await context.close();
  });
});
