// Tables of the editions module, as Kysely sees them (see schema.ts for the conventions).
import type { Generated } from 'kysely';

export interface EditionTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  label: string;
  /** ISO date of the council's decision, when there was one. */
  adopted_on: string | null;
  /** The council paper (Drucksachennummer). */
  paper_number: string;
  note: string;
  /** The plan as it was: see src/modules/editions/snapshot.ts. */
  snapshot_json: string;
  created_at: string;
  created_by_user_id: number | null;
  created_by: string;
}

/** entity_type is 'plan', 'field', 'goal', 'guiding_goal' or 'measure'; origin_id the id it was copied from. */
export interface EditionLineageTable {
  municipality_id: number;
  entity_type: string;
  entity_id: number;
  origin_id: number;
}

export interface EditionsTables {
  editions: EditionTable;
  edition_lineage: EditionLineageTable;
}
