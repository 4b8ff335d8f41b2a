// A questionnaire with every question type, an "other, namely" option, a question whose condition is on the same
// page and a section whose condition is on an earlier page: what the answering tests and journeys walk through.
import type { QuestionnaireSpec } from '../src/modules/questionnaires/index.js';

export function everyTypeSpec(overrides: Partial<QuestionnaireSpec> = {}): QuestionnaireSpec {
  return {
    title: 'Befragung Zusammenleben 2026',
    welcome: 'Willkommen! Wir möchten wissen, wie Sie in unserer Stadt leben.',
    thanks: 'Danke, dass Sie mitgemacht haben.',
    privacy: 'Wir speichern Ihre Antworten anonym und nur für den Integrationsplan.',
    state: 'published',
    sections: [
      {
        title: 'Sprache',
        description: 'Fragen zu Sprachkursen.',
        questions: [
          { key: 'kurs', type: 'single', text: 'Haben Sie einen Sprachkurs besucht?', required: true, options: ['Ja', 'Nein'] },
          { type: 'short_text', text: 'Welchen Kurs?', condition: { question: 'kurs', options: ['Ja'] }, config: { maxLength: 80 } },
          { type: 'multiple', text: 'Welche Angebote kennen Sie?', options: ['Sprachcafé', 'Volkshochschule', { label: 'Anderes', other: true }] },
        ],
      },
      {
        title: 'Zum Kurs',
        condition: { question: 'kurs', options: ['Ja'] },
        questions: [
          { type: 'scale', text: 'Wie zufrieden waren Sie mit dem Kurs?', required: true, config: { min: 1, max: 5, minLabel: 'gar nicht', maxLabel: 'sehr' } },
          { type: 'matrix', text: 'Wie bewerten Sie diese Angebote?', rows: ['Kinderbetreuung', 'Kurszeiten'], columns: ['gut', 'mittel', 'schlecht'] },
        ],
      },
      {
        title: 'Wünsche',
        questions: [
          { type: 'ranking', text: 'Was ist Ihnen am wichtigsten?', options: ['Wohnung', 'Arbeit', 'Schule'] },
          { type: 'long_text', text: 'Was wünschen Sie sich?' },
          { type: 'number', text: 'Wie viele Personen leben in Ihrem Haushalt?', config: { min: 1, max: 20, integer: true } },
          { type: 'date', text: 'Seit wann leben Sie hier?' },
          { type: 'single', text: 'Wie alt sind Sie?', demographic: 'age', options: ['unter 18', '18 bis 64', '65 und älter'] },
        ],
      },
    ],
    ...overrides,
  };
}
