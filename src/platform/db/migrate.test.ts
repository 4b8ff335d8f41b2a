// A migration that lands after a higher-numbered one already ran (work merged side by side) still runs.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb } from './db.js';
import { migrate } from './migrate.js';

describe('migrations', () => {
  it('run one that arrives after a higher-numbered one has run', async () => {
    const db = openDb({ sqliteFile: ':memory:' });
    try {
      await migrate(db);
      // As a database migrated before 009 existed: 010 ran, 009 did not.
      await sql`delete from kysely_migration where name = '009_account_tokens'`.execute(db.kysely);
      await sql`drop table account_tokens`.execute(db.kysely);
      await sql`alter table users drop column must_change_password`.execute(db.kysely);
      expect(await migrate(db)).toEqual(['009_account_tokens']);
      const names = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db.kysely);
      expect(names.rows.map((r) => r.name)).toContain('010_signin_limits');
      expect(await db.kysely.selectFrom('account_tokens').selectAll().execute()).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
