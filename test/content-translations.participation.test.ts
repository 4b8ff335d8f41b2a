// Content in several languages for the participation process on both engines: a reviewed Arabic translation of
// an event and of a phase shows on the public pages, a draft does not, a German edit makes the page fall back to
// German (lang="de", with the note), another municipality's translations stay invisible; a copied questionnaire
// keeps its translations as they were (a machine draft stays a draft).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventInput, seedProcess, type ProcessSide } from '../src/modules/participation/process.fixture.js';
import { processPaths } from '../src/modules/participation/index.js';
import { translationPaths } from '../src/modules/translations/index.js';
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
  const get = async (path: string) => (await new Client(env).get(`${path}?lang=ar`)).body;

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
    expect(timeline).toContain('<span>مرحلة الورش</span>');
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
