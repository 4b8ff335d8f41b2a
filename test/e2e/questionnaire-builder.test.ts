// The questionnaire builder in the browser: the officer builds a questionnaire with every kind of question and
// a condition, and publishes it; axe-core checks every page on the way. Then a question is added with the
// keyboard alone, every stop showing its focus.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, type Server } from './browser.js';

async function addQuestion(page: Page, kind: string, fill: (page: Page) => Promise<void>, check = false): Promise<void> {
  await page.getByRole('link', { name: /^Frage hinzufügen/ }).last().click();
  await expect.poll(() => page.locator('h1').innerText()).toBe('Frage hinzufügen');
  if (check) await axeCheck(page);
  await page.getByLabel(kind, { exact: true }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect.poll(() => page.locator('main').innerText()).toContain(`${kind} im Abschnitt`);
  await axeCheck(page);
  await fill(page);
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect.poll(() => page.locator('.kern-alert').first().innerText()).toContain('Die Frage wurde hinzugefügt.');
}

describe.skipIf(!browserAvailable())('journey: building a questionnaire', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds a questionnaire with every kind of question and a condition, and publishes it', async () => {
    const { url } = server;
    const { page, blocked } = await newContext(browser);
    await page.goto(`${url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await page.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([page.waitForURL(`${url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);

    await page.getByRole('navigation', { name: 'Verwaltungsnavigation' }).getByRole('link', { name: 'Befragungen' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Befragungen');
    await axeCheck(page);

    // The settings, sent without a title first: the error summary must be accessible too.
    await page.getByRole('link', { name: 'Neue Befragung' }).click();
    await axeCheck(page);
    await page.getByLabel('Plan', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Begrüßungstext').fill('Sagen Sie uns, was Ihnen in Musterstadt fehlt.');
    await page.getByRole('button', { name: 'Befragung anlegen' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Titel');
    expect(await page.getByLabel('Begrüßungstext').inputValue()).toBe('Sagen Sie uns, was Ihnen in Musterstadt fehlt.');
    await axeCheck(page);
    await page.getByLabel('Titel', { exact: true }).fill('Befragung Zusammenleben 2026');
    await page.locator('#feld-closes_date').fill('2030-12-31');
    await page.locator('#feld-closes_time').fill('18:00');
    await page.getByLabel('Datenschutzhinweis').fill('Ihre Antworten werden anonym gespeichert.');
    await page.getByRole('button', { name: 'Befragung anlegen' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Befragung Zusammenleben 2026');
    expect(await page.locator('main').innerText()).toContain('31. Dezember 2030 um 18:00');
    await axeCheck(page);

    // A section for a field of action.
    await page.getByRole('link', { name: 'Abschnitt hinzufügen' }).click();
    await axeCheck(page);
    await page.getByLabel('Überschrift').fill('Sprache und Bildung');
    await page.getByLabel('Handlungsfeld').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Abschnitt 1: Sprache und Bildung');

    await addQuestion(page, 'Einfachauswahl', async (p) => {
      await p.getByLabel('Frage', { exact: true }).fill('Haben Sie einen Sprachkurs besucht?');
      await p.getByLabel('Pflichtfrage (muss beantwortet werden)').check();
      await p.getByLabel(/^Neue Antwortmöglichkeiten/).fill('Ja\nNein');
    }, true);
    await addQuestion(page, 'Mehrfachauswahl', async (p) => {
      await p.getByLabel('Frage', { exact: true }).fill('Wo haben Sie ihn besucht?');
      await p.getByLabel(/^Neue Antwortmöglichkeiten/).fill('Volkshochschule\nVerein');
      await p.getByLabel(/Sonstiges, und zwar/).check();
      // shown only if the first question was answered "Ja"
      await p.locator('#feld-condition').getByLabel('Ja', { exact: true }).check();
    });
    await addQuestion(page, 'Bewertungsskala', async (p) => {
      await p.getByLabel('Frage', { exact: true }).fill('Wie zufrieden waren Sie mit dem Kurs?');
      await p.getByLabel(/^Beschriftung des niedrigsten Werts/).fill('gar nicht zufrieden');
      await p.getByLabel(/^Beschriftung des höchsten Werts/).fill('sehr zufrieden');
    });
    await addQuestion(page, 'Matrix', async (p) => {
      await p.getByLabel('Frage', { exact: true }).fill('Wie wichtig sind Ihnen diese Angebote?');
      await p.getByLabel(/^Neue Zeilen/).fill('Sprachcafé\nHausaufgabenhilfe');
      await p.getByLabel(/^Neue Spalten/).fill('wichtig\nunwichtig');
    });
    await addQuestion(page, 'Rangfolge', async (p) => {
      await p.getByLabel('Frage', { exact: true }).fill('Was sollte zuerst kommen?');
      await p.getByLabel(/^Neue Antwortmöglichkeiten/).fill('Kinderbetreuung\nAbendkurse\nOnline-Kurse');
    });
    await addQuestion(page, 'Freitext (kurz)', async (p) => {
      await p.getByLabel('Frage', { exact: true }).fill('Welcher Kurs fehlt?');
      await p.getByLabel(/^Höchstens so viele Zeichen/).fill('200');
    });
    await addQuestion(page, 'Freitext (lang)', async (p) => {
      await p.getByLabel('Frage', { exact: true }).fill('Was möchten Sie uns noch sagen?');
    });
    await addQuestion(page, 'Zahl', async (p) => {
      await p.getByLabel('Frage', { exact: true }).fill('Wie viele Kinder leben in Ihrem Haushalt?');
      await p.getByLabel(/^Kleinste Zahl/).fill('0');
      await p.getByLabel('Nur ganze Zahlen').check();
    });
    await addQuestion(page, 'Datum', async (p) => {
      await p.getByLabel('Frage', { exact: true }).fill('Seit wann wohnen Sie in Musterstadt?');
    });
    await addQuestion(page, 'Altersgruppe', async (p) => {
      expect(await p.getByLabel(/^Neue Antwortmöglichkeiten/).inputValue()).toContain('65 Jahre und älter');
    });
    await addQuestion(page, 'Stadtteil', async (p) => {
      await p.getByLabel(/^Neue Antwortmöglichkeiten/).fill('Altstadt\nNordviertel');
    });

    const main = await page.locator('main').innerText();
    expect(main).toContain('Nur wenn bei „Haben Sie einen Sprachkurs besucht?“ „Ja“ gewählt wurde.');
    await axeCheck(page);

    // An existing question: its options each in their own field.
    await page.getByRole('link', { name: 'Haben Sie einen Sprachkurs besucht?' }).click();
    expect(await page.getByLabel('Antwortmöglichkeit 1', { exact: true }).inputValue()).toBe('Ja');
    await axeCheck(page);
    await page.getByRole('link', { name: 'Abbrechen' }).click();

    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await expect.poll(() => page.locator('.kern-alert').first().innerText()).toContain('Die Befragung ist veröffentlicht.');
    await axeCheck(page);

    // The translation page lists every text beside its German source.
    await page.getByRole('link', { name: 'Englisch' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Übersetzung: Englisch');
    expect(await page.locator('main').innerText()).toContain('gar nicht zufrieden');
    await axeCheck(page);

    const municipality = (await server.env.services.municipalities.findBySlug(SLUG))!;
    const list = await server.env.services.questionnaires.list(municipality.id);
    const built = list.find((q) => q.title === 'Befragung Zusammenleben 2026')!;
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
    await page.goto(`${url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await page.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([page.waitForURL(`${url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);
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
