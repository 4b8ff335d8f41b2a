// Migration 007 on a database that already holds measures: integer numbers become their decimal text, a
// measure without a number stays without, goals get an empty number, and the index over the numbers is back.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDb, type Db, type Engine } from '../db.js';
import * as m001 from './001_foundation.js';
import * as m002 from './002_import_sessions.js';
import * as m003 from './003_rounds.js';
import * as m004 from './004_monitoring.js';
import * as m005 from './005_editions.js';
import * as m006 from './006_content_version.js';
import * as m007 from './007_numbers.js';

const PG_URL = process.env.TEST_DATABASE_URL;
const engines: Engine[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

async function open(engine: Engine): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (engine === 'sqlite') return { db: openDb({ sqliteFile: ':memory:' }), drop: async () => {} };
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const run = async (text: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(text);
    await c.end();
  };
  await run('create extension if not exists pg_trgm schema public').catch(() => undefined);
  await run(`create schema ${schema}`);
  return { db: openDb({ databaseUrl: PG_URL, pgSchema: `${schema},public`, poolSize: 2 }), drop: () => run(`drop schema ${schema} cascade`) };
}

describe.each(engines)('migration 007 on %s', (engine) => {
  it('keeps existing measure numbers as their text and the index over them', async () => {
    const { db, drop } = await open(engine);
    try {
      const k = db.kysely as unknown as Kysely<unknown>;
      for (const m of [m001, m002, m003, m004, m005, m006]) await m.up(k, engine);
      const at = '2026-01-01T00:00:00Z';
      await sql`insert into municipalities (slug, name, created_at) values ('a', 'A', ${at})`.execute(k);
      await sql`insert into plans (municipality_id, title, created_at, updated_at) values (1, 'P', ${at}, ${at})`.execute(k);
      await sql`insert into fields (municipality_id, plan_id, position, title) values (1, 1, 1, 'F')`.execute(k);
      await sql`insert into goals (municipality_id, field_id, position, text) values (1, 1, 1, 'G')`.execute(k);
      for (const [position, number] of [[1, 7], [2, 10], [3, null]] as const) {
        await sql`insert into measures (municipality_id, plan_id, field_id, goal_id, position, number, text, updated_at)
          values (1, 1, 1, 1, ${position}, ${number}, ${`M${position}`}, ${at})`.execute(k);
      }

      await m007.up(k, engine);

      const measures = await sql<{ number: string | null }>`select number from measures order by position`.execute(k);
      expect(measures.rows.map((r) => r.number)).toEqual(['7', '10', null]);
      const goals = await sql<{ number: string | null }>`select number from goals`.execute(k);
      expect(goals.rows).toEqual([{ number: null }]);
      // Text now: "1.10" is kept as written.
      await sql`update measures set number = '1.10' where position = 3`.execute(k);
      expect((await sql<{ number: string }>`select number from measures where position = 3`.execute(k)).rows[0].number).toBe('1.10');
      const index = engine === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and name = 'measures_plan'`.execute(k)
        : await sql<{ name: string }>`select indexname as name from pg_indexes where indexname = 'measures_plan' and schemaname = current_schema()`.execute(k);
      expect(index.rows).toHaveLength(1);
    } finally {
      await db.close();
      await drop();
    }
  });
});
