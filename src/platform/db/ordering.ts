// Ordered children (fields in a plan, goals in a field …) share one way of appending, moving and closing gaps.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Ordered = 'fields' | 'visions' | 'guiding_goals' | 'goals' | 'measures' | 'status_wordings';
type Scope = Record<string, number | null>;
type Conn = Kysely<Database> | Transaction<Database>;

function scopeSql(scope: Scope) {
  if (Object.keys(scope).length === 0) return sql`1 = 1`;
  return sql.join(
    Object.entries(scope).map(([col, v]) => (v === null ? sql`${sql.ref(col)} is null` : sql`${sql.ref(col)} = ${v}`)),
    sql` and `,
  );
}

export async function nextPosition(db: Conn, table: Ordered, municipalityId: number, scope: Scope): Promise<number> {
  const { rows } = await sql<{ max: number | null }>`select max(position) as max from ${sql.table(table)}
    where municipality_id = ${municipalityId} and ${scopeSql(scope)}`.execute(db);
  return Number(rows[0]?.max ?? 0) + 1;
}

/** Swaps an item with its neighbour above or below; returns false at the edge. */
export async function moveInOrder(
  db: Conn,
  table: Ordered,
  municipalityId: number,
  id: number,
  scope: Scope,
  direction: 'up' | 'down',
): Promise<boolean> {
  const { rows: own } = await sql<{ position: number }>`select position from ${sql.table(table)}
    where municipality_id = ${municipalityId} and id = ${id}`.execute(db);
  if (!own[0]) return false;
  const position = own[0].position;
  const { rows: neighbour } = await sql<{ id: number; position: number }>`select id, position from ${sql.table(table)}
    where municipality_id = ${municipalityId} and ${scopeSql(scope)}
      and position ${direction === 'up' ? sql`<` : sql`>`} ${position}
    order by position ${direction === 'up' ? sql`desc` : sql`asc`} limit 1`.execute(db);
  if (!neighbour[0]) return false;
  await sql`update ${sql.table(table)} set position = ${neighbour[0].position} where municipality_id = ${municipalityId} and id = ${id}`.execute(db);
  await sql`update ${sql.table(table)} set position = ${position} where municipality_id = ${municipalityId} and id = ${neighbour[0].id}`.execute(db);
  return true;
}
