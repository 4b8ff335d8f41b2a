import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// Both engines get the same tables; only the identity column and the search index differ.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);

  await table('municipalities')
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('office_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_person', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await table('users')
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('is_instance_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await tenant(table('memberships'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('memberships_unique', ['municipality_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  await tenant(table('plans'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'integer')
    .addColumn('period_end', 'integer')
    .addColumn('edition', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intro', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await tenant(table('fields'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await tenant(table('visions'))
    .addColumn('field_id', 'integer', (c) => c.notNull().references('fields.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  await tenant(table('guiding_goals'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('target_year', 'integer')
    .execute();

  await tenant(table('goals'))
    .addColumn('field_id', 'integer', (c) => c.notNull().references('fields.id').onDelete('cascade'))
    .addColumn('guiding_goal_id', 'integer', (c) => c.references('guiding_goals.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  await tenant(table('measures'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('field_id', 'integer', (c) => c.notNull().references('fields.id').onDelete('cascade'))
    .addColumn('goal_id', 'integer', (c) => c.references('goals.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('is_further', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status_label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status_category', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('status_date', 'text')
    .addColumn('timeframe_start', 'text')
    .addColumn('timeframe_end', 'text')
    .addColumn('target_groups', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await tenant(table('actors'))
    .addColumn('parent_id', 'integer', (c) => c.references('actors.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('measure_actors')
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('actor_id', 'integer', (c) => c.notNull().references('actors.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_actors_pk', ['municipality_id', 'measure_id', 'actor_id'])
    .execute();

  await tenant(table('progress_notes'))
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('note_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await tenant(table('status_changes'))
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('from_label', 'text')
    .addColumn('from_category', 'text')
    .addColumn('to_label', 'text', (c) => c.notNull())
    .addColumn('to_category', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('changed_by_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await tenant(table('status_wordings'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await table('audit_log')
    .addColumn('municipality_id', 'integer', (c) => c.references('municipalities.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('user_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();

  await tenant(table('translations'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('source_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('translations_unique', ['municipality_id', 'entity_type', 'entity_id', 'field', 'lang'])
    .execute();

  const indexes: Array<[string, string, string[]]> = [
    ['memberships_user', 'memberships', ['user_id']],
    ['plans_muni', 'plans', ['municipality_id', 'state']],
    ['fields_plan', 'fields', ['municipality_id', 'plan_id', 'position']],
    ['visions_field', 'visions', ['municipality_id', 'field_id', 'position']],
    ['guiding_goals_plan', 'guiding_goals', ['municipality_id', 'plan_id', 'position']],
    ['goals_field', 'goals', ['municipality_id', 'field_id', 'position']],
    ['measures_plan', 'measures', ['municipality_id', 'plan_id', 'number']],
    ['measures_goal', 'measures', ['municipality_id', 'goal_id', 'position']],
    ['measures_field', 'measures', ['municipality_id', 'field_id', 'position']],
    ['actors_muni', 'actors', ['municipality_id', 'name']],
    ['measure_actors_actor', 'measure_actors', ['municipality_id', 'actor_id']],
    ['progress_notes_measure', 'progress_notes', ['municipality_id', 'measure_id']],
    ['status_changes_measure', 'status_changes', ['municipality_id', 'measure_id']],
    ['status_wordings_muni', 'status_wordings', ['municipality_id', 'position']],
    ['audit_log_muni', 'audit_log', ['municipality_id', 'at']],
    ['sessions_user', 'sessions', ['user_id']],
  ];
  for (const [name, on, columns] of indexes) await db.schema.createIndex(name).on(on).columns(columns).execute();

  // Search: a trigram index so that "Sprachkurs" finds "Sprachkursangebote" (DESIGN: search).
  if (engine === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await db.schema
      .createTable('search_documents')
      .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
      .addColumn('plan_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('ref_id', 'integer', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('search_documents_pk', ['municipality_id', 'kind', 'ref_id'])
      .execute();
    await sql`create index search_documents_trgm on search_documents using gin (search_text gin_trgm_ops)`.execute(db);
  } else {
    await sql`create virtual table search_documents using fts5(
      search_text, municipality_id unindexed, plan_id unindexed, kind unindexed, ref_id unindexed,
      tokenize = 'trigram remove_diacritics 1')`.execute(db);
  }
}
