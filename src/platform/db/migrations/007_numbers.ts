import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db.js';

// Measure and goal numbers are kept as the plan writes them ("1.1", "7.1.2", "A.3"): measures.number becomes
// text (an existing integer keeps its decimal text), goals get a nullable text number. The same steps run on
// both engines: a new column, the values copied, the old column dropped and the new one renamed, the index
// over the plan's numbers made again.
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.dropIndex('measures_plan').execute();
  await db.schema.alterTable('measures').addColumn('number_text', 'text').execute();
  await sql`update measures set number_text = cast(number as text) where number is not null`.execute(db);
  await db.schema.alterTable('measures').dropColumn('number').execute();
  await db.schema.alterTable('measures').renameColumn('number_text', 'number').execute();
  await db.schema.createIndex('measures_plan').on('measures').columns(['municipality_id', 'plan_id', 'number']).execute();
  await db.schema.alterTable('goals').addColumn('number', 'text').execute();
}
