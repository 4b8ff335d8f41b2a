// The officer uploads a Word catalogue, fixes a column mapping in the preview, confirms
// and sees the draft plan; then updates three statuses through an edited Excel sheet and sees the history
// entries. axe checks every page on the way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, pressAndLoad, SLUG, startServer, tabTo, chooseFileWithKeyboard, type Focused, type Server } from './browser.js';

const row = (cells: string[], header = false) =>
  new TableRow({ tableHeader: header, children: cells.map((text) => new TableCell({ children: [new Paragraph({ text, alignment: AlignmentType.LEFT })] })) });

/** A Word catalogue with one table per field; its status column has a header no importer knows. */
async function wordCatalogue(): Promise<Buffer> {
  const header = ['Ziel', 'Nr.', 'Maßnahme', 'Zuständigkeit', 'Wie weit sind wir?'];
  const doc = new Document({
    sections: [{
      children: [
        new Paragraph({ text: 'Integrationskonzept Beispielhausen', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: 'Handlungsfeld „Sprache“', heading: HeadingLevel.HEADING_1 }),
        new Paragraph({ text: 'Vision: Alle finden ein passendes Sprachangebot.' }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [
          row(header, true),
          row(['Mehr Kurse mit Kinderbetreuung', '1', 'Elternkurs mit Kinderbetreuung im Familienzentrum', 'VHS in Kooperation mit Familienzentrum', 'In Planung ab 2027']),
          row(['', '2', 'Sprachcafé in der Stadtbücherei', 'Stadtbücherei', 'Wird fortgesetzt']),
        ] }),
        new Paragraph({ text: 'Handlungsfeld „Arbeit“', heading: HeadingLevel.HEADING_1 }),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [
          row(header, true),
          row(['Schneller in Arbeit', '3', 'Bewerbungstraining für Geflüchtete', 'Jobcenter und Agentur für Arbeit', 'Abgeschlossen']),
        ] }),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}

describe.skipIf(!browserAvailable())('journey: import a catalogue and update it from a sheet', () => {
  let server: Server;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-e2e-import-'));
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

  it('uploads a docx, fixes the column mapping, confirms, and sees the draft', async () => {
    const { page, blocked } = await newContext(browser);
    await signIn(page);
    await page.getByRole('link', { name: 'Katalog importieren' }).click();
    await axeCheck(page);
    const file = path.join(dir, 'Katalog Beispielhausen.docx');
    fs.writeFileSync(file, await wordCatalogue());
    await page.getByLabel('Datei').setInputFiles(file);
    await Promise.all([page.waitForURL(/\/verwaltung\/import\/[\w-]+$/), page.getByRole('button', { name: 'Hochladen und Vorschau ansehen' }).click()]);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Vorschau des Imports');
    await axeCheck(page);
    // The column the importer does not know is kept as a further detail under its header, not read as the status.
    expect(await page.locator('main').innerText()).toMatch(/Wie weit sind wir\?\s+In Planung ab 2027/);

    await page.getByLabel('Spalte 5: „Wie weit sind wir?“').selectOption('status');
    await page.getByRole('button', { name: 'Zuordnung übernehmen' }).click();
    await expect.poll(() => page.locator('.kern-alert--success').innerText()).toContain('Zuordnung wurde übernommen');
    await axeCheck(page);
    const preview = await page.locator('main').innerText();
    expect(preview).toContain('In Planung ab 2027');
    expect(preview).not.toMatch(/Wie weit sind wir\?\s+In Planung/);
    expect(preview).toContain('2 Handlungsfelder, 3 Maßnahmen');

    await page.getByRole('button', { name: 'Als Entwurf importieren' }).click();
    await page.waitForURL(/\/verwaltung\/plaene\/\d+$/);
    await axeCheck(page);
    const workspace = await page.locator('main').innerText();
    expect(workspace).toContain('Import abgeschlossen: 3 Maßnahmen übernommen.');
    expect(workspace).toContain('Entwurf');
    expect(workspace).toContain('Elternkurs mit Kinderbetreuung');
    expect(workspace).toContain('Bewerbungstraining für Geflüchtete');
    // A draft: residents do not see it.
    const anon = await newContext(browser);
    const planId = page.url().split('/').pop();
    const res = await anon.page.request.get(`${server.url}/${SLUG}/plaene/${planId}`);
    expect(res.status()).toBe(404);
    expectNoNetwork(blocked);
  });

  it('downloads the plan as xlsx, changes three statuses, uploads it as an update and sees the history', async () => {
    const { page, blocked } = await newContext(browser, { acceptDownloads: true });
    await signIn(page);
    await page.locator('.card h3 a', { hasText: 'Musterstadt' }).first().click();
    const planUrl = page.url();
    const planId = planUrl.split('/').pop()!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Excel-Arbeitsmappe' }).click()]);
    const original = path.join(dir, 'export.xlsx');
    await download.saveAs(original);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(original);
    const changes = new Map([[4, 'Abgeschlossen'], [27, 'In Umsetzung'], [33, 'Entfällt']]);
    let edited = 0;
    wb.eachSheet((sheet) => {
      const heads = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
      const nr = heads.indexOf('Nr.');
      const status = heads.indexOf('Status');
      if (nr < 0 || status < 0) return;
      sheet.eachRow((r, i) => {
        const n = Number(r.getCell(nr).value);
        if (i > 1 && changes.has(n)) {
          r.getCell(status).value = changes.get(n)!;
          edited++;
        }
      });
    });
    expect(edited).toBe(3);
    const returned = path.join(dir, 'Rücklauf Träger.xlsx');
    await wb.xlsx.writeFile(returned);

    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByLabel('Datei').setInputFiles(returned);
    await page.getByLabel('Ziel des Imports').selectOption(planId);
    await Promise.all([page.waitForURL(/\/verwaltung\/import\/[\w-]+$/), page.getByRole('button', { name: 'Hochladen und Vorschau ansehen' }).click()]);
    await axeCheck(page);
    expect(await page.locator('#changes-title').innerText()).toBe('3 Maßnahmen ändern sich');
    await page.getByRole('button', { name: '3 Änderungen übernehmen' }).click();
    await page.waitForURL(planUrl);
    await axeCheck(page);

    // Measure 27 now says "In Umsetzung", with a history entry naming the sheet. The workspace's filter finds it.
    await page.getByLabel('Suchwörter').fill('Direkte und niedrigschwellige Ansprache');
    await Promise.all([page.waitForURL(/\?/), page.getByRole('button', { name: 'Filtern' }).click()]);
    await page.getByRole('link', { name: 'Bearbeiten Maßnahme 27' }).click();
    await axeCheck(page);
    const measure = await page.locator('main').innerText();
    expect(measure).toContain('In Umsetzung');
    expect(measure).toMatch(/Von „Noch nicht umgesetzt“ zu „In Umsetzung“/);
    expect(measure).toContain('Aus der Tabelle „Rücklauf Träger.xlsx“ übernommen.');
    expectNoNetwork(blocked);
  });
});

describe.skipIf(!browserAvailable())('journey: import a catalogue with the keyboard alone', () => {
  let server: Server;
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-e2e-import-kb-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const named = (tag: string, name: string | RegExp) => (f: Focused) => f.tag === tag && (typeof name === 'string' ? f.name === name : name.test(f.name));

  it('upload, mapping and confirmation with Tab, Enter, Space, arrow keys and typing only', async () => {
    const file = path.join(dir, 'Katalog Beispielhausen.docx');
    fs.writeFileSync(file, await wordCatalogue());
    const { page, blocked } = await newContext(browser);
    await page.goto(`${server.url}/anmelden`);
    await tabTo(page, named('input', 'E-Mail-Adresse'));
    await page.keyboard.type(server.admin.email);
    await tabTo(page, named('input', 'Passwort'));
    await page.keyboard.type(server.admin.password);
    await pressAndLoad(page);

    await tabTo(page, named('a', 'Katalog importieren'));
    await pressAndLoad(page);
    // The file input opens the system's file chooser on Enter, as a keyboard user would meet it.
    await tabTo(page, (f) => f.tag === 'input' && f.type === 'file');
    await chooseFileWithKeyboard(page, file);
    await tabTo(page, named('button', 'Hochladen und Vorschau ansehen'));
    await pressAndLoad(page);
    expect(await page.locator('h1').innerText()).toBe('Vorschau des Imports');

    // Column 5 becomes the status column: a select is changed with the arrow keys.
    await tabTo(page, named('select', /Spalte 5: „Wie weit sind wir\?“/));
    const options = await page.locator('#col-4 option').allInnerTexts();
    const steps = options.indexOf('Status') - (await page.locator('#col-4').evaluate((el) => (el as HTMLSelectElement).selectedIndex));
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#col-4').inputValue()).toBe('status');
    await tabTo(page, named('button', 'Zuordnung übernehmen'));
    await pressAndLoad(page);
    expect(await page.locator('main').innerText()).toContain('In Planung ab 2027');
    await axeCheck(page);

    await tabTo(page, named('button', 'Als Entwurf importieren'));
    await pressAndLoad(page);
    expect(page.url()).toMatch(new RegExp(`/${SLUG}/verwaltung/plaene/\\d+$`));
    expect(await page.locator('main').innerText()).toContain('Elternkurs mit Kinderbetreuung');
    expectNoNetwork(blocked);
  });
});
