// Migration 016 on translations written before review existed: each was typed by a person on the questionnaire's
// translation page, so it counts as reviewed by a person (reviewed when it was last saved) and stays public.
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

describe.each(engines)('migration 016 (translation review) on %s', (engine) => {
  let close = async () => {};
  afterEach(() => close());

  it('counts existing translations as reviewed by a person, and new rows default to the same', async () => {
    const { db, drop } = await open(engine);
    close = async () => { await db.close(); await drop(); };
    await migrate(db, '015_groups');
    const k = db.kysely;
    const at = '2026-01-01T00:00:00Z';
    const m = (await sql<{ id: number }>`insert into municipalities (slug, name, office_name, contact_person, contact_email, contact_phone, contact_address, is_demo, created_at) values ('amstadt', 'Amstadt', '', '', '', '', '', 0, ${at}) returning id`.execute(k)).rows[0].id;
    await sql`insert into translations (municipality_id, entity_type, entity_id, field, lang, text, source_hash, updated_at) values (${m}, 'questionnaire', 1, 'title', 'en', 'Survey', 'abc', ${at})`.execute(k);
    await migrate(db);
    const row = await k.selectFrom('translations').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'reviewed', origin: 'person', provider: '', reviewed_by: null, reviewed_at: at, source_text: '' });
  });
});
