// The main tasks with the keyboard alone and the interface in Arabic: a resident answers the demo questionnaire
// (with the access code from the card) and registers for a workshop, confirming from the mail read from a real
// SMTP server; the officer signs in, changes a measure's status with a note and adds a progress entry. Only
// Tab, Shift+Tab, Enter, Space, arrow keys and typing; every stop of the focus must be visible, every page is
// right to left and axe-clean. The browser asks for reduced motion: the focus is then scrolled to at once, so
// that whether it is on the screen can be seen right after each key. The labels come from the Arabic strings, so a better translation does not break it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/platform/i18n/i18n.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../smtp.js';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Focused, type Server } from './browser.js';

const t = translator('ar');
const link = (href: string | RegExp) => (f: Focused) => f.tag === 'a' && (typeof href === 'string' ? f.href === href : href.test(f.href));
const button = (name: string) => (f: Focused) => f.tag === 'button' && f.name === name;
const field = (label: string) => (f: Focused) => ['input', 'textarea', 'select'].includes(f.tag) && f.name.startsWith(label);
const input = (type: string) => (f: Focused) => f.tag === 'input' && f.type === type;

/** Every step: right to left in Arabic, axe-clean, and the message of a finished action announced. */
async function step(page: Page): Promise<void> {
  expect(await page.locator('html').getAttribute('lang'), page.url()).toBe('ar');
  expect(await page.locator('html').getAttribute('dir'), page.url()).toBe('rtl');
  await axeCheck(page);
}
const heading = (page: Page) => page.locator('h1').innerText();
/** The flash message after a change sits in a live region, so that a screen reader reads it out. */
async function announced(page: Page): Promise<string> {
  return page.locator('.flash[role="status"]').innerText();
}

describe.skipIf(!browserAvailable())('keyboard alone, in Arabic', () => {
  let server: Server;
  let browser: Browser;
  let smtp: TestSmtp;
  let questionnaire: { id: number; code: string };
  let workshop: number;

  beforeAll(async () => {
    smtp = await startSmtp();
    [server, browser] = await Promise.all([startServer(smtp.env), launchBrowser()]);
    const { services, db } = server.env;
    const m = (await services.municipalities.findBySlug(SLUG))!;
    // The demo's open questionnaire is answered with a code from the cards handed out in the language café.
    const open = (await services.questionnaires.list(m.id)).find((q) => q.state === 'published' && q.access === 'codes')!;
    const [code] = await services.questionnaireCodes.forSheet(m.id, open.id, { unusedOnly: true });
    questionnaire = { id: open.id, code: code.code };
    const event = await db.kysely.selectFrom('events').select('id').where('municipality_id', '=', m.id).where('title', '=', 'Werkstatt: Sprache und Bildung').executeTakeFirstOrThrow();
    workshop = event.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('a resident answers the questionnaire and registers for a workshop', async () => {
    const { page, context, blocked } = await newContext(browser, { reducedMotion: 'reduce' });
    // The one address typed in: the start page in Arabic. From here on only keys.
    await page.goto(`${server.url}/${SLUG}?lang=ar`);
    await step(page);
    await tabTo(page, link(`/${SLUG}/befragungen`));
    await pressAndLoad(page);
    await step(page);
    await tabTo(page, link(`/${SLUG}/befragungen/${questionnaire.id}`));
    await pressAndLoad(page);
    await step(page);

    // The card's code, sent empty first: the error summary leads to the field.
    await tabTo(page, button(t('questionnaires.answer.start.begin')));
    await pressAndLoad(page);
    await step(page);
    const summaryLink = await tabTo(page, (f) => f.tag === 'a' && f.href.startsWith('#') && f.href !== '#inhalt');
    await page.keyboard.press('Enter');
    expect(`#${await page.evaluate(() => document.activeElement?.id)}`).toBe(summaryLink.href);
    await page.keyboard.type(questionnaire.code);
    await tabTo(page, button(t('questionnaires.answer.start.begin')));
    await pressAndLoad(page);
    await step(page);

    // The one page: a scale (arrow keys), a choice (Space), a free text.
    await tabTo(page, input('radio'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[type=radio]:checked').count()).toBe(1);
    await tabTo(page, input('checkbox'));
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.tag === 'textarea');
    await page.keyboard.type('مزيد من دورات اللغة في المساء.');
    await tabTo(page, button(t('questionnaires.answer.next')));
    await pressAndLoad(page);
    await step(page);
    expect(await page.locator('main').innerText()).toContain('مزيد من دورات اللغة في المساء.');
    await tabTo(page, button(t('questionnaires.answer.review.submit')));
    await pressAndLoad(page);
    await step(page);
    expect(await page.locator('main').innerText()).toContain(t('questionnaires.answer.thanks.title'));

    // A workshop: from the start page's navigation to the events, the workshop, its form.
    await tabTo(page, link(`/${SLUG}/veranstaltungen`), { backwards: true });
    await pressAndLoad(page);
    await step(page);
    await tabTo(page, link(`/${SLUG}/veranstaltungen/${workshop}`));
    await pressAndLoad(page);
    await step(page);
    const k = 'participation.registrations.form';
    await tabTo(page, field(t(`${k}.name`)));
    await page.keyboard.type('رنا رحيمي');
    await tabTo(page, field(t(`${k}.email`)));
    await page.keyboard.type('rana@example.org');
    await tabTo(page, field(t(`${k}.interpreter`)));
    await page.keyboard.press('Space');
    await tabTo(page, field(t(`${k}.interpreterLanguage`)));
    await page.keyboard.type('العربية');
    await tabTo(page, field(t(`${k}.consentLabel`)));
    await page.keyboard.press('Space');
    await tabTo(page, button(t(`${k}.submit`)));
    await pressAndLoad(page);
    await step(page);
    expect(await heading(page)).toBe(t('participation.registrations.sent.title'));

    // The mail carries the link to confirm (a link, the one address typed in besides the start page).
    await server.env.services.jobs.runDueJobs(server.env.now.value);
    const mail = smtp.mails.find((m) => m.to.includes('rana@example.org')) as ReceivedMail;
    const links = (mail.text.match(/https?:\/\/[^\s<>"]+\/anmeldung\/[A-Za-z0-9_-]+(\/absagen)?/g) ?? []).map((u) => new URL(u).pathname);
    const confirm = links.find((l) => !l.endsWith('/absagen'))!;
    await page.goto(`${server.url}${confirm}`);
    await step(page);
    await tabTo(page, button(t('participation.registrations.link.confirmButton')));
    await pressAndLoad(page);
    await step(page);
    expect(await page.locator('main').innerText()).toContain(t('participation.registrations.link.confirmed'));
    expectNoNetwork(blocked);
    await context.close();
  });

  it('the officer signs in, changes a measure\'s status with a note and adds a progress entry', async () => {
    const { page, context, blocked } = await newContext(browser, { reducedMotion: 'reduce' });
    await page.goto(`${server.url}/anmelden?lang=ar`);
    await step(page);
    await tabTo(page, field(t('auth.email')));
    await page.keyboard.type(server.admin.email);
    await tabTo(page, field(t('auth.password')));
    await page.keyboard.type(server.admin.password);
    await pressAndLoad(page);
    expect(new URL(page.url()).pathname).toBe(`/${SLUG}/verwaltung`);
    await step(page);

    // The skip link, then the plan's workspace and its first measure.
    const skip = await tabTo(page, (f) => f.tag === 'a' && f.name === t('layout.skipToContent'));
    expect(skip.href).toBe('#inhalt');
    await page.keyboard.press('Enter');
    await tabTo(page, link(new RegExp(`^/${SLUG}/verwaltung/plaene/\\d+$`)));
    await pressAndLoad(page);
    await step(page);
    const measure = await tabTo(page, link(new RegExp(`^/${SLUG}/verwaltung/massnahmen/\\d+$`)));
    await pressAndLoad(page);
    await step(page);
    expect(new URL(page.url()).pathname).toBe(measure.href);

    // The status, with a note.
    await tabTo(page, field(t('measure.statusLabel')));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('In Umsetzung');
    await tabTo(page, field(t('measure.statusNote')));
    await page.keyboard.type('بدأت أول دورة مسائية.');
    await tabTo(page, button(t('measure.saveStatus')));
    await pressAndLoad(page);
    await step(page);
    expect(await announced(page)).toContain(t('measure.statusChanged'));
    expect(await page.locator('main').innerText()).toContain('بدأت أول دورة مسائية.');

    // A progress entry.
    await tabTo(page, field(t('measure.noteText')));
    await page.keyboard.type('تم تسجيل 12 مشاركًا.');
    await tabTo(page, button(t('measure.saveNote')));
    await pressAndLoad(page);
    await step(page);
    expect(await announced(page)).toContain(t('measure.noteAdded'));
    expect(await page.locator('main').innerText()).toContain('تم تسجيل 12 مشاركًا.');
    expectNoNetwork(blocked);
    await context.close();
  });
});
