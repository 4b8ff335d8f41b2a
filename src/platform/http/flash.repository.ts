// The instance's secrets: made once, on first use, and shared by every process through the database.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The secret called `name` (32 random bytes, base64); the first process to ask makes it, the others read it. */
export async function instanceSecret(db: Kysely<Database>, name: string, now: string): Promise<Buffer> {
  await db
    .insertInto('instance_secrets')
    .values({ name, value: randomBytes(32).toString('base64'), created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('instance_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64');
}
