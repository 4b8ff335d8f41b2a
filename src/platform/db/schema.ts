// The database as Kysely sees it. Booleans are integers (0/1) and timestamps ISO-8601 text on both engines,
// so every query reads the same on SQLite and PostgreSQL.
import type { Generated } from 'kysely';
import type { EasyTables } from './schema.easy.js';
import type { AccessibilityTables } from './schema.accessibility.js';
import type { FollowTables } from './schema.follow.js';
import type { OffersTables } from './schema.offers.js';
import type { EditionsTables } from './schema.editions.js';
import type { IdeasTables } from './schema.ideas.js';
import type { SsoTables } from './schema.sso.js';
import type { MonitoringTables } from './schema.monitoring.js';
import type { OpendataTables } from './schema.opendata.js';
import type { ParticipationTables } from './schema.participation.js';
import type { QuestionnairesTables } from './schema.questionnaires.js';
import type { RoundsTables } from './schema.rounds.js';

export interface MunicipalityTable {
  id: Generated<number>;
  slug: string;
  name: string;
  office_name: string;
  contact_person: string;
  contact_email: string;
  contact_phone: string;
  contact_address: string;
  is_demo: number;
  created_at: string;
  /** Bumped by every write of the municipality's content (caches key on it). */
  content_version: Generated<number>;
  /** Days after an event its registrations are deleted. */
  registration_retention_days: Generated<number>;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  is_instance_admin: number;
  created_at: string;
  /** 1 while the password is a generated one-time password: the next sign-in must choose a new one. */
  must_change_password: Generated<number>;
}

export interface AccountTokenTable {
  id: Generated<number>;
  user_id: number;
  municipality_id: number | null;
  purpose: 'invite' | 'reset' | 'join';
  role: string | null;
  /** SHA-256 of the token; the token itself exists only in the link. */
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface MembershipTable {
  id: Generated<number>;
  municipality_id: number;
  user_id: number;
  role: string;
  actor_id: number | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
  /** When the last failure was counted (the sign-in's slow-down waits from there). */
  last_at: string | null;
}

/** Secrets of the instance, made once and shared by every process (the key that seals the flash cookie). */
export interface InstanceSecretTable {
  name: string;
  value: string;
  created_at: string;
}

export interface PlanTable {
  id: Generated<number>;
  municipality_id: number;
  title: string;
  period_start: number | null;
  period_end: number | null;
  edition: string;
  intro: string;
  state: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface FieldTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  position: number;
  title: string;
  description: string;
}

export interface VisionTable {
  id: Generated<number>;
  municipality_id: number;
  field_id: number;
  position: number;
  text: string;
}

export interface GuidingGoalTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  position: number;
  text: string;
  target_year: number | null;
}

export interface GoalTable {
  id: Generated<number>;
  municipality_id: number;
  field_id: number;
  guiding_goal_id: number | null;
  position: number;
  /** The goal's number as the plan writes it ("1.1"), or null. */
  number: string | null;
  text: string;
}

export interface MeasureTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  field_id: number;
  goal_id: number | null;
  position: number;
  /** The measure's number as the plan writes it ("7", "1.10", "A.3"), or null; ordered naturally. */
  number: string | null;
  is_further: number;
  text: string;
  status_label: string;
  status_category: string;
  status_date: string | null;
  timeframe_start: string | null;
  timeframe_end: string | null;
  /** The timeframe as the plan words it ("ab Herbst 2025", "laufend"); start and end are derived where it allows. */
  timeframe_label: Generated<string>;
  target_groups: string;
  updated_at: string;
}

/** A measure's further facts under the labels its catalogue gave them ("Kosten", "Zielgruppe"), in order. */
export interface MeasureAttributeTable {
  id: Generated<number>;
  municipality_id: number;
  measure_id: number;
  position: number;
  label: string;
  value: string;
}

export interface ActorTable {
  id: Generated<number>;
  municipality_id: number;
  parent_id: number | null;
  name: string;
  /** The name's key (lower case, blanks collapsed), unique per municipality; written by the actor repository only. */
  name_key: string;
  description: string;
  contact_email: string;
  website: string;
  /** The interface language the actor is written to in (round mails): 'de' unless set. */
  lang: Generated<string>;
}

export interface MeasureActorTable {
  municipality_id: number;
  measure_id: number;
  actor_id: number;
  role: string;
  position: number;
}

export interface ProgressNoteTable {
  id: Generated<number>;
  municipality_id: number;
  measure_id: number;
  text: string;
  note_date: string | null;
  created_at: string;
  author_name: string;
  /** 1: the officer's own note (or the system's); never shown in public. */
  is_internal: Generated<number>;
}

export interface StatusChangeTable {
  id: Generated<number>;
  municipality_id: number;
  measure_id: number;
  from_label: string | null;
  from_category: string | null;
  to_label: string;
  to_category: string;
  note: string;
  changed_at: string;
  changed_by_user_id: number | null;
  changed_by_name: string;
  /** 1: the note is internal (the officer's, or the system's: an import's file, a round, a copy). */
  note_internal: Generated<number>;
  /** Who made the change as the public sees it: an actor or office; empty for the administration. */
  changed_by_public: Generated<string>;
}

export interface StatusWordingTable {
  id: Generated<number>;
  municipality_id: number;
  label: string;
  category: string;
  position: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  municipality_id: number | null;
  user_id: number | null;
  user_name: string;
  at: string;
  action: string;
  entity_type: string;
  entity_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

/** A text of a content row in another language; German lives in the row itself. */
export interface TranslationTable {
  id: Generated<number>;
  municipality_id: number;
  entity_type: string;
  entity_id: number;
  field: string;
  lang: string;
  text: string;
  source_hash: string;
  updated_at: string;
  /** 'draft' | 'reviewed': only a reviewed translation is ever shown publicly. */
  state: Generated<string>;
  /** 'person' | 'machine'; a machine's text names its provider. */
  origin: Generated<string>;
  provider: Generated<string>;
  reviewed_by: number | null;
  reviewed_at: string | null;
  /** The German the translation was made from. */
  source_text: Generated<string>;
}

export interface SearchDocumentTable {
  municipality_id: number;
  plan_id: number;
  kind: string;
  ref_id: number;
  search_text: string;
}

export interface ImportSessionTable {
  id: string;
  municipality_id: number;
  user_id: number;
  file_name: string;
  content: Buffer;
  target_plan_id: number | null;
  options_json: string;
  created_at: string;
}

export interface Database extends RoundsTables, MonitoringTables, EditionsTables, QuestionnairesTables, ParticipationTables, EasyTables, AccessibilityTables, FollowTables, IdeasTables, SsoTables, OffersTables, OpendataTables {
  import_sessions: ImportSessionTable;
  municipalities: MunicipalityTable;
  users: UserTable;
  account_tokens: AccountTokenTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  rate_limits: RateLimitTable;
  instance_secrets: InstanceSecretTable;
  plans: PlanTable;
  fields: FieldTable;
  visions: VisionTable;
  guiding_goals: GuidingGoalTable;
  goals: GoalTable;
  measures: MeasureTable;
  actors: ActorTable;
  measure_actors: MeasureActorTable;
  measure_attributes: MeasureAttributeTable;
  progress_notes: ProgressNoteTable;
  status_changes: StatusChangeTable;
  status_wordings: StatusWordingTable;
  audit_log: AuditLogTable;
  translations: TranslationTable;
  search_documents: SearchDocumentTable;
}
