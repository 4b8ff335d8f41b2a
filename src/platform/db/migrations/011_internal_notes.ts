import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.js';

// Public and internal apart: a progress note or the note of a status change can be internal (the officer's,
// or written by the system: an import's file name, a round, a copy), and the status history keeps, beside the
// writer's name, the name the public may see (an actor or office; empty means the administration). Entries
// made before this by no person (a round's actor) keep their name in public; a person's name never.
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('progress_notes').addColumn('is_internal', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('status_changes').addColumn('note_internal', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('status_changes').addColumn('changed_by_public', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`UPDATE status_changes SET changed_by_public = changed_by_name WHERE changed_by_user_id IS NULL AND changed_by_name <> 'Teilhabe'`.execute(db);
}
