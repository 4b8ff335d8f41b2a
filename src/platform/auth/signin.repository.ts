// The sign-in's failure counters in rate_limits (both engines): read a few keys, count a failure atomically,
// take one back, forget a pair, and clean up counters whose window has passed.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface Counter {
  key: string;
  window_start: string;
  count: number;
  last_at: string | null;
}

export function readCounters(db: Kysely<Database>, keys: string[]): Promise<Counter[]> {
  return db.selectFrom('rate_limits').select(['key', 'window_start', 'count', 'last_at']).where('key', 'in', keys).execute();
}

/** Counts one failure under `key` in one statement (so parallel requests cannot both see the old count);
 *  a counter whose window began before `windowStart` starts again at 1. Returns the count after it. */
export async function countFailure(db: Kysely<Database>, key: string, now: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: now, count: 1, last_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start < ${windowStart} then 1 else rate_limits.count + 1 end`,
        window_start: sql<string>`case when rate_limits.window_start < ${windowStart} then ${now} else rate_limits.window_start end`,
        last_at: now,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Takes back one counted failure (the attempt succeeded after all). */
export async function uncount(db: Kysely<Database>, keys: string[]): Promise<void> {
  await db.updateTable('rate_limits').set({ count: sql<number>`count - 1` }).where('key', 'in', keys).where('count', '>', 0).execute();
}

export async function forget(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Deletes the counters under `prefix` whose window began before `windowStart`. */
export async function deleteOldCounters(db: Kysely<Database>, prefix: string, windowStart: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', 'like', `${prefix}%`).where('window_start', '<', windowStart).execute();
}
