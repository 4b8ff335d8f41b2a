import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// Accounts without IT help: single-use, expiring links (an invitation to set one's own password, a password
// reset, an invitation of an existing account to join another municipality), stored only as the SHA-256 of
// the token; and a flag that makes a generated one-time password really one-time.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table } = tableBuilders(db, engine);
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await table('account_tokens')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('municipality_id', 'integer', (c) => c.references('municipalities.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    // The role a join invitation grants; null for the other purposes.
    .addColumn('role', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_tokens_user').on('account_tokens').columns(['user_id', 'purpose']).execute();
}
