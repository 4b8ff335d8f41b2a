import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// Tables of the editions module: frozen snapshots of a plan, and where copied plan parts came from.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table } = tableBuilders(db, engine);

  // A snapshot is written once and never updated: the whole plan as JSON, so that it stays what the council
  // adopted however the live plan changes later.
  await table('editions')
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('adopted_on', 'text')
    .addColumn('paper_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('editions_plan').on('editions').columns(['municipality_id', 'plan_id', 'created_at']).execute();

  // When a new edition starts from the last one, its plan, fields, goals and measures are copies with new ids.
  // This remembers each copy's origin, so that comparisons still match a measure across the two plans.
  // No foreign key on the ids: an origin may be deleted later, and ids are never reused on either engine.
  await db.schema
    .createTable('edition_lineage')
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipalities.id').onDelete('cascade'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('origin_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_lineage_pk', ['municipality_id', 'entity_type', 'entity_id'])
    .execute();
  await db.schema.createIndex('edition_lineage_origin').on('edition_lineage').columns(['municipality_id', 'entity_type', 'origin_id']).execute();
}
