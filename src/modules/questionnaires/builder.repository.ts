// The SQL of building a questionnaire: its list with response counts, settings, sections, questions and
// their options, the counts of answers that lock an option or a question, and the translations of its
// texts. Every function takes the connection, then the municipality: no query leaves its tenant.
import type { Updateable } from 'kysely';
import type { QuestionnaireOptionTable, QuestionnaireQuestionTable, QuestionnaireSectionTable, QuestionnaireTable } from '../../platform/db/schema.questionnaires.js';
import { toHead, type Conn } from './questionnaire.repository.js';
import type { QuestionnaireHead } from './questionnaire.model.js';
import type { StoredTranslation, TextEntity } from './questionnaire.texts.js';

export interface ListedQuestionnaire extends QuestionnaireHead {
  planTitle: string;
  responses: number;
}

/** The municipality's questionnaires, newest first, with their plan's title and number of responses. */
export async function listWithCounts(db: Conn, municipalityId: number): Promise<ListedQuestionnaire[]> {
  const rows = await db
    .selectFrom('questionnaires as q')
    .innerJoin('plans as p', 'p.id', 'q.plan_id')
    .selectAll('q')
    .select('p.title as plan_title')
    .select((eb) =>
      eb
        .selectFrom('questionnaire_responses as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.questionnaire_id', '=', 'q.id')
        .where('r.municipality_id', '=', municipalityId)
        .as('responses'),
    )
    .where('q.municipality_id', '=', municipalityId)
    .where('p.municipality_id', '=', municipalityId)
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...toHead(r), planTitle: r.plan_title, responses: Number(r.responses ?? 0) }));
}

export async function updateQuestionnaire(db: Conn, municipalityId: number, id: number, patch: Updateable<QuestionnaireTable>): Promise<void> {
  await db.updateTable('questionnaires').set(patch).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** Deletes a questionnaire with everything of it (the foreign keys cascade) and its translations. */
export async function deleteQuestionnaire(db: Conn, municipalityId: number, id: number, texts: Array<{ entityType: TextEntity; ids: number[] }>): Promise<void> {
  for (const t of texts) await deleteTranslationsOf(db, municipalityId, t.entityType, t.ids);
  await db.deleteFrom('questionnaires').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

// ---- sections ----------------------------------------------------------------------------------------------

export async function updateSection(db: Conn, municipalityId: number, id: number, patch: Updateable<QuestionnaireSectionTable>): Promise<void> {
  await db.updateTable('questionnaire_sections').set(patch).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** The sections' fields of action belong to the questionnaire's plan: another plan leaves them without one. */
export async function clearSectionFields(db: Conn, municipalityId: number, questionnaireId: number): Promise<void> {
  await db.updateTable('questionnaire_sections').set({ field_id: null }).where('municipality_id', '=', municipalityId).where('questionnaire_id', '=', questionnaireId).execute();
}

export async function deleteSection(db: Conn, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('questionnaire_sections').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

// ---- questions and options -----------------------------------------------------------------------------------

export async function updateQuestion(db: Conn, municipalityId: number, id: number, patch: Updateable<QuestionnaireQuestionTable>): Promise<void> {
  await db.updateTable('questionnaire_questions').set(patch).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deleteQuestion(db: Conn, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('questionnaire_questions').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function updateOption(db: Conn, municipalityId: number, id: number, patch: Updateable<QuestionnaireOptionTable>): Promise<void> {
  await db.updateTable('questionnaire_options').set(patch).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deleteOptions(db: Conn, municipalityId: number, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('questionnaire_options').where('municipality_id', '=', municipalityId).where('id', 'in', ids).execute();
}

/** How many stored answers refer to each of these options (as the choice, the matrix column or the matrix row). */
export async function answersPerOption(db: Conn, municipalityId: number, optionIds: number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (optionIds.length === 0) return counts;
  const [asOption, asRow] = await Promise.all([
    db
      .selectFrom('questionnaire_answers')
      .select(['option_id as id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('municipality_id', '=', municipalityId)
      .where('option_id', 'in', optionIds)
      .groupBy('option_id')
      .execute(),
    db
      .selectFrom('questionnaire_answers')
      .select(['row_option_id as id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('municipality_id', '=', municipalityId)
      .where('row_option_id', 'in', optionIds)
      .groupBy('row_option_id')
      .execute(),
  ]);
  for (const r of [...asOption, ...asRow]) if (r.id !== null) counts.set(r.id, (counts.get(r.id) ?? 0) + Number(r.n));
  return counts;
}

/** How many responses answered each question of a questionnaire. */
export async function answersPerQuestion(db: Conn, municipalityId: number, questionnaireId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('questionnaire_answers as a')
    .innerJoin('questionnaire_questions as q', 'q.id', 'a.question_id')
    .select(['a.question_id as id', (eb) => eb.fn.count<number>('a.response_id').distinct().as('n')])
    .where('a.municipality_id', '=', municipalityId)
    .where('q.municipality_id', '=', municipalityId)
    .where('q.questionnaire_id', '=', questionnaireId)
    .groupBy('a.question_id')
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

// ---- translations ------------------------------------------------------------------------------------------

const TEXT_ENTITIES: TextEntity[] = ['questionnaire', 'questionnaire_section', 'questionnaire_question', 'questionnaire_option'];

/** The stored translations of these rows into one language. */
export async function listTranslations(db: Conn, municipalityId: number, lang: string, ids: Record<TextEntity, number[]>, reviewedOnly = false): Promise<StoredTranslation[]> {
  const out: StoredTranslation[] = [];
  for (const entityType of TEXT_ENTITIES) {
    if (ids[entityType].length === 0) continue;
    let q = db
      .selectFrom('translations')
      .select(['entity_type', 'entity_id', 'field', 'text', 'source_hash'])
      .where('municipality_id', '=', municipalityId)
      .where('lang', '=', lang)
      .where('entity_type', '=', entityType)
      .where('entity_id', 'in', ids[entityType]);
    if (reviewedOnly) q = q.where('state', '=', 'reviewed');
    const rows = await q.execute();
    out.push(...rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id, field: r.field, text: r.text, sourceHash: r.source_hash })));
  }
  return out;
}

/** The stored translations of these rows into every language (for a copy). */
export async function allTranslationsOf(db: Conn, municipalityId: number, entityType: TextEntity, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('translations')
    .select(['entity_type', 'entity_id', 'field', 'lang', 'text', 'source_hash', 'state', 'origin', 'provider', 'reviewed_by', 'reviewed_at', 'source_text'])
    .where('municipality_id', '=', municipalityId)
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', ids)
    .execute();
}

/** A translation copied to another row as it is: a machine draft stays a draft, a reviewed one keeps its reviewer. */
export async function copyTranslation(db: Conn, municipalityId: number, t: Awaited<ReturnType<typeof allTranslationsOf>>[number], entityId: number, at: string): Promise<void> {
  await db
    .insertInto('translations')
    .values({
      municipality_id: municipalityId, entity_type: t.entity_type, entity_id: entityId, field: t.field, lang: t.lang, text: t.text, source_hash: t.source_hash, updated_at: at,
      state: t.state, origin: t.origin, provider: t.provider, reviewed_by: t.reviewed_by, reviewed_at: t.reviewed_at, source_text: t.source_text,
    })
    .execute();
}

export async function saveTranslation(
  db: Conn,
  municipalityId: number,
  t: { entityType: string; entityId: number; field: string; lang: string; text: string; sourceHash: string },
  at: string,
): Promise<void> {
  const where = db
    .selectFrom('translations')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('entity_type', '=', t.entityType)
    .where('entity_id', '=', t.entityId)
    .where('field', '=', t.field)
    .where('lang', '=', t.lang);
  const existing = await where.executeTakeFirst();
  if (existing) {
    // Saved on the questionnaire's own screen: typed or confirmed by a person, so reviewed.
    await db.updateTable('translations').set({ text: t.text, source_hash: t.sourceHash, updated_at: at, state: 'reviewed', reviewed_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', existing.id).execute();
  } else {
    await db
      .insertInto('translations')
      .values({ municipality_id: municipalityId, entity_type: t.entityType, entity_id: t.entityId, field: t.field, lang: t.lang, text: t.text, source_hash: t.sourceHash, updated_at: at, reviewed_at: at })
      .execute();
  }
}

export async function deleteTranslation(db: Conn, municipalityId: number, t: { entityType: string; entityId: number; field: string; lang: string }): Promise<void> {
  await db
    .deleteFrom('translations')
    .where('municipality_id', '=', municipalityId)
    .where('entity_type', '=', t.entityType)
    .where('entity_id', '=', t.entityId)
    .where('field', '=', t.field)
    .where('lang', '=', t.lang)
    .execute();
}

export async function deleteTranslationsOf(db: Conn, municipalityId: number, entityType: TextEntity, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('translations').where('municipality_id', '=', municipalityId).where('entity_type', '=', entityType).where('entity_id', 'in', ids).execute();
}
