// Migration 012 on data written before actor names were unique: it must not fail on names that differ only in
// case and spaces, keeps both actors (the officer merges them), and from then on the database refuses a third.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { engines, PG_URL, type Engine } from './support.js';

async function open(engine: Engine): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (engine === 'sqlite') return { db: openDb({ sqliteFile: ':memory:' }), drop: async () => {} };
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query('create extension if not exists pg_trgm schema public').catch(() => undefined);
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDb({ databaseUrl: PG_URL, pgSchema: `${schema},public`, poolSize: 2 });
  return {
    db,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

describe.each(engines)('migration 012 (unique actor names) on %s', (engine) => {
  let close = async () => {};
  afterEach(() => close());

  it('keys existing names, keeps duplicates apart instead of failing, and enforces the key afterwards', async () => {
    const { db, drop } = await open(engine);
    close = async () => { await db.close(); await drop(); };
    await migrate(db, '006_content_version');
    const k = db.kysely;
    const at = '2026-01-01T00:00:00Z';
    const town = (slug: string) => sql<{ id: number }>`insert into municipalities (slug, name, office_name, contact_person, contact_email, contact_phone, contact_address, is_demo, created_at) values (${slug}, ${slug}, '', '', '', '', '', 0, ${at}) returning id`.execute(k);
    const a = (await town('amstadt')).rows[0].id;
    const b = (await town('bedorf')).rows[0].id;
    for (const [m, name] of [[a, 'Stadt Talheim'], [a, 'stadt  talheim'], [a, 'VHS'], [b, 'Stadt Talheim'], [a, 'STADT TALHEIM ']] as const) {
      await sql`insert into actors (municipality_id, parent_id, name, description, contact_email, website) values (${m}, null, ${name}, '', '', '')`.execute(k);
    }
    await migrate(db);
    const rows = await k.selectFrom('actors').select(['id', 'municipality_id', 'name', 'name_key']).orderBy('id').execute();
    expect(rows.map((r) => r.name_key)).toEqual(['stadt talheim', `stadt talheim#${rows[1].id}`, 'vhs', 'stadt talheim', `stadt talheim#${rows[4].id}`]);
    await expect(k.insertInto('actors').values({ municipality_id: a, parent_id: null, name: 'Stadt Talheim', name_key: 'stadt talheim', description: '', contact_email: '', website: '' }).execute()).rejects.toThrow();
  });
});
