// Opens the database: embedded SQLite (a file under DATA_DIR) by default, PostgreSQL when DATABASE_URL is set.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type KyselyConfig, type LogEvent, type SqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import { SchemaPostgresDialect } from './postgres.dialect.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  /** The PostgreSQL schema the tables live in (first of the search path). */
  schema?: string;
  /** The SQLite database file (not for an in-memory database): another thread may open its own connection. */
  file?: string;
  /** The SQLite connection itself, for the one read that runs on every request without a query builder (tenancy). */
  sqlite?: SQLite.Database;
  /**
   * PostgreSQL only: listens on a notification channel on a connection of its own (LISTEN), kept open and opened
   * again after a loss. `onState` learns when listening starts (after every (re)connect: notifications sent while
   * it was down are lost) and when it stops. Returns the function that stops listening; close() stops every one.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onState: (listening: boolean) => void): () => void;
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl?: string;
  /** SQLite file path, or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests give each file its own). */
  pgSchema?: string;
  /**
   * Where the connection that LISTENs for other processes' writes goes (default: databaseUrl). It needs a session
   * of its own: behind a PgBouncer in transaction mode, point this at PostgreSQL itself (or a session-mode pool).
   */
  listenUrl?: string;
  /** Connections in the PostgreSQL pool (default 10). */
  poolSize?: number;
  /**
   * Called with the SQL of every statement Kysely sends to the database, inside transactions too (on both
   * engines Kysely sends begin/commit/rollback through the same path, so they are reported as well), failed
   * statements included. For benchmarks; when unset, Kysely gets no log hook at all.
   */
  onQuery?: (sql: string, ms: number) => void;
}

/** Kysely's `log` option for an onQuery hook, or nothing. */
function logOption(onQuery: DbOptions['onQuery']): Pick<KyselyConfig, 'log'> {
  return onQuery ? { log: (event: LogEvent) => onQuery(event.query.sql, event.queryDurationMillis) } : {};
}

/** Prepared statements kept per SQL text (the last ones used): Kysely prepares every query anew otherwise. */
const STATEMENTS_KEPT = 1000;

/**
 * The SQLite connection as Kysely sees it, with prepared statements reused: preparing costs more than running
 * most of our queries. A statement still being iterated (a stream) is not handed out twice; SQLite prepares a
 * statement again by itself when the schema changed.
 */
function reusingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, KeptStatement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      // A transaction takes the write lock when it begins: when another connection (the response writer's
      // thread) writes too, a transaction that read first could otherwise not upgrade and would fail at once
      // instead of waiting (busy_timeout) for the other's commit.
      const sql = text === 'begin' ? 'begin immediate' : text;
      const found = kept.get(sql);
      if (found && !found.busy) {
        kept.delete(sql);
        kept.set(sql, found);
        return found;
      }
      const stmt = rowsAsObjects(sqlite.prepare(sql));
      if (!found) {
        if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
        kept.set(sql, stmt);
      }
      return stmt;
    },
  };
}

type KeptStatement = SqliteStatement & { readonly busy: boolean };

/**
 * A statement that reads its rows as arrays and makes the objects here, by the columns' names (the last of
 * equal names wins, as in the driver's own objects): better-sqlite3 builds an object per row about 1.6 times
 * as slowly, which on a plan of 500 measures is a millisecond or two a page (bench/http.ts, docs/performance.md).
 */
function rowsAsObjects(stmt: SQLite.Statement): KeptStatement {
  if (!stmt.reader) return stmt;
  stmt.raw(true);
  const names = stmt.columns().map((c) => c.name);
  const toObject = (row: unknown[]) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) o[names[i]] = row[i];
    return o;
  };
  return {
    reader: true,
    get busy() {
      return stmt.busy;
    },
    all: (parameters) => (stmt.all(parameters) as unknown[][]).map(toObject),
    run: (parameters) => stmt.run(parameters),
    *iterate(parameters) {
      for (const row of stmt.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(row);
    },
  };
}

/**
 * A connection to a SQLite file (or ':memory:') set up as the app's own: for the few writers that need the
 * driver itself (the response writer's thread runs prepared statements without a query builder).
 */
export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL with synchronous=FULL: an acknowledged write survives a kill -9 (DESIGN: nothing lost).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** How often a long-lived SQLite connection refreshes the planner's statistics where they are stale. */
const SQLITE_OPTIMIZE_MS = 60 * 60 * 1000;

/** How long a lost LISTEN connection waits before it connects again. */
const LISTEN_RETRY_MS = 1000;

/** LISTEN on a connection of its own; connects again after an error or a lost connection. */
function listenOn(config: pg.ClientConfig, channel: string, onMessage: (payload: string) => void, onState: (listening: boolean) => void): () => void {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    onState(false);
    c.end().catch(() => undefined);
    if (!stopped) {
      retry = setTimeout(connect, LISTEN_RETRY_MS);
      retry.unref();
    }
  };
  const connect = () => {
    retry = null;
    const c = new pg.Client(config);
    client = c;
    c.on('notification', (n) => {
      if (client === c && n.channel === channel) onMessage(n.payload ?? '');
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.connect()
      .then(() => c.query(`listen ${pg.escapeIdentifier(channel)}`))
      .then(() => {
        if (client === c) onState(true);
      }, () => lost(c));
  };
  connect();
  return () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    if (c) {
      onState(false);
      c.end().catch(() => undefined);
    }
  };
}

export function openDb(options: DbOptions): Db {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    // bigint counts (count(*)) come back as strings by default; our counts fit a JS number.
    pg.types.setTypeParser(20, (v) => Number(v));
    const kysely = new Kysely<Database>({ dialect: new SchemaPostgresDialect({ pool }), ...logOption(options.onQuery) });
    const listeners = new Set<() => void>();
    return {
      kysely, engine: 'postgres', schema: options.pgSchema?.split(',')[0],
      listen(channel, onMessage, onState) {
        const stop = listenOn({ connectionString: options.listenUrl ?? options.databaseUrl!, application_name: `teilhabe listen ${options.pgSchema?.split(',')[0] ?? ''}`.trim() }, channel, onMessage, onState);
        listeners.add(stop);
        return () => {
          listeners.delete(stop);
          stop();
        };
      },
      async close() {
        for (const stop of listeners) stop();
        listeners.clear();
        await kysely.destroy();
      },
    };
  }
  const file = options.sqliteFile ?? ':memory:';
  const sqlite = openSqlite(file);
  // The planner's statistics: gathered where a table lacks them or has grown much since (SQLite's advice for a
  // connection that lives long: optimize=0x10002 when it opens, then now and then), so that a plan imported
  // into an empty database does not leave the planner guessing that its 500 measures are a handful.
  sqlite.pragma('optimize = 0x10002');
  const optimizing = setInterval(() => sqlite.pragma('optimize'), SQLITE_OPTIMIZE_MS);
  optimizing.unref();
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }), ...logOption(options.onQuery) });
  return {
    kysely, engine: 'sqlite', file: file === ':memory:' ? undefined : file, sqlite,
    close: () => {
      clearInterval(optimizing);
      return kysely.destroy();
    },
  };
}
