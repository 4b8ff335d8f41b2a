// The steering group in the browser: the officer sets up the group of a draft plan and seats a member; the
// member (keyboard alone) comments on a draft measure; the officer resolves the thread; the member approves the
// plan; the officer sees the approval and keeps an edition, which shows who approved it. axe-core checks every
// page on the way for WCAG 2.1 A/AA.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, type Focused, newContext, pressAndLoad, type Server, SLUG, tabTo, useServerAndBrowser } from './browser.js';

const link = (name: string | RegExp) => (f: Focused) => f.tag === 'a' && (typeof name === 'string' ? f.name === name : name.test(f.name));
const button = (name: string | RegExp) => (f: Focused) => f.tag === 'button' && (typeof name === 'string' ? f.name === name : name.test(f.name));
const field = (name: string) => (f: Focused) => ['input', 'select', 'textarea'].includes(f.tag) && f.name.startsWith(name);

describe.skipIf(!browserAvailable())('journey: the steering group reviews a draft plan', () => {
  let server: Server;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${server.url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(email);
    await page.getByLabel('Passwort').fill(password);
    await Promise.all([page.waitForURL(/\/verwaltung/), page.getByRole('button', { name: 'Anmelden' }).click()]);
  }

  // One journey in steps that share the two browsers.
  let draftId: number;
  let measure: { id: number };
  let officer: Awaited<ReturnType<typeof newContext>>;
  let member: Awaited<ReturnType<typeof newContext>>;
  let groupUrl: string;

  it('the officer sets up the steering group of the draft and seats a member', async () => {
    const { env } = server;
    const municipality = (await env.services.municipalities.findBySlug(SLUG))!;
    const [published] = await env.services.plans.listPlans(municipality.id);
    // The next edition as a draft: what the steering group reviews.
    draftId = await env.services.editions.startNext(municipality.id, published.id, { title: 'Integrationsplan 2.0 (Entwurf)', edition: '2.0', omit_completed: false, omit_discontinued: false }, { userId: null, name: 'Test' }, () => '');
    const draft = await env.services.plans.tree(municipality.id, draftId);
    measure = draft.fields[0].goals[0].measures[0];

    officer = await newContext(browser);
    const o = officer.page;
    await signIn(o, server.admin.email, server.admin.password);
    await o.getByRole('navigation', { name: 'Verwaltungsnavigation' }).getByRole('link', { name: 'Lenkungsgruppe' }).click();
    await expect.poll(() => o.locator('h1').innerText()).toBe('Lenkungsgruppe');
    expect(await o.locator('main').innerText()).toContain('Spurgruppe (Demo)');
    await axeCheck(o);
    await o.getByLabel('Für welchen Plan?').selectOption(String(draftId));
    await o.getByRole('button', { name: 'Lenkungsgruppe einrichten' }).click();
    await o.waitForURL(/\/lenkungsgruppe\/\d+$/);
    await axeCheck(o);
    // Sent without a seat first: the error summary and the field message must be accessible too.
    await o.getByLabel('Name', { exact: true }).fill('Amira Demir');
    await o.getByLabel('E-Mail-Adresse').fill('amira.demir@example.org');
    await o.getByLabel('Vertritt (Organisation)').fill('Deutsch-Türkischer Elternverein');
    await o.getByRole('button', { name: 'Hinzufügen' }).click();
    await expect.poll(() => o.locator('.error-summary').innerText()).toContain('Bitte wählen Sie den Sitz');
    expect(await o.getByLabel('Vertritt (Organisation)').inputValue()).toBe('Deutsch-Türkischer Elternverein');
    await axeCheck(o);
    await o.getByLabel('Sitz (vertretene Gruppe)').selectOption('migrant_organisations');
    await o.getByRole('button', { name: 'Hinzufügen' }).click();
    await expect.poll(() => o.locator('.kern-alert').first().innerText()).toContain('Amira Demir ist Mitglied der Lenkungsgruppe');
    expect(await o.locator('main').innerText()).toContain('Einladung noch nicht angenommen');
    await axeCheck(o);
    groupUrl = o.url();

    // The member chooses a password (as the invitation's link would let them).
    const memberUser = (await env.services.auth.findUserByEmail('amira.demir@example.org'))!;
    await env.services.auth.setPassword(memberUser.id, 'amiras-eigenes-passwort');
  });

  it('the member, with the keyboard alone, signs in, lands on the plans to review and comments on a draft measure', async () => {
    const { url } = server;
    member = await newContext(browser);
    const m = member.page;
    await m.goto(`${url}/anmelden`);
    await tabTo(m, field('E-Mail-Adresse'));
    await m.keyboard.type('amira.demir@example.org');
    await tabTo(m, field('Passwort'));
    await m.keyboard.type('amiras-eigenes-passwort');
    await pressAndLoad(m);
    await expect.poll(() => m.locator('h1').innerText()).toBe('Entwurfsprüfung');
    await axeCheck(m);
    await tabTo(m, link('Integrationsplan 2.0 (Entwurf)'));
    await pressAndLoad(m);
    await expect.poll(() => m.locator('h1').innerText()).toBe('Entwurfsprüfung: Integrationsplan 2.0 (Entwurf)');
    await axeCheck(m);
    await tabTo(m, link(/^Kommentar schreiben Maßnahme/));
    await pressAndLoad(m);
    await expect.poll(() => m.locator('h1').innerText()).toContain('Kommentar zu Maßnahme');
    await axeCheck(m);
    // Sent empty first: the message at the field, accessible.
    await tabTo(m, button('Kommentar senden'));
    await pressAndLoad(m);
    await expect.poll(() => m.locator('.error-summary').innerText()).toContain('Bitte schreiben Sie einen Kommentar');
    await axeCheck(m);
    await tabTo(m, field('Ihr Kommentar'));
    await m.keyboard.type('Bitte die Kurse auch abends anbieten: viele Eltern arbeiten tagsüber.');
    await tabTo(m, button('Kommentar senden'));
    await pressAndLoad(m);
    await expect.poll(() => m.locator('.kern-alert').first().innerText()).toContain('Ihr Kommentar ist gespeichert.');
    expect(await m.locator(`#massnahme-${measure.id}`).innerText()).toContain('viele Eltern arbeiten tagsüber');
    await axeCheck(m);
  });

  it('the officer resolves the thread on the measure\'s page', async () => {
    const o = officer.page;
    await o.goto(`${server.url}/${SLUG}/verwaltung/massnahmen/${measure.id}`);
    expect(await o.locator('#kommentare').innerText()).toContain('viele Eltern arbeiten tagsüber');
    await axeCheck(o);
    await o.locator('#kommentare').getByRole('button', { name: /Als erledigt markieren/ }).click();
    await expect.poll(() => o.locator('.kern-alert').first().innerText()).toContain('Die Diskussion ist als erledigt markiert.');
    await expect.poll(() => o.locator('#kommentare details summary').innerText()).toContain('erledigt von Demo-Administration');
    await axeCheck(o);
  });

  it('the member approves the plan, keyboard alone', async () => {
    const m = member.page;
    // The review page afresh (from its top: the address of the comment scrolled down to it).
    await m.goto(m.url().replace(/#.*$/, ''));
    await expect.poll(() => m.locator(`#massnahme-${measure.id} details summary`).innerText()).toContain('Erledigt: Kommentar von Amira Demir');
    await tabTo(m, (f) => f.tag === 'input' && f.type === 'radio' && f.name === 'Ich stimme dem Plan zu');
    await m.keyboard.press('Space');
    await tabTo(m, button('Votum abgeben'));
    await pressAndLoad(m);
    await expect.poll(() => m.locator('.kern-alert').first().innerText()).toContain('Ihre Zustimmung ist festgehalten.');
    expect(await m.locator('main').innerText()).toContain('Ihre bisherigen Voten');
    await axeCheck(m);
  });

  it('the officer sees the approval on the group\'s page and the workspace, and keeps an edition that shows it', async () => {
    const { url } = server;
    const o = officer.page;
    await o.goto(groupUrl);
    const row = o.locator('tr', { hasText: 'Amira Demir' }).first();
    await expect.poll(() => row.innerText()).toContain('Zugestimmt');
    await axeCheck(o);
    await o.goto(`${url}/${SLUG}/verwaltung/plaene/${draftId}`);
    const section = o.locator('section', { has: o.locator('h2', { hasText: 'Prüfung durch die Lenkungsgruppe' }) });
    await expect.poll(() => section.innerText()).toContain('1 zugestimmt, 0 mit Änderungswünschen, 0 noch ohne Votum');
    await axeCheck(o);
    await o.goto(`${url}/${SLUG}/verwaltung/fortschreibungen/plan/${draftId}`);
    await o.getByLabel('Bezeichnung der Fassung').fill('2.0');
    await o.getByRole('button', { name: 'Fassung festhalten' }).click();
    await o.waitForURL(/\/fortschreibungen\/fassung\/\d+$/);
    const approvals = o.locator('section', { has: o.locator('h2', { hasText: 'Voten der Lenkungsgruppe' }) });
    await expect.poll(() => approvals.innerText()).toContain('Amira Demir');
    expect(await approvals.innerText()).toContain('Migrantenorganisationen');
    expect(await approvals.innerText()).toContain('Zugestimmt');
    await axeCheck(o);

    expectNoNetwork(officer.blocked);
    expectNoNetwork(member.blocked);
    await officer.context.close();
    await member.context.close();
  });
});
