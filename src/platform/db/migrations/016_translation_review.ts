import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.js';

// A translation is a draft until a person has reviewed it; only a reviewed one made from today's German is
// shown publicly. It records where its text came from (a person, or a machine with the provider's name), who
// reviewed it and when, and the German it was made from (so an outdated one can show the old German beside
// the new). Rows written before this were typed by a person and count as reviewed.
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  const alter = () => db.schema.alterTable('translations');
  await alter().addColumn('state', 'text', (c) => c.notNull().defaultTo('reviewed')).execute();
  await alter().addColumn('origin', 'text', (c) => c.notNull().defaultTo('person')).execute();
  await alter().addColumn('provider', 'text', (c) => c.notNull().defaultTo('')).execute();
  await alter().addColumn('reviewed_by', 'integer').execute();
  await alter().addColumn('reviewed_at', 'text').execute();
  await alter().addColumn('source_text', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`update translations set reviewed_at = updated_at`.execute(db);
  await db.schema.createIndex('translations_lang').on('translations').columns(['municipality_id', 'lang', 'entity_type']).execute();
}
