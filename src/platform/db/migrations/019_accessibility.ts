import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// The accessibility statement (Erklärung zur Barrierefreiheit) of a municipality, as its officer keeps it: one
// row per municipality, none until the officer saves (the page then shows the default statement). The parts
// not yet accessible are a short list the form edits as a whole, kept as JSON. Feedback on barriers comes from
// residents without an account: the page, the problem, and, only if they wish an answer, a name and an e-mail
// address, which are emptied the municipality's retention days after the feedback arrived.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);
  await tenant(table('accessibility_statements'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('partial'))
    .addColumn('items_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('prepared_on', 'text', (c) => c.notNull())
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().defaultTo('self'))
    .addColumn('method_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_lang', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('land', 'text', (c) => c.notNull())
    .addColumn('body_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_web', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('feedback_retention_days', 'integer', (c) => c.notNull().defaultTo(90))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('accessibility_statements_municipality', ['municipality_id'])
    .execute();
  await tenant(table('accessibility_feedback'))
    .addColumn('page', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('personal_deleted_at', 'text')
    .execute();
  await db.schema.createIndex('accessibility_feedback_municipality').on('accessibility_feedback').columns(['municipality_id', 'created_at']).execute();
}
