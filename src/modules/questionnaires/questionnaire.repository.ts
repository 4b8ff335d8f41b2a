// The SQL of a questionnaire's definition and of storing a response. Every function takes the connection
// (the Kysely instance, or the transaction of the write it runs in) and then the municipality: no query
// leaves its tenant. The builder, the answering and the results keep their own SQL in their own repositories.
import type SQLite from 'better-sqlite3';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { inBatches } from '../../platform/db/batch.js';
import type { Database } from '../../platform/db/schema.js';
import type { QuestionnaireOptionTable, QuestionnaireQuestionTable, QuestionnaireSectionTable, QuestionnaireTable } from '../../platform/db/schema.questionnaires.js';
import {
  parseCondition,
  parseConfig,
  type Access,
  type AnswerRow,
  type Definition,
  type Demographic,
  type OptionRole,
  type QOption,
  type QuestionnaireHead,
  type QuestionnaireState,
  type QuestionType,
} from './questionnaire.model.js';

export type Conn = Kysely<Database> | Transaction<Database>;

export function toHead(row: Selectable<QuestionnaireTable>): QuestionnaireHead {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    planId: row.plan_id,
    title: row.title,
    welcome: row.welcome,
    thanks: row.thanks,
    state: row.state as QuestionnaireState,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    access: row.access as Access,
    resultsPublic: row.results_public === 1,
    isDemo: row.is_demo === 1,
    copiedFromId: row.copied_from_id,
    publishedAt: row.published_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findQuestionnaire(db: Conn, municipalityId: number, id: number): Promise<QuestionnaireHead | undefined> {
  const row = await db.selectFrom('questionnaires').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return row ? toHead(row) : undefined;
}

/** The municipality's questionnaires, newest first. */
export async function listQuestionnaires(db: Conn, municipalityId: number, filter: { states?: QuestionnaireState[]; planId?: number } = {}): Promise<QuestionnaireHead[]> {
  let q = db.selectFrom('questionnaires').selectAll().where('municipality_id', '=', municipalityId);
  if (filter.states?.length) q = q.where('state', 'in', filter.states);
  if (filter.planId) q = q.where('plan_id', '=', filter.planId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toHead);
}

/** The whole definition: the questionnaire, its current privacy notice, its sections with their questions. */
export async function loadDefinition(db: Conn, municipalityId: number, id: number): Promise<Definition | undefined> {
  const questionnaire = await findQuestionnaire(db, municipalityId, id);
  if (!questionnaire) return undefined;
  const [privacy, sections, questions, options] = await Promise.all([
    db.selectFrom('questionnaire_privacy').select(['version', 'text']).where('municipality_id', '=', municipalityId).where('questionnaire_id', '=', id).orderBy('version', 'desc').limit(1).executeTakeFirst(),
    db.selectFrom('questionnaire_sections').selectAll().where('municipality_id', '=', municipalityId).where('questionnaire_id', '=', id).orderBy('position').orderBy('id').execute(),
    db.selectFrom('questionnaire_questions').selectAll().where('municipality_id', '=', municipalityId).where('questionnaire_id', '=', id).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('questionnaire_options as o')
      .innerJoin('questionnaire_questions as q', 'q.id', 'o.question_id')
      .selectAll('o')
      .where('o.municipality_id', '=', municipalityId)
      .where('q.municipality_id', '=', municipalityId)
      .where('q.questionnaire_id', '=', id)
      .orderBy('o.position')
      .orderBy('o.id')
      .execute(),
  ]);
  const optionsOf = new Map<number, QOption[]>();
  for (const o of options) {
    const list = optionsOf.get(o.question_id) ?? [];
    list.push({ id: o.id, role: o.role as OptionRole, position: o.position, label: o.label, isOther: o.is_other === 1 });
    optionsOf.set(o.question_id, list);
  }
  return {
    questionnaire,
    privacy: privacy ?? null,
    sections: sections.map((s) => ({
      id: s.id,
      position: s.position,
      title: s.title,
      description: s.description,
      fieldId: s.field_id,
      condition: parseCondition(s.condition_json),
      questions: questions
        .filter((q) => q.section_id === s.id)
        .map((q) => {
          const all = optionsOf.get(q.id) ?? [];
          return {
            id: q.id,
            sectionId: q.section_id,
            position: q.position,
            type: q.type as QuestionType,
            text: q.text,
            help: q.help,
            required: q.required === 1 && !q.demographic,
            demographic: (q.demographic as Demographic | null) ?? null,
            config: parseConfig(q.config_json),
            condition: parseCondition(q.condition_json),
            options: all.filter((o) => o.role === 'option'),
            rows: all.filter((o) => o.role === 'row'),
            columns: all.filter((o) => o.role === 'column'),
          };
        }),
    })),
  };
}

// ---- writing a definition ------------------------------------------------------------------------------

export async function insertQuestionnaire(db: Conn, row: Insertable<QuestionnaireTable>): Promise<number> {
  const r = await db.insertInto('questionnaires').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertPrivacy(db: Conn, municipalityId: number, questionnaireId: number, text: string, at: string): Promise<number> {
  const last = await db
    .selectFrom('questionnaire_privacy')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('municipality_id', '=', municipalityId)
    .where('questionnaire_id', '=', questionnaireId)
    .executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await db.insertInto('questionnaire_privacy').values({ municipality_id: municipalityId, questionnaire_id: questionnaireId, version, text, created_at: at }).execute();
  return version;
}

export async function insertSection(db: Conn, row: Insertable<QuestionnaireSectionTable>): Promise<number> {
  const r = await db.insertInto('questionnaire_sections').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertQuestion(db: Conn, row: Insertable<QuestionnaireQuestionTable>): Promise<number> {
  const r = await db.insertInto('questionnaire_questions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertOption(db: Conn, row: Insertable<QuestionnaireOptionTable>): Promise<number> {
  const r = await db.insertInto('questionnaire_options').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

// ---- storing a response -------------------------------------------------------------------------------

export interface ResponseInput {
  questionnaireId: number;
  /** YYYY-MM-DD (Europe/Berlin). */
  submittedOn: string;
  source: 'online' | 'paper';
  privacyVersion: number | null;
  lang: string;
  submissionKey: string;
  isDemo?: boolean;
  rows: AnswerRow[];
}

/** The response stored under this submission key, if one is (a double submit finds the first). */
export async function responseByKey(db: Conn, municipalityId: number, questionnaireId: number, submissionKey: string): Promise<number | undefined> {
  const r = await db
    .selectFrom('questionnaire_responses')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('questionnaire_id', '=', questionnaireId)
    .where('submission_key', '=', submissionKey)
    .executeTakeFirst();
  return r?.id;
}

export async function countResponses(db: Conn, municipalityId: number, questionnaireId: number): Promise<number> {
  const r = await db
    .selectFrom('questionnaire_responses')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('questionnaire_id', '=', questionnaireId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

// ---- storing responses in batches (response.writer.ts writeAll) ------------------------------------------

/** An answer row of a response about to be stored. */
export type AnswerRowToInsert = AnswerRow & { municipality_id: number; response_id: number };

/**
 * The writes a batch of responses makes, inside one transaction: on a Kysely connection (PostgreSQL, and SQLite
 * in the app's own process), or as prepared statements on a SQLite connection of its own (the writer's thread,
 * where building a query per row would cost more than running it).
 */
export interface ResponseWrites {
  /** The responses already stored under any of these submission keys: key → response id. */
  responsesByKeys(municipalityId: number, questionnaireId: number, keys: string[]): Promise<Map<string, number>>;
  /** Marks an access code used, once: false when it was used already (another draft came first). */
  markCodeUsed(municipalityId: number, questionnaireId: number, codeId: number): Promise<boolean>;
  /** Inserts response rows (their answers follow with insertAnswerRows); the keys must be distinct. Returns key → new id. */
  insertResponseRows(municipalityId: number, inputs: Array<Omit<ResponseInput, 'rows'>>): Promise<Map<string, number>>;
  insertAnswerRows(rows: AnswerRowToInsert[]): Promise<void>;
  /** The walk's saved draft: gone with the transaction that stored its response (and with it the tie to a code). */
  deleteDraft(municipalityId: number, draftId: number): Promise<void>;
}

const responseValues = (municipalityId: number, input: Omit<ResponseInput, 'rows'>) => ({
  municipality_id: municipalityId,
  questionnaire_id: input.questionnaireId,
  submitted_on: input.submittedOn,
  source: input.source,
  privacy_version: input.privacyVersion,
  lang: input.lang,
  submission_key: input.submissionKey,
  is_demo: input.isDemo ? 1 : 0,
});

/** The writes through Kysely, in chunked multi-row statements. */
export function kyselyResponseWrites(db: Conn): ResponseWrites {
  return {
    async responsesByKeys(municipalityId, questionnaireId, keys) {
      const found = await inBatches(keys, (part) =>
        db
          .selectFrom('questionnaire_responses')
          .select(['id', 'submission_key'])
          .where('municipality_id', '=', municipalityId)
          .where('questionnaire_id', '=', questionnaireId)
          .where('submission_key', 'in', part)
          .execute(),
      );
      return new Map(found.map((r) => [r.submission_key, r.id]));
    },
    async markCodeUsed(municipalityId, questionnaireId, codeId) {
      const r = await db
        .updateTable('questionnaire_codes')
        .set({ used: 1 })
        .where('municipality_id', '=', municipalityId)
        .where('questionnaire_id', '=', questionnaireId)
        .where('id', '=', codeId)
        .where('used', '=', 0)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async insertResponseRows(municipalityId, inputs) {
      const rows = await inBatches(inputs, (part) =>
        db
          .insertInto('questionnaire_responses')
          .values(part.map((input) => responseValues(municipalityId, input)))
          .returning(['id', 'submission_key'])
          .execute(),
      );
      return new Map(rows.map((r) => [r.submission_key, r.id]));
    },
    async insertAnswerRows(rows) {
      await inBatches(rows, async (chunk) => {
        await db.insertInto('questionnaire_answers').values(chunk).execute();
        return [];
      });
    },
    async deleteDraft(municipalityId, draftId) {
      await db.deleteFrom('questionnaire_drafts').where('municipality_id', '=', municipalityId).where('id', '=', draftId).execute();
    },
  };
}

/**
 * The same writes as prepared statements on a SQLite connection, one row per run (SQLite runs a prepared insert
 * in microseconds; a query builder spends more on the SQL text than the database on the row). `transaction`
 * wraps a batch in `begin immediate` … `commit`, so that it waits for another connection's write lock.
 */
export function sqliteResponseWrites(sqlite: SQLite.Database): ResponseWrites & { transaction<T>(work: () => Promise<T>): Promise<T> } {
  const byKey = sqlite.prepare<[number, number, string], { id: number }>(
    'select id from questionnaire_responses where municipality_id = ? and questionnaire_id = ? and submission_key = ?',
  );
  const spend = sqlite.prepare('update questionnaire_codes set used = 1 where municipality_id = ? and questionnaire_id = ? and id = ? and used = 0');
  const response = sqlite.prepare(
    'insert into questionnaire_responses (municipality_id, questionnaire_id, submitted_on, source, privacy_version, lang, submission_key, is_demo) values (@municipality_id, @questionnaire_id, @submitted_on, @source, @privacy_version, @lang, @submission_key, @is_demo)',
  );
  const answer = sqlite.prepare(
    'insert into questionnaire_answers (municipality_id, response_id, question_id, option_id, row_option_id, value_text, value_number) values (@municipality_id, @response_id, @question_id, @option_id, @row_option_id, @value_text, @value_number)',
  );
  const draft = sqlite.prepare('delete from questionnaire_drafts where municipality_id = ? and id = ?');
  const begin = sqlite.prepare('begin immediate');
  const commit = sqlite.prepare('commit');
  const rollback = sqlite.prepare('rollback');
  return {
    async transaction(work) {
      begin.run();
      try {
        const result = await work();
        commit.run();
        return result;
      } catch (e) {
        if (sqlite.inTransaction) rollback.run();
        throw e;
      }
    },
    async responsesByKeys(municipalityId, questionnaireId, keys) {
      const found = new Map<string, number>();
      for (const key of keys) {
        const row = byKey.get(municipalityId, questionnaireId, key);
        if (row) found.set(key, row.id);
      }
      return found;
    },
    async markCodeUsed(municipalityId, questionnaireId, codeId) {
      return spend.run(municipalityId, questionnaireId, codeId).changes === 1;
    },
    async insertResponseRows(municipalityId, inputs) {
      const ids = new Map<string, number>();
      for (const input of inputs) ids.set(input.submissionKey, Number(response.run(responseValues(municipalityId, input)).lastInsertRowid));
      return ids;
    },
    async insertAnswerRows(rows) {
      for (const row of rows) answer.run(row);
    },
    async deleteDraft(municipalityId, draftId) {
      draft.run(municipalityId, draftId);
    },
  };
}

/** The content version of each municipality (bumped by every audited write): municipality id → version. */
export async function contentVersions(db: Conn, municipalityIds: number[]): Promise<Map<number, number>> {
  if (municipalityIds.length === 0) return new Map();
  const rows = await db.selectFrom('municipalities').select(['id', 'content_version']).where('id', 'in', municipalityIds).execute();
  return new Map(rows.map((r) => [r.id, Number(r.content_version)]));
}
