import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.js';

// PostgreSQL tells every app process when a municipality's row changes (its content version moved on, its
// address or settings changed, it was deleted): a NOTIFY on `teilhabe_content` with the schema and the
// municipality's id, sent when the writing transaction commits. The processes keep the versions in memory and
// forget a municipality's on this message, instead of reading the version for every kept page. SQLite has one
// process (and reads the version in microseconds): nothing to do.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`
    create or replace function teilhabe_content_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('teilhabe_content', tg_table_schema || ' ' || old.id);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger municipalities_content_changed after update or delete on municipalities
    for each row execute function teilhabe_content_changed()`.execute(db);
}
