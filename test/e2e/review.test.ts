// The review cards of a round and the actor's form: the buttons ("Übernehmen", "Zurückgeben", "Neuen Link
// erzeugen") and every date field are wide enough to read their text, at 1280 and at 320 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, launchBrowser, newContext, SLUG, startServer, type Server } from './browser.js';

/** Buttons whose label is cut off, and date fields too narrow for a full date. */
async function cramped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const b of document.querySelectorAll<HTMLElement>('main button, main .kern-btn')) {
      const label = (b.querySelector('.kern-label') as HTMLElement | null) ?? b;
      const r = b.getBoundingClientRect();
      if (r.width === 0) continue;
      if (label.scrollWidth > label.clientWidth + 1 || label.getBoundingClientRect().width > r.width + 1) bad.push(`button "${b.textContent?.trim()}" ${Math.round(r.width)} px`);
    }
    for (const i of document.querySelectorAll<HTMLInputElement>('main input[type=date]')) {
      const r = i.getBoundingClientRect();
      // "31.12.2026" with the picker's icon needs about 10 rem.
      if (r.width < 150) bad.push(`date field #${i.id} ${Math.round(r.width)} px`);
    }
    return bad;
  });
}

describe.skipIf(!browserAvailable())('review cards and date fields', () => {
  let server: Server;
  let browser: Browser;
  let roundPage: string;
  let actorLink: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { env } = server;
    const m = await env.services.municipalities.getBySlug(SLUG);
    const plan = (await env.services.plans.findCurrentPublishedPlan(m.id))!;
    const deadline = new Date(env.now.value.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const { roundId, links } = await env.services.rounds.start(m, { plan_id: plan.id, title: 'Sachstand 2026', deadline }, { userId: null, name: 'Test' });
    roundPage = `${server.url}/${SLUG}/verwaltung/sachstand/${roundId}`;
    actorLink = `${server.url}${new URL(links.find((l) => l.actorName === 'VHS')?.url ?? links[0].url).pathname}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [1280, 320]) {
    it(`at ${width} px every button and date field reads in full`, async () => {
      const actor = await newContext(browser, { viewport: { width, height: 900 } });
      await actor.page.goto(actorLink);
      expect(await cramped(actor.page)).toEqual([]);
      await actor.page.screenshot({ path: `/tmp/review-actor-${width}.png`, fullPage: false });
      if (width === 1280) {
        const first = actor.page.locator('section.card').first();
        await first.getByLabel('Status').fill('In Umsetzung');
        await first.locator('textarea').fill('Zweiter Kurs hat begonnen.');
        await actor.page.getByRole('button', { name: 'Sachstand einreichen' }).click();
        await expect.poll(() => actor.page.locator('.kern-alert--success').innerText()).toContain('Vielen Dank!');
      }
      await actor.context.close();

      const officer = await newContext(browser, { viewport: { width, height: 900 } });
      const page = officer.page;
      await page.goto(`${server.url}/anmelden`);
      await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
      await page.getByLabel('Passwort').fill(server.admin.password);
      await Promise.all([page.waitForURL(`${server.url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);
      await page.goto(roundPage);
      await expect.poll(() => page.locator('#pending-title ~ ul .card').count()).toBeGreaterThan(0);
      await page.locator('#pending-title').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/review-cards-${width}.png`, fullPage: false });
      expect(await cramped(page)).toEqual([]);
      // "Übernehmen" and "Zurückgeben" on a card are buttons of one size.
      const card = page.locator('#pending-title ~ ul .card').first();
      const accept = await card.getByRole('button', { name: /^Übernehmen/ }).boundingBox();
      const giveBack = await card.getByRole('button', { name: /^Zurückgeben/ }).boundingBox();
      expect(Math.abs(accept!.height - giveBack!.height), 'accept and return buttons differ in height').toBeLessThanOrEqual(1);
      // The buttons in the progress table keep their label on one line.
      const wrapped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main table .kern-btn .kern-label')]
          .filter((l) => l.getClientRects().length > 1 || l.getBoundingClientRect().height > parseFloat(getComputedStyle(l).lineHeight) * 1.5)
          .map((l) => l.textContent),
      );
      expect(wrapped, 'table buttons whose label wraps').toEqual([]);
      await axeCheck(page);
      await officer.context.close();
    });
  }
});
