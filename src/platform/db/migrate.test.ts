// A migration that lands after a higher-numbered one already ran (work merged side by side) still runs. On
// PostgreSQL, migrating one schema neither reads nor waits for another (schemas dropped meanwhile, as every
// test's is, once failed a parallel migration with `schema "t_…" does not exist`).
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestEnv, engines, failInsertsInto, PG_URL, seedTwoMunicipalities } from '../../../test/support.js';
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

describe.each(engines.filter((e) => e === 'postgres'))('migrations on %s', (engine) => {
  it('look only at the tables of their own schema and lock only it, not the whole server', async () => {
    const env = await createTestEnv(engine);
    const other = `t_${randomBytes(6).toString('hex')}`;
    const fresh = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const second = openDb({ databaseUrl: PG_URL, pgSchema: `${fresh},public`, poolSize: 2 });
    try {
      await admin.query(`create schema ${other}`);
      await admin.query(`create table ${other}.users (id serial primary key, secret text)`);
      const tables = await env.db.kysely.introspection.getTables({ withInternalKyselyTables: true });
      expect(tables.filter((t) => t.schema !== env.db.schema)).toEqual([]);
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['kysely_migration', 'users', 'questionnaire_responses']));
      expect(tables.find((t) => t.name === 'users')!.columns.find((c) => c.name === 'id')).toMatchObject({ isAutoIncrementing: true, isNullable: false });
      expect(tables.find((t) => t.name === 'users')!.columns.map((c) => c.name)).not.toContain('secret');
      // Another session holds the lock Kysely takes for the whole server, and the lock of the other schema: a
      // third schema still migrates (with one server-wide lock, this would wait until the test times out).
      await admin.query(`select pg_advisory_lock(3853314791062309107)`);
      await admin.query(`select pg_advisory_lock(${0x7e11_4abe}, hashtext($1))`, [other]);
      expect(await migrate(second)).toContain('001_foundation');
      expect(await second.kysely.selectFrom('users').selectAll().execute()).toEqual([]);
    } finally {
      await second.close();
      await admin.query(`drop schema if exists ${other} cascade`);
      await admin.query(`drop schema if exists ${fresh} cascade`);
      await admin.end();
      await env.close();
    }
  });

  // test/schemas.ts keeps a closed env's schema for the next env of the file: it must be as a fresh one.
  it('a test schema kept for the next env comes back empty, counting from 1; one a test changed does not come back', async () => {
    const first = await createTestEnv(engine);
    const fresh = await seedTwoMunicipalities(first);
    await first.close();
    const second = await createTestEnv(engine);
    try {
      expect(second.db.schema).toBe(first.db.schema);
      expect(await second.db.kysely.selectFrom('municipalities').selectAll().execute()).toEqual([]);
      expect(await second.db.kysely.selectFrom('audit_log').selectAll().execute()).toEqual([]);
      expect(await seedTwoMunicipalities(second)).toEqual(fresh);
      await failInsertsInto(second, 'actors');
    } finally {
      await second.close();
    }
    const third = await createTestEnv(engine);
    try {
      expect(third.db.schema).not.toBe(second.db.schema);
      await seedTwoMunicipalities(third);
    } finally {
      await third.close();
    }
  });
});
