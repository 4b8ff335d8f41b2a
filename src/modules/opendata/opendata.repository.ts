// The opendata module's SQL: its settings and personal tokens, and the public reads of the open API. Every read
// of content names the municipality and keeps to published and archived plans: a draft is never read here.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Conn = Kysely<Database> | Transaction<Database>;

export const PUBLIC_STATES = ['published', 'archived'] as const;

// ---- settings ------------------------------------------------------------------------------------------

export function findSettings(db: Conn, municipalityId: number) {
  return db.selectFrom('opendata_settings').select(['licence', 'attribution', 'embed_origins', 'contributor_id', 'regional_key', 'updated_at']).where('municipality_id', '=', municipalityId).executeTakeFirst();
}

export async function saveSettings(db: Conn, municipalityId: number, values: { licence: string; attribution: string; embed_origins: string; contributor_id: string; regional_key: string }, now: string): Promise<void> {
  const found = await findSettings(db, municipalityId);
  if (found) await db.updateTable('opendata_settings').set({ ...values, updated_at: now }).where('municipality_id', '=', municipalityId).execute();
  else await db.insertInto('opendata_settings').values({ municipality_id: municipalityId, ...values, updated_at: now }).execute();
}

// ---- tokens --------------------------------------------------------------------------------------------

export async function insertToken(db: Conn, municipalityId: number, t: { userId: number; name: string; role: string; hash: string; prefix: string; createdAt: string; expiresAt: string }): Promise<number> {
  const row = await db
    .insertInto('api_tokens')
    .values({ municipality_id: municipalityId, user_id: t.userId, name: t.name, role: t.role, token_hash: t.hash, prefix: t.prefix, created_at: t.createdAt, expires_at: t.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function listTokens(db: Conn, municipalityId: number, userId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'prefix', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
}

export function findToken(db: Conn, municipalityId: number, id: number) {
  return db.selectFrom('api_tokens').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

/** A token by its hash, with its maker's name (any municipality: the caller compares it with the path's). */
export function findTokenByHash(db: Conn, hash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id', 'api_tokens.municipality_id', 'api_tokens.user_id', 'api_tokens.name', 'api_tokens.role', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'users.name as user_name'])
    .where('api_tokens.token_hash', '=', hash)
    .executeTakeFirst();
}

export async function revokeToken(db: Conn, municipalityId: number, id: number, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('municipality_id', '=', municipalityId).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function markTokenUsed(db: Conn, municipalityId: number, id: number, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function isInstanceAdmin(db: Conn, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('is_instance_admin').where('id', '=', userId).executeTakeFirst();
  return row?.is_instance_admin === 1;
}

// ---- public reads --------------------------------------------------------------------------------------

export function listPublicPlans(db: Conn, municipalityId: number, page: { limit: number; offset: number }) {
  return db
    .selectFrom('plans')
    .select(['id', 'title', 'edition', 'intro', 'state', 'period_start', 'period_end', 'published_at', 'updated_at', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('state', 'in', PUBLIC_STATES)
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countPublicPlans(db: Conn, municipalityId: number): Promise<number> {
  const row = await db.selectFrom('plans').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).where('state', 'in', PUBLIC_STATES).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findPublicPlan(db: Conn, municipalityId: number, planId: number) {
  return db
    .selectFrom('plans')
    .select(['id', 'title', 'edition', 'intro', 'state', 'period_start', 'period_end', 'published_at', 'updated_at', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', planId)
    .where('state', 'in', PUBLIC_STATES)
    .executeTakeFirst();
}

export async function listFields(db: Conn, municipalityId: number, planId: number) {
  const fields = await db.selectFrom('fields').select(['id', 'plan_id', 'position', 'title', 'description']).where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).orderBy('position').execute();
  const visions = fields.length
    ? await db.selectFrom('visions').select(['field_id', 'text']).where('municipality_id', '=', municipalityId).where('field_id', 'in', fields.map((f) => f.id)).orderBy('position').execute()
    : [];
  return fields.map((f) => ({ ...f, visions: visions.filter((v) => v.field_id === f.id).map((v) => v.text) }));
}

export function listGoals(db: Conn, municipalityId: number, planId: number) {
  return db
    .selectFrom('goals')
    .innerJoin('fields', (j) => j.onRef('fields.id', '=', 'goals.field_id').onRef('fields.municipality_id', '=', 'goals.municipality_id'))
    .select(['goals.id', 'goals.field_id', 'fields.plan_id', 'goals.number', 'goals.text', 'goals.guiding_goal_id', 'goals.position', 'fields.position as field_position'])
    .where('goals.municipality_id', '=', municipalityId)
    .where('fields.plan_id', '=', planId)
    .orderBy('fields.position')
    .orderBy('goals.position')
    .execute();
}

export function listGuidingGoals(db: Conn, municipalityId: number, planId: number) {
  return db.selectFrom('guiding_goals').select(['id', 'plan_id', 'text', 'target_year']).where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).orderBy('position').execute();
}

export interface MeasureFilter {
  planId?: number;
  fieldId?: number;
  goalId?: number;
  status?: string;
  actorId?: number;
  updatedSince?: string;
}

function measuresQuery(db: Conn, municipalityId: number, f: MeasureFilter) {
  let q = db
    .selectFrom('measures')
    .innerJoin('plans', (j) => j.onRef('plans.id', '=', 'measures.plan_id').onRef('plans.municipality_id', '=', 'measures.municipality_id'))
    .where('measures.municipality_id', '=', municipalityId)
    .where('plans.state', 'in', PUBLIC_STATES);
  if (f.planId !== undefined) q = q.where('measures.plan_id', '=', f.planId);
  if (f.fieldId !== undefined) q = q.where('measures.field_id', '=', f.fieldId);
  if (f.goalId !== undefined) q = q.where('measures.goal_id', '=', f.goalId);
  if (f.status !== undefined) q = q.where('measures.status_category', '=', f.status);
  if (f.updatedSince !== undefined) q = q.where('measures.updated_at', '>=', f.updatedSince);
  if (f.actorId !== undefined) {
    const actorId = f.actorId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('measure_actors').select('measure_actors.actor_id').whereRef('measure_actors.measure_id', '=', 'measures.id').where('measure_actors.municipality_id', '=', municipalityId).where('measure_actors.actor_id', '=', actorId)),
    );
  }
  return q;
}

const MEASURE_COLUMNS = [
  'measures.id', 'measures.plan_id', 'measures.field_id', 'measures.goal_id', 'measures.number', 'measures.is_further', 'measures.text',
  'measures.status_label', 'measures.status_category', 'measures.status_date', 'measures.timeframe_label', 'measures.timeframe_start', 'measures.timeframe_end',
  'measures.target_groups', 'measures.updated_at', 'measures.position',
] as const;

export async function listPublicMeasures(db: Conn, municipalityId: number, f: MeasureFilter, page: { limit: number; offset: number }) {
  const [rows, count] = await Promise.all([
    measuresQuery(db, municipalityId, f).select([...MEASURE_COLUMNS]).orderBy('measures.plan_id').orderBy('measures.id').limit(page.limit).offset(page.offset).execute(),
    measuresQuery(db, municipalityId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findPublicMeasure(db: Conn, municipalityId: number, measureId: number) {
  return measuresQuery(db, municipalityId, {}).select([...MEASURE_COLUMNS]).where('measures.id', '=', measureId).executeTakeFirst();
}

export async function actorsOfMeasures(db: Conn, municipalityId: number, measureIds: number[]) {
  if (!measureIds.length) return [];
  return db
    .selectFrom('measure_actors')
    .innerJoin('actors', (j) => j.onRef('actors.id', '=', 'measure_actors.actor_id').onRef('actors.municipality_id', '=', 'measure_actors.municipality_id'))
    .select(['measure_actors.measure_id', 'actors.id', 'actors.name', 'measure_actors.role'])
    .where('measure_actors.municipality_id', '=', municipalityId)
    .where('measure_actors.measure_id', 'in', measureIds)
    .orderBy('measure_actors.position')
    .execute();
}

/** The actors the public sees: those of a measure in a published or archived plan, and their parents. */
export async function listPublicActors(db: Conn, municipalityId: number) {
  const all = await db.selectFrom('actors').select(['id', 'parent_id', 'name', 'description', 'website']).where('municipality_id', '=', municipalityId).orderBy('name').execute();
  const linked = await db
    .selectFrom('measure_actors')
    .innerJoin('measures', (j) => j.onRef('measures.id', '=', 'measure_actors.measure_id').onRef('measures.municipality_id', '=', 'measure_actors.municipality_id'))
    .innerJoin('plans', (j) => j.onRef('plans.id', '=', 'measures.plan_id').onRef('plans.municipality_id', '=', 'measures.municipality_id'))
    .select('measure_actors.actor_id')
    .distinct()
    .where('measure_actors.municipality_id', '=', municipalityId)
    .where('plans.state', 'in', PUBLIC_STATES)
    .execute();
  const parent = new Map(all.map((a) => [a.id, a.parent_id]));
  const visible = new Set<number>();
  for (const { actor_id } of linked) {
    let id: number | null | undefined = actor_id;
    while (id !== null && id !== undefined && !visible.has(id)) {
      visible.add(id);
      id = parent.get(id);
    }
  }
  return all.filter((a) => visible.has(a.id));
}
