// Must-show 2 of issue 8: the officer uploads a Word catalogue with two tables, goal rows merged across them,
// "1.1" numbers, a lead and a partner column, timeframes as words and a "Kosten" column. The preview shows each
// measure as it will be stored; the officer leaves the second table out, maps the partner column and a status
// word, confirms, and finds goals, leads and partners, timeframes and costs on the measure pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, SLUG, startServer, type Server } from './browser.js';

const HEADER = ['Nr.', 'Maßnahme', 'Federführung', 'Wer wirkt mit?', 'Zeitraum', 'Status', 'Kosten'];

const cell = (text: string, columnSpan?: number) => new TableCell({ ...(columnSpan ? { columnSpan } : {}), children: [new Paragraph({ text, alignment: AlignmentType.LEFT })] });
const row = (cells: string[], header = false) => new TableRow({ tableHeader: header, children: cells.map((text) => cell(text)) });
/** A goal row merged across the whole table. */
const goalRow = (text: string) => new TableRow({ children: [cell(text, HEADER.length)] });
const table = (rows: TableRow[]) => new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });

async function catalogue(): Promise<Buffer> {
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ text: 'Integrationsplan Talheim 2025', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: 'Handlungsfeld 1: Sprache und Bildung', heading: HeadingLevel.HEADING_1 }),
        table([
          row(HEADER, true),
          goalRow('Ziel 1.1: Das Angebot an Deutschkursen wird ausgebaut'),
          row(['1.1', 'Sprachkurs für Eltern mit Kinderbetreuung', 'Volkshochschule Talheim', 'Familienzentrum Talheim', 'Q3/2025 – Q2/2027', 'Angeschoben', '500 € pro Jahr']),
          row(['1.2', 'Sprachcafé in der Stadtbücherei', 'Stadtbücherei Talheim', 'Freundeskreis Asyl Talheim', 'laufend', 'umgesetzt', '']),
        ]),
        new Paragraph({ text: 'Handlungsfeld 2: Arbeit', heading: HeadingLevel.HEADING_1 }),
        table([
          row(HEADER, true),
          goalRow('Ziel 2.1: Geflüchtete finden schneller Arbeit'),
          row(['2.1', 'Jobbörse für Geflüchtete', 'Jobcenter Talheim', 'IHK Region', '2026', 'geplant', '2.000 €']),
        ]),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

describe.skipIf(!browserAvailable())('journey: the import preview shows what will be stored, and a table can be left out', () => {
  let server: Server;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-e2e-preview-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const signIn = async (page: Page) => {
    await page.goto(`${server.url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await page.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([page.waitForURL(`${server.url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);
  };

  it('uploads a Word catalogue, leaves a table out, maps partners and a status word, confirms and reads the measure pages', async () => {
    const { page, blocked } = await newContext(browser);
    await signIn(page);
    await page.goto(`${server.url}/${SLUG}/verwaltung/import`);
    const file = path.join(dir, 'Integrationsplan Talheim.docx');
    fs.writeFileSync(file, await catalogue());
    await page.getByLabel('Datei').setInputFiles(file);
    await Promise.all([page.waitForURL(/\/verwaltung\/import\/[\w-]+$/), page.getByRole('button', { name: 'Hochladen und Vorschau ansehen' }).click()]);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Vorschau des Imports');
    await axeCheck(page);

    // The parts read, each with its checkbox; the measures as they will be stored, before any change.
    const table1 = page.getByLabel('Tabelle 1 (nach „Handlungsfeld 1: Sprache und Bildung“): 4 Zeilen');
    const table2 = page.getByLabel('Tabelle 2 (nach „Handlungsfeld 2: Arbeit“): 3 Zeilen');
    expect(await table1.isChecked()).toBe(true);
    expect(await table2.isChecked()).toBe(true);
    let preview = await page.locator('main').innerText();
    expect(preview).toContain('2 Handlungsfelder, 3 Maßnahmen');
    expect(preview).toContain('Das Angebot an Deutschkursen wird ausgebaut');
    // The goal with its number, as the merged goal row gives it.
    expect(preview).toMatch(/Ziel 1\.1: Das Angebot an Deutschkursen/);
    expect(preview).toContain('Volkshochschule Talheim (federführend)');
    expect(preview).toContain('Q3/2025 – Q2/2027 (Beginn: 2025-07, Ende: 2027-06)');
    expect(preview).toContain('laufend (fortlaufend, ohne Enddatum)');
    // "Wer wirkt mit?" is not a header the importer knows: for now it is kept as an extra attribute.
    expect(preview).toMatch(/Wer wirkt mit\?\s+Familienzentrum Talheim/);
    expect(preview).toMatch(/Kosten\s+500 € pro Jahr/);
    // Warnings point to the table and the row within it.
    expect(preview).toMatch(/Tabelle 1, Zeile 3, Spalte „Status“: Die Angabe „Angeschoben“ ist keiner Kategorie zugeordnet\./);

    // At 320 px the preview reflows: nothing wider than the window.
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });

    await table2.uncheck();
    await page.getByLabel('Spalte 4: „Wer wirkt mit?“').selectOption('partners');
    await page.getByLabel('„Angeschoben“ (1×)').selectOption('in_progress');
    await page.getByRole('button', { name: 'Zuordnung übernehmen' }).click();
    await expect.poll(() => page.locator('.kern-alert--success').innerText()).toContain('Zuordnung wurde übernommen');
    await axeCheck(page);
    expect(await page.getByLabel(/^Tabelle 2 /).isChecked()).toBe(false);
    preview = await page.locator('main').innerText();
    expect(preview).toContain('1 Handlungsfelder, 2 Maßnahmen');
    expect(preview).toContain('1 Teil der Datei wird nicht übernommen.');
    expect(preview).not.toContain('Jobbörse für Geflüchtete');
    expect(preview).toContain('Familienzentrum Talheim (beteiligt)');
    expect(preview).toContain('„Angeschoben“, Kategorie: In Umsetzung');
    expect(preview).not.toMatch(/Wer wirkt mit\?\s+Familienzentrum/);

    await page.getByRole('button', { name: 'Als Entwurf importieren' }).click();
    await page.waitForURL(/\/verwaltung\/plaene\/\d+$/);
    const workspace = await page.locator('main').innerText();
    expect(workspace).toContain('Import abgeschlossen: 2 Maßnahmen übernommen.');
    expect(workspace).not.toContain('Jobbörse für Geflüchtete');
    const planUrl = page.url();

    // The workspace lists each measure on one line with its edit link.
    await page.locator('li.measure-row', { hasText: 'Sprachkurs für Eltern mit Kinderbetreuung' }).getByRole('link').click();
    await page.waitForURL(/\/massnahmen\/\d+/);
    await axeCheck(page);
    let measure = await page.locator('main').innerText();
    expect(measure).toContain('1.1');
    expect(measure).toContain('Das Angebot an Deutschkursen wird ausgebaut');
    expect(measure).toContain('Volkshochschule Talheim – federführend');
    expect(measure).toContain('Familienzentrum Talheim – beteiligt');
    expect(measure).toContain('Q3/2025 – Q2/2027');
    expect(measure).toContain('In Umsetzung');
    expect(measure).toContain('Angeschoben');
    expect(measure).toMatch(/Kosten\s+500 € pro Jahr/);

    await page.goto(planUrl);
    // The workspace lists each measure on one line with its edit link.
    await page.locator('li.measure-row', { hasText: 'Sprachcafé in der Stadtbücherei' }).getByRole('link').click();
    await page.waitForURL(/\/massnahmen\/\d+/);
    measure = await page.locator('main').innerText();
    expect(measure).toContain('Stadtbücherei Talheim – federführend');
    expect(measure).toContain('Freundeskreis Asyl Talheim – beteiligt');
    expect(measure).toContain('laufend');
    expectNoNetwork(blocked);
  });
});
