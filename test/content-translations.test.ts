// Content in several languages on both engines: a reviewed translation shows on the public pages, a draft
// never does, a German edit makes it outdated (the page falls back to German, marked lang="de", with the note),
// another municipality's translations stay invisible, and machine drafts come from a translation service over
// HTTP (the fake in translate.fake.ts), failing cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translationPaths } from '../src/modules/translations/index.js';
import { sourceHash } from '../src/platform/i18n/content.js';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';
import { startFakeTranslator, type FakeTranslator } from './translate.fake.js';

const NOTE_AR = 'بعض النصوص في هذه الصفحة لم تُترجم بعد وتظهر باللغة الألمانية.';
const system = { userId: null, name: 'Test' };

describe.each(engines)('content translations on %s', (engine) => {
  let env: TestEnv;
  let fx: Fixture;
  let fake: FakeTranslator;
  let admin: Client;

  beforeAll(async () => {
    fake = await startFakeTranslator();
    env = await createTestEnv(engine, fake.env('libretranslate'));
    fx = await seedTwoMunicipalities(env);
    admin = new Client(env);
    await admin.signIn(fx.A.adminEmail, PASSWORD);
  });
  afterAll(async () => {
    await env?.close();
    await fake?.close();
  });

  const key = (type: string, id: number, field: string) => `${type}_${id}_${field}`;
  const measureGerman = async () => (await env.services.plans.getMeasure(fx.A.municipalityId, fx.A.measureId)).text;
  const publicMeasure = async (lang: string) => (await new Client(env).get(`${paths.measure(fx.A.slug, fx.A.measureId)}?lang=${lang}`)).body;
  const stored = () => env.db.kysely.selectFrom('translations').selectAll().where('municipality_id', '=', fx.A.municipalityId).orderBy('id').execute();

  it('asks to sign in, and answers another municipality’s people with nothing of this one', async () => {
    const anonymous = await new Client(env).get(translationPaths.adminTranslations(fx.A.slug));
    expect(anonymous.status).toBe(303);
    const other = new Client(env);
    await other.signIn(fx.B.adminEmail, PASSWORD);
    expect((await other.get(translationPaths.adminTranslationLang(fx.A.slug, 'ar'))).status).toBe(404);
    expect((await admin.get(translationPaths.adminTranslationLang(fx.A.slug, 'xx'))).status).toBe(404);
    const own = await admin.get(`${translationPaths.adminTranslationLang(fx.A.slug, 'ar')}?show=all`);
    expect(own.status).toBe(200);
    expect(own.body).toContain('dir="rtl"');
    expect(own.body).not.toContain(fx.B.secretWord);
  });

  it('a draft is never public; a reviewed translation is, in the reader’s language, and the review is recorded', async () => {
    const german = await measureGerman();
    const k = key('measure', fx.A.measureId, 'text');
    const draft = await admin.post(`${translationPaths.adminTranslationLang(fx.A.slug, 'ar')}?show=all`, { [`t_${k}`]: 'مسودة غير منشورة', [`h_${k}`]: sourceHash(german) });
    expect(draft.status).toBe(303);
    let page = await publicMeasure('ar');
    expect(page).not.toContain('مسودة غير منشورة');
    expect(page).toContain(`lang="de" dir="ltr">${german}`);
    expect(page).toContain(NOTE_AR);

    const reviewed = await admin.post(`${translationPaths.adminTranslationLang(fx.A.slug, 'ar')}?show=all`, { [`t_${k}`]: 'إجراء مترجم', [`h_${k}`]: sourceHash(german), [`r_${k}`]: '1' });
    expect(reviewed.status).toBe(303);
    page = await publicMeasure('ar');
    expect(page).toContain('إجراء مترجم');
    expect(page).not.toContain(`lang="de" dir="ltr">${german}`);
    const row = (await stored()).find((r) => r.entity_type === 'measure' && r.entity_id === fx.A.measureId && r.lang === 'ar')!;
    expect(row).toMatchObject({ state: 'reviewed', origin: 'person', source_text: german });
    expect(row.reviewed_by).toBe((await env.services.auth.findUserByEmail(fx.A.adminEmail))!.id);
    expect(row.reviewed_at).toBe(env.now.value.toISOString());
    const audit = await env.db.kysely.selectFrom('audit_log').select(['action', 'after_json', 'user_id']).where('municipality_id', '=', fx.A.municipalityId).where('action', '=', 'translation.save').execute();
    expect(audit.some((a) => (a.after_json ?? '').includes(`measure:${fx.A.measureId}:text`))).toBe(true);
    // German readers still read German; English readers read German marked as such.
    expect(await publicMeasure('de')).not.toContain('إجراء مترجم');
  });

  it('another municipality never sees this one’s translations', async () => {
    const b = await new Client(env).get(`${paths.measure(fx.B.slug, fx.B.measureId)}?lang=ar`);
    expect(b.body).not.toContain('إجراء مترجم');
    const viaB = await new Client(env).get(`${paths.measure(fx.B.slug, fx.A.measureId)}?lang=ar`);
    expect(viaB.status).toBe(404);
  });

  it('after a German edit the translation is outdated: the page falls back to German with the note, the screen shows old and new German', async () => {
    const old = await measureGerman();
    const d = await env.services.plans.measureDetail(fx.A.municipalityId, fx.A.measureId);
    await env.services.plans.updateMeasure(fx.A.municipalityId, fx.A.measureId, {
      text: `${old} – neu gefasst`, number: d.measure.number, is_further: false, field_id: null, goal_id: d.measure.goal_id, status_label: d.measure.status_label, status_category: null,
      timeframe_start: null, timeframe_end: null, target_groups: '', lead_actor_id: d.measure.actors.find((a) => a.role === 'lead')?.id ?? null, partner_actor_ids: d.measure.actors.filter((a) => a.role === 'partner').map((a) => a.id),
    }, system);
    const page = await publicMeasure('ar');
    expect(page).not.toContain('إجراء مترجم');
    expect(page).toContain(`lang="de" dir="ltr">${old} – neu gefasst`);
    expect(page).toContain(NOTE_AR);
    const screen = await admin.get(`${translationPaths.adminTranslationLang(fx.A.slug, 'ar')}?show=outdated`);
    expect(screen.body).toContain('Veraltet');
    expect(screen.body).toContain(`${old}</blockquote>`);
    expect(screen.body).toContain(`${old} – neu gefasst</blockquote>`);
    const overview = await admin.get(translationPaths.adminTranslations(fx.A.slug));
    expect(overview.status).toBe(200);
  });

  it('a text too long is refused at its field, the typed texts kept, nothing changed', async () => {
    const before = await stored();
    const k = key('field', fx.A.fieldId, 'title');
    const other = key('plan', fx.A.planId, 'title');
    const res = await admin.post(`${translationPaths.adminTranslationLang(fx.A.slug, 'en')}?show=all`, { [`t_${k}`]: 'x'.repeat(20001), [`t_${other}`]: 'Typed plan title', [`r_${other}`]: '1' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('kern-error');
    expect(res.body).toContain('Typed plan title');
    expect(await stored()).toEqual(before);
  });

  it('machine drafts are fetched by the jobs worker: the screen says they are being prepared; a failing service changes nothing and says why', async () => {
    const screen = async () => (await admin.get(translationPaths.adminTranslationLang(fx.A.slug, 'ar'))).body;
    const runJobs = () => env.services.jobs.runDueJobs(env.now.value);
    const machineJobs = () => env.db.kysely.selectFrom('jobs').select(['state', 'attempts']).where('kind', '=', 'translation.machineDrafts').where('municipality_id', '=', fx.A.municipalityId).orderBy('id').execute();
    fake.failWith(403);
    const before = await stored();
    const asked = fake.requests.length;
    const requested = await admin.post(translationPaths.adminTranslationMachine(fx.A.slug, 'ar'));
    expect(requested.status).toBe(303);
    // Nothing is asked of the service inside the officer's request.
    expect(fake.requests.length).toBe(asked);
    expect(await screen()).toContain('Maschinelle Entwürfe werden vorbereitet.');
    expect(await screen()).not.toContain('>Maschinell vorübersetzen<');
    // Asked again meanwhile: still one job.
    await admin.post(translationPaths.adminTranslationMachine(fx.A.slug, 'ar'));
    expect(await machineJobs()).toHaveLength(1);
    // A refused key is not tried again: the job fails at once and the screen says why.
    expect(await runJobs()).toMatchObject({ failed: 1 });
    expect((await machineJobs())[0]).toMatchObject({ state: 'failed', attempts: 1 });
    let page = await screen();
    expect(page).toContain('Zugangsschlüssel abgelehnt');
    expect(page).not.toContain('Maschinelle Entwürfe werden vorbereitet.');
    fake.failWith(456);
    await admin.post(translationPaths.adminTranslationMachine(fx.A.slug, 'ar'));
    await runJobs();
    expect(await screen()).toContain('Kontingent');
    expect(await stored()).toEqual(before);
    // A service away is tried again later; meanwhile the drafts are still being prepared.
    fake.failWith(503);
    await admin.post(translationPaths.adminTranslationMachine(fx.A.slug, 'ar'));
    expect(await runJobs()).toMatchObject({ retried: 1 });
    expect(await screen()).toContain('Maschinelle Entwürfe werden vorbereitet.');
    expect(await stored()).toEqual(before);
    // Another municipality's officer sees nothing of it.
    const other = new Client(env);
    await other.signIn(fx.B.adminEmail, PASSWORD);
    expect((await other.get(translationPaths.adminTranslationLang(fx.B.slug, 'ar'))).body).not.toContain('Maschinelle Entwürfe werden vorbereitet.');

    fake.failWith(null);
    expect(await env.services.jobs.runDueJobs(new Date(env.now.value.getTime() + 3600_000))).toMatchObject({ done: 1 });
    page = await screen();
    expect(page).not.toContain('Maschinelle Entwürfe werden vorbereitet.');
    expect(page).toMatch(/Entwürfe maschinell vorübersetzt/);
    const rows = await stored();
    const drafts = rows.filter((r) => r.lang === 'ar' && r.origin === 'machine');
    expect(drafts.length).toBeGreaterThan(3);
    expect(drafts.every((r) => r.state === 'draft' && r.provider === 'LibreTranslate' && r.text.startsWith('[tr:ar] '))).toBe(true);
    expect(rows.some((r) => r.municipality_id !== fx.A.municipalityId)).toBe(false);
    const audit = await env.db.kysely.selectFrom('audit_log').select(['user_id']).where('municipality_id', '=', fx.A.municipalityId).where('action', '=', 'translation.machine').execute();
    // The drafts are recorded as the officer's who asked for them.
    expect(audit.at(-1)!.user_id).toBe((await env.services.auth.findUserByEmail(fx.A.adminEmail))!.id);
    expect(await publicMeasure('ar')).not.toContain('[tr:ar]');
    // Reviewed by a person, a machine draft is published and keeps where it came from.
    const german = await measureGerman();
    const k = key('measure', fx.A.measureId, 'text');
    const draft = drafts.find((r) => r.entity_type === 'measure' && r.entity_id === fx.A.measureId)!;
    await admin.post(`${translationPaths.adminTranslationLang(fx.A.slug, 'ar')}?show=draft`, { [`t_${k}`]: draft.text, [`h_${k}`]: sourceHash(german), [`r_${k}`]: '1' });
    expect(await publicMeasure('ar')).toContain(draft.text);
    const row = (await stored()).find((r) => r.id === draft.id)!;
    expect(row).toMatchObject({ state: 'reviewed', origin: 'machine', provider: 'LibreTranslate' });
  });

  it('an actor’s public description is translatable and shown on its page', async () => {
    const actor = await env.services.actors.get(fx.A.municipalityId, fx.A.actorId);
    await env.services.actors.update(fx.A.municipalityId, fx.A.actorId, { name: actor.name, parent_id: actor.parent_id, description: 'Kurse für Erwachsene', contact_email: '', website: '' }, system);
    const k = key('actor', fx.A.actorId, 'description');
    const screen = await admin.get(`${translationPaths.adminTranslationLang(fx.A.slug, 'uk')}?show=missing&seite=9`);
    expect(screen.status).toBe(200);
    await admin.post(`${translationPaths.adminTranslationLang(fx.A.slug, 'uk')}?show=all`, { [`t_${k}`]: 'Курси для дорослих', [`h_${k}`]: sourceHash('Kurse für Erwachsene'), [`r_${k}`]: '1' });
    const page = (await new Client(env).get(`${paths.actor(fx.A.slug, fx.A.actorId)}?lang=uk`)).body;
    expect(page).toContain('Курси для дорослих');
    expect((await new Client(env).get(`${paths.actor(fx.A.slug, fx.A.actorId)}?lang=ru`)).body).toContain('lang="de" dir="ltr">Kurse für Erwachsene');
  });

  it('the field page and the plan page show reviewed texts and mark German ones', async () => {
    const k = key('field', fx.A.fieldId, 'title');
    const field = await env.services.plans.getField(fx.A.municipalityId, fx.A.fieldId);
    await admin.post(`${translationPaths.adminTranslationLang(fx.A.slug, 'tr')}?show=all`, { [`t_${k}`]: 'Dil alanı', [`h_${k}`]: sourceHash(field.title), [`r_${k}`]: '1' });
    const fieldPage = (await new Client(env).get(`${paths.field(fx.A.slug, fx.A.fieldId)}?lang=tr`)).body;
    expect(fieldPage).toContain('Dil alanı');
    expect(fieldPage).toContain('Bu sayfadaki bazı metinler henüz çevrilmedi');
    const start = (await new Client(env).get(`/${fx.A.slug}?lang=tr`)).body;
    expect(start).toContain('Dil alanı');
    const catalogue = (await new Client(env).get(`${paths.catalogue(fx.A.slug)}?lang=tr`)).body;
    expect(catalogue).toContain('Dil alanı');
    // Without any translation into English, nothing is claimed to be English.
    const en = (await new Client(env).get(`${paths.field(fx.A.slug, fx.A.fieldId)}?lang=en`)).body;
    expect(en).toContain(`lang="de" dir="ltr">${field.title}`);
    expect(en).toContain('Some texts on this page are not yet translated and are shown in German.');
  });
});
