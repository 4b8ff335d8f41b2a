// The SQL the demo data needs beyond the core: free-text answers to code, and topics with their coded answers
// and links into the plan. Kept apart so that the topics' own repository can take its place.
import type { Conn } from './questionnaire.repository.js';

/** The text answers to these questions: answer id and text. */
export async function textAnswers(db: Conn, municipalityId: number, questionIds: number[]): Promise<Array<{ id: number; questionId: number; text: string }>> {
  if (questionIds.length === 0) return [];
  const rows = await db
    .selectFrom('questionnaire_answers')
    .select(['id', 'question_id', 'value_text'])
    .where('municipality_id', '=', municipalityId)
    .where('question_id', 'in', questionIds)
    .where('value_text', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, questionId: r.question_id, text: r.value_text ?? '' }));
}

/** A topic with the answers coded into it and its links to goals and measures; returns its id. */
export async function insertTopic(
  db: Conn,
  municipalityId: number,
  topic: { questionnaireId: number; name: string; description: string; position: number; createdAt: string; answerIds: number[]; goalIds: number[]; measureIds: number[] },
): Promise<number> {
  const { id } = await db
    .insertInto('questionnaire_topics')
    .values({ municipality_id: municipalityId, questionnaire_id: topic.questionnaireId, name: topic.name, description: topic.description, position: topic.position, created_at: topic.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (topic.answerIds.length) await db.insertInto('questionnaire_answer_topics').values(topic.answerIds.map((answerId) => ({ municipality_id: municipalityId, topic_id: id, answer_id: answerId }))).execute();
  const links = [...topic.goalIds.map((goalId) => ({ goal_id: goalId, measure_id: null })), ...topic.measureIds.map((measureId) => ({ goal_id: null, measure_id: measureId }))];
  if (links.length) await db.insertInto('questionnaire_topic_links').values(links.map((l) => ({ ...l, municipality_id: municipalityId, topic_id: id }))).execute();
  return id;
}
