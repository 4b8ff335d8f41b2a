import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// The personal links of an event registration: every mail to a registrant (the request to confirm, the
// confirmation, the waiting-list notice, the reminder) carries a link of its own, made when the mail goes out,
// and every one of them keeps working (to confirm or to cancel) until the registration is deleted. Only the
// SHA-256 of a link's token is kept. The registration's own token_hash is a random value nobody is given.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);
  await tenant(table('event_registration_links'))
    .addColumn('registration_id', 'integer', (c) => c.notNull().references('event_registrations.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_registration_links_registration').on('event_registration_links').columns(['municipality_id', 'registration_id']).execute();
}
