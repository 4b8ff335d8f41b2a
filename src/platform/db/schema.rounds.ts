// Tables of the rounds module and the platform's jobs, as Kysely sees them (see schema.ts for the conventions).
import type { Generated } from 'kysely';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobTable {
  id: Generated<number>;
  /** Null for system jobs that belong to no municipality. */
  municipality_id: number | null;
  kind: string;
  payload_json: string;
  run_at: string;
  attempts: Generated<number>;
  last_error: string | null;
  state: string;
  locked_until: string | null;
  created_at: string;
}

export interface RoundTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  title: string;
  /** YYYY-MM-DD */
  deadline: string;
  /** Links stop working after this instant (deadline plus the grace period). */
  expires_at: string;
  state: string;
  created_at: string;
  created_by_name: string;
  auto_reminded_at: string | null;
  closed_at: string | null;
}

export interface RoundParticipantTable {
  id: Generated<number>;
  municipality_id: number;
  round_id: number;
  actor_id: number;
  /** The address the last mail went to. */
  email: string;
  invited_at: string | null;
  reminded_at: string | null;
  answered_at: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface RoundTokenTable {
  id: Generated<number>;
  municipality_id: number;
  participant_id: number;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface RoundChangeTable {
  id: Generated<number>;
  municipality_id: number;
  round_id: number;
  participant_id: number;
  measure_id: number;
  /** Null when the actor left the status as it was. */
  status_label: string | null;
  status_category: string | null;
  note_text: string;
  note_date: string | null;
  evidence_url: string;
  state: string;
  review_comment: string;
  submitted_at: string;
  submitted_by_name: string;
  reviewed_at: string | null;
  reviewed_by_name: string | null;
}

export interface RoundsTables {
  jobs: JobTable;
  rounds: RoundTable;
  round_participants: RoundParticipantTable;
  round_tokens: RoundTokenTable;
  round_changes: RoundChangeTable;
}
