// Every chart has its table and text alternative, and axe-core finds nothing on the
// dashboard pages (admin and public), the yearly priorities, an indicator (also with a refused CSV upload)
// and the funding form. No element carries a style attribute and the CSP reports nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, browserAvailable, expectNoNetwork, launchBrowser, newContext, SLUG, startServer, type Server } from './browser.js';

const system = { userId: null, name: 'Test' };

/** Every chart: an image named by its summary sentence, followed by a table with caption and header cells. */
async function expectAccessibleCharts(page: Page, atLeast: number): Promise<void> {
  const charts = page.locator('.chart');
  expect(await charts.count()).toBeGreaterThanOrEqual(atLeast);
  for (const chart of await charts.all()) {
    const summary = (await chart.locator('.chart-summary').innerText()).trim();
    expect(summary.length).toBeGreaterThan(20);
    const svg = chart.locator('svg');
    expect(await svg.getAttribute('role')).toBe('img');
    // the summary is the image's accessible name
    await expect.poll(() => chart.getByRole('img', { name: summary, exact: true }).count()).toBe(1);
    expect(await chart.locator('table caption').innerText()).not.toBe('');
    expect(await chart.locator('table thead th[scope="col"]').count()).toBeGreaterThanOrEqual(2);
    expect(await chart.locator('table tbody th[scope="row"]').count()).toBeGreaterThanOrEqual(1);
  }
  expect(await page.locator('[style]').count(), 'elements with a style attribute').toBe(0);
}

describe.skipIf(!browserAvailable())('dashboard pages with axe', () => {
  let server: Server;
  let browser: Browser;
  let indicatorId: number;
  let fundedMeasureId: number;
  let tmp: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const s = server.env.services;
    const m = await s.municipalities.getBySlug(SLUG);
    const plan = (await s.plans.findCurrentPublishedPlan(m.id))!;
    const tree = await s.plans.tree(m.id, plan.id);
    const goal = tree.fields[2].goals[0];
    const guiding = await s.plans.createGuidingGoal(m.id, plan.id, { text: 'Alle Zugewanderten sprechen nach drei Jahren Deutsch auf B1-Niveau', target_year: 2030 }, system);
    // an ongoing measure: funding that ends soon matters for it
    fundedMeasureId = tree.fields[2].goals.flatMap((g) => g.measures).find((x) => x.status_category === 'ongoing')!.id;
    // Some history this year, a priority, an indicator with values and funding that ends soon.
    await s.plans.changeStatus(m.id, tree.fields[0].goals[0].measures[0].id, { status_label: 'Abgeschlossen', status_category: null, note: 'Erledigt' }, system);
    await s.plans.addNote(m.id, fundedMeasureId, { text: 'Zweiter Kurs gestartet', note_date: null }, system);
    const year = new Date().getFullYear();
    await s.monitoring.createPriority(m.id, plan.id, { year, title: 'Sprachkurse für Eltern ausbauen', description: 'Schwerpunkt des Jahres', guiding_goal_id: guiding, goal_ids: [goal.id], measure_ids: [tree.fields[0].goals[0].measures[0].id] }, system);
    indicatorId = await s.monitoring.createIndicator(m.id, plan.id, { name: 'Teilnehmende an Integrationskursen', anchor: { kind: 'goal', id: goal.id }, unit: 'Personen', source: 'VHS', baseline_value: 1000, baseline_year: 2021, target_value: 1500, target_year: 2030 }, system);
    await s.monitoring.importValues(m.id, indicatorId, [{ period: '2022', value: 1076.5 }, { period: '2023', value: 1180 }, { period: '2024', value: 1240 }], system, 'werte.csv');
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await s.monitoring.createFunding(m.id, fundedMeasureId, { programme: 'Landesprogramm Sprache', amount: 1_250_000, start_date: `${year - 1}-01-01`, end_date: soon }, system);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-e2e-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('admin: dashboard, one field, priorities, indicator (with a refused upload) and funding form', async () => {
    const { url } = server;
    const admin = await newContext(browser);
    const page = admin.page;
    const cspErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
    });
    await page.goto(`${url}/anmelden`);
    await page.getByLabel('E-Mail-Adresse').fill(server.admin.email);
    await page.getByLabel('Passwort').fill(server.admin.password);
    await Promise.all([page.waitForURL(`${url}/${SLUG}/verwaltung`), page.getByRole('button', { name: 'Anmelden' }).click()]);

    await page.getByRole('navigation', { name: 'Verwaltungsnavigation' }).getByRole('link', { name: 'Umsetzung', exact: true }).click();
    await page.waitForURL(`${url}/${SLUG}/verwaltung/umsetzung`);
    expect(await page.locator('h1').innerText()).toBe('Übersicht zur Umsetzung');
    await expectAccessibleCharts(page, 4); // status, actors, changes, one indicator
    // the demo plan has statuses planned for 2024: overdue today
    expect(await page.locator('#ueberfaellig ~ * table, section[aria-labelledby="ueberfaellig"] table').first().innerText()).toContain('vorbei');
    expect(await page.locator('section[aria-labelledby="foerderung"]').innerText()).toContain('Landesprogramm Sprache');
    await axeCheck(page);

    // One field of action, chosen with the form (works without JavaScript: a GET form).
    await page.getByLabel('Handlungsfeld', { exact: true }).selectOption({ label: 'Sprache und Bildung' });
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL(/feld=\d+/);
    expect(await page.locator('h1').innerText()).toBe('Umsetzung im Handlungsfeld „Sprache und Bildung“');
    await expectAccessibleCharts(page, 4);
    await axeCheck(page);

    await page.getByRole('link', { name: 'Jahresziele' }).first().click();
    await expect.poll(() => page.locator('h1').innerText()).toMatch(/^Jahresziele \d{4}$/);
    expect(await page.locator('main').innerText()).toContain('Sprachkurse für Eltern ausbauen');
    expect(await page.locator('main').innerText()).not.toContain('späteren Version');
    await axeCheck(page);
    await page.getByRole('link', { name: /^Jahresziel bearbeiten/ }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Jahresziel bearbeiten');
    await axeCheck(page);

    await page.goto(`${url}/${SLUG}/verwaltung/umsetzung/kennzahlen/${indicatorId}`);
    await expectAccessibleCharts(page, 1);
    await axeCheck(page);
    const bad = path.join(tmp, 'werte.csv');
    fs.writeFileSync(bad, 'Jahr;Wert\n2025;1.300\nzwanzig;3\n');
    await page.getByLabel('CSV-Datei', { exact: true }).setInputFiles(bad);
    await page.getByRole('button', { name: 'Werte übernehmen' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Zeile 3');
    await axeCheck(page);

    await page.goto(`${url}/${SLUG}/verwaltung/massnahmen/${fundedMeasureId}`);
    expect(await page.locator('section[aria-labelledby="funding-title"]').innerText()).toMatch(/12\.500,00\s€/);
    await axeCheck(page);
    await page.getByRole('link', { name: 'Förderung hinzufügen' }).click();
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Förderprogramm');
    await axeCheck(page);

    expect(cspErrors).toEqual([]);
    expectNoNetwork(admin.blocked);
    await admin.context.close();
  });

  it('public: dashboard, one field, priorities and a measure with its funding', async () => {
    const { url } = server;
    const resident = await newContext(browser);
    const page = resident.page;
    await page.goto(`${url}/${SLUG}`);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Stand der Umsetzung' }).click();
    await page.waitForURL(`${url}/${SLUG}/umsetzung`);
    await expectAccessibleCharts(page, 4);
    // a resident sees no admin links, and no funding warnings (they are the officer's)
    expect(await page.locator('a[href*="/verwaltung"]').count()).toBe(0);
    expect(await page.locator('section[aria-labelledby="foerderung"]').count()).toBe(0);
    await axeCheck(page);

    await page.getByRole('link', { name: 'Sprache und Bildung' }).first().click();
    await page.waitForURL(/umsetzung\?feld=\d+/);
    await axeCheck(page);

    await page.goto(`${url}/${SLUG}/umsetzung/jahresziele`);
    expect(await page.locator('main').innerText()).toContain('Sprachkurse für Eltern ausbauen');
    await axeCheck(page);

    await page.goto(`${url}/${SLUG}/massnahmen/${fundedMeasureId}`);
    expect(await page.locator('section[aria-labelledby="funding-title"]').innerText()).toContain('Landesprogramm Sprache');
    await axeCheck(page);
    expectNoNetwork(resident.blocked);
    await resident.context.close();
  });
});
