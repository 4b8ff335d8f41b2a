// Tables of the participation module (process, phases, events, registrations, documents) and of the groups
// module (working groups, steering group, draft comments, approvals), as Kysely sees them. What each keeps and
// why: migrations 014 and 015.
import type { Generated } from 'kysely';

export interface ProcessTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  title: string;
  description: Generated<string>;
  /** draft | published */
  state: Generated<string>;
  is_demo: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProcessPhaseTable {
  id: Generated<number>;
  municipality_id: number;
  process_id: number;
  position: number;
  /** kickoff | inventory | questionnaire | workshops | draft | steering_review | council | implementation | next_edition | other */
  kind: Generated<string>;
  title: string;
  description: Generated<string>;
  /** YYYY-MM-DD */
  starts_on: string | null;
  ends_on: string | null;
}

export interface ProcessPhaseItemTable {
  id: Generated<number>;
  municipality_id: number;
  phase_id: number;
  questionnaire_id: number | null;
  title: Generated<string>;
  url: Generated<string>;
  position: Generated<number>;
}

export interface EventTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number | null;
  phase_id: number | null;
  group_id: number | null;
  /** kickoff | workshop | video | info_evening | group_meeting */
  kind: Generated<string>;
  title: string;
  description: Generated<string>;
  /** ISO instants (UTC); entered and shown in Europe/Berlin. */
  starts_at: string;
  ends_at: string;
  online: Generated<number>;
  /** Only for registered people (their confirmation mail), never on a page. */
  online_url: Generated<string>;
  place_name: Generated<string>;
  address: Generated<string>;
  accessibility: Generated<string>;
  capacity: number | null;
  registration: Generated<number>;
  registration_deadline: string | null;
  /** draft | published | cancelled */
  state: Generated<string>;
  is_demo: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EventProgrammeTable {
  id: Generated<number>;
  municipality_id: number;
  event_id: number;
  position: number;
  /** HH:MM local */
  starts_at: Generated<string>;
  title: string;
  speaker: Generated<string>;
}

export interface EventRegistrationTable {
  id: Generated<number>;
  municipality_id: number;
  event_id: number;
  name: string;
  email: string;
  needs_json: Generated<string>;
  /** pending | confirmed | waiting | cancelled */
  state: Generated<string>;
  token_hash: string;
  lang: Generated<string>;
  created_at: string;
  confirmed_at: string | null;
  cancelled_at: string | null;
  reminded_at: string | null;
}

/** A personal link of a registration (migration 021): one per mail, only the SHA-256 of its token. */
export interface EventRegistrationLinkTable {
  id: Generated<number>;
  municipality_id: number;
  registration_id: number;
  token_hash: string;
  created_at: string;
}

export interface DocumentTable {
  id: Generated<number>;
  municipality_id: number;
  /** phase | group | event */
  owner_type: string;
  owner_id: number;
  title: string;
  /** minutes | agenda | presentation | other, and draft for a phase's */
  kind: Generated<string>;
  file_name: string;
  mime_type: string;
  size: number;
  content: Buffer;
  is_public: Generated<number>;
  created_at: string;
  created_by_name: Generated<string>;
}

export interface WorkingGroupTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  /** working | steering */
  kind: Generated<string>;
  title: string;
  purpose: Generated<string>;
  contact_name: Generated<string>;
  contact_email: Generated<string>;
  how_to_join: Generated<string>;
  field_id: number | null;
  guiding_goal_id: number | null;
  priority_id: number | null;
  join_open: Generated<number>;
  /** active | archived */
  state: Generated<string>;
  is_demo: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface GroupMemberTable {
  id: Generated<number>;
  municipality_id: number;
  group_id: number;
  user_id: number | null;
  /** lead | member */
  role: Generated<string>;
  display_name: Generated<string>;
  /** The stakeholder group a steering-group member represents (a seat), or null. */
  seat: string | null;
  represents: Generated<string>;
  position: Generated<number>;
  created_at: string;
}

export interface GroupJoinRequestTable {
  id: Generated<number>;
  municipality_id: number;
  group_id: number;
  name: string;
  email: string;
  motivation: Generated<string>;
  lang: Generated<string>;
  /** pending | accepted | declined */
  state: Generated<string>;
  created_at: string;
  decided_at: string | null;
  decided_by_name: Generated<string>;
  decision_note: Generated<string>;
}

export interface GroupTaskTable {
  id: Generated<number>;
  municipality_id: number;
  group_id: number;
  title: string;
  measure_id: number | null;
  due_on: string | null;
  /** open | done */
  state: Generated<string>;
  created_at: string;
}

export interface DraftCommentTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  /** goal | measure */
  entity_type: string;
  entity_id: number;
  parent_id: number | null;
  author_user_id: number | null;
  author_name: string;
  text: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by_name: string | null;
}

export interface PlanApprovalTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  user_id: number | null;
  member_name: string;
  seat: string | null;
  /** approved | changes_requested */
  state: string;
  comment: Generated<string>;
  created_at: string;
  edition_id: number | null;
}

export interface ParticipationTables {
  processes: ProcessTable;
  process_phases: ProcessPhaseTable;
  process_phase_items: ProcessPhaseItemTable;
  events: EventTable;
  event_programme: EventProgrammeTable;
  event_registrations: EventRegistrationTable;
  event_registration_links: EventRegistrationLinkTable;
  documents: DocumentTable;
  working_groups: WorkingGroupTable;
  group_members: GroupMemberTable;
  group_join_requests: GroupJoinRequestTable;
  group_tasks: GroupTaskTable;
  draft_comments: DraftCommentTable;
  plan_approvals: PlanApprovalTable;
}
