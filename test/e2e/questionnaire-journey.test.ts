// The whole way of a questionnaire in the browser: the officer builds a new questionnaire with every kind of
// question and a condition and publishes it; two residents answer it with the keyboard alone; the officer reads
// the results, codes the two free-text answers into a new topic and links the topic to a published measure of the
// plan, then closes the questionnaire; the public results page and the measure's public page show the link from
// the answers to the measure, and the link leads to the results. axe-core checks every distinct page once.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { planPaths } from '../../src/modules/plan/index.js';
import { questionnairesPaths as paths } from '../../src/modules/questionnaires/index.js';
import { browserAvailable, expectNoNetwork, newContext, type Server, SLUG, useServerAndBrowser } from './browser.js';
import { answerBuiltWithKeyboard, axeCheck, BUILT_TITLE, buildEveryTypeQuestionnaire, codeIntoNewTopic, flash, linkTopicToMeasure, literal, noCheck, signIn } from './questionnaire.steps.js';

describe.skipIf(!browserAvailable())('a questionnaire from building to the measure it led to', () => {
  let server: Server;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  it('built, answered twice with the keyboard, coded, linked to a measure, closed and shown in public', async () => {
    const { url } = server;
    const s = server.env.services;
    const municipality = await s.municipalities.getBySlug(SLUG);

    // the officer builds and publishes
    const officer = await newContext(browser);
    await signIn(officer.page, server);
    const id = await buildEveryTypeQuestionnaire(officer.page, axeCheck);
    const def = (await s.questionnaires.definition(municipality.id, id))!;
    expect(def.questionnaire.state).toBe('published');
    expect(def.sections[0].questions.map((q) => q.demographic ?? q.type)).toEqual(['single', 'multiple', 'scale', 'matrix', 'ranking', 'short_text', 'long_text', 'number', 'date', 'age', 'district']);

    // two residents answer with the keyboard alone; the pages are checked on the first way through
    const remarks = ['Mehr Sprachkurse für Frauen am Vormittag', 'Sprachkurse für Frauen mit Kinderbetreuung'];
    for (const [i, remark] of remarks.entries()) {
      const resident = await newContext(browser);
      await answerBuiltWithKeyboard(resident.page, server, { course: `Abendkurs B${i + 1}`, remark }, i === 0 ? axeCheck : noCheck);
      expectNoNetwork(resident.blocked);
      await resident.context.close();
    }
    expect(await s.questionnaires.responses(municipality.id, id)).toBe(2);

    // the officer reads the results and codes the two remarks into a new topic
    const { page } = officer;
    await page.goto(`${url}${paths.adminResults(SLUG, id)}`);
    expect(await page.locator('h1').innerText()).toBe(`Ergebnisse: ${BUILT_TITLE}`);
    await expect.poll(() => page.locator('.chart svg[role="img"]').count()).toBeGreaterThanOrEqual(1);
    await axeCheck(page);
    const topic = 'Sprachkurse für Frauen';
    await codeIntoNewTopic(page, { question: 'Was möchten Sie uns noch sagen?', shown: '2 von 2 Antworten', answers: remarks, topic }, axeCheck);

    // ... and links it to a published measure of the questionnaire's plan
    const tree = await s.plans.tree(municipality.id, def.questionnaire.planId);
    const published = (await s.plans.findCurrentPublishedPlan(municipality.id))!;
    expect(published.id).toBe(def.questionnaire.planId);
    const measure = tree.fields[0].goals[0].measures[0];
    await linkTopicToMeasure(page, server, { questionnaireId: id, topic, answers: 2, measureId: measure.id, measureText: measure.text }, axeCheck);

    // before closing, nothing public
    const visitor = await newContext(browser);
    expect((await visitor.page.goto(`${url}${paths.publicResults(SLUG, id)}`))?.status()).toBe(404);
    await visitor.page.goto(`${url}${planPaths.measure(SLUG, measure.id)}`);
    expect(await visitor.page.locator('body').innerText()).not.toContain(`„${BUILT_TITLE}“`);

    // the officer closes the questionnaire
    await page.goto(`${url}${paths.admin(SLUG, id)}`);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Jetzt beenden' }).click()]);
    await expect.poll(() => flash(page)).toContain('Die Befragung ist beendet.');
    await axeCheck(page);
    expect((await s.questionnaires.get(municipality.id, id))!.state).toBe('closed');
    expectNoNetwork(officer.blocked);

    // the public results show the topic and the measure it led to
    const year = new Date().toLocaleString('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric' });
    const line = `${remarks.length} Antworten zum Thema „${topic}“`;
    await visitor.page.goto(`${url}${paths.publicResults(SLUG, id)}`);
    expect(await visitor.page.locator('h1').innerText()).toBe(`Ergebnisse: ${BUILT_TITLE}`);
    const body = await visitor.page.locator('body').innerText();
    expect(body).toContain(line);
    for (const remark of remarks) expect(body).not.toContain(remark);
    expect(await visitor.page.getByRole('link', { name: new RegExp(`^Maßnahme .*${literal(measure.text.slice(0, 20))}`) }).count()).toBe(1);
    await axeCheck(visitor.page);

    // the measure's public page links to the results
    await visitor.page.goto(`${url}${planPaths.measure(SLUG, measure.id)}`);
    const link = visitor.page.getByRole('link', { name: `Aus der Befragung „${BUILT_TITLE}“ (${year}): ${line}` });
    expect(await link.count()).toBe(1);
    await axeCheck(visitor.page);
    await Promise.all([visitor.page.waitForURL(`${url}${paths.publicResults(SLUG, id)}`), link.click()]);
    expect(await visitor.page.locator('h1').innerText()).toBe(`Ergebnisse: ${BUILT_TITLE}`);
    expectNoNetwork(visitor.blocked);
  }, 900_000);
});
