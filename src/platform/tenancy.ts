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

/**
 * Reads a municipality's content version by slug, on every request for a kept page: on SQLite a prepared
 * statement run directly on the connection (no query builder, no promise), else the compiled query above.
 */
export function municipalityVersions(db: Db): (slug: string) => MunicipalityVersion | null | Promise<MunicipalityVersion | null> {
  if (db.sqlite) {
    const stmt = db.sqlite.prepare<[string], { id: number; content_version: number }>('select id, content_version from municipalities where slug = ?');
    return (slug) => {
      const row = stmt.get(slug.toLowerCase());
      return row ? { id: row.id, version: Number(row.content_version) } : null;
    };
  }
  return async (slug) => {
    const m = await findMunicipalityBySlug(db.kysely, slug);
    return m ? { id: m.id, version: Number(m.content_version) } : null;
  };
}
