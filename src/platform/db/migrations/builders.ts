// Table builders the migrations share: an identity column per engine and the tenant column. Migrations
// that ran depend on these: change them only by adding new builders.
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { Engine } from '../db.js';

export function tableBuilders(db: Kysely<unknown>, engine: Engine) {
  const table = (name: string): CreateTableBuilder<string, 'id'> =>
    engine === 'postgres'
      ? db.schema.createTable(name).addColumn('id', 'serial', (c) => c.primaryKey())
      : db.schema.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const tenant = <T extends string>(t: CreateTableBuilder<T, 'id'>) =>
    t.addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'));
  return { table, tenant };
}
