// The Wegweiser in the browser, with the keyboard alone: an actor's representative signs in and adds an offer
// with two languages and a weekly time; a resident on a 320 px wide screen finds it by filtering for "Arabisch"
// and "kostenlos", opens it and gets its printed sheet, whose text pdftotext reads and whose QR code decodes to
// the offer's address. The public Wegweiser pages in Arabic run right to left at 320 px. axe on every page.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { pdfPages } from '../fixtures/exports/poppler.js';
import { PASSWORD } from '../support.js';
import { axeCheck, browserAvailable, expectNoNetwork, type Focused, newContext, pressAndLoad, type Server, SLUG, tabTo, useServerAndBrowser } from './browser.js';

describe.skipIf(!browserAvailable())('the Wegweiser in the browser', () => {
  let server: Server;
  let browser: Browser;

  useServerAndBrowser((s, b) => ([server, browser] = [s, b]));

  const link = (name: string | RegExp) => (f: Focused) => f.tag === 'a' && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const button = (name: string) => (f: Focused) => f.tag === 'button' && f.name === name;
  const field = (name: string) => (f: Focused) => ['input', 'select', 'textarea'].includes(f.tag) && f.name.startsWith(name);
  const check = (name: string) => (f: Focused) => f.tag === 'input' && f.type === 'checkbox' && f.name === name;

  async function noHorizontalScroll(page: Page) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `document width at 320 px on ${page.url()}`).toBeLessThanOrEqual(320);
  }

  /** The QR code on the sheet's first page, as a reader's phone would read it. */
  function qrOf(pdf: Buffer): string | null {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-wegweiser-'));
    try {
      fs.writeFileSync(path.join(dir, 'sheet.pdf'), pdf);
      execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', path.join(dir, 'sheet.pdf'), path.join(dir, 'page')]);
      const png = PNG.sync.read(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((n) => n.endsWith('.png'))!)));
      return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('a representative adds an offer; a resident finds it by "Arabisch" and "kostenlos", opens it and gets its sheet', async () => {
    const { url, env } = server;
    const s = env.services;
    const m = (await s.municipalities.findBySlug(SLUG))!;
    const actor = (await s.actors.list(m.id)).find((a) => a.name === 'Bürgerstiftung Musterstadt')!;
    await s.representatives.add(m.id, { name: 'Rana Vertretung', email: 'rana@stiftung.example', actor_id: actor.id }, { userId: null, name: 'Test' });
    await s.auth.setPassword((await s.auth.findUserByEmail('rana@stiftung.example'))!.id, PASSWORD);

    // ---- the representative, keyboard alone ----
    const rep = await newContext(browser);
    const p = rep.page;
    await p.goto(`${url}/anmelden`);
    await tabTo(p, field('E-Mail-Adresse'));
    await p.keyboard.type('rana@stiftung.example');
    await tabTo(p, field('Passwort'));
    await p.keyboard.type(PASSWORD);
    await tabTo(p, button('Anmelden'));
    await pressAndLoad(p);
    await expect.poll(() => p.locator('h1').innerText()).toMatch(/Maßnahmen/);
    // the representative's page leads to their actor's offers
    await tabTo(p, link('Ihre Angebote im Wegweiser pflegen'));
    await pressAndLoad(p);
    await expect.poll(() => p.locator('h1').innerText()).toBe('Angebote von Bürgerstiftung Musterstadt');
    await axeCheck(p);
    await tabTo(p, link('Neues Angebot'));
    await pressAndLoad(p);
    await expect.poll(() => p.locator('h1').innerText()).toBe('Neues Angebot');
    await axeCheck(p);

    await tabTo(p, field('Titel'));
    await p.keyboard.type('Frauen-Sprachtreff am Dienstag');
    await tabTo(p, field('Art des Angebots'));
    await p.keyboard.type('Sprachcaf');
    expect(await p.locator('#feld-category').inputValue()).toBe('language_cafe');
    // weekly is chosen already; the day and the time
    await tabTo(p, check('Dienstag'));
    await p.keyboard.press('Space');
    await tabTo(p, field('Beginn'));
    await p.keyboard.type('10:00');
    await tabTo(p, field('Ende'));
    await p.keyboard.type('12:00');
    await tabTo(p, check('Deutsch'));
    await p.keyboard.press('Space');
    await tabTo(p, check('Arabisch'));
    await p.keyboard.press('Space');
    await tabTo(p, check('Frauen'));
    await p.keyboard.press('Space');
    await tabTo(p, check('Das Angebot ist kostenlos'));
    await p.keyboard.press('Space');
    await tabTo(p, button('Speichern'));
    await pressAndLoad(p);
    await expect.poll(() => p.locator('h1').innerText()).toBe('Angebote von Bürgerstiftung Musterstadt');
    expect(await p.locator('body').innerText()).toContain('Das Angebot „Frauen-Sprachtreff am Dienstag“ ist gespeichert.');
    await axeCheck(p);
    expectNoNetwork(rep.blocked);
    await rep.context.close();

    const offer = (await s.offers.adminList(m.id, { kind: 'actor', actorId: actor.id })).find((o) => o.row.title === 'Frauen-Sprachtreff am Dienstag')!.row;
    expect(offer.languages).toBe(',de,ar,');
    expect(offer.weekdays).toBe(',TU,');

    // ---- the resident at 320 px, keyboard alone ----
    const resident = await newContext(browser, { viewport: { width: 320, height: 640 } });
    const r = resident.page;
    await r.goto(`${url}/${SLUG}`);
    await tabTo(r, link('Wegweiser'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('h1').innerText()).toBe('Wegweiser: Wo finde ich was?');
    await noHorizontalScroll(r);
    await axeCheck(r);
    await tabTo(r, field('Sprache'));
    await r.keyboard.type('Arabisch');
    expect(await r.locator('#feld-sprache').inputValue()).toBe('ar');
    await tabTo(r, check('Nur kostenlose Angebote'));
    await r.keyboard.press('Space');
    await tabTo(r, button('Angebote finden'));
    await pressAndLoad(r);
    expect(new URL(r.url()).searchParams.get('sprache')).toBe('ar');
    expect(new URL(r.url()).searchParams.get('kostenlos')).toBe('1');
    const results = await r.locator('.offer-list').innerText();
    expect(results).toContain('Frauen-Sprachtreff am Dienstag');
    expect(results).not.toContain('Kinderbetreuung während der Integrationskurse'); // not free, no Arabic
    await noHorizontalScroll(r);
    await axeCheck(r);
    await tabTo(r, link('Frauen-Sprachtreff am Dienstag'));
    await pressAndLoad(r);
    await expect.poll(() => r.locator('h1').innerText()).toBe('Frauen-Sprachtreff am Dienstag');
    const page = await r.locator('main, body').first().innerText();
    expect(page).toContain('Wöchentlich: Dienstag, 10:00–12:00 Uhr');
    expect(page).toContain('Deutsch, Arabisch');
    expect(page).toContain('Bürgerstiftung Musterstadt');
    await noHorizontalScroll(r);
    await axeCheck(r);
    const sheetLink = await tabTo(r, link('Aushang drucken (PDF)'));
    const sheet = await r.context().request.get(new URL(sheetLink.href, r.url()).toString());
    expect(sheet.headers()['content-type']).toBe('application/pdf');
    const pdf = Buffer.from(await sheet.body());
    expect(pdfPages(pdf).join('\n')).toContain('Frauen-Sprachtreff am Dienstag');
    expect(qrOf(pdf)).toBe(`${env.config.publicUrl.replace(/\/+$/, '')}/${SLUG}/wegweiser/${offer.id}`);
    expectNoNetwork(resident.blocked);
    await resident.context.close();
  });

  it('the public Wegweiser pages in Arabic run right to left at 320 px, axe clean, and the sheet prints in Arabic', async () => {
    const { url, env } = server;
    const m = (await env.services.municipalities.findBySlug(SLUG))!;
    const cafe = (await env.services.offers.publicOffers(m.id, { q: 'Sprachcafé im Bürgerhaus', category: '', language: '', group: '', district: '', free: false, openNow: false })).offers[0];
    const reader = await newContext(browser, { viewport: { width: 320, height: 640 }, locale: 'ar' });
    const r = reader.page;
    for (const address of [`${url}/${SLUG}/wegweiser?lang=ar`, `${url}/${SLUG}/wegweiser?lang=ar&sprache=tr&kostenlos=1&jetzt=1`, `${url}${cafe.path}?lang=ar`, `${url}/${SLUG}/akteure/${cafe.actor!.id}?lang=ar`]) {
      await r.goto(address);
      expect(await r.locator('html').getAttribute('dir')).toBe('rtl');
      await noHorizontalScroll(r);
      await axeCheck(r);
    }
    await r.goto(`${url}${cafe.path}?lang=ar`);
    const href = await r.locator('a[href*="aushang.pdf"]').getAttribute('href');
    expect(href).toContain('lang=ar');
    const pdf = Buffer.from(await (await r.context().request.get(new URL(href!, r.url()).toString())).body());
    const text = pdfPages(pdf).join('\n');
    expect(text).toMatch(/\p{Script=Arabic}/u);
    expect(qrOf(pdf)).toBe(`${env.config.publicUrl.replace(/\/+$/, '')}${cafe.path}`);
    expectNoNetwork(reader.blocked);
    await reader.context.close();
  });
});
