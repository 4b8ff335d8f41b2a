// The Wegweiser on both engines: the recurrence (holidays, cancelled days, every other week, monthly), the
// residents' filters (language, free of charge, category, open now at a fixed clock), tenancy (another
// municipality's offers and drafts invisible on every page, the sheet and the actor page; a representative edits
// only their actor's offers), the printed sheet (its text, its QR code decoded to the offer's address, Arabic
// right to left), the link checker against a loopback server, and the reminder of offers not checked in time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfBoxes, pdfPages } from '../../../test/fixtures/exports/poppler.js';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { sourceHash } from '../../platform/i18n/content.js';
import { offerSchema, NO_FILTERS, type OfferInput } from './offers.schema.js';
import { cancelledDays, isOpenAt, occurrences, type Schedule } from './offers.times.js';

const system = { userId: null, name: 'Test' };
const officer = { kind: 'officer' as const };

const weekly = (over: Partial<Schedule> = {}): Schedule => ({ frequency: 'weekly', weekdays: ['TU'], monthWeek: null, startTime: '16:00', endTime: '18:00', startsOn: null, endsOn: null, exceptions: [], skipHolidays: false, ...over });

describe('recurrence', () => {
  it('skips public holidays of the Land and cancelled days, in Berlin time', () => {
    // Mondays around Easter 2026: Easter Monday (6 April) is a holiday everywhere, and 13 April is cancelled
    const s = weekly({ weekdays: ['MO'], skipHolidays: true, exceptions: ['2026-04-13'] });
    expect(occurrences(s, 'BW', '2026-03-30', 3).map((o) => o.day)).toEqual(['2026-03-30', '2026-04-20', '2026-04-27']);
    expect(occurrences({ ...s, skipHolidays: false, exceptions: [] }, 'BW', '2026-03-30', 3).map((o) => o.day)).toEqual(['2026-03-30', '2026-04-06', '2026-04-13']);
    // summer time: 16:00 in Berlin is 14:00 UTC; winter time 15:00 UTC
    expect(occurrences(s, 'BW', '2026-04-20', 1)[0]).toEqual({ day: '2026-04-20', start: '2026-04-20T14:00:00.000Z', end: '2026-04-20T16:00:00.000Z' });
    expect(occurrences(s, 'BW', '2026-03-09', 1)[0].start).toBe('2026-03-09T15:00:00.000Z');
  });

  it('knows the Länder apart: Epiphany is a holiday in Baden-Württemberg, not in Berlin', () => {
    const s = weekly({ weekdays: ['TU'], skipHolidays: true });
    expect(occurrences(s, 'BW', '2026-01-06', 1)[0].day).toBe('2026-01-13');
    expect(occurrences(s, 'BE', '2026-01-06', 1)[0].day).toBe('2026-01-06');
  });

  it('every other week from the first day, and monthly on the nth or last weekday', () => {
    expect(occurrences(weekly({ frequency: 'biweekly', startsOn: '2026-03-03' }), 'BW', '2026-03-01', 3).map((o) => o.day)).toEqual(['2026-03-03', '2026-03-17', '2026-03-31']);
    expect(occurrences(weekly({ frequency: 'monthly', monthWeek: 1 }), 'BW', '2026-03-01', 2).map((o) => o.day)).toEqual(['2026-03-03', '2026-04-07']);
    expect(occurrences(weekly({ frequency: 'monthly', monthWeek: -1 }), 'BW', '2026-03-01', 2).map((o) => o.day)).toEqual(['2026-03-31', '2026-04-28']);
    expect(occurrences(weekly({ endsOn: '2026-03-10' }), 'BW', '2026-03-01', 5).map((o) => o.day)).toEqual(['2026-03-03', '2026-03-10']);
    expect(occurrences(weekly({ frequency: 'appointment' }), 'BW', '2026-03-01', 5)).toEqual([]);
  });

  it('names the days it would take place but does not: cancelled and skipped holidays', () => {
    const s = weekly({ weekdays: ['MO'], skipHolidays: true, exceptions: ['2026-04-13'] });
    expect(cancelledDays(s, 'BW', '2026-03-30', 21)).toEqual(['2026-04-06', '2026-04-13']);
  });

  it('is open now between start and end of a day it takes place, in Berlin', () => {
    const s = weekly({ exceptions: ['2026-03-10'] });
    expect(isOpenAt(s, 'BW', new Date('2026-03-03T15:00:00Z'))).toBe(true); // 16:00
    expect(isOpenAt(s, 'BW', new Date('2026-03-03T16:59:00Z'))).toBe(true); // 17:59
    expect(isOpenAt(s, 'BW', new Date('2026-03-03T17:00:00Z'))).toBe(false); // 18:00
    expect(isOpenAt(s, 'BW', new Date('2026-03-03T14:59:00Z'))).toBe(false);
    expect(isOpenAt(s, 'BW', new Date('2026-03-04T15:30:00Z'))).toBe(false); // a Wednesday
    expect(isOpenAt(s, 'BW', new Date('2026-03-10T15:30:00Z'))).toBe(false); // cancelled
  });

  it('the form refuses a time without weekday, an end before the start and a bad date, field by field', () => {
    const r = offerSchema.safeParse({ title: 'X', category: 'sport', frequency: 'weekly', weekdays: '', start_time: '18:00', end_time: '16:00', exceptions: '31.02.2026' });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(paths).toContain('exceptions:offers.errors.exceptionsInvalid');
    const r2 = offerSchema.safeParse({ title: 'X', category: 'sport', frequency: 'weekly', weekdays: 'TU', start_time: '18:00', end_time: '16:00' });
    expect(r2.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual(['end_time:offers.errors.endBeforeStart']);
    const r3 = offerSchema.safeParse({ title: 'X', category: 'sport', frequency: 'weekly', start_time: '16:00', end_time: '18:00' });
    expect(r3.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual(['weekdays:offers.errors.weekdayRequired']);
    expect(offerSchema.parse({ title: 'X', category: 'sport', frequency: 'appointment' }).weekdays).toEqual([]);
  });
});

function input(values: Record<string, string>): OfferInput {
  return offerSchema.parse({ frequency: 'weekly', state: 'published', ...values });
}

/** A loopback server for the link checker: what it was asked, how, and whether two requests ever overlapped. */
async function linkServer() {
  const seen: Array<{ method: string; path: string; ua: string; at: number }> = [];
  let open = 0;
  let overlapped = false;
  const server = http.createServer((req, res) => {
    open++;
    if (open > 1) overlapped = true;
    // a request ends when its answer is sent or the client gave up on it (the checker's timeout)
    res.on('close', () => open--);
    seen.push({ method: req.method!, path: req.url!, ua: req.headers['user-agent'] ?? '', at: Date.now() });
    const done = (status: number, headers: Record<string, string> = {}) => {
      if (!res.destroyed) res.writeHead(status, headers).end(req.method === 'GET' ? 'ok' : undefined);
    };
    if (req.url === '/ok') return done(200);
    if (req.url === '/no-head') return done(req.method === 'HEAD' ? 405 : 200);
    if (req.url === '/gone') return done(404);
    if (req.url === '/moved') return done(301, { location: '/ok' });
    if (req.url === '/slow') return void setTimeout(() => done(200), 1500);
    return done(500);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, overlapped: () => overlapped, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

describe.each(engines)('the Wegweiser on %s', (engine) => {
  let smtp: TestSmtp;
  let env: TestEnv;
  let f: Fixture;
  let cafe: number;
  let counselling: number;
  let draft: number;
  let foreign: number;

  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    smtp.mails.length = 0;
    env = await createTestEnv(engine, smtp.env);
    f = await seedTwoMunicipalities(env);
    const o = env.services.offers;
    cafe = await o.create(f.A.municipalityId, input({ title: 'Sprachcafé Apfelhaus', category: 'language_cafe', actor_id: String(f.A.actorId), weekdays: 'TU', start_time: '16:00', end_time: '18:00', languages: 'de,ar,tr', free_of_charge: '1', district: 'Altstadt', street: 'Hauptstraße 1', postcode: '12345', town: 'Amstadt', measure_ids: String(f.A.measureId), target_groups: 'everyone,refugees' }), system, officer);
    counselling = await o.create(f.A.municipalityId, input({ title: 'Beratung im Rathaus', category: 'counselling', weekdays: 'MO', start_time: '09:00', end_time: '12:00', languages: 'de,ar', cost: '5 €', district: 'Nord' }), system, officer);
    draft = await o.create(f.A.municipalityId, input({ title: 'Geheimer Entwurfstreff', category: 'meeting', weekdays: 'TU', start_time: '16:00', end_time: '18:00', languages: 'ar', free_of_charge: '1', state: 'draft' }), system, officer);
    foreign = await o.create(f.B.municipalityId, input({ title: `Birnenkompott-Café ${f.B.secretWord}`, category: 'language_cafe', weekdays: 'TU', start_time: '16:00', end_time: '18:00', languages: 'ar', free_of_charge: '1' }), system, officer);
  });
  afterEach(() => env.close());

  const titles = async (filters: Partial<typeof NO_FILTERS>) => (await env.services.offers.publicOffers(f.A.municipalityId, { ...NO_FILTERS, ...filters })).offers.map((o) => o.title);

  it('filters by language, free of charge, category, district and text; drafts and other municipalities never show', async () => {
    expect(await titles({})).toEqual(['Beratung im Rathaus', 'Sprachcafé Apfelhaus']);
    expect(await titles({ language: 'ar' })).toEqual(['Beratung im Rathaus', 'Sprachcafé Apfelhaus']);
    expect(await titles({ language: 'ar', free: true })).toEqual(['Sprachcafé Apfelhaus']);
    expect(await titles({ language: 'tr' })).toEqual(['Sprachcafé Apfelhaus']);
    expect(await titles({ category: 'counselling' })).toEqual(['Beratung im Rathaus']);
    expect(await titles({ district: 'Nord' })).toEqual(['Beratung im Rathaus']);
    expect(await titles({ q: 'rathaus' })).toEqual(['Beratung im Rathaus']);
    expect(await titles({ group: 'refugees' })).toEqual(['Sprachcafé Apfelhaus']);
    expect(await titles({ q: 'Birnenkompott' })).toEqual([]);
    expect(await titles({ q: 'Geheim' })).toEqual([]);
    const page = await env.services.offers.publicOffers(f.A.municipalityId, NO_FILTERS);
    expect(page.facets.languages.sort()).toEqual(['ar', 'de', 'tr']);
    expect(page.facets.districts).toEqual(['Altstadt', 'Nord']);
  });

  it('open now at a fixed clock (Tuesday 16:30 in Berlin: the café; 18:30: nothing; Monday 10:00: the counselling)', async () => {
    env.now.value = new Date('2026-03-03T15:30:00Z');
    expect(await titles({ openNow: true })).toEqual(['Sprachcafé Apfelhaus']);
    env.now.value = new Date('2026-03-03T17:30:00Z');
    expect(await titles({ openNow: true })).toEqual([]);
    env.now.value = new Date('2026-03-02T09:00:00Z');
    expect(await titles({ openNow: true })).toEqual(['Beratung im Rathaus']);
  });

  it('the public search page works by GET; another municipality\'s offer and a draft answer 404 on every public address', async () => {
    const c = new Client(env);
    const found = await c.get(`/amstadt/wegweiser?sprache=ar&kostenlos=1`);
    expect(found.status).toBe(200);
    expect(found.body).toContain('Sprachcafé Apfelhaus');
    expect(found.body).not.toContain('Beratung im Rathaus');
    expect(found.body).not.toContain('Geheimer Entwurfstreff');
    expect(found.body).not.toContain(f.B.secretWord);
    expect(found.body).toMatch(/<option value="ar" selected="">Arabisch<\/option>/);
    const page = await c.get(`/amstadt/wegweiser/${cafe}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Wöchentlich: Dienstag, 16:00–18:00 Uhr');
    expect(page.body).toContain('Die nächsten Termine');
    for (const url of [`/amstadt/wegweiser/${draft}`, `/amstadt/wegweiser/${foreign}`, `/amstadt/wegweiser/${draft}/aushang.pdf`, `/amstadt/wegweiser/${foreign}/aushang.pdf`, `/bedorf/wegweiser/${cafe}`]) {
      expect((await c.get(url)).status, url).toBe(404);
    }
    // the measure the café serves links to it; B's pages never do
    expect((await c.get(`/amstadt/massnahmen/${f.A.measureId}`)).body).toContain('Sprachcafé Apfelhaus');
    const arabic = await c.get(`/amstadt/wegweiser/${cafe}?lang=ar`);
    expect(arabic.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(arabic.body).toContain('<h1 class="kern-heading-large" lang="de" dir="ltr">Sprachcafé Apfelhaus</h1>');
  });

  it('prints a sheet whose QR code decodes to the offer\'s address, in the reader\'s language', async () => {
    const c = new Client(env);
    const sheet = await c.getBytes(`/amstadt/wegweiser/${cafe}/aushang.pdf`);
    expect(sheet.status).toBe(200);
    expect(sheet.type).toBe('application/pdf');
    const text = pdfPages(sheet.bytes).join('\n');
    expect(text).toContain('Sprachcafé Apfelhaus');
    expect(text).toContain('Wöchentlich: Dienstag, 16:00–18:00 Uhr');
    expect(text).toContain('Arabisch');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-offer-qr-'));
    try {
      fs.writeFileSync(path.join(dir, 'sheet.pdf'), sheet.bytes);
      execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', path.join(dir, 'sheet.pdf'), path.join(dir, 'page')]);
      const png = PNG.sync.read(fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((n) => n.endsWith('.png'))!)));
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(`${env.config.publicUrl.replace(/\/+$/, '')}/amstadt/wegweiser/${cafe}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const ar = await c.getBytes(`/amstadt/wegweiser/${cafe}/aushang.pdf?lang=ar`);
    const words = pdfBoxes(ar.bytes);
    const arabic = words.filter((w) => /\p{Script=Arabic}/u.test(w.text));
    expect(arabic.length).toBeGreaterThan(5);
    // right to left: the Arabic headings stand at the right half of the page
    expect(Math.max(...arabic.map((w) => w.xMin))).toBeGreaterThan(300);
  });

  it('a representative adds and edits only their actor\'s offers; bad input keeps what was typed', async () => {
    const rep = await env.services.representatives.add(f.A.municipalityId, { email: 'vertretung@vhs.example', name: 'Vera Vertretung', actor_id: f.A.actorId }, system);
    await env.services.auth.setPassword((await env.services.auth.findUserByEmail('vertretung@vhs.example'))!.id, PASSWORD);
    expect(rep).toBeDefined();
    const c = new Client(env);
    await c.signIn('vertretung@vhs.example', PASSWORD);
    const list = await c.get('/amstadt/verwaltung/angebote');
    expect(list.status).toBe(200);
    expect(list.body).toContain('Sprachcafé Apfelhaus');
    expect(list.body).not.toContain('Beratung im Rathaus');

    const bad = await c.post('/amstadt/verwaltung/angebote/neu', { title: 'Elterncafé Merkwort', category: 'language_cafe', frequency: 'weekly', start_time: '16:00', end_time: '15:00', weekdays: 'WE', state: 'published' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Elterncafé Merkwort');
    expect(bad.body).toContain('Das Ende muss nach dem Beginn liegen.');
    expect(await titles({ q: 'Elterncafé' })).toEqual([]);

    // the actor is the representative's own, whatever the form says
    const ok = await c.post('/amstadt/verwaltung/angebote/neu', { title: 'Elterncafé', category: 'language_cafe', frequency: 'weekly', start_time: '09:00', end_time: '11:00', weekdays: 'WE', languages: ['de', 'uk'], state: 'published', actor_id: String(counselling) });
    expect(ok.status).toBe(303);
    const mine = (await env.services.offers.publicOffers(f.A.municipalityId, { ...NO_FILTERS, q: 'Elterncafé' })).offers[0];
    expect(mine.actor?.id).toBe(f.A.actorId);
    expect(mine.languages).toEqual(['de', 'uk']);

    for (const [method, url] of [['GET', `/amstadt/verwaltung/angebote/${counselling}`], ['POST', `/amstadt/verwaltung/angebote/${counselling}`], ['POST', `/amstadt/verwaltung/angebote/${counselling}/geprueft`], ['POST', `/amstadt/verwaltung/angebote/${counselling}/loeschen`], ['GET', `/amstadt/verwaltung/angebote/${foreign}`]] as const) {
      const res = method === 'GET' ? await c.get(url) : await c.post(url, { title: 'Übernommen', category: 'other', frequency: 'appointment' });
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    expect((await env.services.offers.publicOffer(f.A.municipalityId, counselling)).title).toBe('Beratung im Rathaus');
    expect((await c.get('/amstadt/verwaltung/angebote/einstellungen')).status).toBe(403);
    const edit = await c.post(`/amstadt/verwaltung/angebote/${cafe}`, { title: 'Sprachcafé Apfelhaus', category: 'language_cafe', frequency: 'weekly', weekdays: 'TU', start_time: '16:00', end_time: '19:00', languages: 'de,ar', free_of_charge: '1', state: 'published' });
    expect(edit.status).toBe(303);
    expect((await env.services.offers.publicOffer(f.A.municipalityId, cafe)).schedule.endTime).toBe('19:00');
  });

  it('an officer of another municipality finds nothing of A\'s; not signed in is sent to sign in', async () => {
    const b = new Client(env);
    await b.signIn(f.B.adminEmail, PASSWORD);
    expect((await b.get(`/bedorf/verwaltung/angebote/${cafe}`)).status).toBe(404);
    expect((await b.post(`/bedorf/verwaltung/angebote/${cafe}/geprueft`)).status).toBe(404);
    const list = await b.get('/bedorf/verwaltung/angebote');
    expect(list.body).not.toContain('Apfelhaus');
    const anonymous = new Client(env);
    expect((await anonymous.get('/amstadt/verwaltung/angebote')).status).toBe(303);
  });

  it('an actor with a published offer and no measure gets its public page with the offer; a draft offer gives none', async () => {
    const association = await env.services.actors.create(f.A.municipalityId, { name: 'Internationaler Verein Apfel', parent_id: null, description: '', contact_email: '', website: '' }, system);
    const c = new Client(env);
    expect((await c.get(`/amstadt/akteure/${association}`)).status).toBe(404);
    const id = await env.services.offers.create(f.A.municipalityId, input({ title: 'Volleyball international', category: 'sport', actor_id: String(association), weekdays: 'SA', start_time: '10:00', end_time: '12:00', state: 'draft' }), system, officer);
    expect((await c.get(`/amstadt/akteure/${association}`)).status).toBe(404);
    await env.services.offers.update(f.A.municipalityId, id, input({ title: 'Volleyball international', category: 'sport', actor_id: String(association), weekdays: 'SA', start_time: '10:00', end_time: '12:00' }), system, officer);
    const page = await c.get(`/amstadt/akteure/${association}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Volleyball international');
    expect((await c.get('/amstadt/akteure')).body).toContain('Internationaler Verein Apfel');
    expect((await c.get(`/bedorf/akteure/${association}`)).status).toBe(404);
    // an actor with offers is not offered for clean-up, and deleting it lets its offers go (not deleted), said first
    expect((await env.services.actors.unused(f.A.municipalityId)).map((a) => a.id)).not.toContain(association);
    expect(await env.services.actors.deleteUnused(f.A.municipalityId, [association], system)).toBe(0);
    expect((await env.services.actors.usage(f.A.municipalityId, association)).more).toEqual([{ key: 'offers.actorUsage', count: 1 }]);
  });

  it('checks websites politely against a loopback server: one at a time, a pause per host, HEAD then GET, bounded', async () => {
    const server = await linkServer();
    try {
      const o = env.services.offers;
      const site = async (title: string, p: string) => o.create(f.A.municipalityId, input({ title, category: 'other', frequency: 'appointment', website: `${server.base}${p}` }), system, officer);
      const ids = { ok: await site('A ok', '/ok'), noHead: await site('B no head', '/no-head'), gone: await site('C gone', '/gone'), moved: await site('D moved', '/moved'), slow: await site('E slow', '/slow') };
      // without permission, a loopback address is refused and nothing is asked
      const refused = await o.checkLinks(f.A.municipalityId, { max: 1 });
      expect(refused).toEqual({ checked: 1, broken: 1 });
      expect(server.seen).toEqual([]);

      const run = await o.checkLinks(f.A.municipalityId, { allowPrivate: true, hostDelayMs: 60, timeoutMs: 400, max: 10 });
      expect(run.checked).toBe(5);
      const state = async (id: number) => {
        const { row } = await o.getForEdit(f.A.municipalityId, id, officer);
        return `${row.link_state}${row.link_error ? ` ${row.link_error}` : ''}`;
      };
      expect(await state(ids.ok)).toBe('ok');
      expect(await state(ids.noHead)).toBe('ok');
      expect(await state(ids.moved)).toBe('ok');
      expect(await state(ids.gone)).toBe('broken HTTP 404');
      expect(await state(ids.slow)).toBe('broken timeout');
      expect(server.overlapped()).toBe(false);
      expect(server.seen.every((r) => r.ua.startsWith('Teilhabe-Linkpruefung/'))).toBe(true);
      expect(server.seen.filter((r) => r.path === '/no-head').map((r) => r.method)).toEqual(['HEAD', 'GET']);
      for (let i = 1; i < server.seen.length; i++) expect(server.seen[i].at - server.seen[i - 1].at).toBeGreaterThanOrEqual(50);
      // bounded: a run looks at no more than it may, the longest unchecked first
      server.seen.length = 0;
      expect((await o.checkLinks(f.A.municipalityId, { allowPrivate: true, hostDelayMs: 10, timeoutMs: 400, max: 2 })).checked).toBe(2);
      const admin = new Client(env);
      await admin.signIn(f.A.adminEmail, PASSWORD);
      const page = await admin.get('/amstadt/verwaltung/angebote');
      expect(page.body).toContain('antwortet nicht (HTTP 404)');
    } finally {
      await server.close();
    }
  });

  it('reminds the officer of offers not checked for the configured days, on the page and by the weekly mail', async () => {
    const o = env.services.offers;
    await o.saveSettings(f.A.municipalityId, { map_url_template: '', stale_days: 30, holiday_region: 'BW', reminder_email: '' }, system);
    const before = new Client(env);
    await before.signIn(f.A.adminEmail, PASSWORD);
    expect((await before.get('/amstadt/verwaltung/angebote')).body).not.toContain('nicht geprüft');
    env.now.value = new Date(env.now.value.getTime() + 40 * 86_400_000);
    const admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
    expect((await o.staleOffers(f.A.municipalityId)).map((r) => r.title).sort()).toEqual(['Beratung im Rathaus', 'Geheimer Entwurfstreff', 'Sprachcafé Apfelhaus']);
    expect((await admin.get('/amstadt/verwaltung/angebote')).body).toContain('3 Angebote wurden seit mehr als 30 Tagen nicht geprüft.');
    expect((await admin.post(`/amstadt/verwaltung/angebote/${cafe}/geprueft`)).status).toBe(303);
    expect((await o.staleOffers(f.A.municipalityId)).map((r) => r.title).sort()).toEqual(['Beratung im Rathaus', 'Geheimer Entwurfstreff']);
    // the weekly job (queued when offers were saved) mails the officer's address, and queues its next run
    await env.services.jobs.runDueJobs(new Date(env.now.value.getTime() + 8 * 86_400_000));
    const mails = smtp.mails.filter((m) => m.to.includes(`integration@${f.A.slug}.example`));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('Beratung im Rathaus');
    expect(mails[0].text).not.toContain('Sprachcafé Apfelhaus');
    expect(mails[0].text).not.toContain(f.B.secretWord);
    expect(smtp.mails.some((m) => m.text.includes('Apfelhaus') && m.to.includes(`integration@${f.B.slug}.example`))).toBe(false);
  });

  it('shows a reviewed translation of an offer\'s title in the reader\'s language, German marked where there is none', async () => {
    const rows = await env.services.translations.rows(f.A.municipalityId, f.A.slug, 'en');
    expect(rows.some((r) => r.entityType === 'offer' && r.entityId === cafe && r.field === 'title')).toBe(true);
    expect(rows.some((r) => r.entityType === 'offer' && r.entityId === draft)).toBe(false);
    await env.services.translations.seed(f.A.municipalityId, [{ entityType: 'offer', entityId: cafe, field: 'title', lang: 'en', text: 'Language café Apple House', sourceHash: sourceHash('Sprachcafé Apfelhaus'), sourceText: 'Sprachcafé Apfelhaus', state: 'reviewed', origin: 'person', provider: '', reviewedBy: null, reviewedAt: null }], system);
    const c = new Client(env);
    const page = await c.get(`/amstadt/wegweiser/${cafe}?lang=en`);
    expect(page.body).toContain('<h1 class="kern-heading-large">Language café Apple House</h1>');
    expect((await c.get('/amstadt/wegweiser?lang=en')).body).toContain('Language café Apple House');
    expect(pdfPages((await c.getBytes(`/amstadt/wegweiser/${cafe}/aushang.pdf?lang=en`)).bytes).join('\n')).toContain('Language café Apple House');
    expect((await c.get(`/amstadt/wegweiser/${counselling}?lang=en`)).body).toContain('<h1 class="kern-heading-large" lang="de" dir="ltr">Beratung im Rathaus</h1>');
  });

  it('settings: a map template without {address} is refused at the field, a valid one links the address', async () => {
    const admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
    const bad = await admin.post('/amstadt/verwaltung/angebote/einstellungen', { map_url_template: 'https://karte.example/suche', stale_days: '90', holiday_region: 'BW' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('https://karte.example/suche');
    expect(bad.body).toContain('{address}');
    const ok = await admin.post('/amstadt/verwaltung/angebote/einstellungen', { map_url_template: 'https://karte.example/suche?q={address}', stale_days: '90', holiday_region: 'BE' });
    expect(ok.status).toBe(303);
    const offer = await env.services.offers.publicOffer(f.A.municipalityId, cafe);
    expect(offer.mapUrl).toBe(`https://karte.example/suche?q=${encodeURIComponent('Hauptstraße 1, 12345 Amstadt')}`);
    expect((await new Client(env).get(`/amstadt/wegweiser/${cafe}`)).body).toContain('https://karte.example/suche?q=Hauptstra%C3%9Fe');
  });
});

describe('the offer schema for the write API', () => {
  it('reads a JSON body with arrays, booleans and numbers as the form does', () => {
    const fromJson = offerSchema.parse({ title: 'Café', category: 'language_cafe', frequency: 'monthly', weekdays: ['TU'], month_week: -1, start_time: '16:00', end_time: '18:00', languages: ['de', 'ar'], free_of_charge: true, skip_holidays: false, measure_ids: [3, 4], actor_id: 7 });
    const fromForm = offerSchema.parse({ title: 'Café', category: 'language_cafe', frequency: 'monthly', weekdays: 'TU', month_week: '-1', start_time: '16:00', end_time: '18:00', languages: 'de,ar', free_of_charge: '1', measure_ids: '3,4', actor_id: '7' });
    expect(fromJson).toEqual(fromForm);
    expect(fromJson.languages).toEqual(['de', 'ar']);
    expect(offerSchema.safeParse({ title: 'Café', category: 'language_cafe', frequency: 'weekly', weekdays: ['XX'] }).success).toBe(false);
  });
});
