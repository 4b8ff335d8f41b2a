// Every admin route of the results, four outcomes: not signed in, bad input, other municipality, success; on
// SQLite and, where configured, on PostgreSQL. A representative (no 'questionnaires.manage') is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFourOutcomes, R as route, type RouteCase } from '../../../test/four-outcomes.js';
import { seedResults, type ResultsFixture } from '../../../test/questionnaire-results.fixture.js';
import { Client, createTestEnv, engines, seedTwoMunicipalities, type Side, type TestEnv } from '../../../test/support.js';
import { paths } from './questionnaires.paths.js';

interface ResSide extends Side, ResultsFixture {
  topicId: number;
  linkId: number;
  codedAnswerId: number;
  freeAnswerIds: number[];
}

const by = { userId: null, name: 'Test' };

async function seedSide(env: TestEnv, s: Side): Promise<ResSide> {
  const fx = await seedResults(env, s);
  const texts = await env.services.questionnaireResults.freeTexts(s.municipalityId, fx.questionnaireId, fx.q.wishes);
  const topicId = await env.services.questionnaireTopics.assign(s.municipalityId, fx.questionnaireId, fx.q.wishes, [texts.answers[0].id], { name: `Thema ${s.secretWord}` }, by);
  await env.services.questionnaireTopics.link(s.municipalityId, fx.questionnaireId, topicId, `measure:${s.measureId}`, by);
  const [topic] = await env.services.questionnaireTopics.list(s.municipalityId, fx.questionnaireId);
  return { ...s, ...fx, topicId, linkId: topic.links[0].linkId, codedAnswerId: texts.answers[0].id, freeAnswerIds: texts.answers.slice(1, 3).map((a) => a.id) };
}

const R = route<ResSide>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const ROUTES: Array<RouteCase<ResSide>> = [
  R('results', 'GET', (s) => paths.adminResults(s.slug, s.questionnaireId), { shows: () => 'Haben Sie einen Sprachkurs besucht?' }),
  R('results of a group', 'GET', (s) => `${paths.adminResults(s.slug, s.questionnaireId)}?gruppe=${s.o.young}`, {
    bogus: (s) => `${paths.adminResults(s.slug, s.questionnaireId)}?gruppe=${s.o.ja}`,
    shows: () => 'Gezeigt werden nur die Antworten der Gruppe „18–29“',
  }),
  R('free-text answers', 'GET', (s) => `${paths.adminFreeText(s.slug, s.questionnaireId, s.q.wishes)}?suche=Sprach&ohne-thema=1`, { shows: () => 'Sprachkurs mit Kinderbetreuung' }),
  R('assign answers to a new topic', 'POST', (s) => paths.adminFreeText(s.slug, s.questionnaireId, s.q.wishes), {
    valid: (s) => ({ action: 'assign', answer_ids: s.freeAnswerIds.map(String), name: 'Kinderbetreuung' }),
    invalid: { form: () => ({ action: 'assign', name: 'Themen-Merker' }), keep: 'Themen-Merker' },
  }),
  R('remove an answer from a topic (free-text page)', 'POST', (s) => paths.adminFreeText(s.slug, s.questionnaireId, s.q.wishes), {
    valid: (s) => ({ action: 'remove', answer_id: String(s.codedAnswerId), topic_id: String(s.topicId) }),
  }),
  R('topics', 'GET', (s) => paths.adminTopics(s.slug, s.questionnaireId), { shows: (s) => `Thema ${s.secretWord}` }),
  R('create topic', 'POST', (s) => paths.adminTopics(s.slug, s.questionnaireId), {
    valid: () => ({ name: 'Wohnen', description: 'Bezahlbarer Wohnraum' }),
    invalid: { form: () => ({ name: '', description: 'Beschreibungs-Merker' }), keep: 'Beschreibungs-Merker' },
  }),
  R('topic', 'GET', (s) => paths.adminTopic(s.slug, s.questionnaireId, s.topicId), { shows: () => 'Mehr Sprachkurse für Frauen am Vormittag' }),
  R('save topic', 'POST', (s) => paths.adminTopic(s.slug, s.questionnaireId, s.topicId), {
    valid: () => ({ action: 'save', name: 'Sprachkurse für Frauen', description: '' }),
    invalid: { form: () => ({ action: 'save', name: '', description: 'Merker-Beschreibung' }), keep: 'Merker-Beschreibung' },
  }),
  R('link topic', 'POST', (s) => paths.adminTopic(s.slug, s.questionnaireId, s.topicId), {
    valid: (s) => ({ action: 'link', target: `goal:${s.goalId}` }),
    invalid: { form: (s) => ({ action: 'link', target: `measure:${s.draftMeasureId}` }), keep: 'Bitte wählen Sie ein Ziel oder eine Maßnahme des Plans.' },
  }),
  R('unlink topic', 'POST', (s) => paths.adminTopic(s.slug, s.questionnaireId, s.topicId), { valid: (s) => ({ action: 'unlink', link_id: String(s.linkId) }) }),
  R('remove an answer from a topic', 'POST', (s) => paths.adminTopic(s.slug, s.questionnaireId, s.topicId), { valid: (s) => ({ action: 'remove', answer_id: String(s.codedAnswerId) }) }),
  R('confirm topic delete', 'GET', (s) => paths.adminTopicDelete(s.slug, s.questionnaireId, s.topicId), { shows: (s) => `Thema ${s.secretWord}` }),
  R('delete topic', 'POST', (s) => paths.adminTopicDelete(s.slug, s.questionnaireId, s.topicId), { valid: () => ({}) }),
  R('responses as CSV', 'GET', (s) => paths.adminExportCsv(s.slug, s.questionnaireId), { type: 'text/csv; charset=utf-8' }),
  R('responses as XLSX', 'GET', (s) => paths.adminExportXlsx(s.slug, s.questionnaireId), { type: XLSX }),
  R('summary as PDF', 'GET', (s) => paths.adminExportPdf(s.slug, s.questionnaireId), { type: 'application/pdf' }),
];

describeFourOutcomes<ResSide>({
  title: 'questionnaire results routes',
  routes: ROUTES,
  async seed(env) {
    const { A, B } = await seedTwoMunicipalities(env);
    return { A: await seedSide(env, A), B: await seedSide(env, B) };
  },
  async fingerprint(env) {
    const k = env.db.kysely;
    const [topics, coded, links] = await Promise.all([
      k.selectFrom('questionnaire_topics').select(['id', 'name', 'description']).orderBy('id').execute(),
      k.selectFrom('questionnaire_answer_topics').select(['topic_id', 'answer_id']).orderBy('id').execute(),
      k.selectFrom('questionnaire_topic_links').select(['topic_id', 'goal_id', 'measure_id']).orderBy('id').execute(),
    ]);
    return JSON.stringify({ topics, coded, links });
  },
  secretsOf: (B) => [`Thema ${B.secretWord}`],
});

describe.each(engines)('questionnaire results for a representative on %s', (engine) => {
  let env: TestEnv;
  let A: ResSide;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    const f = await seedTwoMunicipalities(env);
    A = await seedSide(env, f.A);
  });
  afterAll(() => env.close());

  it('refuses the results, the topics and the downloads (403) and writes nothing', async () => {
    const { password } = await env.services.representatives.add(A.municipalityId, { name: 'Vera Vertretung', email: 'vera@amstadt.example', actor_id: A.actorId }, by);
    await env.services.auth.setPassword((await env.services.auth.findUserByEmail('vera@amstadt.example'))!.id, password ?? 'x');
    const rep = new Client(env);
    await rep.signIn('vera@amstadt.example', password!);
    for (const path of [paths.adminResults(A.slug, A.questionnaireId), paths.adminTopics(A.slug, A.questionnaireId), paths.adminTopic(A.slug, A.questionnaireId, A.topicId), paths.adminExportXlsx(A.slug, A.questionnaireId)]) {
      expect((await rep.get(path)).status, path).toBe(403);
    }
    const res = await rep.post(paths.adminTopics(A.slug, A.questionnaireId), { name: 'Von der Vertretung' });
    expect(res.status).toBe(403);
    expect(await env.db.kysely.selectFrom('questionnaire_topics').select('name').where('name', '=', 'Von der Vertretung').execute()).toEqual([]);
  });
});
