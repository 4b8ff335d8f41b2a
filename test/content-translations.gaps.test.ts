// Content texts on public pages that had been left in German or unmarked, on both engines: the actor list's
// breadcrumb, a working group's meetings, the start page's process box. Each shows a reviewed translation, and
// German marked lang="de" where there is none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, seedProcess, type ProcessSide } from '../src/modules/participation/process.fixture.js';
import { processPaths } from '../src/modules/participation/index.js';
import { groupsPaths } from '../src/modules/groups/index.js';
import { monitoringPaths } from '../src/modules/monitoring/index.js';
import { questionnairesPaths } from '../src/modules/questionnaires/index.js';
import { translationPaths } from '../src/modules/translations/index.js';
import { paths } from './paths.js';
import { sourceHash } from '../src/platform/i18n/content.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const NOTE_AR = 'بعض النصوص في هذه الصفحة لم تُترجم بعد وتظهر باللغة الألمانية.';
const DE = 'lang="de" dir="ltr"';

describe.each(engines)('content texts left in German on %s', (engine) => {
  let env: TestEnv;
  let fx: Fixture;
  let A: ProcessSide;
  let admin: Client;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    fx = await seedTwoMunicipalities(env);
    A = await seedProcess(env, fx.A);
    await seedProcess(env, fx.B);
    admin = new Client(env);
    await admin.signIn(fx.A.adminEmail, PASSWORD);
  });
  afterAll(async () => {
    await env?.close();
  });

  const key = (type: string, id: number, field: string) => `${type}_${id}_${field}`;
  const save = (texts: Array<{ type: string; id: number; field: string; text: string; source: string }>) =>
    admin.post(`${translationPaths.adminTranslationLang(fx.A.slug, 'ar')}?show=all`, Object.fromEntries(texts.flatMap((t) => [
      [`t_${key(t.type, t.id, t.field)}`, t.text],
      [`h_${key(t.type, t.id, t.field)}`, sourceHash(t.source)],
      [`r_${key(t.type, t.id, t.field)}`, '1'],
    ])));
  const get = async (path: string, slug = fx.A.slug) => (await new Client(env).get(`${path.replace(fx.A.slug, slug)}?lang=ar`)).body;

  it('the actor list names the plan in the breadcrumb in Arabic when reviewed, in German marked when not', async () => {
    const plan = (await env.services.plans.findCurrentPublishedPlan(fx.A.municipalityId))!;
    let page = await get(paths.actors(fx.A.slug));
    expect(page).toContain(`${DE}>${plan.title}</a>`);
    expect(page).toContain(NOTE_AR);
    expect((await save([{ type: 'plan', id: plan.id, field: 'title', text: 'خطة الاندماج للمدينة', source: plan.title }])).status).toBe(303);
    page = await get(paths.actors(fx.A.slug));
    expect(page).toContain('خطة الاندماج للمدينة');
    expect(page).not.toContain(`>${plan.title}<`);
    expect(page).not.toContain(NOTE_AR);
    expect(await get(paths.actors(fx.B.slug), fx.B.slug)).not.toContain('خطة الاندماج للمدينة');
  });

  it('the public dashboard and the yearly priorities name the plan, its fields and guiding goals in Arabic when reviewed, German marked when not', async () => {
    const m = fx.A.municipalityId;
    const plan = (await env.services.plans.findCurrentPublishedPlan(m))!;
    const tree = await env.services.plans.tree(m, plan.id);
    const field = tree.fields[0];
    let dashboard = await get(monitoringPaths.dashboard(fx.A.slug));
    // The plan's title was translated in the test before; the fields are not.
    expect(dashboard).toContain('خطة الاندماج للمدينة');
    expect(dashboard).not.toContain(`>${plan.title}<`);
    expect(dashboard).toContain(`${DE}>${field.title}</a>`);
    expect(dashboard).toContain(`${DE}>${field.title}</option>`);
    expect(dashboard).toContain(NOTE_AR);
    expect((await save([{ type: 'field', id: field.id, field: 'title', text: 'مجال اللغة', source: field.title }])).status).toBe(303);
    dashboard = await get(monitoringPaths.dashboard(fx.A.slug));
    expect(dashboard).toContain('مجال اللغة</a>');
    const one = (await new Client(env).get(`${monitoringPaths.dashboard(fx.A.slug)}?feld=${field.id}&lang=ar`)).body;
    expect(one).toMatch(/<h1 class="kern-heading-large">[^<]*مجال اللغة/);

    const guiding = tree.guidingGoals[0];
    await env.services.monitoring.createPriority(m, plan.id, { year: 2026, title: 'Jahresziel Sprache', description: 'Mehr Kurse.', guiding_goal_id: guiding?.id ?? null, goal_ids: [], measure_ids: [] }, { userId: null, name: 'Test' });
    const priorities = await get(monitoringPaths.priorities(fx.A.slug));
    expect(priorities).toContain('خطة الاندماج للمدينة');
    expect(priorities).toContain(`${DE}>Jahresziel Sprache</h3>`);
    expect(priorities).toContain(`${DE}>Mehr Kurse.</p>`);
    if (guiding) expect(priorities).toContain(`<span ${DE}>${guiding.text}</span>`);
  });

  it('a working group’s page shows its meetings’ titles, places and accessibility in Arabic when reviewed, in German marked when not', async () => {
    const meeting = await env.services.events.publicEvent(fx.A.municipalityId, A.groupEventId);
    let page = await get(groupsPaths.publicGroup(fx.A.slug, A.groupId));
    expect(page).toContain(`${DE}>${meeting.title}</a>`);
    expect(page).toContain(`${DE}>${meeting.accessibility}</span>`);
    expect((await save([
      { type: 'event', id: meeting.id, field: 'title', text: 'لقاء المجموعة', source: meeting.title },
      { type: 'event', id: meeting.id, field: 'place_name', text: 'دار البلدية', source: meeting.placeName },
      { type: 'event', id: meeting.id, field: 'accessibility', text: 'بدون درج', source: meeting.accessibility },
    ])).status).toBe(303);
    page = await get(groupsPaths.publicGroup(fx.A.slug, A.groupId));
    expect(page).toContain('لقاء المجموعة');
    expect(page).toContain('دار البلدية');
    expect(page).toContain('بدون درج');
    expect(page).not.toContain(`>${meeting.title}<`);
  });

  it('the start page’s process box names the current phase and the next event in Arabic when reviewed, in German marked when not', async () => {
    const phase = await env.services.processes.phase(fx.A.municipalityId, A.phaseIds[1]);
    const next = await env.services.events.publicEvent(fx.A.municipalityId, A.eventId);
    let page = await get(`/${fx.A.slug}`);
    expect(page).toContain(`<span ${DE}>${phase.title}</span>`);
    expect(page).toContain(`${DE}>${next.title}</a>`);
    expect(page).toContain(NOTE_AR);
    expect((await save([
      { type: 'phase', id: phase.id, field: 'title', text: 'مرحلة الاستبيان', source: phase.title },
      { type: 'event', id: next.id, field: 'title', text: 'الورشة القادمة', source: next.title },
    ])).status).toBe(303);
    page = await get(`/${fx.A.slug}`);
    expect(page).toContain('مرحلة الاستبيان');
    expect(page).toContain('الورشة القادمة');
    expect(page).not.toContain(`>${phase.title}<`);
    expect(page).not.toContain(`>${next.title}<`);
    // German readers read German, without any marking.
    const german = (await new Client(env).get(`/${fx.A.slug}`)).body;
    expect(german).toContain(phase.title);
    expect(german).not.toContain(`${DE}>${phase.title}`);
    expect(german).not.toContain(`${DE}>${next.title}`);
  });

  it('the texts of a plan in preparation are translatable before it is published, invisible until then, shown once published', async () => {
    const m = fx.A.municipalityId;
    const current = (await env.services.plans.findCurrentPublishedPlan(m))!;
    const { planId } = await env.services.plans.copyPlan(m, current.id, { title: 'Nächster Plan 2027', edition: '2027', omitCategories: [], originNote: () => '' }, { userId: null, name: 'Test' });
    const next = await env.services.plans.tree(m, planId);
    const field = next.fields[0];
    const rows = await env.services.translations.rows(m, fx.A.slug, 'ar');
    const row = rows.find((r) => r.entityType === 'field' && r.entityId === field.id && r.field === 'title')!;
    expect(row).toMatchObject({ sourceLabel: 'contentTexts.planInPreparation', link: null, state: 'missing' });
    expect(rows.some((r) => r.entityType === 'plan' && r.entityId === planId && r.source === 'Nächster Plan 2027')).toBe(true);
    // Listed once: no text twice on the screen.
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect((await env.services.translations.rows(fx.B.municipalityId, fx.B.slug, 'ar')).some((r) => r.entityId === planId && r.entityType === 'plan')).toBe(false);
    const screen = await admin.get(`${translationPaths.adminTranslationLang(fx.A.slug, 'ar')}?show=all&seite=${Math.floor(rows.indexOf(row) / 25) + 1}`);
    expect(screen.body).toContain('Plan in Vorbereitung');

    expect((await save([
      { type: 'field', id: field.id, field: 'title', text: 'مجال الخطة القادمة', source: field.title },
      { type: 'plan', id: planId, field: 'title', text: 'الخطة القادمة', source: 'Nächster Plan 2027' },
    ])).status).toBe(303);
    expect((await new Client(env).get(`${paths.field(fx.A.slug, field.id)}?lang=ar`)).status).toBe(404);
    expect((await new Client(env).get(`${paths.plan(fx.A.slug, planId)}?lang=ar`)).status).toBe(404);
    expect(await get(`/${fx.A.slug}`)).not.toContain('الخطة القادمة');

    await env.services.plans.setPlanState(m, planId, 'published', { userId: null, name: 'Test' });
    expect(await get(paths.field(fx.A.slug, field.id))).toContain('مجال الخطة القادمة');
    const start = await get(`/${fx.A.slug}`);
    expect(start).toContain('الخطة القادمة');
    // The plan it replaced is listed as an earlier plan, with the title translated while it was current.
    expect(start).toContain(`href="${paths.plan(fx.A.slug, current.id)}">خطة الاندماج للمدينة</a>`);
    // Published, the plan's texts are the published plan's; nothing is in preparation any more.
    expect((await env.services.translations.rows(m, fx.A.slug, 'ar')).find((r) => r.key === row.key)).toMatchObject({ sourceLabel: 'contentTexts.plan', state: 'current' });
  });

  it('an open questionnaire’s title on the list and the start page’s invitation: Arabic when reviewed, German marked when not', async () => {
    const m = fx.A.municipalityId;
    const by = { userId: null, name: 'Test' };
    const id = await env.services.questionnaires.createFromSpec(m, fx.A.planId, { title: 'Befragung Kurse', sections: [{ title: 'Teil', questions: [{ type: 'text', text: 'Was wünschen Sie sich?' }] }] } as never, by);
    expect(await env.services.questionnaireBuilder.publish(m, id, env.now.value, by)).toBe('published');
    const list = await get(questionnairesPaths.publicList(fx.A.slug));
    expect(list).toContain(`${DE}>Befragung Kurse</a>`);
    expect(list).toContain(NOTE_AR);
    let start = await get(`/${fx.A.slug}`);
    expect(start).toContain(`${DE}>Befragung Kurse</a>`);
    expect((await save([{ type: 'questionnaire', id, field: 'title', text: 'استبيان الدورات', source: 'Befragung Kurse' }])).status).toBe(303);
    expect(await get(questionnairesPaths.publicList(fx.A.slug))).toContain('dir="auto">استبيان الدورات</a>');
    start = await get(`/${fx.A.slug}`);
    expect(start).toContain('استبيان الدورات');
    expect(start).not.toContain('>Befragung Kurse<');
  });

  it('a questionnaire’s own pages mark its German texts lang="de" and show reviewed translations bare', async () => {
    const m = fx.A.municipalityId;
    const q = (await env.services.questionnaires.list(m)).find((x) => x.title === 'Befragung Kurse')!;
    const def = (await env.services.questionnaires.definition(m, q.id))!;
    const question = def.sections[0].questions[0];
    const reader = new Client(env);
    const start = (await reader.get(`${questionnairesPaths.publicStart(fx.A.slug, q.id)}?lang=ar`)).body;
    // The title was translated in the test before; the section and the question were not.
    expect(start).toContain('<h1 class="kern-heading-large">استبيان الدورات</h1>');
    const first = await reader.post(questionnairesPaths.publicAnswer(fx.A.slug, q.id), { nav: 'start' });
    expect(first.status).toBe(200);
    expect(first.body).toContain(`<h1 class="kern-heading-large" ${DE}>Teil</h1>`);
    expect(first.body).toContain(`<span ${DE}>${question.text}</span>`);
    expect(first.body).toContain(NOTE_AR);
    expect((await save([
      { type: 'questionnaire_section', id: def.sections[0].id, field: 'title', text: 'الجزء', source: 'Teil' },
      { type: 'questionnaire_question', id: question.id, field: 'text', text: 'ماذا تتمنون؟', source: question.text },
    ])).status).toBe(303);
    const again = await reader.post(questionnairesPaths.publicAnswer(fx.A.slug, q.id), { nav: 'start' });
    expect(again.body).toContain('<h1 class="kern-heading-large">الجزء</h1>');
    expect(again.body).toContain('ماذا تتمنون؟');
    expect(again.body).not.toContain(`${DE}>${question.text}`);
    expect(again.body).not.toContain(NOTE_AR);
  });

  it('a public document’s title, never translated, is marked German on the timeline in Arabic', async () => {
    await env.services.phaseDocuments.upload(fx.A.municipalityId, A.phaseIds[0], { title: 'Protokoll öffentlich', kind: 'minutes', isPublic: true, fileName: 'protokoll.pdf', content: PDF }, { userId: null, name: 'Test' });
    expect(await get(processPaths.timeline(fx.A.slug))).toContain(`download="" ${DE}>Protokoll öffentlich</a>`);
    expect((await new Client(env).get(processPaths.timeline(fx.A.slug))).body).toContain('download="">Protokoll öffentlich</a>');
  });
});
