// Residents' comments in the browser: a resident comments on a measure of the demo plan with the keyboard alone
// on a 320 px wide screen; the comment waits in the moderators' queue; the officer answers it publicly with the
// keyboard; the answer ("Antwort der Stadt") stands first on the measure's comments. The ideas pages in Arabic
// run right to left at 320 px. A resident's idea becomes a draft measure in the plan in preparation: the
// officer's measure page shows where it came from, the idea page says it is being prepared and, once that plan
// is published, links to the measure, whose "Herkunft" links back. axe on every page.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allMeasures } from '../../src/modules/plan/index.js';
import { axeCheck, browserAvailable, expectNoNetwork, type Focused, newContext, pressAndLoad, type Server, SLUG, tabTo, useServerAndBrowser } from './browser.js';

describe.skipIf(!browserAvailable())('residents comments and their moderation in the browser', () => {
  let server: Server;
  let browser: Browser;

  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  const link = (name: string | RegExp) => (f: Focused) => f.tag === 'a' && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const button = (name: string) => (f: Focused) => f.tag === 'button' && f.name === name;
  const field_ = (name: string) => (f: Focused) => ['input', 'select', 'textarea'].includes(f.tag) && f.name.startsWith(name);

  async function noHorizontalScroll(page: Page) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `document width at 320 px on ${page.url()}`).toBeLessThanOrEqual(320);
  }

  async function demoMeasure() {
    const s = server.env.services;
    const m = await s.municipalities.getBySlug(SLUG);
    const plan = await s.plans.findCurrentPublishedPlan(m.id);
    const tree = await s.plans.tree(m.id, plan!.id);
    return { municipalityId: m.id, measure: allMeasures(tree).find((x) => x.number !== null)!, field: tree.fields[0] };
  }

  it('a comment goes through moderation and gets an official answer, keyboard alone', async () => {
    const { url } = server;
    const { measure } = await demoMeasure();
    const resident = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const r = resident.page;
    await r.goto(`${url}/${SLUG}/massnahmen/${measure.id}`);
    await axeCheck(r);
    await tabTo(r, link('Diese Maßnahme kommentieren'), { limit: 400 });
    await pressAndLoad(r);
    await expect.poll(() => r.locator('h1').innerText()).toBe('Kommentare zur Maßnahme');
    await noHorizontalScroll(r);
    await axeCheck(r);

    // Sent empty: the error at the field, then the text.
    await tabTo(r, button('Kommentar senden'), { limit: 400 });
    await pressAndLoad(r);
    await expect.poll(() => r.locator('.error-summary').innerText()).toContain('Bitte schreiben Sie Ihren Text.');
    await axeCheck(r);
    await tabTo(r, field_('Ihr Text'), { limit: 400 });
    await r.keyboard.type('Gibt es die Kurse auch am Wochenende? <script>alert(1)</script>');
    await tabTo(r, button('Kommentar senden'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('.error-summary').innerText()).toContain('ohne HTML');
    await tabTo(r, field_('Ihr Text'), { limit: 400, backwards: true });
    await r.keyboard.press('ControlOrMeta+A');
    await r.keyboard.type('Gibt es die Kurse auch am Wochenende?');
    await tabTo(r, field_('Ihr Name'));
    await r.keyboard.type('Aylin');
    await tabTo(r, button('Kommentar senden'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('[role="status"]').innerText()).toContain('erscheint, sobald die Stadt ihn freigegeben hat');
    expect(await r.locator('main').innerText()).not.toContain('am Wochenende');
    await noHorizontalScroll(r);
    await axeCheck(r);
    expectNoNetwork(resident.blocked);

    // The officer finds it in the queue and answers it publicly, with the keyboard.
    const officer = await newContext(browser);
    const o = officer.page;
    await o.goto(`${url}/anmelden`);
    await o.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await o.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([o.waitForURL((u) => !u.pathname.startsWith('/anmelden')), o.getByRole('button', { name: 'Anmelden' }).click()]);
    await o.goto(`${url}/${SLUG}/verwaltung`);
    await tabTo(o, link('Mitreden: Moderation'), { limit: 400 });
    await pressAndLoad(o);
    await expect.poll(() => o.locator('h1').innerText()).toBe('Mitreden: Moderation');
    const queue = await o.locator('main').innerText();
    expect(queue).toContain('Gibt es die Kurse auch am Wochenende?');
    expect(queue).toContain('Warten auf Entscheidung');
    await axeCheck(o);
    const row = await server.env.db.kysely.selectFrom('resident_posts').select('id').where('body', '=', 'Gibt es die Kurse auch am Wochenende?').executeTakeFirstOrThrow();
    await tabTo(o, (f) => f.tag === 'summary' && f.name.includes(`Kommentar ${row.id})`), { limit: 600 });
    await o.keyboard.press('Enter');
    await tabTo(o, field_(`Antwort der Stadt (Kommentar ${row.id})`));
    await o.keyboard.type('Ja: ab Mai auch samstags um 10 Uhr in der VHS.');
    await axeCheck(o);
    await tabTo(o, button('Öffentlich antworten'));
    await pressAndLoad(o);
    await expect.poll(() => o.locator('[role="status"]').innerText()).toContain('Die Antwort ist veröffentlicht.');
    await axeCheck(o);
    expectNoNetwork(officer.blocked);

    // The resident sees the answer first, marked.
    await r.reload();
    const item = r.locator(`#beitrag-${row.id}`);
    await expect.poll(() => item.innerText()).toContain('Antwort der Stadt');
    const text = await item.innerText();
    expect(text.indexOf('Antwort der Stadt')).toBeLessThan(text.indexOf('Gibt es die Kurse auch am Wochenende?'));
    expect(text).toContain('von Aylin');
    await noHorizontalScroll(r);
    await axeCheck(r);
  });

  it('the ideas pages in Arabic run right to left, clean for axe at 320 px', async () => {
    const { field } = await demoMeasure();
    const idea = await server.env.db.kysely.selectFrom('resident_posts').select('id').where('kind', '=', 'idea').where('state', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    const narrow = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const p = narrow.page;
    for (const path of [`/${SLUG}/ideen?lang=ar`, `/${SLUG}/ideen/handlungsfeld/${field.id}?lang=ar`, `/${SLUG}/ideen/${idea.id}?lang=ar`, `/${SLUG}/mitreden/handlungsfeld/${field.id}?lang=ar`]) {
      await p.goto(`${server.url}${path}`);
      expect(await p.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await p.locator('html').getAttribute('lang')).toBe('ar');
      await noHorizontalScroll(p);
      await axeCheck(p);
    }
    await p.goto(`${server.url}/${SLUG}/ideen/${idea.id}?lang=de`);
    expect(await p.locator('main').innerText()).toMatch(/Daraus wurde Maßnahme \S+/);
    expectNoNetwork(narrow.blocked);
  });

  it('the moderators queue and settings in Arabic at 320 px: right to left, no sideways scrolling, clean for axe', async () => {
    const narrow = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const p = narrow.page;
    await p.goto(`${server.url}/anmelden`);
    await p.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await p.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([p.waitForURL((u) => !u.pathname.startsWith('/anmelden')), p.getByRole('button', { name: 'Anmelden' }).click()]);
    for (const path of [`/${SLUG}/verwaltung/mitreden?lang=ar`, `/${SLUG}/verwaltung/mitreden/einstellungen?lang=ar`]) {
      await p.goto(`${server.url}${path}`);
      expect(await p.locator('html').getAttribute('dir')).toBe('rtl');
      await noHorizontalScroll(p);
      await axeCheck(p);
    }
    expectNoNetwork(narrow.blocked);
  });

  // Last: it publishes a plan of the demo municipality.
  it("a resident's idea becomes a draft measure and both pages show the link, keyboard alone", async () => {
    const { url } = server;
    const s = server.env.services;
    const { municipalityId, field } = await demoMeasure();
    const current = await s.plans.findCurrentPublishedPlan(municipalityId);
    const next = await s.plans.copyPlan(municipalityId, current!.id, { title: 'Integrationsplan (nächste Fassung)', edition: '4.0', omitCategories: [], originNote: () => '' }, { userId: null, name: 'Test' });

    // The resident hands in an idea on the field's ideas page, keyboard alone, 320 px.
    const resident = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const r = resident.page;
    await r.goto(`${url}/${SLUG}/ideen/handlungsfeld/${field.id}`);
    await expect.poll(() => r.locator('h1').innerText()).toBe(`Ideen zum Handlungsfeld: ${field.title}`);
    await tabTo(r, field_('Titel Ihrer Idee'), { limit: 400 });
    await r.keyboard.type('Elterncafé in der Grundschule');
    await tabTo(r, field_('Ihr Text'));
    await r.keyboard.type('Einmal im Monat, mit Dolmetschenden.');
    await tabTo(r, button('Idee einreichen'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('[role="status"]').innerText()).toContain('erscheint, sobald die Stadt ihn freigegeben hat');
    await noHorizontalScroll(r);
    await axeCheck(r);
    const idea = await server.env.db.kysely.selectFrom('resident_posts').select('id').where('title', '=', 'Elterncafé in der Grundschule').executeTakeFirstOrThrow();

    // The officer approves it and makes it a draft measure in the plan in preparation, keyboard alone.
    const officer = await newContext(browser);
    const o = officer.page;
    await o.goto(`${url}/anmelden`);
    await o.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await o.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([o.waitForURL((u) => !u.pathname.startsWith('/anmelden')), o.getByRole('button', { name: 'Anmelden' }).click()]);
    await o.goto(`${url}/${SLUG}/verwaltung/mitreden`);
    await tabTo(o, (f) => f.tag === 'button' && f.name === `Freigeben Idee ${idea.id}`, { limit: 600 });
    await pressAndLoad(o);
    await expect.poll(() => o.locator('[role="status"]').innerText()).toContain('Der Beitrag ist freigegeben.');
    await tabTo(o, (f) => f.tag === 'summary' && f.name.includes(`Idee ${idea.id})`), { limit: 600 });
    await o.keyboard.press('Enter');
    const select = await tabTo(o, field_(`Handlungsfeld im Plan in Vorbereitung (Idee ${idea.id})`));
    expect(select.tag).toBe('select');
    const nextField = (await s.plans.tree(municipalityId, next.planId)).fields[0];
    expect(await o.locator(`#feld-${idea.id}`).inputValue()).toBe(String(nextField.id));
    await axeCheck(o);
    await tabTo(o, (f) => f.tag === 'button' && f.name.startsWith('Als Maßnahmen-Entwurf anlegen'));
    await pressAndLoad(o);
    await expect.poll(() => o.locator('[role="status"]').innerText()).toContain('Der Maßnahmen-Entwurf ist angelegt');
    const origin = o.locator('section[aria-labelledby="herkunft"]');
    await expect.poll(() => origin.innerText()).toContain('Elterncafé in der Grundschule');
    expect(await origin.locator('a', { hasText: 'Elterncafé in der Grundschule' }).getAttribute('href')).toBe(`/${SLUG}/ideen/${idea.id}`);
    await axeCheck(o);
    const { measure_id: measureId } = await server.env.db.kysely.selectFrom('resident_posts').select('measure_id').where('id', '=', idea.id).executeTakeFirstOrThrow();
    expect((await s.plans.getMeasure(municipalityId, measureId!)).plan_id).toBe(next.planId);

    // The public sees that a measure is being prepared, not the draft itself.
    await r.goto(`${url}/${SLUG}/ideen/${idea.id}`);
    await expect.poll(() => r.locator('main').innerText()).toContain('Die Stadt bereitet aus dieser Idee eine Maßnahme');
    expect(await r.locator(`a[href="/${SLUG}/massnahmen/${measureId}"]`).count()).toBe(0);
    await axeCheck(r);

    // The council decides, the plan is published: the idea links to its measure, the measure back to the idea.
    await s.plans.setPlanState(municipalityId, next.planId, 'published', { userId: null, name: 'Test' });
    await r.reload();
    await tabTo(r, link('Daraus wurde eine Maßnahme'), { limit: 400 });
    await pressAndLoad(r);
    expect(new URL(r.url()).pathname).toBe(`/${SLUG}/massnahmen/${measureId}`);
    const herkunft = r.locator('section[aria-labelledby="herkunft"]');
    await expect.poll(() => herkunft.innerText()).toContain('Elterncafé in der Grundschule');
    await tabTo(r, link('Elterncafé in der Grundschule'), { limit: 600 });
    await noHorizontalScroll(r);
    await axeCheck(r);
    expectNoNetwork(resident.blocked);
    expectNoNetwork(officer.blocked);
  });
});
