import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// Questionnaires (Befragungen): what the officer builds (sections, questions, options, versioned privacy
// notices, access codes), what residents answer, and the topics free-text answers are coded into.
// Anonymity is in the shape of the tables: a response keeps the day it came in (no time, no address, no
// user agent) and nothing of the access code or the personal link that opened it; an access code keeps
// only whether it was used. German texts live in the rows; other languages in `translations`.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);

  await tenant(table('questionnaires'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('welcome', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('thanks', 'text', (c) => c.notNull().defaultTo(''))
    // draft → published → closed (closing also happens by itself when closes_at has passed)
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    // 'open' (everyone; honeypot and rate limit) or 'codes' (single-use access codes)
    .addColumn('access', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('results_public', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('copied_from_id', 'integer')
    .addColumn('published_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The privacy notice is versioned: a new text is a new row; a response records the version it saw.
  await tenant(table('questionnaire_privacy'))
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('questionnaire_privacy_unique', ['questionnaire_id', 'version'])
    .execute();

  // A section is one page of the questionnaire; it may belong to a field of action and have a condition.
  await tenant(table('questionnaire_sections'))
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('field_id', 'integer', (c) => c.references('fields.id').onDelete('set null'))
    .addColumn('condition_json', 'text')
    .execute();

  await tenant(table('questionnaire_questions'))
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('questionnaire_sections.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('help', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    // age | languages | years_in_germany | district for the demographic questions (never required)
    .addColumn('demographic', 'text')
    .addColumn('config_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('condition_json', 'text')
    .execute();

  // Choices of single/multiple choice and ranking (role 'option'), the items of a matrix (role 'row') and
  // its columns (role 'column'). An option with is_other asks for a text ("other, namely").
  await tenant(table('questionnaire_options'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questionnaire_questions.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('option'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('is_other', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await tenant(table('questionnaire_codes'))
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('batch', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('questionnaire_codes_unique', ['questionnaire_id', 'code'])
    .execute();

  // An answer in progress ("continue later"): only the SHA-256 of its personal link's token. It remembers the
  // access code that opened it until the response is stored; then it is deleted, and with it the only tie.
  await tenant(table('questionnaire_drafts'))
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_id', 'integer', (c) => c.references('questionnaire_codes.id').onDelete('cascade'))
    .addColumn('answers_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('page', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submission_key', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  // A response: the day (not the time), where it came from (online | paper), the privacy version it saw and
  // the interface language. submission_key makes a double submit store one response; it is random.
  await tenant(table('questionnaire_responses'))
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id').onDelete('cascade'))
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('online'))
    .addColumn('privacy_version', 'integer')
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('submission_key', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('questionnaire_responses_key', ['questionnaire_id', 'submission_key'])
    .execute();

  // One row per chosen option (multiple choice: several), per matrix row (row_option_id + option_id = column),
  // per ranked item (value_number = rank); text, number and date in value_text / value_number.
  await tenant(table('questionnaire_answers'))
    .addColumn('response_id', 'integer', (c) => c.notNull().references('questionnaire_responses.id').onDelete('cascade'))
    .addColumn('question_id', 'integer', (c) => c.notNull().references('questionnaire_questions.id').onDelete('cascade'))
    .addColumn('option_id', 'integer', (c) => c.references('questionnaire_options.id').onDelete('cascade'))
    .addColumn('row_option_id', 'integer', (c) => c.references('questionnaire_options.id').onDelete('cascade'))
    .addColumn('value_text', 'text')
    .addColumn('value_number', 'real')
    .execute();

  await tenant(table('questionnaire_topics'))
    .addColumn('questionnaire_id', 'integer', (c) => c.notNull().references('questionnaires.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await tenant(table('questionnaire_answer_topics'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('questionnaire_topics.id').onDelete('cascade'))
    .addColumn('answer_id', 'integer', (c) => c.notNull().references('questionnaire_answers.id').onDelete('cascade'))
    .addUniqueConstraint('questionnaire_answer_topics_unique', ['topic_id', 'answer_id'])
    .execute();

  // A topic's links into the plan: a goal or a measure (exactly one of the two).
  await tenant(table('questionnaire_topic_links'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('questionnaire_topics.id').onDelete('cascade'))
    .addColumn('goal_id', 'integer', (c) => c.references('goals.id').onDelete('cascade'))
    .addColumn('measure_id', 'integer', (c) => c.references('measures.id').onDelete('cascade'))
    .execute();

  const indexes: Array<[string, string, string[]]> = [
    ['questionnaires_muni', 'questionnaires', ['municipality_id', 'state']],
    ['questionnaires_plan', 'questionnaires', ['municipality_id', 'plan_id']],
    ['questionnaire_sections_q', 'questionnaire_sections', ['municipality_id', 'questionnaire_id', 'position']],
    ['questionnaire_questions_q', 'questionnaire_questions', ['municipality_id', 'questionnaire_id', 'section_id', 'position']],
    ['questionnaire_options_question', 'questionnaire_options', ['municipality_id', 'question_id', 'role', 'position']],
    ['questionnaire_codes_q', 'questionnaire_codes', ['municipality_id', 'questionnaire_id', 'used']],
    ['questionnaire_drafts_q', 'questionnaire_drafts', ['municipality_id', 'questionnaire_id']],
    ['questionnaire_drafts_expiry', 'questionnaire_drafts', ['expires_at']],
    ['questionnaire_responses_q', 'questionnaire_responses', ['municipality_id', 'questionnaire_id']],
    ['questionnaire_answers_response', 'questionnaire_answers', ['response_id']],
    ['questionnaire_answers_question', 'questionnaire_answers', ['municipality_id', 'question_id', 'option_id']],
    ['questionnaire_answers_option', 'questionnaire_answers', ['option_id']],
    ['questionnaire_answers_row', 'questionnaire_answers', ['row_option_id']],
    ['questionnaire_topics_q', 'questionnaire_topics', ['municipality_id', 'questionnaire_id', 'position']],
    ['questionnaire_answer_topics_answer', 'questionnaire_answer_topics', ['answer_id']],
    ['questionnaire_topic_links_topic', 'questionnaire_topic_links', ['municipality_id', 'topic_id']],
    ['questionnaire_topic_links_measure', 'questionnaire_topic_links', ['municipality_id', 'measure_id']],
    ['questionnaire_topic_links_goal', 'questionnaire_topic_links', ['municipality_id', 'goal_id']],
  ];
  for (const [name, tbl, cols] of indexes) await db.schema.createIndex(name).on(tbl).columns(cols).execute();
}
