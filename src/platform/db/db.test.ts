// The SQLite connection as Kysely sees it: rows come back as the driver's own objects would (by column name,
// the last of equal names winning), from `all` and from streaming alike, and writes report what they changed. And
// the planner's statistics are gathered when a database is opened that lacks them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from './db.js';

describe('SQLite rows', () => {
  let db: Db;
  beforeAll(async () => {
    db = openDb({ sqliteFile: ':memory:' });
    await sql`create table t (id integer primary key, name text, amount real, data blob, note text)`.execute(db.kysely);
  });
  afterAll(() => db.close());

  it('reads rows as objects with every column, of the right types, also when streamed', async () => {
    const inserted = await sql`insert into t (name, amount, data, note) values ('Sprachcafé', 2.5, x'0102', null), ('Kurs', 3, null, 'ü')`.execute(db.kysely);
    expect(inserted.numAffectedRows).toBe(2n);
    const rows = await sql<Record<string, unknown>>`select * from t order by id`.execute(db.kysely);
    expect(rows.rows).toEqual([
      { id: 1, name: 'Sprachcafé', amount: 2.5, data: Buffer.from([1, 2]), note: null },
      { id: 2, name: 'Kurs', amount: 3, data: null, note: 'ü' },
    ]);
    expect(Object.keys(rows.rows[0])).toEqual(['id', 'name', 'amount', 'data', 'note']);
    const streamed: unknown[] = [];
    for await (const row of db.kysely.selectFrom('t' as never).select(['id', 'name'] as never).orderBy('id' as never).stream()) streamed.push(row);
    expect(streamed).toEqual([{ id: 1, name: 'Sprachcafé' }, { id: 2, name: 'Kurs' }]);
  });

  it('gives equal column names the last value, as the driver does', async () => {
    const rows = await sql<Record<string, unknown>>`select 1 as x, 2 as y, 3 as x`.execute(db.kysely);
    expect(rows.rows).toEqual([{ x: 3, y: 2 }]);
  });
});

describe('SQLite statistics', () => {
  it('a database whose tables were filled without statistics gets them when it is opened', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-optimize-'));
    const file = path.join(dir, 'teilhabe.sqlite');
    try {
      const raw = new SQLite(file);
      raw.exec('create table t (id integer primary key, a integer); create index t_a on t (a)');
      const insert = raw.prepare('insert into t (a) values (?)');
      raw.transaction(() => { for (let i = 0; i < 2000; i++) insert.run(i % 40); })();
      expect(raw.prepare("select count(*) as n from sqlite_master where name = 'sqlite_stat1'").get()).toEqual({ n: 0 });
      raw.close();
      const db = openDb({ sqliteFile: file });
      try {
        expect(db.sqlite!.prepare('select tbl, idx from sqlite_stat1').all()).toEqual([{ tbl: 't', idx: 't_a' }]);
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
