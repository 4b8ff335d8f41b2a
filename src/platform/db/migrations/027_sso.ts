import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// Single sign-on for staff through the municipality's own identity provider (OpenID Connect): one provider per
// municipality (issuer, client, how roles are read from the claims), and the identities that signed in (issuer
// and subject, linked to an account), so that a changed e-mail address at the provider keeps the same account.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);
  await tenant(table('sso_providers'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role_claim', 'text', (c) => c.notNull().defaultTo('groups'))
    .addColumn('admin_values', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('editor_values', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('create_accounts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sso_providers_municipality', ['municipality_id'])
    .execute();
  await tenant(table('sso_identities'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sso_identities_subject', ['municipality_id', 'issuer', 'subject'])
    .execute();
}
