// Tables of the accessibility module (the statement and the feedback on barriers), as Kysely sees them. What each
// keeps and why: migration 019.
import type { Generated } from 'kysely';

export interface AccessibilityStatementTable {
  id: Generated<number>;
  municipality_id: number;
  /** full | partial | none */
  status: string;
  /** [{ content, reason, justification, alternative }] */
  items_json: string;
  /** YYYY-MM-DD */
  prepared_on: string;
  reviewed_on: string;
  /** self | external */
  method: string;
  method_by: string;
  contact_email: string;
  contact_phone: string;
  contact_address: string;
  /** the language feedback mails to the contact are written in */
  contact_lang: string;
  /** a key of the shipped list of enforcement bodies (bodies.json) */
  land: string;
  body_name: string;
  body_address: string;
  body_web: string;
  body_email: string;
  body_phone: string;
  feedback_retention_days: number;
  updated_at: string;
}

export interface AccessibilityFeedbackTable {
  id: Generated<number>;
  municipality_id: number;
  page: string;
  problem: string;
  name: string;
  email: string;
  lang: string;
  /** open | answered */
  state: Generated<string>;
  created_at: string;
  answered_at: string | null;
  personal_deleted_at: string | null;
}

export interface AccessibilityTables {
  accessibility_statements: AccessibilityStatementTable;
  accessibility_feedback: AccessibilityFeedbackTable;
}
