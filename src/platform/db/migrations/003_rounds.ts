import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// The jobs table (platform: background work that survives a restart) and the tables of the update rounds
// (Sachstandsabfrage). Timestamps are ISO text, so "due" and "expired" compare as strings.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);

  // A job is a row: a worker claims it by moving it from queued to running with a lease (locked_until);
  // a worker that dies leaves the row running, and once the lease has passed another worker claims it.
  await table('jobs')
    .addColumn('municipality_id', 'integer', (c) => c.references('municipalities.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
  await db.schema.createIndex('jobs_muni').on('jobs').columns(['municipality_id', 'kind']).execute();

  await tenant(table('rounds'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('auto_reminded_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();

  // One row per lead actor asked in a round.
  await tenant(table('round_participants'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('actor_id', 'integer', (c) => c.notNull().references('actors.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('invited_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('round_participants_unique', ['municipality_id', 'round_id', 'actor_id'])
    .execute();

  // Personal links: only the SHA-256 of the token is kept. A participant may hold several (invitation,
  // reminder, a new link handed over by the officer); revoking a participant revokes all of them.
  await tenant(table('round_tokens'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('round_participants.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  // What an actor submitted: waits here (pending) until the officer accepts it into the plan or returns it.
  await tenant(table('round_changes'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('rounds.id').onDelete('cascade'))
    .addColumn('participant_id', 'integer', (c) => c.notNull().references('round_participants.id').onDelete('cascade'))
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('status_label', 'text')
    .addColumn('status_category', 'text')
    .addColumn('note_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note_date', 'text')
    .addColumn('evidence_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('review_comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by_name', 'text')
    .execute();

  const indexes: Array<[string, string, string[]]> = [
    ['rounds_plan', 'rounds', ['municipality_id', 'plan_id', 'state']],
    ['round_participants_round', 'round_participants', ['municipality_id', 'round_id']],
    ['round_tokens_participant', 'round_tokens', ['municipality_id', 'participant_id']],
    ['round_changes_round', 'round_changes', ['municipality_id', 'round_id', 'state']],
    ['round_changes_measure', 'round_changes', ['municipality_id', 'measure_id']],
  ];
  for (const [name, on, columns] of indexes) await db.schema.createIndex(name).on(on).columns(columns).execute();
}
