// Tables of the ideas module (residents' comments and ideas, their moderation and the settings per
// municipality), as Kysely sees them. What each keeps and why: migration 023.
import type { Generated } from 'kysely';

export interface ResidentPostTable {
  id: Generated<number>;
  municipality_id: number;
  /** comment | idea */
  kind: string;
  /** measure | goal | field */
  subject_type: string;
  subject_id: number;
  title: Generated<string>;
  body: string;
  author_name: Generated<string>;
  lang: Generated<string>;
  /** pending | published | hidden */
  state: Generated<string>;
  hidden_reason: Generated<string>;
  report_count: Generated<number>;
  reported_at: string | null;
  approved_at: string | null;
  hidden_at: string | null;
  answer: Generated<string>;
  answered_at: string | null;
  measure_id: number | null;
  linked_at: string | null;
  email: Generated<string>;
  /** SHA-256 of the link in the confirmation mail (the token itself is only in the mail) */
  email_token: string | null;
  email_confirmed_at: string | null;
  personal_deleted_at: string | null;
  created_at: string;
}

export interface ResidentPostSettingsTable {
  id: Generated<number>;
  municipality_id: number;
  /** pre | post */
  moderation: Generated<string>;
  /** One word or phrase a line. */
  blocked_words: Generated<string>;
  email_retention_days: Generated<number>;
  updated_at: string;
}

export interface IdeasTables {
  resident_posts: ResidentPostTable;
  resident_post_settings: ResidentPostSettingsTable;
}
