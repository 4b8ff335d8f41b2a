// The SQL of municipalities. A municipality's own rows are found by its id; the list and the insert are the
// instance's (the instance admin's page, the CLI, the demo data).
import type { Insertable, Kysely } from 'kysely';
import type { Database, MunicipalityTable } from '../../platform/db/schema.js';
import type { Municipality } from '../../platform/tenancy.js';
import type { MunicipalitySettings } from './municipality.schema.js';

/** A connection or a caller's transaction (a Transaction is a Kysely). */
type Conn = Kysely<Database>;

/** Every municipality of the instance, by name. */
export function listMunicipalities(db: Conn): Promise<Municipality[]> {
  return db.selectFrom('municipalities').selectAll().orderBy('name').execute();
}

export function findMunicipality(db: Conn, municipalityId: number): Promise<Municipality | undefined> {
  return db.selectFrom('municipalities').selectAll().where('id', '=', municipalityId).executeTakeFirst();
}

/** A new municipality; returns its id. */
export async function insertMunicipality(db: Conn, values: Insertable<MunicipalityTable>): Promise<number> {
  const row = await db.insertInto('municipalities').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMunicipality(db: Conn, municipalityId: number, settings: MunicipalitySettings): Promise<void> {
  await db.updateTable('municipalities').set(settings).where('id', '=', municipalityId).execute();
}
