import type { Kysely } from 'kysely';
import type { Engine } from '../db.js';
import { tableBuilders } from './builders.js';

// Tables of the monitoring module: yearly priorities (Jahresziele) and their links to goals and
// measures, indicators (Kennzahlen) with their time series, and the funding of measures. Values are
// 'double precision' (REAL affinity on SQLite); money is kept in whole cents so that sums stay exact.
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const { table, tenant } = tableBuilders(db, engine);

  await tenant(table('yearly_priorities'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('guiding_goal_id', 'integer', (c) => c.references('guiding_goals.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // One row per linked goal or measure (exactly one of the two is set).
  await tenant(table('yearly_priority_links'))
    .addColumn('priority_id', 'integer', (c) => c.notNull().references('yearly_priorities.id').onDelete('cascade'))
    .addColumn('goal_id', 'integer', (c) => c.references('goals.id').onDelete('cascade'))
    .addColumn('measure_id', 'integer', (c) => c.references('measures.id').onDelete('cascade'))
    .execute();

  await tenant(table('indicators'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('guiding_goal_id', 'integer', (c) => c.references('guiding_goals.id').onDelete('cascade'))
    .addColumn('goal_id', 'integer', (c) => c.references('goals.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_year', 'integer')
    .addColumn('target_value', 'double precision')
    .addColumn('target_year', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // period: "2024" (a year) or "2024-06-30" (a day).
  await tenant(table('indicator_values'))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('indicator_values_unique', ['municipality_id', 'indicator_id', 'period'])
    .execute();

  await tenant(table('measure_funding'))
    .addColumn('measure_id', 'integer', (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'bigint')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  const indexes: Array<[string, string, string[]]> = [
    ['yearly_priorities_plan', 'yearly_priorities', ['municipality_id', 'plan_id', 'year', 'position']],
    ['yearly_priority_links_priority', 'yearly_priority_links', ['municipality_id', 'priority_id']],
    ['indicators_plan', 'indicators', ['municipality_id', 'plan_id', 'position']],
    ['measure_funding_measure', 'measure_funding', ['municipality_id', 'measure_id']],
    ['measure_funding_end', 'measure_funding', ['municipality_id', 'end_date']],
  ];
  for (const [name, on, columns] of indexes) await db.schema.createIndex(name).on(on).columns(columns).execute();
}
