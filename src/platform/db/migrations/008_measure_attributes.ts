import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// A measure keeps its timeframe as the plan wrote it ("ab Herbst 2025", "laufend"), beside the start and end
// derived from it, and the columns a catalogue has beyond the known ones ("Kosten", "Zielgruppe") as labelled
// attributes in their order.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);
  await db.schema.alterTable('measures').addColumn('timeframe_label', 'text', (c) => c.notNull().defaultTo('')).execute();
  await tenant(table('measure_attributes'))
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('measure_attributes_measure').on('measure_attributes').columns(['measure_id', 'position']).execute();
}
