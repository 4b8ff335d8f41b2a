// The questionnaire's core on a real database (SQLite and PostgreSQL): a spec becomes a definition, conditions
// refer to earlier questions, answers become rows only for what was shown, and a double submit stores one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { answerRows, isOpenAt, visibleSections } from './questionnaire.model.js';
import type { QuestionnaireSpec } from './questionnaire.service.js';

const by = { userId: null, name: 'Test' };

const sampleSpec: QuestionnaireSpec = {
  title: 'Befragung Bildung und Sprache',
  privacy: 'Ihre Antworten sind anonym.',
  state: 'published',
  sections: [
    {
      title: 'Sprache',
      questions: [
        { key: 'kurs', type: 'single', text: 'Haben Sie einen Sprachkurs besucht?', required: true, options: ['Ja', 'Nein'] },
        { type: 'long_text', text: 'Was fehlt?' },
      ],
    },
    {
      title: 'Zum Kurs',
      condition: { question: 'kurs', options: ['Ja'] },
      questions: [{ type: 'scale', text: 'Wie zufrieden waren Sie?', config: { min: 1, max: 5, minLabel: 'gar nicht', maxLabel: 'sehr' } }],
    },
  ],
};

describe.each(engines)('questionnaire core on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('makes a definition from a spec, with its condition resolved to the earlier question', async () => {
    const id = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, sampleSpec, by);
    const def = (await env.services.questionnaires.definition(f.A.municipalityId, id))!;
    expect(def.privacy).toEqual({ version: 1, text: 'Ihre Antworten sind anonym.' });
    expect(def.sections.map((s) => s.questions.map((q) => q.type))).toEqual([['single', 'long_text'], ['scale']]);
    const [kurs] = def.sections[0].questions;
    expect(def.sections[1].condition).toEqual({ questionId: kurs.id, optionIds: [kurs.options[0].id] });
    expect(visibleSections(def, {}).length).toBe(1);
    expect(visibleSections(def, { [kurs.id]: { optionIds: [kurs.options[0].id] } }).length).toBe(2);
    expect(isOpenAt(def.questionnaire, new Date())).toBe(true);
    // another municipality does not find it
    expect(await env.services.questionnaires.definition(f.B.municipalityId, id)).toBeUndefined();
  });

  it('stores the answers of shown questions only, and one response per submission key', async () => {
    const id = await env.services.questionnaires.createFromSpec(f.A.municipalityId, f.A.planId, sampleSpec, by);
    const def = (await env.services.questionnaires.definition(f.A.municipalityId, id))!;
    const [kurs, fehlt] = def.sections[0].questions;
    const [scale] = def.sections[1].questions;
    const answers = { [kurs.id]: { optionIds: [kurs.options[1].id] }, [fehlt.id]: { text: ' Abendkurse ' }, [scale.id]: { number: 4 } };
    // "Nein" hides the second section: its scale answer is not stored
    expect(answerRows(def, answers).map((r) => r.question_id)).toEqual([kurs.id, fehlt.id]);
    const input = { answers, source: 'online' as const, privacyVersion: 1, lang: 'de', submissionKey: 'k1' };
    const first = await env.services.questionnaires.submit(f.A.municipalityId, id, input);
    const second = await env.services.questionnaires.submit(f.A.municipalityId, id, input);
    expect(second).toEqual({ responseId: first.responseId, duplicate: true });
    expect(await env.services.questionnaires.responses(f.A.municipalityId, id)).toBe(1);
    const stored = await env.db.kysely.selectFrom('questionnaire_answers').select(['question_id', 'value_text']).where('response_id', '=', first.responseId).orderBy('id').execute();
    expect(stored).toEqual([{ question_id: kurs.id, value_text: null }, { question_id: fehlt.id, value_text: 'Abendkurse' }]);
  });
});
