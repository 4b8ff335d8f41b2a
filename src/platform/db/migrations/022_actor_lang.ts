import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';

// The language an actor is written to in: the mails of an update round (invitation, reminder, a returned change)
// and the page their personal link opens. German unless the municipality sets another interface language.
// (Residents' mails already follow the language they registered or asked in: event_registrations.lang and
// group_join_requests.lang.)
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('actors').addColumn('lang', 'text', (c) => c.notNull().defaultTo('de')).execute();
}
