import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// The Wegweiser (offers directory): what actors offer (a language café, counselling …), where and when, in which
// languages, for whom and at what cost. Times are kept as their parts (frequency, weekdays, the week of the month,
// start and end, exceptions, "not on public holidays"); the recurrence is computed from them (rrule), in
// Europe/Berlin. Lists of codes (languages, target groups) are stored between commas (",de,ar,") so that one
// LIKE finds a code on both engines. `last_checked_on` is the day someone confirmed the offer is still true;
// the link columns are the link checker's bookkeeping (not content). `offer_links` ties an offer to the measures
// and fields of action it serves. `offer_settings`: the map service's address template, after how many days an
// offer counts as unchecked, the Land whose public holidays apply, and where the reminders go.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);
  await tenant(table('offers'))
    .addColumn('actor_id', 'integer', (c) => c.references('actors.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('town', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('district', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('frequency', 'text', (c) => c.notNull().defaultTo('appointment'))
    .addColumn('weekdays', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('month_week', 'integer')
    .addColumn('start_time', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('end_time', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'text')
    .addColumn('ends_on', 'text')
    .addColumn('exceptions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('skip_holidays', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('times_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('target_groups', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('free_of_charge', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cost', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('accessibility', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('last_checked_on', 'text', (c) => c.notNull())
    .addColumn('link_state', 'text')
    .addColumn('link_error', 'text')
    .addColumn('link_checked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await tenant(table('offer_links'))
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('offers.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addUniqueConstraint('offer_links_target', ['offer_id', 'target_type', 'target_id'])
    .execute();
  await tenant(table('offer_settings'))
    .addColumn('map_url_template', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('stale_days', 'integer', (c) => c.notNull().defaultTo(180))
    .addColumn('holiday_region', 'text', (c) => c.notNull().defaultTo('BW'))
    .addColumn('reminder_email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('offer_settings_municipality', ['municipality_id'])
    .execute();
  await db.schema.createIndex('offers_state').on('offers').columns(['municipality_id', 'state', 'category']).execute();
  await db.schema.createIndex('offers_actor').on('offers').columns(['municipality_id', 'actor_id']).execute();
  await db.schema.createIndex('offer_links_offer').on('offer_links').columns(['municipality_id', 'offer_id']).execute();
  await db.schema.createIndex('offer_links_by_target').on('offer_links').columns(['municipality_id', 'target_type', 'target_id']).execute();
}
