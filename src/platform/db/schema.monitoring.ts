// Tables of the monitoring module, as Kysely sees them (see schema.ts for the conventions).
import type { Generated } from 'kysely';

export interface YearlyPriorityTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  year: number;
  title: string;
  description: string;
  guiding_goal_id: number | null;
  position: number;
  created_at: string;
}

export interface YearlyPriorityLinkTable {
  id: Generated<number>;
  municipality_id: number;
  priority_id: number;
  goal_id: number | null;
  measure_id: number | null;
}

export interface IndicatorTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  guiding_goal_id: number | null;
  goal_id: number | null;
  name: string;
  unit: string;
  source: string;
  baseline_value: number | null;
  baseline_year: number | null;
  target_value: number | null;
  target_year: number | null;
  position: number;
  created_at: string;
}

export interface IndicatorValueTable {
  id: Generated<number>;
  municipality_id: number;
  indicator_id: number;
  /** "2024" or "2024-06-30" */
  period: string;
  value: number;
  created_at: string;
}

export interface MeasureFundingTable {
  id: Generated<number>;
  municipality_id: number;
  measure_id: number;
  programme: string;
  /** Whole euro cents; PostgreSQL returns bigint as a number here (see db.ts). */
  amount_cents: number | null;
  start_date: string | null;
  end_date: string | null;
  created_at: string;
}

export interface MonitoringTables {
  yearly_priorities: YearlyPriorityTable;
  yearly_priority_links: YearlyPriorityLinkTable;
  indicators: IndicatorTable;
  indicator_values: IndicatorValueTable;
  measure_funding: MeasureFundingTable;
}
