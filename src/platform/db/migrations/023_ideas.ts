import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// What residents say between surveys and events: comments on published measures, goals and fields of action,
// and ideas per field of action, without an account. One row per comment or idea: the text, an optional name,
// its moderation state (waiting, public, hidden with the officer's reason), the times it was reported, approved
// and answered (a digest finds what changed by them), the city's public answer, and the measure an idea led to.
// An e-mail address is kept only when the resident wants an answer, confirmed by a link (double opt-in), and
// emptied the municipality's retention days after the comment arrived. One settings row per municipality:
// pre- or post-moderation, the blocked words, the retention days.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);
  await tenant(table('resident_posts'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('hidden_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reported_at', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('hidden_at', 'text')
    .addColumn('answer', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answered_at', 'text')
    .addColumn('measure_id', 'integer', (c) => c.references('measures.id').onDelete('set null'))
    .addColumn('linked_at', 'text')
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email_token', 'text')
    .addColumn('email_confirmed_at', 'text')
    .addColumn('personal_deleted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resident_posts_subject').on('resident_posts').columns(['municipality_id', 'subject_type', 'subject_id', 'state']).execute();
  await db.schema.createIndex('resident_posts_queue').on('resident_posts').columns(['municipality_id', 'state', 'created_at']).execute();
  await db.schema.createIndex('resident_posts_measure').on('resident_posts').columns(['municipality_id', 'measure_id']).execute();
  await db.schema.createIndex('resident_posts_token').on('resident_posts').column('email_token').unique().execute();
  await tenant(table('resident_post_settings'))
    .addColumn('moderation', 'text', (c) => c.notNull().defaultTo('pre'))
    .addColumn('blocked_words', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email_retention_days', 'integer', (c) => c.notNull().defaultTo(180))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('resident_post_settings_municipality', ['municipality_id'])
    .execute();
}
