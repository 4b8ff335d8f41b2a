// A resident answers a questionnaire with every question type and a condition, with the keyboard alone: on a
// wide screen and at 320 px (nothing scrolls sideways), axe-clean on every page, and once without JavaScript.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnairesPaths as paths } from '../../src/modules/questionnaires/index.js';
import { everyTypeSpec } from '../questionnaire.fixture.js';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Server } from './browser.js';

describe.skipIf(!browserAvailable())('answering a questionnaire in the browser', () => {
  let server: Server;
  let browser: Browser;
  let municipalityId: number;
  let questionnaireId: number;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const { services } = server.env;
    const m = (await services.municipalities.findBySlug(SLUG))!;
    municipalityId = m.id;
    const plan = (await services.plans.findCurrentPublishedPlan(m.id))!;
    questionnaireId = await services.questionnaires.createFromSpec(m.id, plan.id, everyTypeSpec(), { userId: null, name: 'Test' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const responses = () => server.env.services.questionnaires.responses(municipalityId, questionnaireId);

  /** Checks a page: axe (where scripts run), and at a narrow width, that nothing scrolls sideways. */
  async function check(page: Page, options: { axe: boolean; width: number | null }) {
    if (options.width !== null) {
      const limit = options.width;
      const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > w + 1).map((el) => el.outerHTML.slice(0, 100)).slice(0, 5), limit);
      expect(wide, `elements beyond ${limit} px on ${page.url()}`).toEqual([]);
      const overflowing = await page.evaluate(() => [...document.querySelectorAll('body, body *')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible').map((el) => `${el.tagName}.${el.className} ${el.scrollWidth}/${el.clientWidth}`).slice(0, 8));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `document width on ${page.url()}: ${overflowing.join(' | ')}`).toBeLessThanOrEqual(limit);
    }
    if (options.axe) await axeCheck(page);
  }

  async function answerWithKeyboard(page: Page, options: { axe: boolean; width: number | null }) {
    await page.goto(`${server.url}/${SLUG}`);
    // the start page invites, the list shows it
    await tabTo(page, 'Befragung Zusammenleben 2026');
    await pressAndLoad(page);
    expect(await page.locator('h1').innerText()).toBe('Befragung Zusammenleben 2026');
    await check(page, options);
    // the privacy notice opens with the keyboard
    await tabTo(page, /^Datenschutzhinweis/);
    await page.keyboard.press('Enter');
    expect(await page.locator('details.questionnaire-privacy').getAttribute('open')).not.toBeNull();
    await tabTo(page, 'Befragung beginnen');
    await pressAndLoad(page);

    // page 1: going on without the required answer shows the errors
    expect(await page.locator('#progress-text').innerText()).toBe('Seite 1 von 3');
    await tabTo(page, 'Weiter');
    await pressAndLoad(page);
    expect(await page.locator('.error-summary').innerText()).toContain('Bitte beantworten Sie diese Frage.');
    await check(page, options);
    await tabTo(page, /Haben Sie einen Sprachkurs besucht\?: Bitte beantworten/);
    await tabTo(page, 'Ja');
    await page.keyboard.press('Space');
    await tabTo(page, /^Welchen Kurs\?/);
    await page.keyboard.type('Abendkurs B1');
    await tabTo(page, 'Sprachcafé');
    await page.keyboard.press('Space');
    await tabTo(page, 'Anderes');
    await page.keyboard.press('Space');
    await tabTo(page, 'Anderes (Ihre Angabe)');
    await page.keyboard.type('Nachbarschaftstreff');
    await tabTo(page, 'Weiter');
    await pressAndLoad(page);

    // page 2, shown because of "Ja": a scale and a matrix
    expect(await page.locator('#progress-text').innerText()).toBe('Seite 2 von 4');
    await check(page, options);
    await tabTo(page, '1 – gar nicht');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[type=radio][value="4"]').isChecked()).toBe(true);
    if (options.width !== null && options.width <= 320) {
      // narrow: the matrix's column headings give way to a visible label at each choice
      expect(await page.locator('.questionnaire-matrix thead').isVisible()).toBe(false);
      expect(await page.locator('.questionnaire-matrix__label').first().isVisible()).toBe(true);
    }
    await tabTo(page, 'Kinderbetreuung: gut');
    await page.keyboard.press('Space');
    await tabTo(page, 'Kurszeiten: gut');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, 'Weiter');
    await pressAndLoad(page);

    // page 3: ranks, texts, a number
    expect(await page.locator('#progress-text').innerText()).toBe('Seite 3 von 4');
    await check(page, options);
    const rank = async (label: string, presses: number) => {
      const f = await tabTo(page, label);
      for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowDown');
      expect(await page.locator(`#${f.id}`).inputValue()).toBe(String(presses));
    };
    await rank('Wohnung', 2);
    await rank('Arbeit', 1);
    await rank('Schule', 3);
    await tabTo(page, /^Was wünschen Sie sich\?/);
    await page.keyboard.type('Mehr Abendkurse.');
    await tabTo(page, /^Wie viele Personen/);
    await page.keyboard.type('3');
    await tabTo(page, 'Weiter');
    await pressAndLoad(page);

    // the review, then send
    expect(await page.locator('h1').innerText()).toBe('Ihre Antworten prüfen');
    const review = await page.locator('main').innerText();
    for (const s of ['Abendkurs B1', 'Nachbarschaftstreff', '1. Arbeit; 2. Wohnung; 3. Schule', 'Kurszeiten: mittel']) expect(review).toContain(s);
    await check(page, options);
    await tabTo(page, 'Antworten absenden');
    await pressAndLoad(page);
    expect(await page.locator('h1').innerText()).toBe('Vielen Dank für Ihre Antworten!');
    await check(page, options);
  }

  it('with the keyboard alone, axe-clean on every page', async () => {
    const { context, page, blocked } = await newContext(browser);
    const before = await responses();
    await answerWithKeyboard(page, { axe: true, width: null });
    expect(await responses()).toBe(before + 1);
    expectNoNetwork(blocked);
    await context.close();
  });

  it('at 320 px: nothing scrolls sideways, the matrix stacks its rows', async () => {
    const { context, page, blocked } = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const before = await responses();
    await answerWithKeyboard(page, { axe: true, width: 320 });
    expect(await responses()).toBe(before + 1);
    expectNoNetwork(blocked);
    await context.close();
  });

  it('without JavaScript', async () => {
    const { context, page, blocked } = await newContext(browser, { javaScriptEnabled: false });
    const before = await responses();
    await answerWithKeyboard(page, { axe: false, width: null });
    expect(await responses()).toBe(before + 1);
    // the personal link to continue later works the same
    await page.goto(`${server.url}${paths.publicStart(SLUG, questionnaireId)}`);
    await tabTo(page, 'Befragung beginnen');
    await pressAndLoad(page);
    await tabTo(page, 'Später weitermachen');
    await pressAndLoad(page);
    const link = await page.locator('#feld-continue-link').inputValue();
    expect(link).toContain(`/${SLUG}/befragungen/${questionnaireId}/weiter/`);
    expectNoNetwork(blocked);
    await context.close();
  });
});
