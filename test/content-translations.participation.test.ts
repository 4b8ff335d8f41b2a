// Content in several languages for the participation process on both engines: a reviewed Arabic translation of
// an event and of a phase shows on the public pages, a draft does not, a German edit makes the page fall back to
// German (lang="de", with the note), another municipality's translations stay invisible; a copied questionnaire
// keeps its translations as they were (a machine draft stays a draft).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInput, seedProcess, type ProcessSide } from '../src/modules/participation/process.fixture.js';
import { processPaths } from '../src/modules/participation/index.js';
import { groupsPaths } from '../src/modules/groups/index.js';
import { translationPaths } from '../src/modules/translations/index.js';
import { paths } from './paths.js';
import { sourceHash } from '../src/platform/i18n/content.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const NOTE_AR = 'بعض النصوص في هذه الصفحة لم تُترجم بعد وتظهر باللغة الألمانية.';
const by = { userId: null, name: 'Test' };

describe.each(engines)('participation content in other languages on %s', (engine) => {
  let env: TestEnv;
  let fx: Fixture;
  let A: ProcessSide;
  let B: ProcessSide;
  let admin: Client;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    fx = await seedTwoMunicipalities(env);
    A = await seedProcess(env, fx.A);
    B = await seedProcess(env, fx.B);
    admin = new Client(env);
    await admin.signIn(fx.A.adminEmail, PASSWORD);
  });
  afterAll(async () => {
    await env?.close();
  });

  const key = (type: string, id: number, field: string) => `${type}_${id}_${field}`;
  const save = (texts: Array<{ type: string; id: number; field: string; text: string; source: string; reviewed: boolean }>) =>
    admin.post(`${translationPaths.adminTranslationLang(fx.A.slug, 'ar')}?show=all`, Object.fromEntries(texts.flatMap((t) => [
      [`t_${key(t.type, t.id, t.field)}`, t.text],
      [`h_${key(t.type, t.id, t.field)}`, sourceHash(t.source)],
      ...(t.reviewed ? [[`r_${key(t.type, t.id, t.field)}`, '1']] : []),
    ])));
  const get = async (path: string) => (await new Client(env).get(`${path}${path.includes('?') ? '&' : '?'}lang=ar`)).body;

  it('lists the process, its phases and the events on the translation screen, and nothing of another municipality', async () => {
    const res = await admin.get(`${translationPaths.adminTranslationLang(fx.A.slug, 'ar')}?show=all&seite=2`);
    const first = await admin.get(`${translationPaths.adminTranslationLang(fx.A.slug, 'ar')}?show=all`);
    const both = first.body + res.body;
    expect(first.status).toBe(200);
    expect(both).toContain('Befragungsphase');
    expect(both).not.toContain(fx.B.secretWord);
  });

  it('a draft is not public; a reviewed translation of the event and the phase is, on the timeline, the list and the event page', async () => {
    const event = await env.services.events.publicEvent(fx.A.municipalityId, A.eventId);
    const phase = await env.services.processes.phase(fx.A.municipalityId, A.phaseIds[2]);
    expect((await save([{ type: 'event', id: A.eventId, field: 'title', text: 'مسودة الورشة', source: event.title, reviewed: false }])).status).toBe(303);
    let page = await get(processPaths.event(fx.A.slug, A.eventId));
    expect(page).not.toContain('مسودة الورشة');
    expect(page).toContain(`lang="de" dir="ltr">${event.title}</h1>`);
    expect(page).toContain(NOTE_AR);

    expect((await save([
      { type: 'event', id: A.eventId, field: 'title', text: 'ورشة العمل', source: event.title, reviewed: true },
      { type: 'event', id: A.eventId, field: 'place_name', text: 'دار البلدية', source: event.placeName, reviewed: true },
      { type: 'event', id: A.eventId, field: 'accessibility', text: 'بدون درج', source: event.accessibility, reviewed: true },
      { type: 'programme_item', id: A.programmeId, field: 'title', text: 'الترحيب', source: 'Begrüßung', reviewed: true },
      { type: 'phase', id: A.phaseIds[2], field: 'title', text: 'مرحلة الورش', source: phase.title, reviewed: true },
    ])).status).toBe(303);
    page = await get(processPaths.event(fx.A.slug, A.eventId));
    expect(page).toContain('dir="rtl"');
    expect(page).toContain('<h1 class="kern-heading-large">ورشة العمل</h1>');
    expect(page).toContain('دار البلدية');
    expect(page).toContain('بدون درج');
    expect(page).toContain('الترحيب');
    expect(page).toContain('مرحلة الورش');
    // Every text the page shows is in Arabic: no note, no German marked.
    expect(page).not.toContain(NOTE_AR);
    expect(page).not.toContain(`>${event.title}<`);

    const timeline = await get(processPaths.timeline(fx.A.slug));
    // translated: the phase's title stands bare in its heading (no German marking)
    expect(timeline).toContain(' مرحلة الورش</h3>');
    expect(timeline).toContain('ورشة العمل');
    // The other phases are not translated: German, marked, with the note.
    expect(timeline).toContain('lang="de" dir="ltr">Ratsphase</span>');
    expect(timeline).toContain(NOTE_AR);

    const list = await get(processPaths.events(fx.A.slug));
    expect(list).toContain('ورشة العمل');
    expect(list).toContain('lang="de" dir="ltr">Abgesagter Abend</a>');
    // German readers read German.
    const german = (await new Client(env).get(processPaths.event(fx.A.slug, A.eventId))).body;
    expect(german).toContain(`<h1 class="kern-heading-large">${event.title}</h1>`);
    expect(german).not.toContain('ورشة العمل');
  });

  it('after a German edit of the event and the phase, the pages fall back to German with lang="de" and the note', async () => {
    await env.services.events.update(fx.A.municipalityId, A.eventId, eventInput({ title: 'Werkstatt neu gefasst', phase_id: A.phaseIds[2] }), by, fx.A.planId);
    const phase = await env.services.processes.phase(fx.A.municipalityId, A.phaseIds[2]);
    await env.services.processes.updatePhase(fx.A.municipalityId, phase.id, { kind: 'workshops', title: 'Werkstattphase neu', description: '', starts_on: phase.starts_on ?? '', ends_on: phase.ends_on ?? '' }, by);
    const page = await get(processPaths.event(fx.A.slug, A.eventId));
    expect(page).not.toContain('ورشة العمل');
    expect(page).toContain('lang="de" dir="ltr">Werkstatt neu gefasst</h1>');
    expect(page).toContain('lang="de" dir="ltr">Werkstattphase neu</span>');
    expect(page).toContain(NOTE_AR);
    // The place, unchanged, is still shown in Arabic.
    expect(page).toContain('دار البلدية');
    const timeline = await get(processPaths.timeline(fx.A.slug));
    expect(timeline).toContain('lang="de" dir="ltr">Werkstattphase neu</span>');
    expect(timeline).not.toContain('مرحلة الورش');
  });

  it('another municipality never sees these translations', async () => {
    const b = await get(processPaths.event(fx.B.slug, B.eventId));
    expect(b).not.toContain('دار البلدية');
    expect(b).not.toContain('الترحيب');
    expect(await get(processPaths.timeline(fx.B.slug))).not.toContain('مرحلة الورش');
    expect((await new Client(env).get(`${processPaths.event(fx.B.slug, A.eventId)}?lang=ar`)).status).toBe(404);
  });

  it('a working group’s public texts and its anchor show in Arabic where reviewed, German marked where not', async () => {
    const m = fx.A.municipalityId;
    const field = await env.services.plans.getField(m, fx.A.fieldId);
    await env.db.kysely.updateTable('working_groups').set({ purpose: 'Wir planen Sprachkurse.', how_to_join: 'Schreiben Sie uns.', field_id: fx.A.fieldId }).where('id', '=', A.groupId).execute();
    expect((await save([
      { type: 'working_group', id: A.groupId, field: 'title', text: 'مجموعة اللغة', source: `AG Sprache ${fx.A.secretWord}`, reviewed: true },
      { type: 'working_group', id: A.groupId, field: 'purpose', text: 'نخطط لدورات اللغة.', source: 'Wir planen Sprachkurse.', reviewed: true },
      { type: 'working_group', id: A.groupId, field: 'how_to_join', text: 'مسودة', source: 'Schreiben Sie uns.', reviewed: false },
    ])).status).toBe(303);
    const page = await get(groupsPaths.publicGroup(fx.A.slug, A.groupId));
    expect(page).toContain('<h1 class="kern-heading-large">مجموعة اللغة</h1>');
    expect(page).toContain('نخطط لدورات اللغة.');
    expect(page).not.toContain('مسودة');
    expect(page).toContain('lang="de" dir="ltr">Schreiben Sie uns.</p>');
    expect(page).toContain(`lang="de" dir="ltr">${field.title}</span>`);
    expect(page).toContain(NOTE_AR);
    const list = await get(groupsPaths.publicGroups(fx.A.slug));
    expect(list).toContain('مجموعة اللغة');
    // How to join is not on the list; the field's title is, in German.
    expect(list).toContain(`lang="de" dir="ltr">${field.title}</span>`);
    expect(list).toContain(NOTE_AR);
    expect(await get(groupsPaths.publicGroup(fx.B.slug, B.groupId))).not.toContain('مجموعة اللغة');
    // The event page names the group in Arabic, too.
    expect(await get(processPaths.event(fx.A.slug, A.groupEventId))).toContain('مجموعة اللغة');
  });

  it('the catalogue and the search mark German breadcrumbs, visions and options, and say so only when a shown text is German', async () => {
    const m = fx.A.municipalityId;
    const plan = (await env.services.plans.findCurrentPublishedPlan(m))!;
    const tree = await env.services.plans.tree(m, plan.id);
    const catalogue = await get(paths.catalogue(fx.A.slug));
    expect(catalogue).toContain(`<a class="kern-link" href="/${fx.A.slug}" lang="de" dir="ltr">${tree.plan.title}</a>`);
    const vision = tree.fields.flatMap((f) => f.visions)[0];
    expect(catalogue).toContain(`lang="de" dir="ltr">${vision.text}</span>`);
    const search = await get(paths.search(fx.A.slug));
    expect(search).toContain(`lang="de" dir="ltr">${tree.fields[0].title}</option>`);
    expect(search).toContain(NOTE_AR);
    // Translated, the plan's title and the fields are all the empty search shows: no note, although measures are German.
    expect((await save([
      { type: 'plan', id: plan.id, field: 'title', text: 'خطة الاندماج', source: tree.plan.title, reviewed: true },
      ...tree.fields.map((f, i) => ({ type: 'field', id: f.id, field: 'title', text: `مجال ${i + 1}`, source: f.title, reviewed: true })),
    ])).status).toBe(303);
    const empty = await get(paths.search(fx.A.slug));
    expect(empty).toContain('خطة الاندماج');
    expect(empty).toContain('<option value="' + tree.fields[0].id + '">مجال 1</option>');
    expect(empty).not.toContain(NOTE_AR);
    // A hit in German brings the note back.
    const measure = tree.fields.flatMap((f) => [...f.goals.flatMap((g) => g.measures), ...f.furtherMeasures])[0];
    const hit = await get(`${paths.search(fx.A.slug)}?status=${measure.status_category}`);
    expect(hit).toContain(NOTE_AR);
  });

  it('a copied questionnaire keeps its translations as they were: a machine draft stays a draft, a reviewed one keeps its reviewer', async () => {
    const m = fx.A.municipalityId;
    const id = await env.services.questionnaires.createFromSpec(m, fx.A.planId, { title: 'Befragung Kurse', sections: [{ title: 'Teil', questions: [{ type: 'text', text: 'Was wünschen Sie sich?' }] }] } as never, by);
    const source = await env.services.questionnaireBuilder.definition(m, id);
    const question = source.sections[0].questions[0];
    const section = source.sections[0];
    const reviewer = (await env.services.auth.findUserByEmail(fx.A.adminEmail))!.id;
    const at = '2026-03-01T10:00:00.000Z';
    await env.db.kysely.insertInto('translations').values([
      { municipality_id: m, entity_type: 'questionnaire_question', entity_id: question.id, field: 'text', lang: 'ar', text: 'ماذا تتمنى؟', source_hash: sourceHash(question.text), updated_at: at, state: 'draft', origin: 'machine', provider: 'DeepL', reviewed_by: null, reviewed_at: null, source_text: question.text },
      { municipality_id: m, entity_type: 'questionnaire_section', entity_id: section.id, field: 'title', lang: 'ar', text: 'جزء', source_hash: sourceHash(section.title), updated_at: at, state: 'reviewed', origin: 'machine', provider: 'DeepL', reviewed_by: reviewer, reviewed_at: at, source_text: section.title },
    ]).execute();
    const copyId = await env.services.questionnaireBuilder.copy(m, id, 'Kopie von Befragung Kurse', by);
    const copy = await env.services.questionnaireBuilder.definition(m, copyId);
    const rows = await env.db.kysely.selectFrom('translations').selectAll().where('municipality_id', '=', m).where('lang', '=', 'ar').execute();
    const q = rows.find((r) => r.entity_type === 'questionnaire_question' && r.entity_id === copy.sections[0].questions[0].id)!;
    expect(q).toMatchObject({ text: 'ماذا تتمنى؟', state: 'draft', origin: 'machine', provider: 'DeepL', reviewed_by: null, reviewed_at: null, source_text: 'Was wünschen Sie sich?' });
    const s = rows.find((r) => r.entity_type === 'questionnaire_section' && r.entity_id === copy.sections[0].id)!;
    expect(s).toMatchObject({ text: 'جزء', state: 'reviewed', origin: 'machine', provider: 'DeepL', reviewed_by: reviewer, reviewed_at: at });
  });
});
