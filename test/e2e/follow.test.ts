// Following a field of action in the browser, with the keyboard alone on a 320 px wide screen: the resident finds
// the link on the field's page, sends the form (an error first, the input kept), confirms from the mail (read
// from a real SMTP server); a status changes; the next morning's digest lists it, and its link unsubscribes with
// one click, without signing in. axe on every page, in German and in Arabic.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../smtp.js';
import { axeCheck, browserAvailable, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Focused, type Server } from './browser.js';

describe.skipIf(!browserAvailable())('following a field of action in the browser', () => {
  let smtp: TestSmtp;
  let server: Server;
  let browser: Browser;
  let municipalityId = 0;
  let fieldId = 0;
  let measureId = 0;

  beforeAll(async () => {
    smtp = await startSmtp();
    [server, browser] = await Promise.all([startServer(smtp.env), launchBrowser()]);
    const { services } = server.env;
    const m = (await services.municipalities.findBySlug(SLUG))!;
    municipalityId = m.id;
    const plan = (await services.plans.findCurrentPublishedPlan(m.id))!;
    const tree = await services.plans.tree(m.id, plan.id);
    fieldId = tree.fields[0].id;
    measureId = tree.fields[0].goals.flatMap((g) => g.measures)[0].id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  const runJobs = () => server.env.services.jobs.runDueJobs(server.env.now.value);
  const mailsTo = (to: string) => smtp.mails.filter((m) => m.to.includes(to));
  const linkIn = (mail: ReceivedMail, part: string) => new URL(new RegExp(`https?://[^\\s<>"]+/folgen/${part}/[A-Za-z0-9_-]+`).exec(mail.text)![0]).pathname;
  const link = (name: string) => (f: Focused) => f.tag === 'a' && f.name === name;
  const button = (name: string) => (f: Focused) => f.tag === 'button' && f.name === name;
  const field = (name: string) => (f: Focused) => f.tag === 'input' && f.name.startsWith(name);

  async function noHorizontalScroll(page: Page) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `document width at 320 px on ${page.url()}`).toBeLessThanOrEqual(320);
  }

  it('a resident follows a field with the keyboard alone, gets the digest of a status change and unsubscribes with one click', async () => {
    const { url } = server;
    const resident = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const r = resident.page;
    await r.goto(`${url}/${SLUG}/handlungsfelder/${fieldId}`);
    await tabTo(r, link('Diesem Handlungsfeld per E-Mail folgen'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('h1').innerText()).toBe('Per E-Mail folgen');
    await noHorizontalScroll(r);
    await axeCheck(r);

    // sent with a wrong address: the error at the field, the input kept
    await tabTo(r, field('Ihre E-Mail-Adresse'));
    await r.keyboard.type('leser.example.org');
    // the radio group is one tab stop (the chosen one: weekly); the arrow key chooses daily
    await tabTo(r, field('Wöchentlich'));
    await r.keyboard.press('ArrowUp');
    await tabTo(r, button('Folgen'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('.error-summary').innerText()).toContain('gültige E-Mail-Adresse');
    expect(await r.locator('#feld-email').inputValue()).toBe('leser.example.org');
    expect(await r.locator('input[name=frequency][value=daily]').isChecked()).toBe(true);
    await noHorizontalScroll(r);
    await axeCheck(r);
    await tabTo(r, field('Ihre E-Mail-Adresse'));
    await r.keyboard.press('Control+A');
    await r.keyboard.type('leser@example.org');
    await tabTo(r, button('Folgen'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('h1').innerText()).toBe('Bitte bestätigen Sie Ihre Adresse');
    await axeCheck(r);

    // the mail with the link to confirm
    await runJobs();
    const request = mailsTo('leser@example.org')[0];
    expect(request.subject).toContain('Bitte bestätigen');
    await r.goto(`${url}${linkIn(request, 'bestaetigen')}`);
    await expect.poll(() => r.locator('h1').innerText()).toBe('Sie folgen jetzt');
    await noHorizontalScroll(r);
    await axeCheck(r);

    // a status changes; the next morning at seven (Berlin) the digest goes out
    const { env } = server;
    env.now.value = new Date(env.now.value.getTime() + 60_000);
    await env.services.plans.changeStatus(municipalityId, measureId, { status_label: 'Kurs läuft seit Montag', status_category: null, note: 'Zwölf Eltern sind dabei.' }, { userId: null, name: 'Test' });
    env.now.value = new Date(env.now.value.getTime() + 25 * 3_600_000);
    await runJobs();
    const digest = mailsTo('leser@example.org')[1];
    expect(digest.subject).toContain('Neues: Handlungsfeld');
    expect(digest.text).toContain('jetzt „Kurs läuft seit Montag“');
    expect(digest.text).toContain('Vermerk: Zwölf Eltern sind dabei.');
    expect(digest.html).toContain('Abbestellen');

    // one click on the link in the mail, in a browser that never signed in
    const other = await newContext(browser, { viewport: { width: 320, height: 640 } });
    await other.page.goto(`${url}${linkIn(digest, 'abbestellen')}`);
    await expect.poll(() => other.page.locator('h1').innerText()).toBe('Abbestellt');
    await noHorizontalScroll(other.page);
    await axeCheck(other.page);
    const left = await env.db.kysely.selectFrom('follow_subscriptions').select('email').where('municipality_id', '=', municipalityId).execute();
    expect(left.map((s) => s.email)).not.toContain('leser@example.org');
    await other.context.close();
    await resident.context.close();
  });

  it('the form in Arabic: right to left, axe-clean, nothing scrolls sideways at 320 px', async () => {
    const { context, page } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}/${SLUG}/folgen/massnahme/${measureId}?lang=ar`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expect.poll(() => page.locator('h1').innerText()).toBe('المتابعة عبر البريد الإلكتروني');
    await noHorizontalScroll(page);
    await axeCheck(page);
    // a working group's page offers following too
    const group = await server.env.db.kysely.selectFrom('working_groups').select('id').where('municipality_id', '=', municipalityId).where('kind', '=', 'working').where('state', '=', 'active').executeTakeFirstOrThrow();
    await page.goto(`${server.url}/${SLUG}/arbeitsgruppen/${group.id}?lang=ar`);
    await page.getByRole('link', { name: 'تابع مجموعة العمل هذه عبر البريد الإلكتروني' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('المتابعة عبر البريد الإلكتروني');
    await axeCheck(page);
    await context.close();
  });
});
