import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';

// An uploaded catalogue waits here between preview and confirmation, so the officer can correct the mapping
// without uploading again. Rows expire; nothing is imported until confirmed.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('import_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('target_plan_id', 'integer')
    .addColumn('options_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_sessions_muni').on('import_sessions').columns(['municipality_id', 'created_at']).execute();
}
