// The tenant: every request under /:slug belongs to one municipality, resolved once by the app's pipeline.
import type { CompiledQuery, Kysely, Selectable } from 'kysely';
import type { Db } from './db/db.js';
import type { Database, MunicipalityTable } from './db/schema.js';

export type Municipality = Selectable<MunicipalityTable>;

// The lookup runs on every request: its SQL is built once per database and only the slug changes.
const bySlug = new WeakMap<Kysely<Database>, CompiledQuery<Municipality>>();

export async function findMunicipalityBySlug(db: Kysely<Database>, slug: string): Promise<Municipality | null> {
  let query = bySlug.get(db);
  if (!query) bySlug.set(db, (query = db.selectFrom('municipalities').selectAll().where('slug', '=', '').compile()));
  const { rows } = await db.executeQuery<Municipality>({ ...query, parameters: [slug.toLowerCase()] });
  return rows[0] ?? null;
}

/** A municipality's id and content version: what the page cache's key needs of it. */
export interface MunicipalityVersion {
  id: number;
  version: number;
}

/** The channel on which PostgreSQL tells every process that a municipality's row changed (migration 029). */
export const CONTENT_CHANNEL = 'teilhabe_content';

/** The versions a process keeps, per database: a write in this process forgets its municipality's at once. */
const watches = new WeakMap<Kysely<Database>, VersionWatch>();

/**
 * A municipality's content version as kept in memory on PostgreSQL: read once, then trusted while this process
 * listens for changes (LISTEN teilhabe_content). A change forgets it; so does a lost connection (what was sent
 * meanwhile is lost), and until listening starts again every lookup reads the database. A read that began
 * before a change came in is not kept (the generation moved on), so an older version is never kept after a newer.
 * A kept version is read again after `ttlMs` even when nothing was heard: should a notification be lost on the
 * way (a proxy between app and database), a page is stale for that long at most.
 */
class VersionWatch {
  private readonly bySlug = new Map<string, MunicipalityVersion & { until: number }>();
  private listening = false;
  private generation = 0;
  private stop: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  lookup(slug: string): MunicipalityVersion | Promise<MunicipalityVersion | null> {
    const key = slug.toLowerCase();
    const kept = this.bySlug.get(key);
    if (kept && kept.until > this.now()) return kept;
    this.stop ??= this.db.listen!(CONTENT_CHANNEL, (payload) => this.message(payload), (on) => this.state(on));
    const generation = this.generation;
    return findMunicipalityBySlug(this.db.kysely, key).then((m) => {
      if (!m) return null;
      const found = { id: m.id, version: Number(m.content_version) };
      if (this.listening && this.generation === generation) this.bySlug.set(key, { ...found, until: this.now() + this.ttlMs });
      return found;
    });
  }

  /** Forgets a municipality's version (its row changed, in this process or another). */
  forget(municipalityId: number): void {
    this.generation++;
    for (const [slug, v] of this.bySlug) if (v.id === municipalityId) this.bySlug.delete(slug);
  }

  private message(payload: string): void {
    const [schema, id] = payload.split(' ');
    if (this.db.schema && schema !== this.db.schema) return;
    this.forget(Number(id));
  }

  private state(on: boolean): void {
    this.generation++;
    this.bySlug.clear();
    this.listening = on;
  }
}

/** After a write's transaction committed: the municipality's content changed, its kept version is forgotten. */
export function contentChanged(db: Kysely<Database>, municipalityId: number): void {
  watches.get(db)?.forget(municipalityId);
}

/**
 * Reads a municipality's content version by slug, on every request for a kept page: on SQLite a prepared
 * statement run directly on the connection (no query builder, no promise); on PostgreSQL kept in memory while
 * the process listens for changes (VersionWatch), else the compiled query above.
 */
export function municipalityVersions(
  db: Db,
  { ttlMs = 10_000, now = Date.now }: { ttlMs?: number; now?: () => number } = {},
): (slug: string) => MunicipalityVersion | null | Promise<MunicipalityVersion | null> {
  if (db.sqlite) {
    const stmt = db.sqlite.prepare<[string], { id: number; content_version: number }>('select id, content_version from municipalities where slug = ?');
    return (slug) => {
      const row = stmt.get(slug.toLowerCase());
      return row ? { id: row.id, version: Number(row.content_version) } : null;
    };
  }
  if (db.listen) {
    let watch = watches.get(db.kysely);
    if (!watch) watches.set(db.kysely, (watch = new VersionWatch(db, ttlMs, now)));
    const w = watch;
    return (slug) => w.lookup(slug);
  }
  return async (slug) => {
    const m = await findMunicipalityBySlug(db.kysely, slug);
    return m ? { id: m.id, version: Number(m.content_version) } : null;
  };
}
