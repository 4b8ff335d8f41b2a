// PostgreSQL as Kysely speaks it, kept to the schemas of this app's search path. Kysely's own introspector
// reads the tables of every schema in the database, calling pg_get_serial_sequence and has_schema_privilege
// on each: another schema dropped meanwhile (a second instance's, a test's) fails the look-up with
// `schema "…" does not exist`, and its cost grows with every schema there is. Its migration lock is one
// advisory lock for the whole server, so migrations of unrelated schemas wait for each other. Here both are
// per schema: the migrator looks only at the tables it can see, and locks only its own schema.
import {
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type DialectAdapter,
  type Kysely,
  type TableMetadata,
} from 'kysely';

/** The first key of the two-key advisory locks (Kysely's own lock is a single bigint key: no overlap). */
const MIGRATION_LOCK_CLASS = 0x7e11_4abe;

interface ColumnRow {
  column: string;
  not_null: boolean;
  has_default: boolean;
  table: string;
  table_type: string;
  schema: string;
  type: string;
  type_schema: string;
  column_description: string | null;
  auto_incrementing: string | null;
}

class SearchPathIntrospector extends PostgresIntrospector implements DatabaseIntrospector {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's introspectors take any database
  constructor(private readonly kysely: Kysely<any>) {
    super(kysely);
  }

  /** The tables and views of the schemas on the search path, read as Kysely's introspector reads them. */
  override async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<ColumnRow>`
      select a.attname as "column", a.attnotnull as not_null, a.atthasdef as has_default, c.relname as "table",
        c.relkind as table_type, ns.nspname as "schema", typ.typname as "type", dtns.nspname as type_schema,
        col_description(a.attrelid, a.attnum) as column_description,
        pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname) as auto_incrementing
      from pg_catalog.pg_attribute a
        join pg_catalog.pg_class c on a.attrelid = c.oid
        join pg_catalog.pg_namespace ns on c.relnamespace = ns.oid
        join pg_catalog.pg_type typ on a.atttypid = typ.oid
        join pg_catalog.pg_namespace dtns on typ.typnamespace = dtns.oid
      where ns.nspname = any(current_schemas(false)) and c.relkind in ('r', 'v', 'p') and a.attnum >= 0 and not a.attisdropped
      order by ns.nspname, c.relname, a.attnum`.execute(this.kysely);
    const internal = new Set(['kysely_migration', 'kysely_migration_lock']);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
    for (const r of rows) {
      if (!options.withInternalKyselyTables && internal.has(r.table)) continue;
      const key = `${r.schema}.${r.table}`;
      let table = tables.get(key);
      if (!table) {
        table = { name: r.table, schema: r.schema, isView: r.table_type === 'v', columns: [] };
        tables.set(key, table);
      }
      table.columns.push({
        name: r.column, dataType: r.type, dataTypeSchema: r.type_schema, comment: r.column_description ?? undefined,
        isAutoIncrementing: r.auto_incrementing !== null, isNullable: !r.not_null, hasDefaultValue: r.has_default,
      });
    }
    return [...tables.values()];
  }
}

class SchemaLockAdapter extends PostgresAdapter {
  // Session locks, as Kysely's: held from before the first migration until after the last.
  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_CLASS)}, hashtext(current_schema()))`.execute(db);
  }

  override async releaseMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_CLASS)}, hashtext(current_schema()))`.execute(db);
  }
}

export class SchemaPostgresDialect extends PostgresDialect {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's introspectors take any database
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SearchPathIntrospector(db);
  }

  override createAdapter(): DialectAdapter {
    return new SchemaLockAdapter();
  }
}
