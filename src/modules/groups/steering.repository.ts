// SQL of the steering group: the group of a plan (a working group of kind 'steering'), its members and their
// seats, and the role of their membership in the municipality. Every query is scoped to the municipality.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Conn = Kysely<Database> | Transaction<Database>;

export interface SteeringGroup {
  id: number;
  plan_id: number;
  title: string;
  purpose: string;
  is_demo: number;
  created_at: string;
}

export interface SteeringMember {
  id: number;
  group_id: number;
  user_id: number | null;
  display_name: string;
  seat: string | null;
  represents: string;
  position: number;
  /** The person's account address (internal: shown to the officer only). */
  email: string | null;
  /** The person has chosen a password and is a member here (an invitation, or a request to join, not yet accepted shows as open). */
  active: boolean;
}

const groupColumns = ['id', 'plan_id', 'title', 'purpose', 'is_demo', 'created_at'] as const;

export function findGroupOfPlan(db: Conn, municipalityId: number, planId: number): Promise<SteeringGroup | undefined> {
  return db.selectFrom('working_groups').select(groupColumns)
    .where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).where('kind', '=', 'steering')
    .orderBy('id').executeTakeFirst();
}

export function findGroup(db: Conn, municipalityId: number, groupId: number): Promise<SteeringGroup | undefined> {
  return db.selectFrom('working_groups').select(groupColumns)
    .where('municipality_id', '=', municipalityId).where('id', '=', groupId).where('kind', '=', 'steering')
    .executeTakeFirst();
}

export function listGroups(db: Conn, municipalityId: number): Promise<SteeringGroup[]> {
  return db.selectFrom('working_groups').select(groupColumns)
    .where('municipality_id', '=', municipalityId).where('kind', '=', 'steering').orderBy('id').execute();
}

export async function insertGroup(db: Conn, row: { municipalityId: number; planId: number; title: string; purpose: string; isDemo: boolean; now: string }): Promise<number> {
  const r = await db.insertInto('working_groups').values({
    municipality_id: row.municipalityId, plan_id: row.planId, kind: 'steering', title: row.title, purpose: row.purpose,
    join_open: 0, is_demo: row.isDemo ? 1 : 0, created_at: row.now, updated_at: row.now,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function listMembers(db: Conn, municipalityId: number, groupId: number): Promise<SteeringMember[]> {
  const rows = await db.selectFrom('group_members')
    .leftJoin('users', 'users.id', 'group_members.user_id')
    .leftJoin('memberships', (j) => j.onRef('memberships.user_id', '=', 'group_members.user_id').on('memberships.municipality_id', '=', municipalityId))
    .select(['group_members.id', 'group_members.group_id', 'group_members.user_id', 'group_members.display_name', 'group_members.seat',
      'group_members.represents', 'group_members.position', 'users.email', 'users.password_hash', 'memberships.role as membership_role'])
    .where('group_members.municipality_id', '=', municipalityId).where('group_members.group_id', '=', groupId)
    .orderBy('group_members.position').orderBy('group_members.id').execute();
  return rows.map(({ password_hash, membership_role, ...r }) => ({ ...r, email: r.email ?? null, active: password_hash !== null && membership_role !== null }));
}

export async function findMember(db: Conn, municipalityId: number, groupId: number, memberId: number): Promise<SteeringMember | undefined> {
  return (await listMembers(db, municipalityId, groupId)).find((m) => m.id === memberId);
}

/** The person's seat in the steering group of this plan, if they hold one. */
export function memberOfPlan(db: Conn, municipalityId: number, planId: number, userId: number) {
  return db.selectFrom('group_members').innerJoin('working_groups', 'working_groups.id', 'group_members.group_id')
    .select(['group_members.id', 'group_members.group_id', 'group_members.display_name', 'group_members.seat', 'group_members.represents'])
    .where('group_members.municipality_id', '=', municipalityId).where('working_groups.municipality_id', '=', municipalityId)
    .where('working_groups.kind', '=', 'steering').where('working_groups.plan_id', '=', planId)
    .where('group_members.user_id', '=', userId).executeTakeFirst();
}

/** The plans whose steering group the person sits in. */
export async function plansOfMember(db: Conn, municipalityId: number, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('group_members').innerJoin('working_groups', 'working_groups.id', 'group_members.group_id')
    .select('working_groups.plan_id')
    .where('group_members.municipality_id', '=', municipalityId).where('working_groups.kind', '=', 'steering')
    .where('group_members.user_id', '=', userId).execute();
  return [...new Set(rows.map((r) => r.plan_id))];
}

export async function nextPosition(db: Conn, municipalityId: number, groupId: number): Promise<number> {
  const r = await db.selectFrom('group_members').select((eb) => eb.fn.max('position').as('p'))
    .where('municipality_id', '=', municipalityId).where('group_id', '=', groupId).executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}

export async function insertMember(db: Conn, row: { municipalityId: number; groupId: number; userId: number; name: string; seat: string; represents: string; position: number; now: string }): Promise<number> {
  const r = await db.insertInto('group_members').values({
    municipality_id: row.municipalityId, group_id: row.groupId, user_id: row.userId, role: 'member', display_name: row.name,
    seat: row.seat, represents: row.represents, position: row.position, created_at: row.now,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteMember(db: Conn, municipalityId: number, groupId: number, memberId: number): Promise<void> {
  await db.deleteFrom('group_members').where('municipality_id', '=', municipalityId).where('group_id', '=', groupId).where('id', '=', memberId).execute();
}

/** Any seat or membership the person still holds in this municipality's groups: [steering seats, other groups as lead, as member]. */
export async function groupTies(db: Conn, municipalityId: number, userId: number): Promise<{ steering: number; lead: number; member: number }> {
  const rows = await db.selectFrom('group_members').innerJoin('working_groups', 'working_groups.id', 'group_members.group_id')
    .select(['working_groups.kind', 'group_members.role'])
    .where('group_members.municipality_id', '=', municipalityId).where('group_members.user_id', '=', userId).execute();
  return {
    steering: rows.filter((r) => r.kind === 'steering').length,
    lead: rows.filter((r) => r.kind !== 'steering' && r.role === 'lead').length,
    member: rows.filter((r) => r.kind !== 'steering' && r.role !== 'lead').length,
  };
}

export async function setMembershipRole(db: Conn, municipalityId: number, userId: number, role: string): Promise<void> {
  await db.updateTable('memberships').set({ role }).where('municipality_id', '=', municipalityId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(db: Conn, municipalityId: number, userId: number): Promise<void> {
  await db.deleteFrom('memberships').where('municipality_id', '=', municipalityId).where('user_id', '=', userId).execute();
}
