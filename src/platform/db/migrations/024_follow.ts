import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// Following without an account: a resident's e-mail address, the language they subscribed in, what they follow
// (a plan, a field of action, a measure or a working group) and how often they want a digest. Pending until the
// address is confirmed (double opt-in); ended by one click, and then deleted (the address with it). Only the
// SHA-256 of a personal link's token is kept. `since` is the moment up to which the subscriber was told.
// A digest row is written before its mail goes out (unique per subscription and period), so that a repeated job
// or a restart never sends the same digest twice.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);
  await tenant(table('follow_subscriptions'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull().defaultTo('weekly'))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('since', 'text', (c) => c.notNull())
    .execute();
  // The personal links of a subscription: each mail brings one of its own (confirming, unsubscribing), and every
  // link sent stays valid as long as the subscription lives.
  await tenant(table('follow_links'))
    .addColumn('subscription_id', 'integer', (c) => c.notNull().references('follow_subscriptions.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('follow_links_token', ['token_hash'])
    .execute();
  await tenant(table('follow_digests'))
    .addColumn('subscription_id', 'integer', (c) => c.notNull().references('follow_subscriptions.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('sending'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('follow_digests_period', ['subscription_id', 'period'])
    .execute();
  await db.schema.createIndex('follow_subscriptions_subject').on('follow_subscriptions').columns(['municipality_id', 'subject_type', 'subject_id']).execute();
  await db.schema.createIndex('follow_subscriptions_state').on('follow_subscriptions').columns(['municipality_id', 'state', 'frequency']).execute();
  await db.schema.createIndex('follow_links_subscription').on('follow_links').columns(['subscription_id']).execute();
  await db.schema.createIndex('follow_digests_subscription').on('follow_digests').columns(['municipality_id', 'subscription_id']).execute();
}
