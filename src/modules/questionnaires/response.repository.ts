// The SQL of answering: drafts (an answer in progress, found by the hash of its personal link's token),
// redeeming access codes, the translations of a questionnaire's texts, and the questionnaires a municipality
// shows its residents. Every function takes the connection and then the municipality: no query leaves its tenant.
import type { Conn } from './questionnaire.repository.js';
import type { Answers } from './questionnaire.model.js';

export interface DraftRow {
  id: number;
  questionnaireId: number;
  codeId: number | null;
  answers: Answers;
  /** The section the resident is on; 0 for the review page. */
  page: number;
  submissionKey: string;
  lang: string;
  expiresAt: string;
}

function parseAnswers(json: string): Answers {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Answers) : {};
  } catch {
    return {};
  }
}

export async function findDraft(db: Conn, municipalityId: number, questionnaireId: number, tokenHash: string): Promise<DraftRow | undefined> {
  const row = await db
    .selectFrom('questionnaire_drafts')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('questionnaire_id', '=', questionnaireId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    questionnaireId: row.questionnaire_id,
    codeId: row.code_id,
    answers: parseAnswers(row.answers_json),
    page: row.page,
    submissionKey: row.submission_key,
    lang: row.lang,
    expiresAt: row.expires_at,
  };
}

export async function insertDraft(
  db: Conn,
  municipalityId: number,
  row: { questionnaireId: number; tokenHash: string; codeId: number | null; answers: Answers; page: number; submissionKey: string; lang: string; expiresAt: string },
): Promise<number> {
  const r = await db
    .insertInto('questionnaire_drafts')
    .values({
      municipality_id: municipalityId,
      questionnaire_id: row.questionnaireId,
      token_hash: row.tokenHash,
      code_id: row.codeId,
      answers_json: JSON.stringify(row.answers),
      page: row.page,
      submission_key: row.submissionKey,
      lang: row.lang,
      expires_at: row.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateDraft(db: Conn, municipalityId: number, id: number, change: { answers: Answers; page: number; lang: string; expiresAt: string }): Promise<void> {
  await db
    .updateTable('questionnaire_drafts')
    .set({ answers_json: JSON.stringify(change.answers), page: change.page, lang: change.lang, expires_at: change.expiresAt })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

/** Deletes the drafts that expired before `now` and those of questionnaires that no longer take answers. */
export async function deleteStaleDrafts(db: Conn, municipalityId: number, now: string): Promise<number> {
  const expired = await db.deleteFrom('questionnaire_drafts').where('municipality_id', '=', municipalityId).where('expires_at', '<=', now).executeTakeFirst();
  const closed = await db
    .deleteFrom('questionnaire_drafts')
    .where('municipality_id', '=', municipalityId)
    .where('questionnaire_id', 'in', (eb) =>
      eb
        .selectFrom('questionnaires')
        .select('id')
        .where('municipality_id', '=', municipalityId)
        .where((w) => w.or([w('state', '!=', 'published'), w.and([w('closes_at', 'is not', null), w('closes_at', '<=', now)])])),
    )
    .executeTakeFirst();
  return Number(expired.numDeletedRows) + Number(closed.numDeletedRows);
}

/** When the next draft of the municipality expires, if any is left. */
export async function nextDraftExpiry(db: Conn, municipalityId: number): Promise<string | undefined> {
  const r = await db.selectFrom('questionnaire_drafts').select((eb) => eb.fn.min('expires_at').as('at')).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return r?.at ?? undefined;
}

export async function hasQueuedJob(db: Conn, municipalityId: number, kind: string, states: string[] = ['queued', 'running']): Promise<boolean> {
  const r = await db.selectFrom('jobs').select('id').where('municipality_id', '=', municipalityId).where('kind', '=', kind).where('state', 'in', states).executeTakeFirst();
  return !!r;
}

// ---- access codes ---------------------------------------------------------------------------------------

/** The id of an unused access code of this questionnaire stored as one of these spellings. */
export async function findUnusedCode(db: Conn, municipalityId: number, questionnaireId: number, variants: string[]): Promise<number | undefined> {
  if (variants.length === 0) return undefined;
  const r = await db
    .selectFrom('questionnaire_codes')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('questionnaire_id', '=', questionnaireId)
    .where('code', 'in', variants)
    .where('used', '=', 0)
    .executeTakeFirst();
  return r?.id;
}

export async function isCodeUnused(db: Conn, municipalityId: number, codeId: number): Promise<boolean> {
  const r = await db.selectFrom('questionnaire_codes').select('used').where('municipality_id', '=', municipalityId).where('id', '=', codeId).executeTakeFirst();
  return r?.used === 0;
}

// ---- texts in other languages ---------------------------------------------------------------------------

export interface TranslationRow {
  entityType: string;
  entityId: number;
  field: string;
  text: string;
  /** SHA-256 of the German text the translation was made from. */
  sourceHash: string;
}

/** The translations of one questionnaire's texts (itself, its sections, questions and options) into `lang`. */
export async function questionnaireTranslations(db: Conn, municipalityId: number, questionnaireId: number, lang: string): Promise<TranslationRow[]> {
  const base = () => db.selectFrom('translations').select(['entity_type', 'entity_id', 'field', 'text', 'source_hash']).where('translations.municipality_id', '=', municipalityId).where('lang', '=', lang).where('state', '=', 'reviewed');
  const [own, sections, questions, options] = await Promise.all([
    base().where('entity_type', '=', 'questionnaire').where('entity_id', '=', questionnaireId).execute(),
    base()
      .where('entity_type', '=', 'questionnaire_section')
      .where('entity_id', 'in', (eb) => eb.selectFrom('questionnaire_sections').select('id').where('municipality_id', '=', municipalityId).where('questionnaire_id', '=', questionnaireId))
      .execute(),
    base()
      .where('entity_type', '=', 'questionnaire_question')
      .where('entity_id', 'in', (eb) => eb.selectFrom('questionnaire_questions').select('id').where('municipality_id', '=', municipalityId).where('questionnaire_id', '=', questionnaireId))
      .execute(),
    base()
      .where('entity_type', '=', 'questionnaire_option')
      .where('entity_id', 'in', (eb) =>
        eb
          .selectFrom('questionnaire_options as o')
          .innerJoin('questionnaire_questions as q', 'q.id', 'o.question_id')
          .select('o.id')
          .where('o.municipality_id', '=', municipalityId)
          .where('q.questionnaire_id', '=', questionnaireId),
      )
      .execute(),
  ]);
  return [...own, ...sections, ...questions, ...options].map((r) => ({ entityType: r.entity_type, entityId: r.entity_id, field: r.field, text: r.text, sourceHash: r.source_hash }));
}
