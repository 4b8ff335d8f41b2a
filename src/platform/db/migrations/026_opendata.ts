import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// Open data and the API. `opendata_settings`: one row per municipality with the open licence its data is
// published under (a DCAT-AP.de licence code), the attribution text, and the origins that may frame its embed
// views (one per line; none: no site may). `api_tokens`: personal tokens for the officer's own automation, each
// for one municipality, one role (no more than its maker's), until it expires or is revoked; only the SHA-256 of
// the token is kept (the token is shown once), with its first characters to recognise it in the list.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);
  await tenant(table('opendata_settings'))
    .addColumn('licence', 'text', (c) => c.notNull().defaultTo('dl-by-de/2.0'))
    .addColumn('attribution', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('embed_origins', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contributor_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('regional_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('opendata_settings_municipality', ['municipality_id'])
    .execute();
  await tenant(table('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .addUniqueConstraint('api_tokens_hash', ['token_hash'])
    .execute();
  await db.schema.createIndex('api_tokens_municipality').on('api_tokens').columns(['municipality_id', 'user_id']).execute();
}
