// The tenant: every request under /:slug belongs to one municipality, resolved once by the app's pipeline.
import type { CompiledQuery, Kysely, Selectable } from 'kysely';
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
