// The SQL of a questionnaire's results: its responses (day, source, language), their answer rows, and the
// free-text answers of a question with the topics they were coded into. Scoped to the municipality.
import type { Conn } from './questionnaire.repository.js';
import type { ResponseRow, StoredAnswer } from './results.model.js';

export async function listResponses(db: Conn, municipalityId: number, questionnaireId: number): Promise<ResponseRow[]> {
  const rows = await db
    .selectFrom('questionnaire_responses')
    .select(['id', 'submitted_on', 'source', 'lang'])
    .where('municipality_id', '=', municipalityId)
    .where('questionnaire_id', '=', questionnaireId)
    .orderBy('submitted_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, submittedOn: r.submitted_on, source: r.source === 'paper' ? 'paper' : 'online', lang: r.lang }));
}

export async function listAnswers(db: Conn, municipalityId: number, questionnaireId: number): Promise<StoredAnswer[]> {
  const rows = await db
    .selectFrom('questionnaire_answers as a')
    .innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id')
    .select(['a.id', 'a.response_id', 'a.question_id', 'a.option_id', 'a.row_option_id', 'a.value_text', 'a.value_number'])
    .where('a.municipality_id', '=', municipalityId)
    .where('r.municipality_id', '=', municipalityId)
    .where('r.questionnaire_id', '=', questionnaireId)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    responseId: r.response_id,
    questionId: r.question_id,
    optionId: r.option_id,
    rowOptionId: r.row_option_id,
    valueText: r.value_text,
    valueNumber: r.value_number === null ? null : Number(r.value_number),
  }));
}

export interface FreeTextRow {
  id: number;
  responseId: number;
  text: string;
  submittedOn: string;
  source: string;
}

/** The free-text answers of a question (its text, or the texts of its "other, namely" option), oldest first. */
export async function listFreeTexts(db: Conn, municipalityId: number, questionnaireId: number, questionId: number): Promise<FreeTextRow[]> {
  const rows = await db
    .selectFrom('questionnaire_answers as a')
    .innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id')
    .select(['a.id', 'a.response_id', 'a.value_text', 'r.submitted_on', 'r.source'])
    .where('a.municipality_id', '=', municipalityId)
    .where('r.municipality_id', '=', municipalityId)
    .where('r.questionnaire_id', '=', questionnaireId)
    .where('a.question_id', '=', questionId)
    .where('a.value_text', 'is not', null)
    .where('a.value_text', '<>', '')
    .orderBy('r.submitted_on')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, responseId: r.response_id, text: r.value_text ?? '', submittedOn: r.submitted_on, source: r.source }));
}

/** Which of these answer ids are free texts of this questionnaire's question (the rest is refused). */
export async function freeTextIdsOf(db: Conn, municipalityId: number, questionnaireId: number, questionId: number, answerIds: number[]): Promise<number[]> {
  if (answerIds.length === 0) return [];
  const rows = await db
    .selectFrom('questionnaire_answers as a')
    .innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id')
    .select('a.id')
    .where('a.municipality_id', '=', municipalityId)
    .where('r.municipality_id', '=', municipalityId)
    .where('r.questionnaire_id', '=', questionnaireId)
    .where('a.question_id', '=', questionId)
    .where('a.value_text', 'is not', null)
    .where('a.id', 'in', answerIds)
    .execute();
  return rows.map((r) => r.id);
}
