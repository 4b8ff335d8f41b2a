import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.js';

/** The key two actor names are the same by: case and runs of blank characters do not count. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('de').replace(/\s+/gu, ' ').trim();
}

// Actor names are unique per municipality, case- and space-insensitively ("Stadt  Talheim" = "stadt talheim").
// The database enforces it: a column with the name's key and a unique index on (municipality, key), so two
// writes racing each other cannot both win, on either engine. Existing data may already hold such pairs (the
// importer and the form never checked), and a migration must not fail on them nor merge organisations behind
// the officer's back: the first of a pair keeps the plain key, each later one gets its id appended ("key#17").
// Both stay in the directory, marked as a likely duplicate, until the officer merges them; saving the later one
// under its name is refused with the usual "already exists" message. The repository computes the key on every
// insert and rename (same function as here), so no other code writes it.
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('actors').addColumn('name_key', 'text', (c) => c.notNull().defaultTo('')).execute();
  const rows = await sql<{ id: number; municipality_id: number; name: string }>`select id, municipality_id, name from actors order by id`.execute(db);
  const seen = new Set<string>();
  for (const row of rows.rows) {
    const key = nameKey(row.name);
    const scoped = `${row.municipality_id}\u0000${key}`;
    const stored = seen.has(scoped) ? `${key}#${row.id}` : key;
    seen.add(scoped);
    await sql`update actors set name_key = ${stored} where id = ${row.id}`.execute(db);
  }
  await db.schema.createIndex('actors_name_key').on('actors').columns(['municipality_id', 'name_key']).unique().execute();
}
