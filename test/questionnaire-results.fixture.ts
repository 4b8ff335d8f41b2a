// A questionnaire with every question type and a demographic question, answered twelve times in a known way,
// for the tests of the results: ages 18–29 five times, 30–49 four times, 50 and older three times.
import type { QuestionnaireSpec } from '../src/modules/questionnaires/index.js';
import type { Side, TestEnv } from './support.js';

const by = { userId: null, name: 'Test' };

export const WISHES = [
  'Mehr Sprachkurse für Frauen am Vormittag',
  'Sprachkurs mit Kinderbetreuung',
  'Hilfe bei der Wohnungssuche',
  'Ein Sprachcafé am Wochenende',
  'Mehr Praktikumsplätze',
  'Kinderbetreuung während der Kurse',
  'Beratung auf Arabisch',
  'Günstige Wohnungen',
  'Mehr Sportangebote für Mädchen',
  'Abendkurse für Berufstätige',
  'Sprachkurse für Frauen mit Kindern',
  'Treffpunkt im Stadtteil',
];

export function resultsSpec(fieldId: number | null, extra: Partial<QuestionnaireSpec> = {}): QuestionnaireSpec {
  return {
    title: 'Befragung Bildung und Sprache 2025',
    privacy: 'Ihre Antworten sind anonym.',
    state: 'published',
    sections: [
      {
        title: 'Bildung und Sprache',
        fieldId,
        questions: [
          { key: 'kurs', type: 'single', text: 'Haben Sie einen Sprachkurs besucht?', options: ['Ja', 'Nein', { label: 'Anderes', other: true }] },
          { type: 'multiple', text: 'Welche Angebote nutzen Sie?', options: ['Sprachcafé', 'VHS-Kurs', 'Hausaufgabenhilfe', { label: 'Sonstiges', other: true }] },
          { type: 'scale', text: 'Wie zufrieden sind Sie mit den Kursen?', config: { min: 1, max: 5, minLabel: 'gar nicht', maxLabel: 'sehr' } },
          { type: 'matrix', text: 'Wie bewerten Sie diese Angebote?', rows: ['Sprachcafé', 'Bibliothek'], columns: ['gut', 'mittel', 'schlecht'] },
          { type: 'ranking', text: 'Was ist Ihnen am wichtigsten?', options: ['Wohnung', 'Arbeit', 'Sprache'] },
          { type: 'long_text', text: 'Was wünschen Sie sich?' },
          { type: 'number', text: 'Wie viele Kinder haben Sie?', config: { min: 0, max: 20, integer: true } },
          { type: 'date', text: 'Seit wann wohnen Sie hier?' },
        ],
      },
      {
        title: 'Über Sie',
        questions: [{ type: 'single', text: 'Wie alt sind Sie?', demographic: 'age', options: ['18–29', '30–49', '50 und älter'] }],
      },
    ],
    ...extra,
  };
}

export interface ResultsFixture {
  questionnaireId: number;
  /** question ids by kind, in the spec's order */
  q: { kurs: number; angebote: number; scale: number; matrix: number; ranking: number; wishes: number; kinder: number; seit: number; age: number };
  /** option ids by label (per question) */
  o: { ja: number; nein: number; anderes: number; cafe: number; vhs: number; hilfe: number; sonstiges: number; young: number; middle: number; old: number };
}

/** Makes the questionnaire and submits its twelve responses (two of them on paper). */
export async function seedResults(env: TestEnv, s: Side, extra: Partial<QuestionnaireSpec> = {}): Promise<ResultsFixture> {
  const services = env.services;
  const questionnaireId = await services.questionnaires.createFromSpec(s.municipalityId, s.planId, resultsSpec(s.fieldId, extra), by);
  const def = (await services.questionnaires.definition(s.municipalityId, questionnaireId))!;
  const [kurs, angebote, scale, matrix, ranking, wishes, kinder, seit] = def.sections[0].questions;
  const [age] = def.sections[1].questions;
  const [ja, nein, anderes] = kurs.options;
  const [cafe, vhs, hilfe, sonstiges] = angebote.options;
  const [young, middle, old] = age.options;
  for (let i = 0; i < 12; i++) {
    const ageOption = i < 5 ? young : i < 9 ? middle : old;
    const kursOption = i < 8 ? ja : i < 11 ? nein : anderes;
    const chosen = [...(i % 2 === 0 ? [cafe.id] : []), ...(i < 4 ? [vhs.id] : []), ...(i === 3 ? [sonstiges.id] : [])];
    await services.questionnaires.submit(s.municipalityId, questionnaireId, {
      answers: {
        [kurs.id]: { optionIds: [kursOption.id], other: i === 11 ? 'Online-Kurs' : undefined },
        ...(chosen.length ? { [angebote.id]: { optionIds: chosen, other: i === 3 ? 'Nähkurs' : undefined } } : {}),
        [scale.id]: { number: (i % 5) + 1 },
        [matrix.id]: { rows: { [matrix.rows[0].id]: matrix.columns[i < 6 ? 0 : 1].id, ...(i < 3 ? { [matrix.rows[1].id]: matrix.columns[2].id } : {}) } },
        [ranking.id]: { ranks: { [ranking.options[0].id]: i < 6 ? 1 : 2, [ranking.options[1].id]: i < 6 ? 2 : 1, [ranking.options[2].id]: 3 } },
        [wishes.id]: { text: WISHES[i] },
        [kinder.id]: { number: i % 4 },
        [seit.id]: { date: `20${10 + i}-06-01` },
        [age.id]: { optionIds: [ageOption.id] },
      },
      source: i >= 10 ? 'paper' : 'online',
      privacyVersion: 1,
      lang: i === 0 ? 'en' : 'de',
      submissionKey: `r${i}`,
      day: `2025-05-${String(10 + i).padStart(2, '0')}`,
    });
  }
  return {
    questionnaireId,
    q: { kurs: kurs.id, angebote: angebote.id, scale: scale.id, matrix: matrix.id, ranking: ranking.id, wishes: wishes.id, kinder: kinder.id, seit: seit.id, age: age.id },
    o: { ja: ja.id, nein: nein.id, anderes: anderes.id, cafe: cafe.id, vhs: vhs.id, hilfe: hilfe.id, sonstiges: sonstiges.id, young: young.id, middle: middle.id, old: old.id },
  };
}
