// The tenant: every request under /:slug belongs to one municipality, resolved once by the app's pipeline.
import type { Kysely, Selectable } from 'kysely';
import type { Database, MunicipalityTable } from './db/schema.js';

export type Municipality = Selectable<MunicipalityTable>;

export async function findMunicipalityBySlug(db: Kysely<Database>, slug: string): Promise<Municipality | null> {
  return (await db.selectFrom('municipalities').selectAll().where('slug', '=', slug.toLowerCase()).executeTakeFirst()) ?? null;
}
