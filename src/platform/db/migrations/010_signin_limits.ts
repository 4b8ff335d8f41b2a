import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';

// Sign-in limits count failures per account, per client and per pair; the slow-down needs the time of the last
// failure, and old counters are cleaned up by their window's start. The instance's secrets (the key that seals
// the flash cookie) live in the database, so that every process of one instance shares them.
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('rate_limits').addColumn('last_at', 'text').execute();
  await db.schema.createIndex('rate_limits_window_start').on('rate_limits').column('window_start').execute();
  await db.schema
    .createTable('instance_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
