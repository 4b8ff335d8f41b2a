// Every route of the questionnaire builder, four outcomes (not signed in, bad input, other municipality,
// success) on SQLite and PostgreSQL; then an actor representative, who may not build questionnaires, and the
// lock rule's refusal shown at the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Side, type TestEnv } from '../../../test/support.js';
import { describeFourOutcomes, R as route, type RouteCase } from '../../../test/four-outcomes.js';
import { paths } from './questionnaires.paths.js';
import type { QuestionnaireSpec } from './questionnaire.service.js';

const system = { userId: null, name: 'Test' };

interface QSide extends Side {
  qId: number;
  publishedId: number;
  sectionId: number;
  secondSectionId: number;
  questionId: number;
  freeQuestionId: number;
  numberQuestionId: number;
  optionId: number;
}

const spec = (word: string): QuestionnaireSpec => ({
  title: `Befragung ${word}`,
  privacy: 'Ihre Antworten sind anonym.',
  sections: [
    {
      title: 'Sprache',
      questions: [
        { key: 'kurs', type: 'single', text: `Sprachkurs ${word}?`, options: ['Ja', 'Nein'] },
        { type: 'multiple', text: 'Wo?', options: ['VHS', 'Verein'], condition: { question: 'kurs', options: ['Ja'] } },
      ],
    },
    { title: 'Allgemeines', questions: [{ type: 'long_text', text: 'Was fehlt?' }, { type: 'number', text: 'Wie viele Kinder?' }] },
    { title: 'Zum Kurs', condition: { question: 'kurs', options: ['Ja'] }, questions: [{ type: 'scale', text: 'Wie zufrieden?' }] },
  ],
});

async function qSide(env: TestEnv, s: Side): Promise<QSide> {
  const q = env.services.questionnaires;
  const qId = await q.createFromSpec(s.municipalityId, s.planId, spec(s.secretWord), system);
  const publishedId = await q.createFromSpec(s.municipalityId, s.planId, { ...spec(`${s.secretWord} offen`), state: 'published' }, system);
  const def = (await q.definition(s.municipalityId, qId))!;
  return {
    ...s,
    qId,
    publishedId,
    sectionId: def.sections[0].id,
    secondSectionId: def.sections[1].id,
    questionId: def.sections[0].questions[0].id,
    freeQuestionId: def.sections[1].questions[0].id,
    numberQuestionId: def.sections[1].questions[1].id,
    optionId: def.sections[0].questions[0].options[0].id,
  };
}

async function seed(env: TestEnv) {
  const f = await seedTwoMunicipalities(env);
  return { A: await qSide(env, f.A), B: await qSide(env, f.B) };
}

const R = route<QSide>;

const ROUTES: Array<RouteCase<QSide>> = [
  R('list', 'GET', (s) => paths.adminList(s.slug), { shows: (s) => `Befragung ${s.secretWord}` }),
  R('new form', 'GET', (s) => paths.adminNew(s.slug), { shows: () => 'Datenschutzhinweis' }),
  R('create', 'POST', (s) => paths.adminNew(s.slug), {
    valid: (s) => ({ plan_id: String(s.planId), title: 'Neue Befragung', access: 'open', results_public: '1', closes_date: '2030-03-31', closes_time: '18:00' }),
    invalid: { form: (s) => ({ plan_id: String(s.planId), title: '', access: 'open', welcome: 'Willkommen-Merker' }), keep: 'Willkommen-Merker' },
  }),
  R('questionnaire page', 'GET', (s) => paths.admin(s.slug, s.qId), { shows: () => 'Abschnitt 1: Sprache' }),
  R('settings form', 'GET', (s) => paths.adminSettings(s.slug, s.qId), { shows: () => 'Ihre Antworten sind anonym.' }),
  R('save settings', 'POST', (s) => paths.adminSettings(s.slug, s.qId), {
    valid: () => ({ title: 'Befragung 2026', access: 'codes', privacy: 'Neuer Hinweis' }),
    invalid: { form: () => ({ title: 'Titel-Merker', access: 'open', opens_date: '2026-03-10', closes_date: '2026-03-01' }), keep: 'Titel-Merker' },
  }),
  R('publish', 'POST', (s) => paths.adminPublish(s.slug, s.qId), { valid: () => ({}) }),
  R('close', 'POST', (s) => paths.adminClose(s.slug, s.publishedId), { valid: () => ({}) }),
  R('copy', 'POST', (s) => paths.adminCopy(s.slug, s.qId), { valid: () => ({}) }),
  R('confirm delete', 'GET', (s) => paths.adminDelete(s.slug, s.qId), { shows: (s) => `Befragung ${s.secretWord}` }),
  R('delete', 'POST', (s) => paths.adminDelete(s.slug, s.qId), { valid: () => ({}) }),
  R('new section form', 'GET', (s) => paths.adminSectionNew(s.slug, s.qId), { shows: () => 'Nur zeigen, wenn' }),
  R('add section', 'POST', (s) => paths.adminSectionNew(s.slug, s.qId), {
    valid: (s) => ({ title: 'Wohnen', field_id: String(s.fieldId), condition: String(s.optionId) }),
    invalid: { form: () => ({ title: '', description: 'Einleitung-Merker' }), keep: 'Einleitung-Merker' },
  }),
  R('section form', 'GET', (s, o) => paths.adminSection(s.slug, s.qId, (o ?? s).sectionId), { shows: () => 'Sprache' }),
  R('save section', 'POST', (s, o) => paths.adminSection(s.slug, s.qId, (o ?? s).sectionId), {
    valid: () => ({ title: 'Sprache und Bildung' }),
    invalid: { form: () => ({ title: 'Abschnitt-Merker', field_id: '999999' }), keep: 'Abschnitt-Merker' },
  }),
  R('confirm section delete', 'GET', (s, o) => paths.adminSectionDelete(s.slug, s.qId, (o ?? s).secondSectionId), { shows: () => 'Allgemeines' }),
  R('delete section', 'POST', (s, o) => paths.adminSectionDelete(s.slug, s.qId, (o ?? s).secondSectionId), { valid: () => ({}) }),
  R('move section', 'POST', (s, o) => paths.adminSectionMove(s.slug, s.qId, (o ?? s).secondSectionId), {
    valid: () => ({ direction: 'up' }),
    invalid: { form: () => ({ direction: 'sideways' }), keep: '' },
  }),
  R('question kind form', 'GET', (s, o) => paths.adminQuestionNew(s.slug, s.qId, (o ?? s).sectionId), {
    shows: () => 'Angaben zur Person',
    invalid: { path: (s) => `${paths.adminQuestionNew(s.slug, s.qId, s.sectionId)}?step=kind`, keep: 'name="kind"' },
  }),
  R('new question form', 'GET', (s, o) => `${paths.adminQuestionNew(s.slug, s.qId, (o ?? s).sectionId)}?kind=demographic%3Aage`, {
    shows: () => '65 Jahre und älter',
    invalid: { path: (s) => `${paths.adminQuestionNew(s.slug, s.qId, s.sectionId)}?kind=nonsense`, keep: 'name="kind"' },
  }),
  R('add question', 'POST', (s, o) => `${paths.adminQuestionNew(s.slug, s.qId, (o ?? s).secondSectionId)}?kind=single`, {
    valid: (s) => ({ type: 'single', text: 'Wie oft?', required: '1', new_option: 'oft\nselten', other: '1', condition: String(s.optionId) }),
    invalid: { form: () => ({ type: 'single', text: '', help: 'Hilfe-Merker' }), keep: 'Hilfe-Merker' },
  }),
  R('question form', 'GET', (s, o) => paths.adminQuestion(s.slug, s.qId, (o ?? s).questionId), { shows: (s) => `Sprachkurs ${s.secretWord}?` }),
  R('save question', 'POST', (s, o) => paths.adminQuestion(s.slug, s.qId, (o ?? s).questionId), {
    valid: (s) => ({ type: 'single', text: 'Haben Sie einen Sprachkurs besucht?', [`option_${s.optionId}`]: 'Ja, einen', new_option: 'Noch nicht' }),
    invalid: { form: (s) => ({ type: 'single', text: 'Frage-Merker', [`option_${s.optionId}`]: '' }), keep: 'Frage-Merker' },
  }),
  R('confirm question delete', 'GET', (s, o) => paths.adminQuestionDelete(s.slug, s.qId, (o ?? s).freeQuestionId), { shows: () => 'Was fehlt?' }),
  R('delete question', 'POST', (s, o) => paths.adminQuestionDelete(s.slug, s.qId, (o ?? s).freeQuestionId), { valid: () => ({}) }),
  R('move question', 'POST', (s, o) => paths.adminQuestionMove(s.slug, s.qId, (o ?? s).numberQuestionId), {
    valid: () => ({ direction: 'up' }),
    invalid: { form: () => ({ direction: 'sideways' }), keep: '' },
  }),
  R('translation', 'GET', (s) => paths.adminTranslation(s.slug, s.qId, 'en'), { shows: () => 'Wie zufrieden?' }),
  R('save translation', 'POST', (s) => paths.adminTranslation(s.slug, s.qId, 'en'), {
    valid: (s) => ({ [`t_questionnaire_${s.qId}_title`]: 'Survey', [`t_questionnaire_question_${s.questionId}_text`]: 'Language course?' }),
    invalid: { form: (s) => ({ [`t_questionnaire_${s.qId}_welcome`]: 'x', [`t_questionnaire_${s.qId}_title`]: `Merker-Titel ${'x'.repeat(20001)}` }), keep: 'Merker-Titel' },
  }),
];

const TABLES = ['questionnaires', 'questionnaire_privacy', 'questionnaire_sections', 'questionnaire_questions', 'questionnaire_options', 'translations', 'audit_log'] as const;

async function fingerprint(env: TestEnv): Promise<string> {
  const counts = [];
  for (const t of TABLES) {
    const r = await env.db.kysely.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    counts.push(`${t}=${Number(r.n)}`);
  }
  const heads = await env.db.kysely.selectFrom('questionnaires').select(['title', 'state', 'access']).orderBy('id').execute();
  const sections = await env.db.kysely.selectFrom('questionnaire_sections').select(['title', 'position', 'condition_json']).orderBy('id').execute();
  const questions = await env.db.kysely.selectFrom('questionnaire_questions').select(['text', 'position', 'type']).orderBy('id').execute();
  const options = await env.db.kysely.selectFrom('questionnaire_options').select(['label']).orderBy('id').execute();
  return JSON.stringify({ counts, heads, sections, questions, options });
}

describeFourOutcomes<QSide>({ title: 'questionnaire builder routes', routes: ROUTES, seed, fingerprint });

describe.each(engines)('questionnaire builder permissions and refusals on %s', (engine) => {
  let env: TestEnv;
  let A: QSide;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    ({ A } = await seed(env));
  });
  afterAll(() => env.close());

  it('an actor representative may open none of the builder’s pages and change nothing', async () => {
    const email = 'vertretung@amstadt.example';
    await env.services.representatives.add(A.municipalityId, { name: 'Vertretung Amstadt', email, actor_id: A.actorId }, system);
    const rep = await env.services.auth.findUserByEmail(email);
    await env.services.auth.setPassword(rep!.id, PASSWORD);
    const client = new Client(env);
    await client.signIn(email, PASSWORD);
    const before = await fingerprint(env);
    for (const r of ROUTES) {
      const path = r.path(A);
      const res = r.method === 'GET' ? await client.get(path) : await client.post(path, r.valid?.(A) ?? {});
      expect(res.status, `${r.method} ${path}`).toBe(403);
    }
    expect(await fingerprint(env)).toBe(before);
  });

  it('refuses to remove an answered option, says so at the field, and keeps everything as it was', async () => {
    const def = (await env.services.questionnaires.definition(A.municipalityId, A.publishedId))!;
    const kurs = def.sections[0].questions[0];
    const [ja, nein] = kurs.options;
    for (let i = 0; i < 12; i++) {
      await env.services.questionnaires.submit(A.municipalityId, A.publishedId, { answers: { [kurs.id]: { optionIds: [ja.id] } }, source: 'online', privacyVersion: 1, lang: 'de', submissionKey: `r${i}` });
    }
    const client = new Client(env);
    await client.signIn(A.adminEmail, PASSWORD);
    const page = await client.get(paths.adminQuestion(A.slug, A.publishedId, kurs.id));
    expect(page.body).toContain('Dazu gibt es schon 12 Antworten.');
    const before = await fingerprint(env);
    const res = await client.post(paths.adminQuestion(A.slug, A.publishedId, kurs.id), {
      type: 'single', text: 'Geänderte Frage', [`option_${ja.id}`]: 'Ja', [`remove_option_${ja.id}`]: '1', [`option_${nein.id}`]: 'Nein',
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Für diese Antwortmöglichkeit gibt es schon 12 Antworten.');
    expect(res.body).toContain(`href="#feld-remove_option_${ja.id}"`);
    expect(res.body).toContain('Geänderte Frage');
    expect(await fingerprint(env)).toBe(before);
    // the question itself cannot be deleted either; the page says why
    const del = await client.get(paths.adminQuestionDelete(A.slug, A.publishedId, kurs.id));
    expect(del.status).toBe(409);
    expect(del.body).toContain('Zu dieser Frage gibt es schon 12 Antworten.');
  });

  it('shows what keeps a questionnaire from being published, with a link to the question', async () => {
    const id = await env.services.questionnaires.createFromSpec(A.municipalityId, A.planId, { title: 'Unfertig', sections: [{ title: 'A', questions: [{ type: 'multiple', text: 'Ohne Antworten' }] }] }, system);
    const q = (await env.services.questionnaires.definition(A.municipalityId, id))!.sections[0].questions[0];
    const client = new Client(env);
    await client.signIn(A.adminEmail, PASSWORD);
    const res = await client.post(paths.adminPublish(A.slug, id), {});
    expect(res.status).toBe(400);
    expect(res.body).toContain('Die Befragung kann noch nicht veröffentlicht werden');
    expect(res.body).toContain(paths.adminQuestion(A.slug, id, q.id));
    expect((await env.services.questionnaires.get(A.municipalityId, id))!.state).toBe('draft');
  });
});
