// The results of a questionnaire in the browser: the officer reads the figures and charts, codes two free-text
// answers into a new topic with the keyboard alone and links the topic to a measure; once the questionnaire has
// closed, the public results page and the measure's page show the way from the answers to the measure.
// axe-core finds nothing on any of these pages.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnairesPaths as paths } from '../../src/modules/questionnaires/index.js';
import { planPaths } from '../../src/modules/plan/index.js';
import { seedResults, type ResultsFixture } from '../questionnaire-results.fixture.js';
import type { Side } from '../support.js';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, SLUG, startServer, type Server } from './browser.js';
import { codeIntoNewTopic, linkTopicToMeasure, literal, signIn } from './questionnaire.steps.js';

const DAY = 86_400_000;

describe.skipIf(!browserAvailable())('questionnaire results in the browser', () => {
  let server: Server;
  let browser: Browser;
  let r: ResultsFixture;
  let measureId: number;
  let measureText: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const s = server.env.services;
    const m = await s.municipalities.getBySlug(SLUG);
    const plan = (await s.plans.findCurrentPublishedPlan(m.id))!;
    const tree = await s.plans.tree(m.id, plan.id);
    const measure = tree.fields[0].goals[0].measures[0];
    measureId = measure.id;
    measureText = measure.text;
    const side = { municipalityId: m.id, planId: plan.id, fieldId: tree.fields[0].id } as Side;
    r = await seedResults(server.env, side, { title: 'Befragung Bildung und Sprache 2025', closesAt: new Date(server.env.now.value.getTime() + DAY).toISOString() });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the officer sees the results, codes two answers into a new topic with the keyboard and links it to a measure', async () => {
    const { url } = server;
    const { page, blocked } = await newContext(browser);
    await signIn(page, server);

    await page.goto(`${url}${paths.adminResults(SLUG, r.questionnaireId)}`);
    expect(await page.locator('h1').innerText()).toBe('Ergebnisse: Befragung Bildung und Sprache 2025');
    await expect.poll(() => page.locator('.chart svg[role="img"]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('table', { name: 'Antworten auf „Haben Sie einen Sprachkurs besucht?“' }).innerText()).toMatch(/Ja\s+8\s+67\s?%/);
    expect(await page.locator('[style]').count()).toBe(0);
    await axeCheck(page);

    // a group of 18–29-year-olds: five responses, shown
    await page.getByLabel('Gruppe', { exact: true }).selectOption(String(r.o.young));
    await Promise.all([page.waitForURL(/gruppe=/), page.getByRole('button', { name: 'Anzeigen' }).click()]);
    expect(await page.getByRole('status').first().innerText()).toContain('„18–29“');
    await axeCheck(page);

    // the free-text answers, with the keyboard alone from here
    await page.goto(`${url}${paths.adminResults(SLUG, r.questionnaireId)}`);
    await codeIntoNewTopic(page, { question: 'Was wünschen Sie sich?', search: 'Frauen', shown: '2 von 12 Antworten', answers: ['Mehr Sprachkurse für Frauen am Vormittag', 'Sprachkurse für Frauen mit Kindern'], topic: 'Sprachkurse für Frauen' }, axeCheck);

    // the topic and its link to a measure
    await linkTopicToMeasure(page, server, { questionnaireId: r.questionnaireId, topic: 'Sprachkurse für Frauen', answers: 2, measureId, measureText }, axeCheck);

    // the measure's admin page names the topic before it is public
    await page.goto(`${url}${planPaths.adminMeasure(SLUG, measureId)}`);
    expect(await page.locator('body').innerText()).toContain('Befragung „Befragung Bildung und Sprache 2025“: 2 Antworten zum Thema „Sprachkurse für Frauen“');
    expectNoNetwork(blocked);
  });

  it('after closing, the measure page links to the public results, which show the topic and what it led to', async () => {
    const { url } = server;
    const { page, blocked } = await newContext(browser);
    // before closing: no public results, no line on the measure page
    expect((await page.goto(`${url}${paths.publicResults(SLUG, r.questionnaireId)}`))?.status()).toBe(404);
    await page.goto(`${url}${planPaths.measure(SLUG, measureId)}`);
    expect(await page.locator('body').innerText()).not.toContain('Aus der Befragung');

    server.env.now.value = new Date(server.env.now.value.getTime() + 2 * DAY);
    await page.goto(`${url}${planPaths.measure(SLUG, measureId)}`);
    const year = new Date(server.env.now.value.getTime() - DAY).toLocaleString('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric' });
    const line = page.getByRole('link', { name: `Aus der Befragung „Befragung Bildung und Sprache 2025“ (${year}): 2 Antworten zum Thema „Sprachkurse für Frauen“` });
    expect(await line.count()).toBe(1);
    await axeCheck(page);
    await Promise.all([page.waitForURL(`${url}${paths.publicResults(SLUG, r.questionnaireId)}`), line.click()]);
    expect(await page.locator('h1').innerText()).toBe('Ergebnisse: Befragung Bildung und Sprache 2025');
    const body = await page.locator('body').innerText();
    expect(body).toContain('2 Antworten zum Thema „Sprachkurse für Frauen“');
    expect(body).not.toContain('Mehr Sprachkurse für Frauen am Vormittag');
    expect(await page.getByRole('link', { name: new RegExp(`^Maßnahme .*${literal(measureText.slice(0, 20))}`) }).count()).toBe(1);
    expect(await page.locator('[style]').count()).toBe(0);
    await axeCheck(page);
    expectNoNetwork(blocked);
  });
});
