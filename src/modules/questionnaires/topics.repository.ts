// The SQL of topics: what free-text answers were coded into, and the goals and measures a topic led to.
// A topic's count is the number of distinct responses among its answers. Scoped to the municipality.
import { sql } from 'kysely';
import type { Conn } from './questionnaire.repository.js';

export interface TopicRow {
  id: number;
  questionnaireId: number;
  name: string;
  description: string;
  position: number;
  /** distinct responses among the topic's answers */
  responses: number;
}

export interface TopicLinkRow {
  id: number;
  topicId: number;
  goalId: number | null;
  measureId: number | null;
}

function topicsQuery(db: Conn, municipalityId: number) {
  return db
    .selectFrom('questionnaire_topics as t')
    .leftJoin('questionnaire_answer_topics as at', (j) => j.onRef('at.topic_id', '=', 't.id').on('at.municipality_id', '=', municipalityId))
    .leftJoin('questionnaire_answers as a', (j) => j.onRef('a.id', '=', 'at.answer_id').on('a.municipality_id', '=', municipalityId))
    .select(['t.id', 't.questionnaire_id', 't.name', 't.description', 't.position', sql<number>`count(distinct a.response_id)`.as('responses')])
    .where('t.municipality_id', '=', municipalityId)
    .groupBy(['t.id', 't.questionnaire_id', 't.name', 't.description', 't.position']);
}

const toTopic = (r: { id: number; questionnaire_id: number; name: string; description: string; position: number; responses: number | string }): TopicRow => ({
  id: r.id, questionnaireId: r.questionnaire_id, name: r.name, description: r.description, position: r.position, responses: Number(r.responses),
});

export async function listTopics(db: Conn, municipalityId: number, questionnaireId: number): Promise<TopicRow[]> {
  const rows = await topicsQuery(db, municipalityId).where('t.questionnaire_id', '=', questionnaireId).orderBy('t.position').orderBy('t.id').execute();
  return rows.map(toTopic);
}

export async function findTopic(db: Conn, municipalityId: number, questionnaireId: number, topicId: number): Promise<TopicRow | undefined> {
  const row = await topicsQuery(db, municipalityId).where('t.questionnaire_id', '=', questionnaireId).where('t.id', '=', topicId).executeTakeFirst();
  return row ? toTopic(row) : undefined;
}

/** Several topics with their counts, in one query (the topics a goal's or measure's page mentions). */
export async function topicsByIds(db: Conn, municipalityId: number, topicIds: number[]): Promise<Map<number, TopicRow>> {
  if (topicIds.length === 0) return new Map();
  const rows = await topicsQuery(db, municipalityId).where('t.id', 'in', topicIds).execute();
  return new Map(rows.map((r) => [r.id, toTopic(r)]));
}

export async function findTopicByName(db: Conn, municipalityId: number, questionnaireId: number, name: string): Promise<number | undefined> {
  const rows = await db.selectFrom('questionnaire_topics').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('questionnaire_id', '=', questionnaireId).execute();
  return rows.find((r) => r.name.trim().toLowerCase() === name.trim().toLowerCase())?.id;
}

export async function insertTopic(db: Conn, municipalityId: number, questionnaireId: number, input: { name: string; description: string }, at: string): Promise<number> {
  const last = await db
    .selectFrom('questionnaire_topics')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('municipality_id', '=', municipalityId)
    .where('questionnaire_id', '=', questionnaireId)
    .executeTakeFirst();
  const r = await db
    .insertInto('questionnaire_topics')
    .values({ municipality_id: municipalityId, questionnaire_id: questionnaireId, name: input.name, description: input.description, position: Number(last?.p ?? 0) + 1, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateTopic(db: Conn, municipalityId: number, topicId: number, input: { name: string; description: string }): Promise<void> {
  await db.updateTable('questionnaire_topics').set({ name: input.name, description: input.description }).where('municipality_id', '=', municipalityId).where('id', '=', topicId).execute();
}

export async function deleteTopic(db: Conn, municipalityId: number, topicId: number): Promise<void> {
  await db.deleteFrom('questionnaire_topic_links').where('municipality_id', '=', municipalityId).where('topic_id', '=', topicId).execute();
  await db.deleteFrom('questionnaire_answer_topics').where('municipality_id', '=', municipalityId).where('topic_id', '=', topicId).execute();
  await db.deleteFrom('questionnaire_topics').where('municipality_id', '=', municipalityId).where('id', '=', topicId).execute();
}

/** The topics each of these answers was coded into. */
export async function topicsOfAnswers(db: Conn, municipalityId: number, answerIds: number[]): Promise<Array<{ answerId: number; topicId: number }>> {
  if (answerIds.length === 0) return [];
  const rows = await db.selectFrom('questionnaire_answer_topics').select(['answer_id', 'topic_id']).where('municipality_id', '=', municipalityId).where('answer_id', 'in', answerIds).execute();
  return rows.map((r) => ({ answerId: r.answer_id, topicId: r.topic_id }));
}

/** Codes answers into a topic; an answer already in it stays once. Returns how many were added. */
export async function assignAnswers(db: Conn, municipalityId: number, topicId: number, answerIds: number[]): Promise<number> {
  if (answerIds.length === 0) return 0;
  const existing = new Set(
    (await db.selectFrom('questionnaire_answer_topics').select('answer_id').where('municipality_id', '=', municipalityId).where('topic_id', '=', topicId).where('answer_id', 'in', answerIds).execute()).map((r) => r.answer_id),
  );
  const fresh = [...new Set(answerIds)].filter((id) => !existing.has(id));
  if (fresh.length) await db.insertInto('questionnaire_answer_topics').values(fresh.map((answerId) => ({ municipality_id: municipalityId, topic_id: topicId, answer_id: answerId }))).execute();
  return fresh.length;
}

export async function unassignAnswer(db: Conn, municipalityId: number, topicId: number, answerId: number): Promise<number> {
  const r = await db.deleteFrom('questionnaire_answer_topics').where('municipality_id', '=', municipalityId).where('topic_id', '=', topicId).where('answer_id', '=', answerId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface TopicAnswerRow {
  id: number;
  questionId: number;
  text: string;
  submittedOn: string;
}

/** The answers coded into a topic. */
export async function answersOfTopic(db: Conn, municipalityId: number, topicId: number): Promise<TopicAnswerRow[]> {
  const rows = await db
    .selectFrom('questionnaire_answer_topics as at')
    .innerJoin('questionnaire_answers as a', 'a.id', 'at.answer_id')
    .innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id')
    .select(['a.id', 'a.question_id', 'a.value_text', 'r.submitted_on'])
    .where('at.municipality_id', '=', municipalityId)
    .where('a.municipality_id', '=', municipalityId)
    .where('at.topic_id', '=', topicId)
    .orderBy('r.submitted_on')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, questionId: r.question_id, text: r.value_text ?? '', submittedOn: r.submitted_on }));
}

export async function linksOfTopics(db: Conn, municipalityId: number, topicIds: number[]): Promise<TopicLinkRow[]> {
  if (topicIds.length === 0) return [];
  const rows = await db
    .selectFrom('questionnaire_topic_links')
    .select(['id', 'topic_id', 'goal_id', 'measure_id'])
    .where('municipality_id', '=', municipalityId)
    .where('topic_id', 'in', topicIds)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, topicId: r.topic_id, goalId: r.goal_id, measureId: r.measure_id }));
}

/** Links a topic to a goal or a measure, once. Returns whether a link was made. */
export async function insertLink(db: Conn, municipalityId: number, topicId: number, target: { goalId: number } | { measureId: number }): Promise<boolean> {
  let q = db.selectFrom('questionnaire_topic_links').select('id').where('municipality_id', '=', municipalityId).where('topic_id', '=', topicId);
  q = 'goalId' in target ? q.where('goal_id', '=', target.goalId) : q.where('measure_id', '=', target.measureId);
  if (await q.executeTakeFirst()) return false;
  await db
    .insertInto('questionnaire_topic_links')
    .values({ municipality_id: municipalityId, topic_id: topicId, goal_id: 'goalId' in target ? target.goalId : null, measure_id: 'measureId' in target ? target.measureId : null })
    .execute();
  return true;
}

export async function deleteLink(db: Conn, municipalityId: number, topicId: number, linkId: number): Promise<number> {
  const r = await db.deleteFrom('questionnaire_topic_links').where('municipality_id', '=', municipalityId).where('topic_id', '=', topicId).where('id', '=', linkId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface LinkedTopicRow {
  topicId: number;
  topicName: string;
  questionnaireId: number;
}

/** The topics linked to a measure or a goal. */
/** The goals any questionnaire topic is linked to. */
export async function goalsWithTopics(db: Conn, municipalityId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('questionnaire_topic_links').select('goal_id').distinct()
    .where('municipality_id', '=', municipalityId).where('goal_id', 'is not', null).execute();
  return new Set(rows.map((r) => Number(r.goal_id)));
}

export async function topicsLinkedTo(db: Conn, municipalityId: number, target: { goalId: number } | { measureId: number }): Promise<LinkedTopicRow[]> {
  let q = db
    .selectFrom('questionnaire_topic_links as l')
    .innerJoin('questionnaire_topics as t', 't.id', 'l.topic_id')
    .select(['t.id', 't.name', 't.questionnaire_id'])
    .where('l.municipality_id', '=', municipalityId)
    .where('t.municipality_id', '=', municipalityId);
  q = 'goalId' in target ? q.where('l.goal_id', '=', target.goalId) : q.where('l.measure_id', '=', target.measureId);
  const rows = await q.orderBy('t.questionnaire_id').orderBy('t.position').orderBy('t.id').execute();
  return rows.map((r) => ({ topicId: r.id, topicName: r.name, questionnaireId: r.questionnaire_id }));
}
