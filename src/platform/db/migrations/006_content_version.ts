import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';

// Every write bumps its municipality's content version, so that caches of rendered pages can key on it,
// also across processes (the version lives in the database).
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('municipalities').addColumn('content_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
