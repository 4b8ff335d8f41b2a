// The questionnaires of the demo municipality: a closed questionnaire per field of action of the demo plan
// with 150 generated answers (a fixed seed: the same on every start), free-text answers coded into topics
// that link to some of the plan's measures and a goal; and an open questionnaire answered with access codes.
// Everything is marked demo (is_demo on the questionnaire and its responses, and in its texts).
import type { Services, Writer } from '../../platform/module.js';
import { insertTopic, textAnswers } from './demo.repository.js';
import type { Answers, Definition, Question } from './questionnaire.model.js';
import type { QuestionnaireSpec } from './questionnaire.service.js';

export const DEMO_QUESTIONNAIRE_TITLE = 'Befragung 2025: Bildung und Sprache, Arbeit, Zusammenleben, Wohnen';
export const DEMO_CODES_TITLE = 'Befragung im Sprachcafé: Wie geht es Ihnen in Musterstadt?';
export const DEMO_RESPONSES = 150;

/** A small deterministic generator (mulberry32): the demo's answers are the same on every start. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FieldIds {
  language: number | null;
  work: number | null;
  together: number | null;
  housing: number | null;
}

function demoSpec(fields: FieldIds): QuestionnaireSpec {
  return {
    title: DEMO_QUESTIONNAIRE_TITLE,
    welcome:
      'Demo-Daten: Diese Befragung und ihre 150 Antworten sind erfunden und zeigen, wie eine Befragung in Teilhabe aussieht. ' +
      'Die Stadt Musterstadt möchte wissen, wie Sie in den Bereichen Bildung und Sprache, Arbeit, Zusammenleben und Wohnen zurechtkommen. Die Antworten fließen in die Fortschreibung des Integrationsplans ein.',
    thanks: 'Vielen Dank für Ihre Teilnahme! (Demo-Befragung: Antworten werden nicht ausgewertet.)',
    state: 'closed',
    opensAt: '2025-03-02T23:00:00.000Z',
    closesAt: '2025-04-14T21:59:59.000Z',
    access: 'open',
    resultsPublic: true,
    isDemo: true,
    privacy:
      'Die Befragung ist anonym. Wir speichern weder Ihren Namen noch Ihre IP-Adresse, nur den Tag Ihrer Antwort. Die Ergebnisse werden nur zusammengefasst veröffentlicht; Gruppen mit weniger als fünf Antworten werden nicht gezeigt. (Demo-Daten)',
    sections: [
      {
        title: 'Bildung und Sprache',
        description: 'Deutschkurse, Schule und Weiterbildung.',
        fieldId: fields.language,
        questions: [
          { key: 'kurs', type: 'single', text: 'Haben Sie in Musterstadt einen Deutschkurs besucht?', required: true, options: ['Ja', 'Nein, noch nicht', 'Nein, ich brauche keinen'] },
          { type: 'scale', text: 'Wie zufrieden waren Sie mit dem Kurs?', condition: { question: 'kurs', options: ['Ja'] }, config: { min: 1, max: 5, minLabel: 'gar nicht zufrieden', maxLabel: 'sehr zufrieden' } },
          {
            type: 'multiple',
            text: 'Was hat Ihnen die Teilnahme an einem Kurs erschwert?',
            options: ['Kinderbetreuung fehlt', 'Kurszeiten passen nicht zur Arbeit', 'Der Weg ist zu weit', 'Kein freier Platz', { label: 'Anderes, nämlich', other: true }],
          },
          { key: 'lernen', type: 'long_text', text: 'Was würde Ihnen beim Deutschlernen am meisten helfen?', config: { maxLength: 1000 } },
        ],
      },
      {
        title: 'Arbeit',
        description: 'Arbeit, Ausbildung und Anerkennung von Abschlüssen.',
        fieldId: fields.work,
        questions: [
          { type: 'single', text: 'Wie ist Ihre berufliche Situation?', options: ['Ich arbeite', 'Ich mache eine Ausbildung', 'Ich suche Arbeit', 'Ich gehe zur Schule oder studiere', 'Anderes'] },
          { type: 'ranking', text: 'Was brauchen Sie für die Arbeitssuche am meisten? Bringen Sie die Punkte in eine Reihenfolge.', options: ['Bessere Deutschkenntnisse', 'Anerkennung meines Abschlusses', 'Kontakte zu Arbeitgebern', 'Kinderbetreuung'] },
          { type: 'short_text', text: 'Welchen Beruf haben Sie gelernt oder ausgeübt?', config: { maxLength: 100 } },
        ],
      },
      {
        title: 'Zusammenleben',
        description: 'Begegnung, Vereine und Freizeit.',
        fieldId: fields.together,
        questions: [
          { type: 'matrix', text: 'Wie bewerten Sie diese Angebote?', rows: ['Sprachcafé', 'Interkulturelle Woche', 'Sportvereine', 'Stadtbibliothek'], columns: ['gut', 'teils, teils', 'schlecht', 'kenne ich nicht'] },
          { type: 'date', text: 'Wann waren Sie zuletzt bei einer Veranstaltung in Ihrem Stadtteil?' },
          { key: 'zusammen', type: 'long_text', text: 'Was wünschen Sie sich für das Zusammenleben in Musterstadt?', config: { maxLength: 1000 } },
        ],
      },
      {
        title: 'Wohnen',
        description: 'Wohnung, Wohnungssuche und Nachbarschaft.',
        fieldId: fields.housing,
        questions: [
          { type: 'number', text: 'Wie viele Personen leben in Ihrem Haushalt?', config: { min: 1, max: 15, integer: true } },
          { type: 'scale', text: 'Wie zufrieden sind Sie mit Ihrer Wohnsituation?', config: { min: 1, max: 5, minLabel: 'gar nicht zufrieden', maxLabel: 'sehr zufrieden' } },
          { key: 'wohnen', type: 'long_text', text: 'Was ist für Sie bei der Wohnungssuche am schwierigsten?', config: { maxLength: 1000 } },
        ],
      },
      {
        title: 'Über Sie',
        description: 'Diese Angaben sind freiwillig. Sie helfen, die Ergebnisse einzuordnen.',
        questions: [
          { type: 'single', demographic: 'age', text: 'Wie alt sind Sie?', options: ['unter 18', '18 bis 29', '30 bis 49', '50 bis 64', '65 und älter'] },
          { type: 'multiple', demographic: 'languages', text: 'Welche Sprachen sprechen Sie zu Hause?', options: ['Deutsch', 'Arabisch', 'Türkisch', 'Ukrainisch', 'Dari/Farsi', 'Russisch', { label: 'Andere, nämlich', other: true }] },
          { type: 'single', demographic: 'years_in_germany', text: 'Seit wie vielen Jahren leben Sie in Deutschland?', options: ['weniger als 2 Jahre', '2 bis 5 Jahre', '6 bis 10 Jahre', 'mehr als 10 Jahre', 'seit meiner Geburt'] },
          { type: 'single', demographic: 'district', text: 'In welchem Stadtteil wohnen Sie?', options: ['Innenstadt', 'Nordstadt', 'Weststadt', 'Ortsteil Au'] },
        ],
      },
    ],
  };
}

// Free texts that make sense, by the question they answer; each begins with the words the topics look for.
const FREE_TEXT: Record<string, string[]> = {
  lernen: [
    'Ein Kurs mit Kinderbetreuung, damit ich als Mutter teilnehmen kann.',
    'Kinderbetreuung während des Kurses. Meine Kinder sind noch klein.',
    'Ein Sprachkurs nur für Frauen, am Vormittag, mit Kinderbetreuung.',
    'Abendkurse, weil ich tagsüber arbeite.',
    'Kurse am Abend oder am Wochenende, ich arbeite im Schichtdienst.',
    'Mehr Gelegenheiten zum Sprechen mit Deutschen, zum Beispiel im Sprachcafé.',
    'Einen Kurs in der Nähe, der Bus in die Stadt fährt selten.',
    'Mehr Plätze im B1-Kurs, ich warte schon seit Monaten.',
    'Eine Lern-App und jemanden, der mir bei Fragen hilft.',
  ],
  zusammen: [
    'Mehr Begegnungsorte im Stadtteil, wo man sich einfach treffen kann.',
    'Ein Treffpunkt für Familien, wo Kinder spielen und Eltern sich kennenlernen.',
    'Feste, bei denen alle Kulturen mitmachen, nicht nur einmal im Jahr.',
    'Dass Vereine offener für neue Mitglieder sind und Informationen auch auf Englisch geben.',
    'Mehr Respekt im Alltag, im Bus und beim Einkaufen.',
    'Patenschaften zwischen alteingesessenen und neuen Familien.',
  ],
  wohnen: [
    'Bezahlbarer Wohnraum fehlt, die Mieten sind zu hoch.',
    'Bezahlbare Wohnungen für große Familien gibt es kaum.',
    'Vermieter sagen ab, wenn sie meinen Namen hören.',
    'Ich bekomme keine Antwort auf meine Bewerbungen für Wohnungen.',
    'Die Unterkunft ist zu eng, wir suchen seit zwei Jahren eine Wohnung.',
    'Hilfe beim Ausfüllen der Unterlagen für das Wohnungsamt wäre gut.',
  ],
  beruf: ['Krankenpflegerin', 'Elektriker', 'Lehrerin', 'Koch', 'Buchhalterin', 'Kfz-Mechaniker', 'Friseurin', 'Bauingenieur', 'Verkäuferin', 'Schneider'],
};

/** One generated response: every question answered as a resident might (optional ones sometimes skipped). */
export function demoAnswers(def: Definition, random: () => number, keys: Record<string, number>): Answers {
  const answers: Answers = {};
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const textFor = (q: Question): string | undefined => {
    const key = Object.entries(keys).find(([, id]) => id === q.id)?.[0];
    if (key && FREE_TEXT[key]) return random() < 0.7 ? pick(FREE_TEXT[key]) : undefined;
    return q.type === 'short_text' && random() < 0.8 ? pick(FREE_TEXT.beruf) : undefined;
  };
  for (const q of def.sections.flatMap((s) => s.questions)) {
    if (!q.required && random() < 0.08) continue;
    switch (q.type) {
      case 'single': {
        // the first choice is the most common one (a plausible, uneven distribution)
        const weights = q.options.map((_, i) => 1 / (i + 1.5));
        let r = random() * weights.reduce((a, b) => a + b, 0);
        const index = weights.findIndex((w) => (r -= w) < 0);
        answers[q.id] = { optionIds: [q.options[index < 0 ? 0 : index].id] };
        break;
      }
      case 'multiple': {
        const chosen = q.options.filter((o) => random() < (o.isOther ? 0.08 : 0.35)).map((o) => o.id);
        if (chosen.length === 0) chosen.push(q.options[0].id);
        const other = q.options.find((o) => o.isOther && chosen.includes(o.id));
        answers[q.id] = { optionIds: chosen, ...(other ? { other: pick(['Nachtschicht', 'Kurdisch', 'Pflege meiner Mutter', 'Tigrinya']) } : {}) };
        break;
      }
      case 'scale':
        answers[q.id] = { number: Math.min(q.config.max ?? 5, (q.config.min ?? 1) + Math.floor(random() * 3 + random() * 3)) };
        break;
      case 'matrix':
        answers[q.id] = { rows: Object.fromEntries(q.rows.map((row) => [String(row.id), pick(q.columns).id])) };
        break;
      case 'ranking': {
        const order = [...q.options].sort(() => random() - 0.5);
        answers[q.id] = { ranks: Object.fromEntries(order.map((o, i) => [String(o.id), i + 1])) };
        break;
      }
      case 'short_text':
      case 'long_text': {
        const text = textFor(q);
        if (text) answers[q.id] = { text };
        break;
      }
      case 'number':
        answers[q.id] = { number: 1 + Math.floor(random() * 6) };
        break;
      case 'date':
        answers[q.id] = { date: `2025-0${1 + Math.floor(random() * 3)}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` };
        break;
    }
  }
  return answers;
}

/** The days of March and April 2025 the questionnaire was open on, the i-th response's day. */
function dayOf(i: number): string {
  const start = Date.UTC(2025, 2, 3);
  const days = 42;
  // more answers in the first days (the newspaper article), then fewer
  const d = Math.floor(days * Math.pow(i / DEMO_RESPONSES, 1.6));
  return new Date(start + d * 86400000).toISOString().slice(0, 10);
}

interface TopicSpec {
  name: string;
  description: string;
  question: 'lernen' | 'zusammen' | 'wohnen';
  /** Answers that begin with one of these words are coded into the topic. */
  words: string[];
  measures: string[];
  goals: string[];
}

const TOPICS: TopicSpec[] = [
  { name: 'Sprachkurse mit Kinderbetreuung', description: 'Eltern, vor allem Mütter, können ohne Kinderbetreuung keinen Kurs besuchen.', question: 'lernen', words: ['Ein Kurs mit Kinderbetreuung', 'Kinderbetreuung', 'Ein Sprachkurs nur für Frauen'], measures: ['Integrationskurs mit Kinderbetreuung'], goals: [] },
  { name: 'Abendkurse für Berufstätige', description: 'Wer arbeitet, braucht Kurse am Abend oder am Wochenende.', question: 'lernen', words: ['Abendkurse', 'Kurse am Abend'], measures: [], goals: ['Weiterer Ausbau kostenfreier Sprachkursangebote'] },
  { name: 'Bezahlbarer Wohnraum', description: 'Mieten, große Familien und Absagen bei der Wohnungssuche.', question: 'wohnen', words: ['Bezahlbar', 'Vermieter sagen ab', 'Ich bekomme keine Antwort'], measures: ['Verstetigung des Projekts „LEmietet“'], goals: [] },
  { name: 'Begegnungsorte im Stadtteil', description: 'Orte und Anlässe, an denen man sich ohne Anmeldung trifft.', question: 'zusammen', words: ['Mehr Begegnungsorte', 'Ein Treffpunkt für Familien', 'Feste'], measures: ['Organisation und Durchführung von kleineren Treffen'], goals: [] },
];

async function fieldIds(services: Services, municipalityId: number, planId: number): Promise<{ fields: FieldIds; measures: Array<{ id: number; title: string }>; goals: Array<{ id: number; text: string }> }> {
  const tree = await services.plans.tree(municipalityId, planId);
  const find = (word: string) => tree.fields.find((f) => f.title.includes(word))?.id ?? null;
  const goals = tree.fields.flatMap((f) => f.goals);
  return {
    fields: { language: find('Sprache'), work: find('Arbeit'), together: find('Zusammenleben'), housing: find('Wohnen') },
    measures: goals.flatMap((g) => g.measures).map((m) => ({ id: m.id, title: m.text })),
    goals: goals.map((g) => ({ id: g.id, text: g.text })),
  };
}

/** The demo municipality's questionnaires (after the plan's demo data). */
export async function seedQuestionnaireDemo(services: Services, municipalityId: number, by: Writer): Promise<void> {
  const plan = await services.plans.findCurrentPublishedPlan(municipalityId);
  if (!plan) return;
  const { fields, measures, goals } = await fieldIds(services, municipalityId, plan.id);
  const id = await services.questionnaires.createFromSpec(municipalityId, plan.id, demoSpec(fields), by);
  const def = (await services.questionnaires.definition(municipalityId, id))!;
  const questions = def.sections.flatMap((s) => s.questions);
  const keys = {
    lernen: questions.find((q) => q.text.startsWith('Was würde Ihnen beim Deutschlernen'))!.id,
    zusammen: questions.find((q) => q.text.startsWith('Was wünschen Sie sich'))!.id,
    wohnen: questions.find((q) => q.text.startsWith('Was ist für Sie bei der Wohnungssuche'))!.id,
  };
  const random = seededRandom(2025);
  const inputs = Array.from({ length: DEMO_RESPONSES }, (_, i) => ({
    answers: demoAnswers(def, random, keys),
    source: (i % 12 === 11 ? 'paper' : 'online') as 'paper' | 'online',
    privacyVersion: def.privacy?.version ?? null,
    lang: i % 9 === 8 ? 'en' : 'de',
    submissionKey: `demo-${i + 1}`,
    isDemo: true,
    day: dayOf(i),
  }));
  // submitted together: the writer commits them in a few transactions, in this order
  await Promise.all(inputs.map((input) => services.questionnaires.submit(municipalityId, id, input)));

  await services.audit.write(municipalityId, by, { action: 'questionnaire.topics', entityType: 'questionnaire', entityId: id, after: { topics: TOPICS.map((t) => t.name) } }, async ({ trx, now }) => {
    const answers = await textAnswers(trx, municipalityId, Object.values(keys));
    for (const [position, topic] of TOPICS.entries()) {
      await insertTopic(trx, municipalityId, {
        questionnaireId: id,
        name: topic.name,
        description: topic.description,
        position: position + 1,
        createdAt: now,
        answerIds: answers.filter((a) => a.questionId === keys[topic.question] && topic.words.some((w) => a.text.startsWith(w))).map((a) => a.id),
        measureIds: topic.measures.map((title) => measures.find((m) => m.title.startsWith(title))?.id).filter((m): m is number => m !== undefined),
        goalIds: topic.goals.map((text) => goals.find((g) => g.text.startsWith(text))?.id).filter((g): g is number => g !== undefined),
      });
    }
  });

  // an open questionnaire answered with access codes (cards handed out in the language café)
  const withCodes = await services.questionnaires.createFromSpec(
    municipalityId,
    plan.id,
    {
      title: DEMO_CODES_TITLE,
      welcome: 'Demo-Daten: Diese Befragung zeigt den Zugang mit Codes. Die Karten mit Code und QR-Code wurden im Sprachcafé verteilt; jeder Code gilt für eine Teilnahme.',
      thanks: 'Danke! (Demo-Befragung)',
      state: 'published',
      opensAt: null,
      closesAt: null,
      access: 'codes',
      isDemo: true,
      privacy: 'Die Befragung ist anonym; der Code verrät nicht, wer geantwortet hat. (Demo-Daten)',
      sections: [
        {
          title: 'Ihr Alltag',
          fieldId: fields.together,
          questions: [
            { type: 'scale', text: 'Wie wohl fühlen Sie sich in Musterstadt?', required: true, config: { min: 1, max: 5, minLabel: 'gar nicht wohl', maxLabel: 'sehr wohl' } },
            { type: 'multiple', text: 'Wo treffen Sie andere Menschen?', options: ['Sprachcafé', 'Verein', 'Moschee, Kirche oder Gemeinde', 'Schule oder Kita', { label: 'Anderswo, nämlich', other: true }] },
            { type: 'long_text', text: 'Was sollte die Stadt als Nächstes tun?' },
          ],
        },
      ],
    },
    by,
  );
  await services.questionnaireCodes.generate(municipalityId, withCodes, 40, by);
  await services.questionnaireCodes.generate(municipalityId, withCodes, 16, by);
}
