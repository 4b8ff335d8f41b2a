// The SQL of working groups: the groups of a plan, their members, requests to join and tasks. Every query is
// scoped by the municipality's id; a connection or a caller's transaction comes first.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Q = Kysely<Database>;

export interface GroupColumns {
  title: string;
  purpose: string;
  contact_name: string;
  contact_email: string;
  how_to_join: string;
  field_id: number | null;
  guiding_goal_id: number | null;
  priority_id: number | null;
  join_open: number;
}

const groupColumns = [
  'id', 'plan_id', 'kind', 'title', 'purpose', 'contact_name', 'contact_email', 'how_to_join', 'field_id', 'guiding_goal_id',
  'priority_id', 'join_open', 'state', 'is_demo', 'created_at', 'updated_at',
] as const;

export function findGroup(db: Q, municipalityId: number, id: number) {
  return db.selectFrom('working_groups').select(groupColumns).where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

export type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroup>>>;

export interface GroupFilter {
  planId?: number;
  kind?: 'working' | 'steering';
  state?: 'active' | 'archived';
  priorityId?: number;
}

export function listGroups(db: Q, municipalityId: number, filter: GroupFilter = {}) {
  let q = db.selectFrom('working_groups').select(groupColumns).where('municipality_id', '=', municipalityId);
  if (filter.planId !== undefined) q = q.where('plan_id', '=', filter.planId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.state) q = q.where('state', '=', filter.state);
  if (filter.priorityId !== undefined) q = q.where('priority_id', '=', filter.priorityId);
  return q.orderBy('kind', 'desc').orderBy('title').orderBy('id').execute();
}

export async function insertGroup(db: Q, municipalityId: number, planId: number, kind: string, columns: GroupColumns, isDemo: boolean, at: string): Promise<number> {
  const row = await db
    .insertInto('working_groups')
    .values({ municipality_id: municipalityId, plan_id: planId, kind, ...columns, is_demo: isDemo ? 1 : 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGroup(db: Q, municipalityId: number, id: number, columns: Partial<GroupColumns> & { state?: string }, at: string): Promise<void> {
  await db.updateTable('working_groups').set({ ...columns, updated_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

// ---- members ---------------------------------------------------------------------------------------------

export function listMembers(db: Q, municipalityId: number, groupId: number) {
  return db
    .selectFrom('group_members')
    .leftJoin('users', 'users.id', 'group_members.user_id')
    .select([
      'group_members.id', 'group_members.group_id', 'group_members.user_id', 'group_members.role', 'group_members.display_name',
      'group_members.seat', 'group_members.represents', 'group_members.position', 'group_members.created_at',
      'users.email as email', 'users.name as user_name',
    ])
    .where('group_members.municipality_id', '=', municipalityId)
    .where('group_members.group_id', '=', groupId)
    .orderBy('group_members.role')
    .orderBy('group_members.position')
    .orderBy('group_members.id')
    .execute();
}

export function findMembership(db: Q, municipalityId: number, groupId: number, userId: number) {
  return db
    .selectFrom('group_members')
    .select(['id', 'role'])
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function findMember(db: Q, municipalityId: number, memberId: number) {
  return db
    .selectFrom('group_members')
    .select(['id', 'group_id', 'user_id', 'role', 'display_name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

export async function insertMember(db: Q, municipalityId: number, groupId: number, userId: number, role: string, displayName: string, at: string): Promise<number> {
  const max = await db
    .selectFrom('group_members')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  const row = await db
    .insertInto('group_members')
    .values({ municipality_id: municipalityId, group_id: groupId, user_id: userId, role, display_name: displayName, position: Number(max?.max ?? 0) + 1, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateMemberRole(db: Q, municipalityId: number, memberId: number, role: string): Promise<void> {
  await db.updateTable('group_members').set({ role }).where('municipality_id', '=', municipalityId).where('id', '=', memberId).execute();
}

export async function deleteMember(db: Q, municipalityId: number, memberId: number): Promise<void> {
  await db.deleteFrom('group_members').where('municipality_id', '=', municipalityId).where('id', '=', memberId).execute();
}

/** The groups a person belongs to, with their role in each. */
export function groupsOfUser(db: Q, municipalityId: number, userId: number) {
  return db
    .selectFrom('group_members')
    .innerJoin('working_groups', 'working_groups.id', 'group_members.group_id')
    .select(['working_groups.id', 'working_groups.title', 'working_groups.kind', 'working_groups.state', 'working_groups.plan_id', 'group_members.role'])
    .where('group_members.municipality_id', '=', municipalityId)
    .where('working_groups.municipality_id', '=', municipalityId)
    .where('group_members.user_id', '=', userId)
    .orderBy('working_groups.title')
    .execute();
}

// ---- requests to join ------------------------------------------------------------------------------------

export async function insertRequest(db: Q, municipalityId: number, groupId: number, values: { name: string; email: string; motivation: string; lang: string }, at: string): Promise<number> {
  const row = await db
    .insertInto('group_join_requests')
    .values({ municipality_id: municipalityId, group_id: groupId, ...values, state: 'pending', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const requestColumns = ['id', 'group_id', 'name', 'email', 'motivation', 'lang', 'state', 'created_at', 'decided_at', 'decided_by_name', 'decision_note'] as const;

export function listRequests(db: Q, municipalityId: number, groupId: number) {
  return db
    .selectFrom('group_join_requests')
    .select(requestColumns)
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findRequest(db: Q, municipalityId: number, id: number) {
  return db.selectFrom('group_join_requests').select(requestColumns).where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

/** Decides a pending request; false when it was decided already (two tabs): only one decision wins. */
export async function decideRequest(db: Q, municipalityId: number, id: number, values: { state: string; decided_at: string; decided_by_name: string; decision_note: string }): Promise<boolean> {
  const r = await db
    .updateTable('group_join_requests')
    .set(values)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes the municipality's decided requests whose decision lies before `before`. */
export async function deleteDecidedRequestsBefore(db: Q, municipalityId: number, before: string): Promise<number> {
  const r = await db
    .deleteFrom('group_join_requests')
    .where('municipality_id', '=', municipalityId)
    .where('state', '!=', 'pending')
    .where('decided_at', '<', before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The municipality's slug and how many days participants' personal data is kept. */
export function municipalityFacts(db: Q, municipalityId: number) {
  return db.selectFrom('municipalities').select(['slug', 'registration_retention_days']).where('id', '=', municipalityId).executeTakeFirst();
}

// ---- tasks -----------------------------------------------------------------------------------------------

export function listTasks(db: Q, municipalityId: number, groupId: number) {
  return db
    .selectFrom('group_tasks')
    .leftJoin('measures', (j) => j.onRef('measures.id', '=', 'group_tasks.measure_id').on('measures.municipality_id', '=', municipalityId))
    .select(['group_tasks.id', 'group_tasks.title', 'group_tasks.measure_id', 'group_tasks.due_on', 'group_tasks.state', 'group_tasks.created_at', 'measures.text as measure_text'])
    .where('group_tasks.municipality_id', '=', municipalityId)
    .where('group_tasks.group_id', '=', groupId)
    .orderBy('group_tasks.state', 'desc')
    .orderBy('group_tasks.due_on')
    .orderBy('group_tasks.id')
    .execute();
}

export function findTask(db: Q, municipalityId: number, id: number) {
  return db.selectFrom('group_tasks').select(['id', 'group_id', 'title', 'measure_id', 'due_on', 'state']).where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

export async function insertTask(db: Q, municipalityId: number, groupId: number, values: { title: string; measure_id: number | null; due_on: string | null }, at: string): Promise<number> {
  const row = await db
    .insertInto('group_tasks')
    .values({ municipality_id: municipalityId, group_id: groupId, ...values, state: 'open', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTask(db: Q, municipalityId: number, id: number, values: { title?: string; measure_id?: number | null; due_on?: string | null; state?: string }): Promise<void> {
  await db.updateTable('group_tasks').set(values).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

export async function deleteTask(db: Q, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('group_tasks').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

// ---- meetings (read through the participation module's events; only the demo writes one here) -------------

/** A demo meeting of a group (the participation module owns events; the demo adds one published meeting). */
export async function insertDemoMeeting(db: Q, municipalityId: number, planId: number, groupId: number, values: { title: string; description: string; starts_at: string; ends_at: string; place_name: string; address: string; accessibility: string }, at: string): Promise<number> {
  const row = await db
    .insertInto('events')
    .values({ municipality_id: municipalityId, plan_id: planId, group_id: groupId, kind: 'group_meeting', ...values, state: 'published', registration: 0, is_demo: 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
