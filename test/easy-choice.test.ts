// Leichte Sprache as a reader's remembered choice, on both engines: opening a Leichte Sprache page (the
// language switch's seventh entry) is remembered; every page of the municipality then says at its top whether
// it has a Leichte Sprache version (and links it) or not (and links the LS start page); admin pages keep their
// German interface with the same short link; choosing a language in the switch ends the choice. Without the
// choice no page carries the note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { easyPaths } from '../src/modules/easy/index.js';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const HAS = 'Diese Seite gibt es in Leichter Sprache.';
const HAS_NOT = 'Diese Seite gibt es nicht in Leichter Sprache.';
const by = { userId: null, name: 'Test' };

describe.each(engines)('Leichte Sprache remembered on %s', (engine) => {
  let env: TestEnv;
  let fx: Fixture;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    fx = await seedTwoMunicipalities(env);
    const field = { type: 'field' as const, id: fx.A.fieldId };
    await env.services.easy.save(fx.A.municipalityId, field, { title: 'Das Feld', body: 'Das ist das Feld.' }, by);
    await env.services.easy.setPublished(fx.A.municipalityId, field, true, by);
  });
  afterAll(() => env.close());

  it('without the choice no page carries the note', async () => {
    const reader = new Client(env);
    expect((await reader.get(paths.field(fx.A.slug, fx.A.fieldId))).body).not.toContain(HAS);
    expect((await reader.get(paths.actors(fx.A.slug))).body).not.toContain(HAS_NOT);
    // An LS page opened with a language in its address is still Leichte Sprache chosen.
    await reader.get(`${easyPaths.start(fx.A.slug)}?lang=de`);
    expect(reader.cookies.get('teilhabe_easy')).toBe('1');
  });

  it('chosen in the switch, each page says at its top whether it has a Leichte Sprache version, until a language is chosen', async () => {
    const reader = new Client(env);
    // The switch's entry: the LS start page, told where the reader comes from (here: the field, which has a text).
    const chosen = await reader.get(`${easyPaths.start(fx.A.slug)}?von=${encodeURIComponent(paths.actors(fx.A.slug))}`);
    expect(chosen.status).toBe(200);
    expect(reader.cookies.get('teilhabe_easy')).toBe('1');

    const field = await reader.get(paths.field(fx.A.slug, fx.A.fieldId));
    expect(field.body).toContain(HAS);
    expect(field.body).toContain(`href="${easyPaths.text(fx.A.slug, { type: 'field', id: fx.A.fieldId })}"`);
    // At the top: before the page's own heading.
    expect(field.body.indexOf(HAS)).toBeLessThan(field.body.indexOf('<h1'));
    const start = await reader.get(`/${fx.A.slug}`);
    expect(start.body).toContain(HAS);
    const actors = await reader.get(paths.actors(fx.A.slug));
    expect(actors.body).toContain(HAS_NOT);
    expect(actors.body).toContain(`class="kern-link easy-notice__link" href="${easyPaths.start(fx.A.slug)}"`);
    // The note is Leichte Sprache, German, also on a page in Arabic (Arabic chosen before Leichte Sprache).
    const arabicReader = new Client(env);
    await arabicReader.get(`/${fx.A.slug}?lang=ar`);
    await arabicReader.get(easyPaths.start(fx.A.slug));
    const arabic = await arabicReader.get(paths.actors(fx.A.slug));
    expect(arabic.body).toContain('<html lang="ar" dir="rtl"');
    expect(arabic.body).toMatch(/<aside class="easy-notice" lang="de" dir="ltr" aria-labelledby="easy-notice-title"><p class="kern-body easy-notice__title" id="easy-notice-title">Diese Seite gibt es nicht in Leichter Sprache.<\/p>/);
    // The LS pages themselves need no note.
    expect((await reader.get(easyPaths.start(fx.A.slug))).body).not.toContain(HAS_NOT);
    expect((await reader.get(easyPaths.signLanguage(fx.A.slug))).body).not.toContain(HAS_NOT);
    // Another municipality's page says what it has, not what this one has.
    expect((await reader.get(paths.field(fx.B.slug, fx.B.fieldId))).body).toContain(HAS_NOT);

    // Choosing a language ends the choice.
    const ar = await reader.get(`${paths.field(fx.A.slug, fx.A.fieldId)}?lang=ar`);
    expect(ar.body).not.toContain(HAS);
    expect(reader.cookies.has('teilhabe_easy')).toBe(false);
    expect((await reader.get(paths.actors(fx.A.slug))).body).not.toContain(HAS_NOT);
    // An LS page opened with a language in its address is still Leichte Sprache chosen.
    await reader.get(`${easyPaths.start(fx.A.slug)}?lang=de`);
    expect(reader.cookies.get('teilhabe_easy')).toBe('1');
  });

  it('admin pages keep their German interface and carry the short link to the LS start page', async () => {
    const officer = new Client(env);
    await officer.signIn(fx.A.adminEmail, PASSWORD);
    await officer.get(easyPaths.start(fx.A.slug));
    const admin = await officer.get(paths.admin(fx.A.slug));
    expect(admin.status).toBe(200);
    expect(admin.body).toContain('<html lang="de"');
    expect(admin.body).toContain(HAS_NOT);
    expect(admin.body).toContain(`href="${easyPaths.start(fx.A.slug)}"`);
    // An admin page about a subject with an LS text is still an admin page: no claim that it exists in LS.
    const adminField = await officer.get(paths.adminField(fx.A.slug, fx.A.fieldId));
    expect(adminField.body).not.toContain(HAS);
  });
});
