// Backups while the app runs, and restoring one into an empty database. SQLite: the online backup API copies the
// database page by page as one consistent snapshot while others go on writing (WAL). PostgreSQL: pg_dump (one
// consistent snapshot of the app's schema, custom format) and pg_restore. A backup restores only into an empty
// database: restoring never overwrites what is there. The tables are then migrated to this version.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from './db.js';

/** Why a backup or a restore was refused; `key` names the message (namespace `cli`), `values` its details. */
export class BackupError extends Error {
  constructor(readonly key: string, readonly values: Record<string, string> = {}) {
    super(`${key} ${JSON.stringify(values)}`);
  }
}

/** The tables a database holds (the app's schema on PostgreSQL), sorted. */
export async function tableNames(db: Db): Promise<string[]> {
  if (db.engine === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db.kysely);
    return rows.rows.map((r) => r.name);
  }
  const rows = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = ${pgSchema(db)} and table_type = 'BASE TABLE' order by table_name`.execute(db.kysely);
  return rows.rows.map((r) => r.name);
}

/** Pages per backup step: more than any database has. */
const ALL_PAGES = 2 ** 30;

function pgSchema(db: Db): string {
  return db.schema ?? 'public';
}

/** Runs a PostgreSQL client program; its error output becomes the refusal's detail. */
function run(program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new BackupError('cli.backup.programMissing', { program }) : e));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError('cli.backup.programFailed', { program, detail: err.trim().split('\n').slice(-3).join(' ') }))));
  });
}

/**
 * Writes a consistent backup of the running database to `out` (a new file; an existing one is not overwritten).
 * `databaseUrl` is the PostgreSQL connection (pg_dump connects itself).
 */
export async function backupDatabase(db: Db, out: string, databaseUrl?: string): Promise<{ tables: number }> {
  if (fs.existsSync(out)) throw new BackupError('cli.backup.exists', { file: out });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const tables = (await tableNames(db)).length;
  if (db.engine === 'sqlite') {
    if (!db.file) throw new BackupError('cli.backup.memory');
    const source = new SQLite(db.file, { readonly: true, fileMustExist: true });
    try {
      // After the first step, all remaining pages in one step: a step reads under one lock, so writers cannot
      // make it start over (small steps restart whenever another connection writes).
      await source.backup(out, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    return { tables };
  }
  if (!databaseUrl) throw new BackupError('cli.backup.noUrl');
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--schema=${pgSchema(db)}`, `--file=${out}`, `--dbname=${databaseUrl}`]);
  return { tables };
}

/**
 * Restores a backup into this database, which must be empty (no tables at all; a new SQLite file or a new
 * PostgreSQL database or schema). The file must be a Teilhabe backup of the same engine.
 */
export async function restoreDatabase(db: Db, from: string, databaseUrl?: string): Promise<{ tables: number }> {
  if (!fs.existsSync(from)) throw new BackupError('cli.backup.missing', { file: from });
  if ((await tableNames(db)).length > 0) throw new BackupError('cli.backup.notEmpty');
  if (db.engine === 'sqlite') {
    if (!db.file) throw new BackupError('cli.backup.memory');
    let source: SQLite.Database;
    try {
      source = new SQLite(from, { readonly: true, fileMustExist: true });
      source.prepare('select count(*) from kysely_migration').get();
    } catch {
      throw new BackupError('cli.backup.notABackup', { file: from });
    }
    try {
      // The backup API writes into the open target: pages replaced as one, the target's WAL kept consistent.
      await source.backup(db.file);
    } finally {
      source.close();
    }
    return { tables: (await tableNames(db)).length };
  }
  if (!databaseUrl) throw new BackupError('cli.backup.noUrl');
  // A dump of one schema holds no extensions: the search index's trigram operators come first (as migration 001 has them).
  await sql`create extension if not exists pg_trgm with schema public`.execute(db.kysely);
  await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`, from]);
  return { tables: (await tableNames(db)).length };
}
