// Leichte Sprache on both engines: the officer writes, checks (without JavaScript: a POST that keeps the text;
// and the fragment the script asks for), records the test readers' check and publishes; the label follows the
// check of this very body; drafts and another municipality's texts stay invisible; the sign-language video is
// checked by content and served with Range.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Side, type TestEnv } from '../../../test/support.js';
import { pdfinfo, pdfPages } from '../../../test/fixtures/exports/poppler.js';
import { planPaths } from '../plan/index.js';
import { checkEasyLanguage } from './checker.js';
import { DEMO_FIELD, DEMO_GLOSSARY, DEMO_PLAN, DEMO_START } from './easy.demo.js';
import { easyPaths } from './easy.paths.js';
import { glossaryWords, parseDay } from './easy.service.js';

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom', 'latin1'), Buffer.alloc(200, 7)]);
const GOOD = 'Die Stadt macht ein Fest.\nDas Fest ist im Park.\nAlle Menschen können kommen.';
const LONG = 'Die Stadt lädt alle Menschen aus der Stadt zu einem großen Fest im Park ein.';

describe('the demo texts are good Leichte Sprache', () => {
  it('the checker finds nothing in them (with the demo glossary)', () => {
    for (const body of [DEMO_START, DEMO_PLAN, DEMO_FIELD]) {
      expect(checkEasyLanguage(body, { glossary: glossaryWords(DEMO_GLOSSARY) }).hints).toEqual([]);
    }
  });
});

describe('a day as the officer types it', () => {
  it('reads "1.3.2026" and "2026-03-01", refuses what is no real day', () => {
    expect([parseDay('1.3.2026'), parseDay('2026-03-01'), parseDay(' 20.02.2026 ')]).toEqual(['2026-03-01', '2026-03-01', '2026-02-20']);
    expect([parseDay('31.2.2026'), parseDay('gestern'), parseDay('2026-13-01'), parseDay('')]).toEqual([null, null, null, null]);
  });
});

describe.each(engines)('Leichte Sprache on %s', (engine) => {
  let env: TestEnv;
  let A: Side;
  let B: Side;
  let officer: Client;
  const by = { userId: null, name: 'Test' };
  const field = () => ({ type: 'field' as const, id: A.fieldId });

  beforeAll(async () => {
    env = await createTestEnv(engine);
    ({ A, B } = await seedTwoMunicipalities(env));
    officer = new Client(env);
    await officer.signIn(A.adminEmail, PASSWORD);
    // B has a published, checked text for its field: A must never see it.
    const bField = { type: 'field' as const, id: B.fieldId };
    await env.services.easy.save(B.municipalityId, bField, { title: `Feld ${B.secretWord}`, body: `Das ist ${B.secretWord}.` }, by);
    await env.services.easy.setPublished(B.municipalityId, bField, true, by);
  });
  afterAll(() => env.close());

  it('the admin pages ask a stranger to sign in', async () => {
    const stranger = new Client(env);
    expect((await stranger.get(easyPaths.admin(A.slug))).status).toBe(303);
    expect((await stranger.get(easyPaths.adminText(A.slug, field()))).status).toBe(303);
    expect((await stranger.post(easyPaths.adminText(A.slug, field()), { title: 'x', body: 'y' })).status).toBe(303);
  });

  it('lists the start page, the plan overview and the fields', async () => {
    const page = await officer.get(easyPaths.admin(A.slug));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Startseite');
    expect(page.body).toContain('Übersicht des Plans: Integrationsplan Amstadt');
    expect(page.body).toContain('Handlungsfeld: Sprache in Amstadt');
    expect(page.body).not.toContain(B.secretWord);
  });

  it('"Prüfen" without JavaScript shows the hints and keeps the text; nothing is saved', async () => {
    const res = await officer.post(easyPaths.adminText(A.slug, field()), { action: 'check', title: 'Sprache', body: `${LONG}\nDer Kurs kostet nichts.` });
    expect(res.status).toBe(200);
    expect(res.body).toContain('1 Satz mit mehr als 10 Wörtern');
    expect(res.body).toContain('1 Verneinung');
    expect(res.body).toContain('<mark>nichts</mark>');
    expect(res.body).toContain('Zeile 2');
    expect(res.body).toContain('Der Kurs kostet nichts.</textarea>');
    expect(await env.services.easy.findText(A.municipalityId, field())).toBeNull();
  });

  it('the check while typing answers the hints as a fragment, in the writer’s language', async () => {
    const res = await officer.post(easyPaths.adminCheck(A.slug), { body: `${LONG}\n${LONG}` });
    expect(res.status).toBe(200);
    expect(res.body).toContain('2 Sätze mit mehr als 10 Wörtern');
    expect(res.body).not.toContain('<html');
    const en = await officer.post(`${easyPaths.adminCheck(A.slug)}?lang=en`, { body: LONG });
    expect(en.body).toContain('1 sentence with more than 10 words');
    await officer.get(`${easyPaths.admin(A.slug)}?lang=de`);
  });

  it('bad input: a message at the field, the text kept, nothing saved', async () => {
    const res = await officer.post(easyPaths.adminText(A.slug, field()), { action: 'save', title: '', body: GOOD });
    expect(res.status).toBe(400);
    expect(res.body).toContain('kern-form-input--error');
    expect(res.body).toContain('Alle Menschen können kommen.</textarea>');
    expect(await env.services.easy.findText(A.municipalityId, field())).toBeNull();
  });

  it('a saved, unpublished text is invisible to the public', async () => {
    const res = await officer.post(easyPaths.adminText(A.slug, field()), { action: 'save', title: 'Sprache', body: GOOD });
    expect(res.status).toBe(303);
    const pub = new Client(env);
    expect((await pub.get(easyPaths.text(A.slug, field()))).status).toBe(404);
    expect((await pub.get(easyPaths.start(A.slug))).body).not.toContain('href="/amstadt/leichte-sprache/handlungsfeld/');
  });

  it('published without a check: "Einfache Sprache"; with the check recorded: "Leichte Sprache"; changed: "Einfache Sprache" again', async () => {
    expect((await officer.post(easyPaths.adminAction(A.slug, field(), 'veroeffentlichen'), { published: '1' })).status).toBe(303);
    const pub = new Client(env);
    let page = await pub.get(easyPaths.text(A.slug, field()));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="de"');
    expect(page.body).toContain('Einfache Sprache');
    expect(page.body).not.toMatch(/kern-label">Leichte Sprache</);

    const bad = await officer.post(easyPaths.adminAction(A.slug, field(), 'testlesung'), { group: '', on: 'gestern' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Bitte ein Datum angeben.');

    expect((await officer.post(easyPaths.adminAction(A.slug, field(), 'testlesung'), { group: 'Prüfgruppe Amstadt', on: '20.2.2026' })).status).toBe(303);
    page = await pub.get(easyPaths.text(A.slug, field()));
    expect(page.body).toMatch(/kern-label">Leichte Sprache</);
    expect(page.body).toContain('Prüfgruppe Amstadt. Am 20. Februar 2026.');
    // who recorded it is internal
    expect(page.body).not.toContain(`Admin Amstadt`);

    const saved = await officer.post(easyPaths.adminText(A.slug, field()), { action: 'save', title: 'Sprache', body: `${GOOD}\nDer Eintritt ist frei.` });
    expect(saved.status).toBe(303);
    const editor = await officer.get(saved.location!);
    expect(editor.body).toContain('braucht eine neue Prüfung');
    expect(editor.body).toContain('Der Text ist nach der Prüfung geändert worden. Geprüft hatte Prüfgruppe Amstadt');
    page = await pub.get(easyPaths.text(A.slug, field()));
    expect(page.body).toContain('Einfache Sprache');
    expect(page.body).not.toMatch(/kern-label">Leichte Sprache</);
  });

  it('a published text as a PDF in the Leichte Sprache layout: its label on top, one sentence a line; a draft or another municipality’s is 404', async () => {
    const res = await env.app.request(easyPaths.pdf(A.slug, field()));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdfinfo(pdf)).toMatch(/Tagged:\s+yes/);
    const lines = pdfPages(pdf).join('\n').split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(0, 2)).toEqual(['Sprache', 'Einfache Sprache']);
    for (const sentence of [...GOOD.split('\n'), 'Der Eintritt ist frei.']) expect(lines).toContain(sentence);
    expect(lines.indexOf('Die Stadt macht ein Fest.')).toBeLessThan(lines.indexOf('Das Fest ist im Park.'));
    expect((await env.app.request(easyPaths.pdf(A.slug, { type: 'measure', id: A.measureId }))).status).toBe(404);
    expect((await env.app.request(easyPaths.pdf(A.slug, { type: 'field', id: B.fieldId }))).status).toBe(404);
  });

  it('the Leichte Sprache link keeps the place: to the text of the page one came from, else the LS start page', async () => {
    const pub = new Client(env);
    const fieldPage = await pub.get(planPaths.field(A.slug, A.fieldId));
    const href = `/amstadt/leichte-sprache?von=${encodeURIComponent(planPaths.field(A.slug, A.fieldId))}`;
    expect(fieldPage.body).toContain(`href="${href.replace(/&/g, '&amp;')}"`);
    // the start page shows a box that leads to Leichte Sprache and to sign language
    const home = await pub.get(`/${A.slug}`);
    expect(home.body).toContain('Leichte Sprache und Gebärdensprache');
    expect(home.body).toContain(`href="${easyPaths.signLanguage(A.slug)}"`);
    const go = await pub.get(href);
    expect(go.status).toBe(303);
    expect(go.location).toBe(easyPaths.text(A.slug, field()));
    const measure = await pub.get(`/amstadt/leichte-sprache?von=${encodeURIComponent(planPaths.measure(A.slug, A.measureId))}`);
    expect(measure.status).toBe(200);
    expect(measure.body).toContain('Alle Texte in Leichter Sprache');
    // an Arabic reader gets the Leichte Sprache page in German, left to right
    const ar = await pub.get(`${easyPaths.start(A.slug)}?lang=ar`);
    expect(ar.body).toContain('<html lang="de" dir="ltr"');
    expect(ar.body).toContain(`href="/${A.slug}/barrierefreiheit"`);
  });

  it('another municipality’s text and subjects are invisible', async () => {
    const pub = new Client(env);
    expect((await pub.get(easyPaths.text(A.slug, { type: 'field', id: B.fieldId }))).status).toBe(404);
    expect((await pub.get(easyPaths.text(B.slug, { type: 'field', id: B.fieldId }))).body).toContain(B.secretWord);
    expect((await pub.get(easyPaths.start(A.slug))).body).not.toContain(B.secretWord);
    expect((await officer.get(easyPaths.adminText(A.slug, { type: 'field', id: B.fieldId }))).status).toBe(404);
    expect((await officer.post(easyPaths.adminText(A.slug, { type: 'field', id: B.fieldId }), { action: 'save', title: 'x', body: 'y' })).status).toBe(404);
    expect((await officer.get(`${easyPaths.admin(A.slug)}?neu=measure:${B.measureId}`)).status).toBe(400);
  });

  it('a text of a draft plan’s field stays invisible even when published', async () => {
    const tree = await env.services.plans.tree(A.municipalityId, A.draftPlanId);
    const draftField = { type: 'field' as const, id: tree.fields[0].id };
    await env.services.easy.save(A.municipalityId, draftField, { title: 'Entwurf', body: GOOD }, by);
    await env.services.easy.setPublished(A.municipalityId, draftField, true, by);
    expect((await new Client(env).get(easyPaths.text(A.slug, draftField))).status).toBe(404);
  });

  it('an editor may write but not publish', async () => {
    const editor = new Client(env);
    await editor.signIn(A.editorEmail, PASSWORD);
    expect((await editor.get(easyPaths.adminText(A.slug, field()))).status).toBe(200);
    expect((await editor.post(easyPaths.adminAction(A.slug, field(), 'veroeffentlichen'), { published: '0' })).status).toBe(403);
  });

  it('the sign-language video: refused unless MP4/WebM by content; served with Range; shown on the start page', async () => {
    const start = { type: 'start' as const, id: 0 };
    const wrong = await officer.upload(easyPaths.adminAction(A.slug, start, 'video'), {}, { file: { name: 'video.mp4', content: Buffer.from('%PDF-1.4 not a video') } });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('kein MP4- oder WebM-Video');
    const pub = new Client(env);
    expect((await pub.get(easyPaths.video(A.slug, start))).status).toBe(404);
    expect((await pub.get(easyPaths.signLanguage(A.slug))).body).toContain('noch kein Video');

    const ok = await officer.upload(easyPaths.adminAction(A.slug, start, 'video'), {}, { file: { name: 'dgs.mp4', content: MP4, type: 'video/mp4' } });
    expect(ok.status, ok.body.slice(0, 300)).toBe(303);
    const whole = await env.app.request(easyPaths.video(A.slug, start));
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(MP4);
    const part = await env.app.request(easyPaths.video(A.slug, start), { headers: { range: 'bytes=4-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${MP4.length}`);
    expect(Buffer.from(await part.arrayBuffer()).toString('latin1')).toBe('ftypisom');
    const tail = await env.app.request(easyPaths.video(A.slug, start), { headers: { range: 'bytes=-10' } });
    expect([tail.status, tail.headers.get('content-range')]).toEqual([206, `bytes ${MP4.length - 10}-${MP4.length - 1}/${MP4.length}`]);
    const past = await env.app.request(easyPaths.video(A.slug, start), { headers: { range: `bytes=${MP4.length}-` } });
    expect(past.status).toBe(416);
    const sign = await pub.get(easyPaths.signLanguage(A.slug));
    expect(sign.body).toContain(`<video class="easy-video" controls="" preload="metadata" src="${easyPaths.video(A.slug, start)}"`);
    expect(sign.body).toContain(`href="${easyPaths.start(A.slug)}"`);
    // another municipality has no video
    expect((await pub.get(easyPaths.video(B.slug, start))).status).toBe(404);
  });
});
