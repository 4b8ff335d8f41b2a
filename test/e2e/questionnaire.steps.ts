// Steps of the questionnaire journeys in the browser, shared by the builder, answering, results and whole-journey
// tests: signing in, building a questionnaire with every kind of question and a condition, answering that
// questionnaire with the keyboard alone, coding free-text answers into a new topic and linking a topic to a
// measure. Each step takes `check`, run once on every distinct page it reaches (axeCheck, or nothing when the
// page was checked before).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { questionnairesPaths as paths } from '../../src/modules/questionnaires/index.js';
import { axeCheck, pressAndLoad, SLUG, tabTo, type Focused, type Server } from './browser.js';

export type Check = (page: Page) => Promise<void>;
export const noCheck: Check = async () => {};
export { axeCheck };

/** The title of the questionnaire buildEveryTypeQuestionnaire builds. */
export const BUILT_TITLE = 'Befragung Zusammenleben 2026';

export const field = (name: string | RegExp) => (f: Focused) => ['input', 'textarea', 'select'].includes(f.tag) && (typeof name === 'string' ? f.name === name : name.test(f.name));
export const button = (name: string) => (f: Focused) => f.tag === 'button' && f.name === name;
export const flash = (page: Page) => page.locator('.kern-alert').first().innerText();

export async function signIn(page: Page, server: Server): Promise<void> {
  const { url } = server;
  await page.goto(`${url}/anmelden`);
  await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
  await page.getByLabel('Passwort').fill(server.admin.password);
  await Promise.all([page.waitForURL(`${url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);
}

/** Adds a question of a kind to the last section of the questionnaire shown; `check` runs on the kind's form (and, with `checkChoice`, on the page choosing the kind). */
export async function addQuestion(page: Page, kind: string, fill: (page: Page) => Promise<void>, check: Check, checkChoice = false): Promise<void> {
  await page.getByRole('link', { name: /^Frage hinzufügen/ }).last().click();
  await expect.poll(() => page.locator('h1').innerText()).toBe('Frage hinzufügen');
  if (checkChoice) await check(page);
  await page.getByLabel(kind, { exact: true }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect.poll(() => page.locator('main').innerText()).toContain(`${kind} im Abschnitt`);
  await check(page);
  await fill(page);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(() => page.locator('.kern-alert').first().innerText()).toContain('Die Frage wurde hinzugefügt.');
}

/**
 * From the signed-in admin start page: a new questionnaire (sent once without a title: the error summary), one
 * section for a field of action, a question of every kind (single choice, multiple choice with "other, namely"
 * shown only if the first is answered "Ja", a scale with labelled ends, a matrix, a ranking, short and long
 * text, a number, a date, the age band and the district), and published. Ends on the questionnaire's page;
 * returns its id.
 */
export async function buildEveryTypeQuestionnaire(page: Page, check: Check): Promise<number> {
  await page.getByRole('navigation', { name: 'Verwaltungsnavigation' }).getByRole('link', { name: 'Befragungen' }).click();
  await expect.poll(() => page.locator('h1').innerText()).toBe('Befragungen');
  await check(page);

  // The settings, sent without a title first: the error summary must be accessible too.
  await page.getByRole('link', { name: 'Neue Befragung' }).click();
  await check(page);
  await page.getByLabel('Plan', { exact: true }).selectOption({ index: 1 });
  await page.getByLabel('Begrüßungstext').fill('Sagen Sie uns, was Ihnen in Musterstadt fehlt.');
  await page.getByRole('button', { name: 'Befragung anlegen' }).click();
  await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Titel');
  expect(await page.getByLabel('Begrüßungstext').inputValue()).toBe('Sagen Sie uns, was Ihnen in Musterstadt fehlt.');
  await check(page);
  await page.getByLabel('Titel', { exact: true }).fill(BUILT_TITLE);
  await page.locator('#feld-closes_date').fill('2030-12-31');
  await page.locator('#feld-closes_time').fill('18:00');
  await page.getByLabel('Datenschutzhinweis').fill('Ihre Antworten werden anonym gespeichert.');
  await page.getByRole('button', { name: 'Befragung anlegen' }).click();
  await expect.poll(() => page.locator('h1').innerText()).toBe(BUILT_TITLE);
  expect(await page.locator('main').innerText()).toContain('31. Dezember 2030 um 18:00');
  await check(page);
  const id = Number(/befragungen\/(\d+)/.exec(page.url())?.[1]);
  expect(id).toBeGreaterThan(0);

  // A section for a field of action.
  await page.getByRole('link', { name: 'Abschnitt hinzufügen' }).click();
  await check(page);
  await page.getByLabel('Überschrift').fill('Sprache und Bildung');
  await page.getByLabel('Handlungsfeld').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(() => page.locator('main').innerText()).toContain('Abschnitt 1: Sprache und Bildung');

  await addQuestion(page, 'Einfachauswahl', async (p) => {
    await p.getByLabel('Frage', { exact: true }).fill('Haben Sie einen Sprachkurs besucht?');
    await p.getByLabel('Pflichtfrage (muss beantwortet werden)').check();
    await p.getByLabel(/^Neue Antwortmöglichkeiten/).fill('Ja\nNein');
  }, check, true);
  await addQuestion(page, 'Mehrfachauswahl', async (p) => {
    await p.getByLabel('Frage', { exact: true }).fill('Wo haben Sie ihn besucht?');
    await p.getByLabel(/^Neue Antwortmöglichkeiten/).fill('Volkshochschule\nVerein');
    await p.getByLabel(/Sonstiges, und zwar/).check();
    // shown only if the first question was answered "Ja"
    await p.locator('#feld-condition').getByLabel('Ja', { exact: true }).check();
  }, check);
  await addQuestion(page, 'Bewertungsskala', async (p) => {
    await p.getByLabel('Frage', { exact: true }).fill('Wie zufrieden waren Sie mit dem Kurs?');
    await p.getByLabel(/^Beschriftung des niedrigsten Werts/).fill('gar nicht zufrieden');
    await p.getByLabel(/^Beschriftung des höchsten Werts/).fill('sehr zufrieden');
  }, check);
  await addQuestion(page, 'Matrix', async (p) => {
    await p.getByLabel('Frage', { exact: true }).fill('Wie wichtig sind Ihnen diese Angebote?');
    await p.getByLabel(/^Neue Zeilen/).fill('Sprachcafé\nHausaufgabenhilfe');
    await p.getByLabel(/^Neue Spalten/).fill('wichtig\nunwichtig');
  }, check);
  await addQuestion(page, 'Rangfolge', async (p) => {
    await p.getByLabel('Frage', { exact: true }).fill('Was sollte zuerst kommen?');
    await p.getByLabel(/^Neue Antwortmöglichkeiten/).fill('Kinderbetreuung\nAbendkurse\nOnline-Kurse');
  }, check);
  await addQuestion(page, 'Freitext (kurz)', async (p) => {
    await p.getByLabel('Frage', { exact: true }).fill('Welcher Kurs fehlt?');
    await p.getByLabel(/^Höchstens so viele Zeichen/).fill('200');
  }, check);
  await addQuestion(page, 'Freitext (lang)', async (p) => {
    await p.getByLabel('Frage', { exact: true }).fill('Was möchten Sie uns noch sagen?');
  }, check);
  await addQuestion(page, 'Zahl', async (p) => {
    await p.getByLabel('Frage', { exact: true }).fill('Wie viele Kinder leben in Ihrem Haushalt?');
    await p.getByLabel(/^Kleinste Zahl/).fill('0');
    await p.getByLabel('Nur ganze Zahlen').check();
  }, check);
  await addQuestion(page, 'Datum', async (p) => {
    await p.getByLabel('Frage', { exact: true }).fill('Seit wann wohnen Sie in Musterstadt?');
  }, check);
  await addQuestion(page, 'Altersgruppe', async (p) => {
    expect(await p.getByLabel(/^Neue Antwortmöglichkeiten/).inputValue()).toContain('65 Jahre und älter');
  }, check);
  await addQuestion(page, 'Stadtteil', async (p) => {
    await p.getByLabel(/^Neue Antwortmöglichkeiten/).fill('Altstadt\nNordviertel');
  }, check);

  expect(await page.locator('main').innerText()).toContain('Nur wenn bei „Haben Sie einen Sprachkurs besucht?“ „Ja“ gewählt wurde.');
  await check(page);

  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect.poll(() => flash(page)).toContain('Die Befragung ist veröffentlicht.');
  await check(page);
  return id;
}

export interface BuiltAnswers {
  /** the answer to the short free text "Welcher Kurs fehlt?" */
  course: string;
  /** the answer to the long free text "Was möchten Sie uns noch sagen?" */
  remark: string;
}

/**
 * A resident answers the questionnaire buildEveryTypeQuestionnaire built, with the keyboard alone, from the
 * municipality's start page to the thanks page: every question answered ("Ja", so the conditioned question shows).
 */
export async function answerBuiltWithKeyboard(page: Page, server: Server, answers: BuiltAnswers, check: Check): Promise<void> {
  await page.goto(`${server.url}/${SLUG}`);
  await tabTo(page, BUILT_TITLE);
  await pressAndLoad(page);
  expect(await page.locator('h1').innerText()).toBe(BUILT_TITLE);
  await check(page);
  await tabTo(page, 'Befragung beginnen');
  await pressAndLoad(page);

  expect(await page.locator('#progress-text').innerText()).toBe('Seite 1 von 2');
  await check(page);
  await tabTo(page, 'Ja');
  await page.keyboard.press('Space');
  await tabTo(page, 'Volkshochschule');
  await page.keyboard.press('Space');
  await tabTo(page, 'Sonstiges, und zwar:', { limit: 20 });
  await page.keyboard.press('Space');
  await tabTo(page, field(/und zwar/));
  await page.keyboard.type('Nachbarschaftstreff');
  await tabTo(page, /^1 – gar nicht zufrieden/);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await tabTo(page, 'Sprachcafé: wichtig');
  await page.keyboard.press('Space');
  await tabTo(page, 'Hausaufgabenhilfe: wichtig');
  await page.keyboard.press('ArrowRight');
  const rank = async (label: string, presses: number) => {
    const f = await tabTo(page, field(label));
    for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator(`#${f.id}`).inputValue()).toBe(String(presses));
  };
  await rank('Kinderbetreuung', 1);
  await rank('Abendkurse', 2);
  await rank('Online-Kurse', 3);
  await tabTo(page, field(/^Welcher Kurs fehlt\?/));
  await page.keyboard.type(answers.course);
  await tabTo(page, field(/^Was möchten Sie uns noch sagen\?/));
  await page.keyboard.type(answers.remark);
  await tabTo(page, field(/^Wie viele Kinder/));
  await page.keyboard.type('2');
  await tabTo(page, field(/^Seit wann wohnen Sie/));
  await page.keyboard.type('01032015');
  // a radio group is one stop: the arrow keys choose within it
  await tabTo(page, 'unter 18 Jahre');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await page.getByLabel('27 bis 44 Jahre').isChecked()).toBe(true);
  await tabTo(page, 'Altstadt');
  await page.keyboard.press('Space');
  await tabTo(page, 'Weiter');
  await pressAndLoad(page);

  expect(await page.locator('h1').innerText()).toBe('Ihre Antworten prüfen');
  const review = await page.locator('main').innerText();
  for (const s of ['Nachbarschaftstreff', '1. Kinderbetreuung; 2. Abendkurse; 3. Online-Kurse', 'Hausaufgabenhilfe: unwichtig', answers.course, answers.remark, '2015', 'Altstadt']) expect(review).toContain(s);
  await check(page);
  await tabTo(page, 'Antworten absenden');
  await pressAndLoad(page);
  expect(await page.locator('h1').innerText()).toBe('Vielen Dank für Ihre Antworten!');
  await check(page);
}

/**
 * From the results page of a questionnaire, with the keyboard alone: opens the free-text answers of a question,
 * narrows them by a search if given, chooses the answers and codes them into a new topic.
 */
export async function codeIntoNewTopic(page: Page, options: { question: string; search?: string; shown?: string; answers: string[]; topic: string }, check: Check): Promise<void> {
  await tabTo(page, (f) => f.tag === 'a' && f.name.startsWith('Freitextantworten ansehen und Themen zuordnen') && f.name.includes(options.question));
  await pressAndLoad(page);
  expect(await page.locator('h1').innerText()).toBe('Freitextantworten');
  await check(page);
  if (options.search) {
    await tabTo(page, field('Suche im Text'));
    await page.keyboard.type(options.search);
    await pressAndLoad(page);
  }
  if (options.shown) expect(await page.getByRole('status').innerText()).toBe(options.shown);
  for (const answer of options.answers) {
    await tabTo(page, field(answer));
    await page.keyboard.press('Space');
  }
  await tabTo(page, field(/^Oder ein neues Thema/));
  await page.keyboard.type(options.topic);
  await tabTo(page, button('Thema zuordnen'));
  await pressAndLoad(page);
  expect(await flash(page)).toContain(`${options.answers.length} Antworten dem Thema „${options.topic}“ zugeordnet.`);
  await check(page);
}

/** The officer opens a questionnaire's topics, the topic, and links it to a measure; ends on the topic's page. */
export async function linkTopicToMeasure(page: Page, server: Server, options: { questionnaireId: number; topic: string; answers: number; measureId: number; measureText: string }, check: Check): Promise<void> {
  await page.goto(`${server.url}${paths.adminTopics(SLUG, options.questionnaireId)}`);
  await check(page);
  await Promise.all([page.waitForURL(/themen\/\d+$/), page.getByRole('link', { name: options.topic }).click()]);
  expect(await page.locator('h1').innerText()).toBe(options.topic);
  expect(await page.locator('body').innerText()).toContain(`${options.answers} Antworten`);
  await check(page);
  await page.getByLabel('Mit einem Ziel oder einer Maßnahme verknüpfen').selectOption(`measure:${options.measureId}`);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Verknüpfen' }).click()]);
  expect(await flash(page)).toContain('Die Verknüpfung wurde angelegt.');
  expect(await page.getByRole('table', { name: 'Verknüpfte Ziele und Maßnahmen' }).innerText()).toContain(options.measureText.slice(0, 40));
  await check(page);
}

/** Escapes a text for a regular expression. */
export const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
