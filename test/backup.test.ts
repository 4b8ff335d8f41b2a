// Backups on SQLite (the online backup API) and PostgreSQL (pg_dump, pg_restore): a backup taken while writes go
// on restores into an empty database as one consistent snapshot, and a backup of the demo municipality restores
// with every table equal, row for row. A restore never writes into a database that has tables; the CLI says why
// it refuses, in the reader's language.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, runCli } from '../src/cli.js';
import { seedDemo } from '../src/modules/demo/index.js';
import { backupDatabase, BackupError, restoreDatabase, tableNames } from '../src/platform/db/backup.js';
import { openDb, type Db } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createTestEnv, engines, PG_URL } from './support.js';

/** Every row of every table, each table's rows sorted, so two databases compare as values. */
async function contents(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of await tableNames(db)) {
    const rows = await db.kysely.selectFrom(table as never).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

// Seeding the demo, dumping and restoring with PostgreSQL's own programs and comparing every table: minutes, not
// seconds, on a busy machine.
const SLOW = 180_000;

describe.each(engines)('backup and restore on %s', (engine) => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-backup-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** An empty database to restore into: a new SQLite file, or a new PostgreSQL database. */
  async function emptyDatabase(name: string, schema?: string): Promise<{ db: Db; url?: string; drop(): Promise<void> }> {
    if (engine === 'sqlite') {
      const db = openDb({ sqliteFile: path.join(dir, `${name}.sqlite`) });
      return { db, drop: () => db.close() };
    }
    const database = `restore_${name}_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    const url = PG_URL!.replace(/\/[^/]*$/, `/${database}`);
    const db = openDb({ databaseUrl: url, pgSchema: schema, poolSize: 2 });
    return {
      db, url,
      async drop() {
        await db.close();
        // The pool's sockets close after close() resolves: wait for the server to see them gone, for a forced drop
        // would end a connection still closing, and its client would report the server's "terminated" as an error.
        for (let i = 0; i < 250; i++) {
          const left = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [database]);
          if (left.rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await admin.query(`drop database if exists ${database} with (force)`);
        await admin.end();
      },
    };
  }

  it('restores the demo municipality into an empty database with every table equal', async () => {
    const env = await createTestEnv(engine, {}, { sqliteFile: true });
    const target = await emptyDatabase('demo', env.db.schema ? `${env.db.schema},public` : undefined);
    try {
      await seedDemo(env.services);
      const before = await contents(env.db);
      expect(Object.keys(before).length).toBeGreaterThan(50);
      expect(Object.values(before).filter((rows) => rows.length > 0).length).toBeGreaterThan(40);
      const file = path.join(dir, `demo-${engine}.backup`);
      const { tables } = await backupDatabase(env.db, file, PG_URL);
      expect(tables).toBe(Object.keys(before).length);

      // never over an existing file, never into a database that has tables
      await expect(backupDatabase(env.db, file, PG_URL)).rejects.toMatchObject({ key: 'cli.backup.exists' });
      await expect(restoreDatabase(env.db, file, PG_URL)).rejects.toBeInstanceOf(BackupError);

      expect(await restoreDatabase(target.db, file, target.url)).toEqual({ tables: Object.keys(before).length });
      const after = await contents(target.db);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      // the restored database is at this version: nothing left to migrate
      expect(await migrate(target.db)).toEqual([]);
    } finally {
      await target.drop();
      await env.close();
    }
  }, SLOW);

  it('takes a consistent snapshot while writes go on', async () => {
    const env = await createTestEnv(engine, {}, { sqliteFile: true });
    const target = await emptyDatabase('busy', env.db.schema ? `${env.db.schema},public` : undefined);
    try {
      const demo = await seedDemo(env.services);
      void demo;
      const m = (await env.services.municipalities.findBySlug('musterstadt'))!;
      const plan = (await env.services.plans.findCurrentPublishedPlan(m.id))!;
      const measure = (await env.services.plans.tree(m.id, plan.id)).fields[0].goals[0].measures[0];
      const by = { userId: null, name: 'Test' };
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          // a note and its audit entry: one transaction, so a snapshot holds both or neither
          await env.services.plans.addNote(m.id, measure.id, { text: `Laufender Vermerk ${written + 1}`, note_date: '2026-03-01' }, by);
          written++;
          // yield to the event loop: on SQLite a write completes without waiting on anything
          await new Promise((r) => setImmediate(r));
        }
      })();
      while (written < 3) await new Promise((r) => setImmediate(r));
      const file = path.join(dir, `busy-${engine}.backup`);
      await backupDatabase(env.db, file, PG_URL);
      writing = false;
      await writer;

      await restoreDatabase(target.db, file, target.url);
      const notes = await target.db.kysely.selectFrom('progress_notes').select('text').where('text', 'like', 'Laufender Vermerk %').execute();
      const audits = await target.db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'measure.note').execute();
      // the notes in the backup are the first k written, each with its audit entry
      const k = notes.length;
      expect(k).toBeGreaterThanOrEqual(3);
      expect(k).toBeLessThanOrEqual(written);
      expect(notes.map((n) => n.text).sort()).toEqual(Array.from({ length: k }, (_, i) => `Laufender Vermerk ${i + 1}`).sort());
      expect(audits.length).toBe(k);
    } finally {
      await target.drop();
      await env.close();
    }
  }, SLOW);
});

describe('teilhabe backup / restore (CLI, SQLite)', () => {
  let dir: string;
  const lines: string[] = [];
  const run = (...args: string[]) => runCli([...args, '--lang', 'en'], (l) => lines.push(l));
  const dataDir = process.env.DATA_DIR;
  const databaseUrl = process.env.DATABASE_URL;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-backup-cli-'));
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    if (dataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = dataDir;
    if (databaseUrl !== undefined) process.env.DATABASE_URL = databaseUrl;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a backup and restores it into an empty data directory; refuses to overwrite', async () => {
    process.env.DATA_DIR = path.join(dir, 'live');
    await run('migrate');
    await run('create-municipality', '--slug', 'sicherdorf', '--name', 'Sicherdorf', '--admin-email', 'chef@sicherdorf.de', '--admin-name', 'Chefin');
    const file = path.join(dir, 'sicherdorf.backup');
    await run('backup', '--out', file);
    expect(lines.at(-1)).toMatch(/^Backup written: .*sicherdorf\.backup \(\d+ tables\)\.$/);
    await expect(run('backup', '--out', file)).rejects.toThrow(new CliError(`${file} exists already; a backup overwrites no file.`));
    await expect(run('restore', '--from', file)).rejects.toThrow('The database is not empty.');
    await expect(run('restore', '--from', path.join(dir, 'nothing.backup'))).rejects.toThrow('does not exist');

    process.env.DATA_DIR = path.join(dir, 'restored');
    await run('restore', '--from', file);
    expect(lines.at(-1)).toMatch(/^Backup .* restored \(\d+ tables\)\.$/);
    const db = openDb({ sqliteFile: path.join(dir, 'restored', 'teilhabe.sqlite') });
    try {
      expect((await db.kysely.selectFrom('municipalities').select('name').execute()).map((r) => r.name)).toEqual(['Sicherdorf']);
    } finally {
      await db.close();
    }

    fs.writeFileSync(path.join(dir, 'text.backup'), 'no database');
    process.env.DATA_DIR = path.join(dir, 'third');
    await expect(run('restore', '--from', path.join(dir, 'text.backup'))).rejects.toThrow('is not a Teilhabe backup');
  });
});
