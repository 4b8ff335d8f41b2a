// Registering for a full event in the browser, with the keyboard alone and on a 320 px wide screen: the
// resident fills in the form (an error first), confirms from the mail (read from a real SMTP server), lands on
// the waiting list; the person holding the place cancels by the link in their mail; the resident moves up and
// gets the mail with a valid .ics (parsed by a calendar library) and the online link. axe on every page.
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../smtp.js';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Focused, type Server } from './browser.js';

const ONLINE_URL = 'https://video.example/auftakt-raum-91';

describe.skipIf(!browserAvailable())('registering for a full event in the browser', () => {
  let smtp: TestSmtp;
  let server: Server;
  let browser: Browser;
  let eventId = 0;
  let startsAt = '';

  beforeAll(async () => {
    smtp = await startSmtp();
    [server, browser] = await Promise.all([startServer(smtp.env), launchBrowser()]);
    const { env } = server;
    const m = await env.db.kysely.selectFrom('municipalities').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
    const now = env.now.value;
    startsAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 10, 9, 0)).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + 6 * 3_600_000).toISOString();
    const row = await env.db.kysely
      .insertInto('events')
      .values({
        municipality_id: m.id, plan_id: null, phase_id: null, group_id: null, kind: 'video', title: 'Online-Werkstatt Teilhabe', description: 'Wir sammeln Ideen für den Integrationsplan.',
        starts_at: startsAt, ends_at: endsAt, online: 1, online_url: ONLINE_URL, place_name: '', address: '', accessibility: '', capacity: 1, registration: 1,
        registration_deadline: null, state: 'published', is_demo: 1, created_at: now.toISOString(), updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    eventId = row.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  const runJobs = () => server.env.services.jobs.runDueJobs(server.env.now.value);
  const mailsTo = (to: string) => smtp.mails.filter((m) => m.to.includes(to));
  const LINK = /https?:\/\/[^\s<>"]+\/anmeldung\/[A-Za-z0-9_-]+(\/absagen)?/g;
  const linksIn = (mail: ReceivedMail) => [...new Set(mail.text.match(LINK) ?? [])].map((u) => new URL(u).pathname);
  const statusLink = (mail: ReceivedMail) => linksIn(mail).find((l) => !l.endsWith('/absagen'))!;
  const cancelLink = (mail: ReceivedMail) => linksIn(mail).find((l) => l.endsWith('/absagen'))!;
  const link = (name: string | RegExp) => (f: Focused) => f.tag === 'a' && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const button = (name: string) => (f: Focused) => f.tag === 'button' && f.name === name;
  const field = (name: string) => (f: Focused) => ['input', 'select', 'textarea'].includes(f.tag) && f.name.startsWith(name);
  const registerPath = () => `/${SLUG}/veranstaltungen/${eventId}/anmeldung`;

  async function noHorizontalScroll(page: Page) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `document width at 320 px on ${page.url()}`).toBeLessThanOrEqual(320);
  }

  it('a resident registers with the keyboard alone, waits, moves up when someone cancels, and gets a valid .ics', async () => {
    const { url } = server;

    // Someone takes the only place first.
    const other = await newContext(browser);
    const o = other.page;
    await o.goto(`${url}${registerPath()}`);
    await o.getByLabel('Name', { exact: true }).fill('Olga Ort');
    await o.getByLabel('E-Mail-Adresse').fill('olga@example.org');
    await o.getByLabel('Ich habe den Hinweis zum Datenschutz gelesen und bin einverstanden.').check();
    await Promise.all([o.waitForURL(/\/anmeldung\/gesendet$/), o.getByRole('button', { name: 'Anmelden' }).click()]);
    await runJobs();
    await o.goto(`${url}${statusLink(mailsTo('olga@example.org')[0])}`);
    await o.getByRole('button', { name: 'Anmeldung bestätigen' }).click();
    await expect.poll(() => o.locator('main').innerText()).toContain('Sie haben einen Platz.');
    await runJobs();

    // The resident, keyboard only, on a narrow screen.
    const resident = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const r = resident.page;
    await r.goto(`${url}${registerPath()}`);
    await expect.poll(() => r.locator('main').innerText()).toContain('Alle Plätze sind vergeben.');
    await noHorizontalScroll(r);
    await axeCheck(r);
    await tabTo(r, field('Name'));
    await r.keyboard.type('Rana Rahimi');
    await tabTo(r, field('E-Mail-Adresse'));
    await r.keyboard.type('rana@example.org');
    await tabTo(r, field('Dolmetschen'));
    await r.keyboard.press('Space');
    await tabTo(r, field('In welche Sprache?'));
    await r.keyboard.type('Dari');
    await tabTo(r, field('Kinderbetreuung'));
    await r.keyboard.press('Space');
    // Sent without the number of children and without consent: the errors at the fields, the input kept.
    await tabTo(r, button('Auf die Warteliste setzen'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('.error-summary').innerText()).toContain('Bitte geben Sie die Zahl der Kinder an');
    expect(await r.locator('#feld-name').inputValue()).toBe('Rana Rahimi');
    expect(await r.locator('#feld-interpreter_language').inputValue()).toBe('Dari');
    await noHorizontalScroll(r);
    await axeCheck(r);
    await tabTo(r, field('Wie viele Kinder?'));
    await r.keyboard.type('2');
    await tabTo(r, field('Ich habe den Hinweis zum Datenschutz'));
    await r.keyboard.press('Space');
    await tabTo(r, button('Auf die Warteliste setzen'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('h1').innerText()).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    await axeCheck(r);

    // The mail with the link to confirm; confirming puts the resident on the waiting list.
    await runJobs();
    const request = mailsTo('rana@example.org')[0];
    expect(request.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung: Online-Werkstatt Teilhabe');
    await r.goto(`${url}${statusLink(request)}`);
    await axeCheck(r);
    await tabTo(r, button('Anmeldung bestätigen'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('main').innerText()).toContain('Sie stehen auf der Warteliste, auf Platz 1.');
    expect(await r.locator('main').innerText()).not.toContain(ONLINE_URL);
    await noHorizontalScroll(r);
    await axeCheck(r);
    await runJobs();
    const waiting = mailsTo('rana@example.org')[1];
    expect(waiting.subject).toBe('Warteliste: Online-Werkstatt Teilhabe');
    expect(waiting.text).toContain('auf Platz 1');
    expect(waiting.text).not.toContain(ONLINE_URL);

    // The person with the place cancels by the link in their confirmation mail (asked first).
    const olgaConfirmation = mailsTo('olga@example.org')[1];
    await o.goto(`${url}${cancelLink(olgaConfirmation)}`);
    await axeCheck(o);
    await o.getByRole('button', { name: 'Ja, Anmeldung absagen' }).click();
    await expect.poll(() => o.locator('main').innerText()).toContain('Diese Anmeldung ist abgesagt.');
    await axeCheck(o);

    // The resident has moved up: the mail "Sie haben einen Platz" with the online link and a valid .ics.
    await runJobs();
    const movedUp = mailsTo('rana@example.org')[2];
    expect(movedUp.subject).toBe('Sie haben einen Platz: Online-Werkstatt Teilhabe');
    expect(movedUp.text).toContain(ONLINE_URL);
    expect(movedUp.attachments.map((a) => a.contentType)).toEqual(['text/calendar']);
    const vevent = new ICAL.Component(ICAL.parse(movedUp.attachments[0].content)).getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe('Online-Werkstatt Teilhabe');
    expect(event.startDate.toJSDate().toISOString()).toBe(startsAt);
    expect(event.location).toBe(ONLINE_URL);

    // The resident's own page says so, opened from the new mail with the keyboard-only context.
    await r.goto(`${url}${statusLink(movedUp)}`);
    await expect.poll(() => r.locator('main').innerText()).toContain('Ihre Anmeldung ist bestätigt. Sie haben einen Platz.');
    await axeCheck(r);
    await tabTo(r, link('Anmeldung absagen'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('h1').innerText()).toBe('Anmeldung absagen');
    await noHorizontalScroll(r);
    await axeCheck(r);

    // The officer's attendee list shows the resident with her needs summed up.
    const officer = await newContext(browser);
    const p = officer.page;
    await p.goto(`${url}/anmelden`);
    await p.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await p.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([p.waitForURL(`${url}/${SLUG}/verwaltung`), p.getByRole('button', { name: 'Anmelden' }).click()]);
    await p.getByRole('navigation', { name: 'Verwaltungsnavigation' }).getByRole('link', { name: 'Anmeldungen' }).click();
    await axeCheck(p);
    await p.getByRole('link', { name: 'Online-Werkstatt Teilhabe' }).click();
    await expect.poll(() => p.locator('#bedarfe-summe').innerText()).toBe('1× Dolmetschen Dari, 1× Kinderbetreuung (2 Kinder)');
    await axeCheck(p);

    for (const c of [other, resident, officer]) expectNoNetwork(c.blocked);
  });
});
