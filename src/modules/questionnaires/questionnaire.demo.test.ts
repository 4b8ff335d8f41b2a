// The demo municipality's questionnaires: the closed one with 150 generated answers (the same on every run),
// every question type, demographics, marked demo, topics with coded answers linked to measures and a goal;
// and the open one with access codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../../../test/support.js';
import { DEMO_SLUG, seedDemo } from '../demo/index.js';
import { QUESTION_TYPES, DEMOGRAPHICS } from './questionnaire.model.js';
import { DEMO_CODES_TITLE, DEMO_QUESTIONNAIRE_TITLE, DEMO_RESPONSES } from './questionnaire.demo.js';

describe.each(engines)('the demo questionnaires on %s', (engine) => {
  let env: TestEnv;
  let municipalityId: number;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    await seedDemo(env.services);
    municipalityId = (await env.services.municipalities.findBySlug(DEMO_SLUG))!.id;
  });
  afterAll(() => env.close());

  const answersOf = async (e: TestEnv, mid: number) => {
    const q = (await e.services.questionnaires.list(mid)).find((x) => x.title === DEMO_QUESTIONNAIRE_TITLE)!;
    return e.db.kysely
      .selectFrom('questionnaire_answers as a')
      .innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id')
      .select(['r.submission_key', 'r.submitted_on', 'r.source', 'a.option_id', 'a.row_option_id', 'a.value_text', 'a.value_number'])
      .where('r.questionnaire_id', '=', q.id)
      .orderBy('r.submission_key')
      .orderBy('a.id')
      .execute();
  };

  it('has a closed questionnaire per field of action, marked demo, with every question type and the demographics', async () => {
    const list = await env.services.questionnaires.list(municipalityId);
    const q = list.find((x) => x.title === DEMO_QUESTIONNAIRE_TITLE)!;
    expect(q.state).toBe('closed');
    expect(q.isDemo).toBe(true);
    expect(q.welcome).toContain('Demo-Daten');
    const def = (await env.services.questionnaires.definition(municipalityId, q.id))!;
    const questions = def.sections.flatMap((s) => s.questions);
    expect(new Set(questions.map((x) => x.type))).toEqual(new Set(QUESTION_TYPES));
    expect(questions.map((x) => x.demographic).filter(Boolean).sort()).toEqual([...DEMOGRAPHICS].sort());
    expect(def.sections.slice(0, 4).every((s) => s.fieldId !== null)).toBe(true);
    expect(def.sections.some((s) => s.questions.some((x) => x.condition))).toBe(true);
    expect(await env.services.questionnaires.responses(municipalityId, q.id)).toBe(DEMO_RESPONSES);
    const flags = await env.db.kysely.selectFrom('questionnaire_responses').select('is_demo').distinct().where('questionnaire_id', '=', q.id).execute();
    expect(flags).toEqual([{ is_demo: 1 }]);
  });

  it('codes free-text answers into topics that link to measures and a goal of the demo plan', async () => {
    const q = (await env.services.questionnaires.list(municipalityId)).find((x) => x.title === DEMO_QUESTIONNAIRE_TITLE)!;
    const topics = await env.db.kysely.selectFrom('questionnaire_topics').select(['id', 'name']).where('questionnaire_id', '=', q.id).orderBy('position').execute();
    expect(topics.map((t) => t.name)).toEqual(['Sprachkurse mit Kinderbetreuung', 'Abendkurse für Berufstätige', 'Bezahlbarer Wohnraum', 'Begegnungsorte im Stadtteil']);
    for (const topic of topics) {
      const coded = await env.db.kysely
        .selectFrom('questionnaire_answer_topics as t')
        .innerJoin('questionnaire_answers as a', 'a.id', 't.answer_id')
        .select('a.value_text')
        .where('t.topic_id', '=', topic.id)
        .execute();
      expect(coded.length, topic.name).toBeGreaterThanOrEqual(5);
    }
    const links = await env.db.kysely
      .selectFrom('questionnaire_topic_links as l')
      .leftJoin('measures as m', 'm.id', 'l.measure_id')
      .leftJoin('goals as g', 'g.id', 'l.goal_id')
      .select(['l.topic_id', 'm.text as measure', 'g.text as goal', 'l.municipality_id'])
      .where('l.topic_id', 'in', topics.map((t) => t.id))
      .execute();
    expect(links.filter((l) => l.measure).length).toBe(3);
    expect(links.filter((l) => l.goal).length).toBe(1);
    expect(links.find((l) => l.measure?.startsWith('Integrationskurs mit Kinderbetreuung'))?.topic_id).toBe(topics[0].id);
    expect(links.every((l) => l.municipality_id === municipalityId)).toBe(true);
  });

  it('generates the same answers on every run (a fixed seed)', async () => {
    const again = await createTestEnv(engine);
    try {
      await seedDemo(again.services);
      const otherId = (await again.services.municipalities.findBySlug(DEMO_SLUG))!.id;
      const [a, b] = [await answersOf(env, municipalityId), await answersOf(again, otherId)];
      // option ids are the same in two fresh databases; compare the stored values
      expect(b.map((r) => [r.submission_key, r.submitted_on, r.source, r.value_text, r.value_number])).toEqual(a.map((r) => [r.submission_key, r.submitted_on, r.source, r.value_text, r.value_number]));
      expect(new Set(a.map((r) => r.submitted_on)).size).toBeGreaterThan(10);
    } finally {
      await again.close();
    }
  });

  it('has an open questionnaire answered with access codes, in two batches', async () => {
    const q = (await env.services.questionnaires.list(municipalityId)).find((x) => x.title === DEMO_CODES_TITLE)!;
    expect(q.access).toBe('codes');
    expect(q.state).toBe('published');
    expect(q.isDemo).toBe(true);
    const summary = await env.services.questionnaireCodes.summary(municipalityId, q.id);
    expect(summary.batches.map((b) => b.generated)).toEqual([40, 16]);
  });
});
