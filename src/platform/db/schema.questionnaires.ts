// Tables of the questionnaires module, as Kysely sees them (see schema.ts for the conventions and
// migration 013 for what each table keeps and, on purpose, does not keep).
import type { Generated } from 'kysely';

export interface QuestionnaireTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  title: string;
  welcome: Generated<string>;
  thanks: Generated<string>;
  /** draft | published | closed */
  state: Generated<string>;
  /** ISO instants (UTC); entered and shown in Europe/Berlin. */
  opens_at: string | null;
  closes_at: string | null;
  /** open | codes */
  access: Generated<string>;
  results_public: Generated<number>;
  is_demo: Generated<number>;
  copied_from_id: number | null;
  published_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionnairePrivacyTable {
  id: Generated<number>;
  municipality_id: number;
  questionnaire_id: number;
  version: number;
  text: string;
  created_at: string;
}

export interface QuestionnaireSectionTable {
  id: Generated<number>;
  municipality_id: number;
  questionnaire_id: number;
  position: number;
  title: string;
  description: Generated<string>;
  field_id: number | null;
  /** A `Condition` as JSON, or null. */
  condition_json: string | null;
}

export interface QuestionnaireQuestionTable {
  id: Generated<number>;
  municipality_id: number;
  questionnaire_id: number;
  section_id: number;
  position: number;
  /** A `QuestionType`. */
  type: string;
  text: string;
  help: Generated<string>;
  required: Generated<number>;
  /** A `Demographic` kind, or null. */
  demographic: string | null;
  /** A `QuestionConfig` as JSON. */
  config_json: Generated<string>;
  condition_json: string | null;
}

export interface QuestionnaireOptionTable {
  id: Generated<number>;
  municipality_id: number;
  question_id: number;
  /** option | row | column */
  role: Generated<string>;
  position: number;
  label: string;
  is_other: Generated<number>;
}

export interface QuestionnaireCodeTable {
  id: Generated<number>;
  municipality_id: number;
  questionnaire_id: number;
  code: string;
  batch: Generated<number>;
  used: Generated<number>;
}

export interface QuestionnaireDraftTable {
  id: Generated<number>;
  municipality_id: number;
  questionnaire_id: number;
  token_hash: string;
  code_id: number | null;
  answers_json: Generated<string>;
  page: Generated<number>;
  submission_key: string;
  lang: Generated<string>;
  expires_at: string;
}

export interface QuestionnaireResponseTable {
  id: Generated<number>;
  municipality_id: number;
  questionnaire_id: number;
  /** YYYY-MM-DD (Europe/Berlin): the day is enough, the time is not kept. */
  submitted_on: string;
  /** online | paper */
  source: Generated<string>;
  privacy_version: number | null;
  lang: Generated<string>;
  submission_key: string;
  is_demo: Generated<number>;
}

export interface QuestionnaireAnswerTable {
  id: Generated<number>;
  municipality_id: number;
  response_id: number;
  question_id: number;
  option_id: number | null;
  row_option_id: number | null;
  value_text: string | null;
  value_number: number | null;
}

export interface QuestionnaireTopicTable {
  id: Generated<number>;
  municipality_id: number;
  questionnaire_id: number;
  name: string;
  description: Generated<string>;
  position: Generated<number>;
  created_at: string;
}

export interface QuestionnaireAnswerTopicTable {
  id: Generated<number>;
  municipality_id: number;
  topic_id: number;
  answer_id: number;
}

export interface QuestionnaireTopicLinkTable {
  id: Generated<number>;
  municipality_id: number;
  topic_id: number;
  goal_id: number | null;
  measure_id: number | null;
}

export interface QuestionnairesTables {
  questionnaires: QuestionnaireTable;
  questionnaire_privacy: QuestionnairePrivacyTable;
  questionnaire_sections: QuestionnaireSectionTable;
  questionnaire_questions: QuestionnaireQuestionTable;
  questionnaire_options: QuestionnaireOptionTable;
  questionnaire_codes: QuestionnaireCodeTable;
  questionnaire_drafts: QuestionnaireDraftTable;
  questionnaire_responses: QuestionnaireResponseTable;
  questionnaire_answers: QuestionnaireAnswerTable;
  questionnaire_topics: QuestionnaireTopicTable;
  questionnaire_answer_topics: QuestionnaireAnswerTopicTable;
  questionnaire_topic_links: QuestionnaireTopicLinkTable;
}
