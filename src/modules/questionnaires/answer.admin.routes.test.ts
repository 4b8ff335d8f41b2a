// The officer's answer pages (preview, paper answers) for the four outcomes: not signed in, bad input, another
// municipality, success.
import { describeFourOutcomes, R, type FourOutcomeSide } from '../../../test/four-outcomes.js';
import { everyTypeSpec } from '../../../test/questionnaire.fixture.js';
import { seedTwoMunicipalities, type Side, type TestEnv } from '../../../test/support.js';
import { questionnairesPaths as paths } from './questionnaires.paths.js';

interface S extends FourOutcomeSide {
  questionnaireId: number;
  /** The required first question and its option "Nein"; a free-text question. */
  required: number;
  no: number;
  wish: number;
}

async function withQuestionnaire(env: TestEnv, side: Side): Promise<S> {
  const id = await env.services.questionnaires.createFromSpec(side.municipalityId, side.planId, everyTypeSpec({ title: `Befragung ${side.secretWord}` }), { userId: null, name: 'Test' });
  const def = (await env.services.questionnaires.definition(side.municipalityId, id))!;
  const [first] = def.sections[0].questions;
  const wish = def.sections[2].questions[1];
  return { ...side, questionnaireId: id, required: first.id, no: first.options[1].id, wish: wish.id };
}

describeFourOutcomes<S>({
  title: 'questionnaire preview and paper answers',
  async seed(env) {
    const { A, B } = await seedTwoMunicipalities(env);
    return { A: await withQuestionnaire(env, A), B: await withQuestionnaire(env, B) };
  },
  async fingerprint(env) {
    const count = async (table: 'questionnaire_responses' | 'questionnaire_answers' | 'questionnaire_drafts') =>
      Number((await env.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return JSON.stringify([await count('questionnaire_responses'), await count('questionnaire_answers'), await count('questionnaire_drafts')]);
  },
  routes: [
    R<S>('preview', 'GET', (s) => paths.adminPreview(s.slug, s.questionnaireId), { shows: () => 'Es wird nichts gespeichert.' }),
    R<S>('paper form', 'GET', (s) => paths.adminPaper(s.slug, s.questionnaireId), { shows: () => 'Papierantwort erfassen' }),
    R<S>('paper answer', 'POST', (s) => paths.adminPaper(s.slug, s.questionnaireId), {
      valid: (s) => ({ key: 'papierbogen-0001-abcdef', [`q${s.required}`]: String(s.no), [`q${s.wish}`]: 'Mehr Kurse am Abend' }),
      invalid: { form: (s) => ({ key: 'papierbogen-0002-abcdef', [`q${s.wish}`]: 'Getippter Wunsch bleibt' }), keep: 'Getippter Wunsch bleibt' },
    }),
  ],
});
