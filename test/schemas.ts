// PostgreSQL schemas for test envs (test/support.ts). A closed env's schema is emptied and kept for the next
// env of the same file, which takes it instead of migrating a new one (on a busy machine 4 s against 0.1 s):
// the four outcomes' writes make one env per route. A schema is kept only when its shape (tables, columns,
// defaults, constraints, triggers, functions, migrations run) is still what migrating gave, so a test that
// changed it (a failing trigger) never hands that on; it is emptied with every sequence started anew, as a
// fresh one is. What is left when a file ends is dropped (test/setup.ts).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.TEST_DATABASE_URL ?? (process.env.CI === 'true' ? 'postgres://postgres@127.0.0.1:5432/test' : undefined);

const spareSchemas: string[] = [];
const MAX_SPARE_SCHEMAS = 3;
let migratedShape: string | undefined;

async function asAdmin<T>(run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

/** A schema for a new env: a kept one, migrated already, or a new one the caller migrates. */
export async function takeSchema(): Promise<{ schema: string; migrated: boolean }> {
  const spare = spareSchemas.pop();
  if (spare) return { schema: spare, migrated: true };
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await asAdmin(async (admin) => {
    // pg_trgm lives in public once, so that every test schema finds its operator classes.
    await admin.query('create extension if not exists pg_trgm schema public').catch(() => undefined);
    await admin.query(`create schema ${schema}`);
  });
  return { schema, migrated: false };
}

/** Called once a new schema is migrated: its shape is what a kept schema must still have. */
export async function schemaMigrated(schema: string): Promise<void> {
  migratedShape ??= await asAdmin((admin) => shapeOf(admin, schema));
}

async function shapeOf(admin: pg.Client, schema: string): Promise<string> {
  const { rows } = await admin.query<{ shape: string }>(
    // The schema's own name (in defaults and checks) is left out: a kept schema is compared with another one.
    `select md5(string_agg(replace(x, $1::text, 'schema'), ',' order by x)) as shape from (
       select 'c:' || c.relname || ':' || c.relkind::text as x from pg_class c where c.relnamespace = $1::regnamespace
       union all select 'a:' || c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull::text
         from pg_attribute a join pg_class c on a.attrelid = c.oid where c.relnamespace = $1::regnamespace and a.attnum > 0 and not a.attisdropped
       union all select 'd:' || c.relname || '.' || d.adnum || ':' || pg_get_expr(d.adbin, d.adrelid)
         from pg_attrdef d join pg_class c on d.adrelid = c.oid where c.relnamespace = $1::regnamespace
       union all select 'n:' || n.conname || ':' || pg_get_constraintdef(n.oid) from pg_constraint n where n.connamespace = $1::regnamespace
       union all select 't:' || t.tgname from pg_trigger t join pg_class c on t.tgrelid = c.oid where c.relnamespace = $1::regnamespace
       union all select 'p:' || p.proname from pg_proc p where p.pronamespace = $1::regnamespace
       union all select 'm:' || name from ${schema}.kysely_migration
     ) s`,
    [schema],
  );
  return rows[0].shape;
}

/** After the env's pool is closed: the schema is emptied and kept, or dropped. */
export async function releaseSchema(schema: string): Promise<void> {
  await asAdmin(async (admin) => {
    if (spareSchemas.length < MAX_SPARE_SCHEMAS && migratedShape && (await shapeOf(admin, schema)) === migratedShape) {
      try {
        // One statement, one transaction; the foreign keys' triggers are off while every table is emptied.
        await admin.query(`do $$
          declare r record;
          begin
            perform set_config('session_replication_role', 'replica', true);
            for r in select relname from pg_class where relnamespace = '${schema}'::regnamespace and relkind in ('r', 'p') and relname not like 'kysely\\_%' loop
              execute format('delete from %I.%I', '${schema}', r.relname);
            end loop;
            for r in select relname from pg_class where relnamespace = '${schema}'::regnamespace and relkind = 'S' loop
              execute format('alter sequence %I.%I restart', '${schema}', r.relname);
            end loop;
          end $$`);
        spareSchemas.push(schema);
        return;
      } catch (e) {
        // not allowed to turn the triggers off (not a superuser): the schema goes
        if ((e as { code?: string }).code !== '42501') console.warn(`test schema ${schema} not emptied, dropped: ${String(e)}`);
      }
    }
    await admin.query(`drop schema ${schema} cascade`);
  });
}

/**
 * Drops the schemas kept for envs that did not come (test/setup.ts, after each file). The next file starts
 * afresh, its shape included: files share a worker's modules (vitest.config.ts), and one file's migrations may
 * be another's.
 */
export async function dropSpareSchemas(): Promise<void> {
  migratedShape = undefined;
  const schemas = spareSchemas.splice(0);
  if (schemas.length > 0) await asAdmin(async (admin) => void (await admin.query(`drop schema ${schemas.join(', ')} cascade`)));
}
