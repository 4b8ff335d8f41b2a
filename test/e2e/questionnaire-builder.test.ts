// The questionnaire builder in the browser: the officer builds a questionnaire with every kind of question and
// a condition, and publishes it; axe-core checks every page on the way. Then a question is added with the
// keyboard alone, every stop showing its focus.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, newContext, pressAndLoad, type Server, SLUG, tabTo, useServerAndBrowser } from './browser.js';
import { BUILT_TITLE, buildEveryTypeQuestionnaire, signIn } from './questionnaire.steps.js';

describe.skipIf(!browserAvailable())('journey: building a questionnaire', () => {
  let server: Server;
  let browser: Browser;
  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  it('builds a questionnaire with every kind of question and a condition, and publishes it', async () => {
    const { page, blocked } = await newContext(browser);
    await signIn(page, server);
    const id = await buildEveryTypeQuestionnaire(page, axeCheck);

    // An existing question: its options each in their own field.
    await page.getByRole('link', { name: 'Haben Sie einen Sprachkurs besucht?' }).click();
    expect(await page.getByLabel('Antwortmöglichkeit 1', { exact: true }).inputValue()).toBe('Ja');
    await axeCheck(page);
    await page.getByRole('link', { name: 'Abbrechen' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe(BUILT_TITLE);

    // The translation page lists every text beside its German source.
    await page.getByRole('link', { name: 'Englisch' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Übersetzung: Englisch');
    expect(await page.locator('main').innerText()).toContain('gar nicht zufrieden');
    await axeCheck(page);

    const municipality = (await server.env.services.municipalities.findBySlug(SLUG))!;
    const built = (await server.env.services.questionnaires.list(municipality.id)).find((q) => q.title === BUILT_TITLE)!;
    expect(built.id).toBe(id);
    const def = (await server.env.services.questionnaires.definition(municipality.id, built.id))!;
    expect(built.state).toBe('published');
    expect(def.sections[0].questions.map((q) => q.demographic ?? q.type)).toEqual(['single', 'multiple', 'scale', 'matrix', 'ranking', 'short_text', 'long_text', 'number', 'date', 'age', 'district']);
    const [first, second] = def.sections[0].questions;
    expect(second.condition).toEqual({ questionId: first.id, optionIds: [first.options[0].id] });
    expect(second.options.at(-1)!.isOther).toBe(true);
    expectNoNetwork(blocked);
    // About thirty pages, each checked by axe: longer than one journey's usual allowance on a busy machine.
  }, 900_000);

  it('adds a question with the keyboard alone', async () => {
    const { url } = server;
    const { page } = await newContext(browser);
    await signIn(page, server);
    const municipality = (await server.env.services.municipalities.findBySlug(SLUG))!;
    const [plan] = await server.env.services.plans.listPlans(municipality.id);
    const id = await server.env.services.questionnaires.createFromSpec(municipality.id, plan.id, { title: 'Tastaturbefragung', sections: [{ title: 'Erster Abschnitt', questions: [] }] }, { userId: null, name: 'Test' });
    await page.goto(`${url}/${SLUG}/verwaltung/befragungen/${id}`);

    await tabTo(page, /^Frage hinzufügen/);
    await pressAndLoad(page);
    await tabTo(page, 'Einfachauswahl');
    await page.keyboard.press('Space');
    await tabTo(page, 'Weiter');
    await pressAndLoad(page);
    await tabTo(page, 'Frage');
    await page.keyboard.type('Nutzen Sie das Sprachcafé?');
    await tabTo(page, /^Neue Antwortmöglichkeiten/);
    await page.keyboard.type('Ja');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Nein');
    await tabTo(page, /Sonstiges, und zwar/);
    await page.keyboard.press('Space');
    await tabTo(page, 'Speichern');
    await pressAndLoad(page);
    await expect.poll(() => page.locator('.kern-alert').first().innerText()).toContain('Die Frage wurde hinzugefügt.');
    const def = (await server.env.services.questionnaires.definition(municipality.id, id))!;
    expect(def.sections[0].questions.map((q) => [q.text, q.options.map((o) => o.label)])).toEqual([['Nutzen Sie das Sprachcafé?', ['Ja', 'Nein', 'Sonstiges, und zwar:']]]);
    await axeCheck(page);
  });
});
