// Tables of the easy-language module (Leichte Sprache texts, the checker's settings, sign-language videos), as
// Kysely sees them. What each keeps and why: migration 018.
import type { Generated } from 'kysely';

export interface EasyTextTable {
  id: Generated<number>;
  municipality_id: number;
  /** start | plan | field | measure | event | questionnaire */
  subject_type: string;
  /** 0 for the start page */
  subject_id: number;
  title: string;
  body: Generated<string>;
  is_published: Generated<number>;
  check_group: string | null;
  /** YYYY-MM-DD */
  checked_on: string | null;
  check_recorded_by: string | null;
  /** the hash of the body the test readers checked */
  checked_hash: string | null;
  created_at: string;
  updated_at: string;
}

export interface EasySettingsTable {
  id: Generated<number>;
  municipality_id: number;
  max_words: Generated<number>;
  max_word_length: Generated<number>;
  glossary: Generated<string>;
}

export interface EasyVideoTable {
  id: Generated<number>;
  municipality_id: number;
  subject_type: string;
  subject_id: number;
  mime_type: string;
  size: number;
  content: Buffer;
  created_at: string;
  created_by_name: Generated<string>;
}

export interface EasyTables {
  easy_texts: EasyTextTable;
  easy_settings: EasySettingsTable;
  easy_videos: EasyVideoTable;
}
