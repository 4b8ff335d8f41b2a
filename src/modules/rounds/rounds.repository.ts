// The SQL of the update rounds. Every function takes the municipality first: no query leaves its tenant.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import { inBatches } from '../../platform/db/batch.js';
import type { Database } from '../../platform/db/schema.js';
import type { RoundChangeTable, RoundTable } from '../../platform/db/schema.rounds.js';
import type { Municipality } from '../../platform/tenancy.js';
import { compareNumbers } from '../../platform/text/natural.js';
import type { StatusCategory } from '../plan/index.js';

type Conn = Kysely<Database> | Transaction<Database>;

/** The role of a representative's membership (a membership with an actor). */
export const ACTOR_REP = 'actor_rep';

export type RoundState = 'open' | 'closed';
export type ChangeState = 'pending' | 'accepted' | 'returned' | 'superseded';

export interface Round {
  id: number;
  municipality_id: number;
  plan_id: number;
  title: string;
  deadline: string;
  expires_at: string;
  state: string;
  created_at: string;
  created_by_name: string;
  auto_reminded_at: string | null;
  closed_at: string | null;
}

export interface RoundSummary extends Round {
  plan_title: string;
  participants: number;
  answered: number;
  pending: number;
}

export interface Participant {
  id: number;
  round_id: number;
  actor_id: number;
  actor_name: string;
  /** The actor's address in the directory now (may differ from the one the last mail went to). */
  contact_email: string;
  /** The language the actor is written to in (the actor's setting). */
  actor_lang: string;
  email: string;
  invited_at: string | null;
  reminded_at: string | null;
  answered_at: string | null;
  revoked_at: string | null;
}

export interface LeadMeasure {
  id: number;
  number: string | null;
  text: string;
  status_label: string;
  status_category: StatusCategory;
}

/** The plan's last round as the dashboard needs it. */
export interface LastRoundState {
  /** ISO timestamp */
  startedAt: string;
  /** YYYY-MM-DD */
  deadline: string;
  askedActorIds: number[];
  answeredActorIds: number[];
}

export type Change = Omit<Selectable<RoundChangeTable>, 'municipality_id'>;

export interface ChangeWithContext extends Change {
  actor_name: string;
  measure_number: string | null;
  measure_text: string;
  current_label: string;
  current_category: string;
}

export function listRounds(db: Conn, municipalityId: number): Promise<RoundSummary[]> {
  const participants = db
    .selectFrom('round_participants')
    .select(['round_id', sql<number>`count(*)`.as('participants'), sql<number>`sum(case when answered_at is not null then 1 else 0 end)`.as('answered')])
    .where('municipality_id', '=', municipalityId)
    .groupBy('round_id')
    .as('p');
  const pending = db
    .selectFrom('round_changes')
    .select(['round_id', sql<number>`count(*)`.as('pending')])
    .where('municipality_id', '=', municipalityId)
    .where('state', '=', 'pending')
    .groupBy('round_id')
    .as('c');
  return db
    .selectFrom('rounds as r')
    .innerJoin('plans as pl', 'pl.id', 'r.plan_id')
    .leftJoin(participants, 'p.round_id', 'r.id')
    .leftJoin(pending, 'c.round_id', 'r.id')
    .selectAll('r')
    .select(['pl.title as plan_title', 'p.participants', 'p.answered', 'c.pending'])
    .where('r.municipality_id', '=', municipalityId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, participants: Number(r.participants ?? 0), answered: Number(r.answered ?? 0), pending: Number(r.pending ?? 0) })));
}

export function findRound(db: Conn, municipalityId: number, roundId: number): Promise<Round | undefined> {
  return db.selectFrom('rounds').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', roundId).executeTakeFirst();
}

export function openRoundOfPlan(db: Conn, municipalityId: number, planId: number): Promise<Round | undefined> {
  return db.selectFrom('rounds').selectAll().where('municipality_id', '=', municipalityId).where('plan_id', '=', planId).where('state', '=', 'open').executeTakeFirst();
}

/** Actors that lead at least one measure of the plan, with their address in the directory. */
export function leadActorsOfPlan(db: Conn, municipalityId: number, planId: number) {
  return db
    .selectFrom('measure_actors as ma')
    .innerJoin('measures as m', 'm.id', 'ma.measure_id')
    .innerJoin('actors as a', 'a.id', 'ma.actor_id')
    .select(['a.id', 'a.name', 'a.contact_email', sql<number>`count(*)`.as('measures')])
    .where('ma.municipality_id', '=', municipalityId)
    .where('ma.role', '=', 'lead')
    .where('m.plan_id', '=', planId)
    .groupBy(['a.id', 'a.name', 'a.contact_email'])
    .orderBy('a.name')
    .execute();
}

/** The measures of one plan that one actor leads, in catalogue order of their numbers. */
export async function leadMeasures(db: Conn, municipalityId: number, actorId: number, planId: number): Promise<LeadMeasure[]> {
  const rows = await db
    .selectFrom('measure_actors as ma')
    .innerJoin('measures as m', 'm.id', 'ma.measure_id')
    .select(['m.id', 'm.number', 'm.text', 'm.status_label', 'm.status_category'])
    .where('ma.municipality_id', '=', municipalityId)
    .where('m.municipality_id', '=', municipalityId)
    .where('ma.actor_id', '=', actorId)
    .where('ma.role', '=', 'lead')
    .where('m.plan_id', '=', planId)
    .orderBy('m.id')
    .execute();
  // Numbers are text as the plan writes them: ordered naturally here ("1.2" before "1.10"), unnumbered last.
  rows.sort((a, b) => compareNumbers(a.number, b.number));
  return rows.map((r) => ({ ...r, status_category: r.status_category as StatusCategory }));
}

const participantColumns = [
  'p.id', 'p.round_id', 'p.actor_id', 'a.name as actor_name', 'a.contact_email', 'a.lang as actor_lang', 'p.email',
  'p.invited_at', 'p.reminded_at', 'p.answered_at', 'p.revoked_at',
] as const;

export function listParticipants(db: Conn, municipalityId: number, roundId: number): Promise<Participant[]> {
  return db
    .selectFrom('round_participants as p')
    .innerJoin('actors as a', 'a.id', 'p.actor_id')
    .select(participantColumns)
    .where('p.municipality_id', '=', municipalityId)
    .where('p.round_id', '=', roundId)
    .orderBy('a.name')
    .execute();
}

export function findParticipant(db: Conn, municipalityId: number, roundId: number, participantId: number): Promise<Participant | undefined> {
  return db
    .selectFrom('round_participants as p')
    .innerJoin('actors as a', 'a.id', 'p.actor_id')
    .select(participantColumns)
    .where('p.municipality_id', '=', municipalityId)
    .where('p.round_id', '=', roundId)
    .where('p.id', '=', participantId)
    .executeTakeFirst();
}

/** A personal link by the hash of its token, with what it opens. Only within the municipality of the path. */
export function findToken(db: Conn, municipalityId: number, tokenHash: string) {
  return db
    .selectFrom('round_tokens as t')
    .innerJoin('round_participants as p', 'p.id', 't.participant_id')
    .innerJoin('rounds as r', 'r.id', 'p.round_id')
    .innerJoin('actors as a', 'a.id', 'p.actor_id')
    .select([
      't.id as token_id', 't.revoked_at as token_revoked_at', 'p.id as participant_id', 'p.actor_id', 'a.name as actor_name',
      'r.id as round_id', 'r.plan_id', 'r.title as round_title', 'r.deadline', 'r.expires_at', 'r.state as round_state',
    ])
    .where('t.municipality_id', '=', municipalityId)
    .where('p.municipality_id', '=', municipalityId)
    .where('r.municipality_id', '=', municipalityId)
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** The newest change per measure that one participant submitted. */
export async function latestChanges(db: Conn, municipalityId: number, participantId: number): Promise<Map<number, Change>> {
  const rows = await db
    .selectFrom('round_changes')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('participant_id', '=', participantId)
    .where('state', '!=', 'superseded')
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map<number, Change>();
  for (const r of rows) if (!latest.has(r.measure_id)) latest.set(r.measure_id, r);
  return latest;
}

export function listChanges(db: Conn, municipalityId: number, roundId: number): Promise<ChangeWithContext[]> {
  return db
    .selectFrom('round_changes as c')
    .innerJoin('round_participants as p', 'p.id', 'c.participant_id')
    .innerJoin('actors as a', 'a.id', 'p.actor_id')
    .innerJoin('measures as m', 'm.id', 'c.measure_id')
    .selectAll('c')
    .select(['a.name as actor_name', 'm.number as measure_number', 'm.text as measure_text', 'm.status_label as current_label', 'm.status_category as current_category'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.round_id', '=', roundId)
    .where('c.state', '!=', 'superseded')
    .orderBy('c.submitted_at')
    .orderBy('c.id')
    .execute();
}

export function findChange(db: Conn, municipalityId: number, roundId: number, changeId: number): Promise<ChangeWithContext | undefined> {
  return db
    .selectFrom('round_changes as c')
    .innerJoin('round_participants as p', 'p.id', 'c.participant_id')
    .innerJoin('actors as a', 'a.id', 'p.actor_id')
    .innerJoin('measures as m', 'm.id', 'c.measure_id')
    .selectAll('c')
    .select(['a.name as actor_name', 'm.number as measure_number', 'm.text as measure_text', 'm.status_label as current_label', 'm.status_category as current_category'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.round_id', '=', roundId)
    .where('c.id', '=', changeId)
    .executeTakeFirst();
}

/** The plan's most recent round: when it started, its deadline, the lead actors it asked and those that answered. */
export async function lastRound(db: Conn, municipalityId: number, planId: number): Promise<LastRoundState | null> {
  const round = await db.selectFrom('rounds').select(['id', 'created_at', 'deadline']).where('municipality_id', '=', municipalityId).where('plan_id', '=', planId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!round) return null;
  const participants = await db.selectFrom('round_participants').select(['actor_id', 'answered_at', 'revoked_at'])
    .where('municipality_id', '=', municipalityId).where('round_id', '=', round.id).execute();
  // A link revoked without an answer asked nobody.
  const asked = participants.filter((p) => p.answered_at !== null || p.revoked_at === null);
  return {
    startedAt: round.created_at,
    deadline: round.deadline,
    askedActorIds: asked.map((p) => p.actor_id),
    answeredActorIds: asked.filter((p) => p.answered_at !== null).map((p) => p.actor_id),
  };
}

/** The job of this kind queued for a round (the automatic reminder), with when it runs and its state. */
export function findRoundJob(db: Conn, municipalityId: number, kind: string, roundId: number) {
  return db.selectFrom('jobs').select(['run_at', 'state']).where('municipality_id', '=', municipalityId).where('kind', '=', kind)
    .where('payload_json', '=', JSON.stringify({ roundId })).executeTakeFirst();
}

/** The municipality itself (its name and address in a mail). */
export function findMunicipality(db: Conn, municipalityId: number): Promise<Municipality | undefined> {
  return db.selectFrom('municipalities').selectAll().where('id', '=', municipalityId).executeTakeFirst();
}

// ---- writes of the rounds ------------------------------------------------------------------------------

export async function insertRound(db: Conn, municipalityId: number, values: Omit<Insertable<RoundTable>, 'municipality_id'>): Promise<number> {
  const row = await db.insertInto('rounds').values({ ...values, municipality_id: municipalityId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function closeRound(db: Conn, municipalityId: number, roundId: number, at: string): Promise<void> {
  await db.updateTable('rounds').set({ state: 'closed', closed_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', roundId).execute();
}

export async function markAutoReminded(db: Conn, municipalityId: number, roundId: number, at: string): Promise<void> {
  await db.updateTable('rounds').set({ auto_reminded_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', roundId).execute();
}

export async function insertParticipant(db: Conn, municipalityId: number, roundId: number, actorId: number, at: string): Promise<number> {
  const row = await db
    .insertInto('round_participants')
    .values({ municipality_id: municipalityId, round_id: roundId, actor_id: actorId, email: '', invited_at: null, reminded_at: null, answered_at: null, revoked_at: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markReminded(db: Conn, municipalityId: number, participantId: number, at: string): Promise<void> {
  await db.updateTable('round_participants').set({ reminded_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', participantId).execute();
}

export async function markAnswered(db: Conn, municipalityId: number, participantId: number, at: string): Promise<void> {
  await db.updateTable('round_participants').set({ answered_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', participantId).execute();
}

/** The address a mail went to, and when: the invitation, or a reminder. */
export async function markMailed(db: Conn, municipalityId: number, participantId: number, mailed: { email: string; invited_at: string } | { email: string; reminded_at: string }): Promise<void> {
  await db.updateTable('round_participants').set(mailed).where('municipality_id', '=', municipalityId).where('id', '=', participantId).execute();
}

/** The participant and every link of it stop working. */
export async function revokeParticipant(db: Conn, municipalityId: number, participantId: number, at: string): Promise<void> {
  await db.updateTable('round_participants').set({ revoked_at: at }).where('municipality_id', '=', municipalityId).where('id', '=', participantId).execute();
  await db.updateTable('round_tokens').set({ revoked_at: at }).where('municipality_id', '=', municipalityId).where('participant_id', '=', participantId).where('revoked_at', 'is', null).execute();
}

/** A revoked participant takes part again (its old links stay revoked). */
export async function reinstateParticipant(db: Conn, municipalityId: number, participantId: number): Promise<void> {
  await db.updateTable('round_participants').set({ revoked_at: null }).where('municipality_id', '=', municipalityId).where('id', '=', participantId).execute();
}

export async function insertToken(db: Conn, municipalityId: number, participantId: number, tokenHash: string, at: string): Promise<void> {
  await db.insertInto('round_tokens').values({ municipality_id: municipalityId, participant_id: participantId, token_hash: tokenHash, created_at: at, revoked_at: null }).execute();
}

export async function deleteToken(db: Conn, municipalityId: number, tokenHash: string): Promise<void> {
  await db.deleteFrom('round_tokens').where('municipality_id', '=', municipalityId).where('token_hash', '=', tokenHash).execute();
}

/**
 * Marks a pending change as reviewed (accepted, or returned with a comment); false when it is no longer
 * pending (someone else reviewed it meanwhile).
 */
export async function reviewChange(
  db: Conn, municipalityId: number, changeId: number,
  review: { state: 'accepted' | 'returned'; at: string; by: string; comment?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('round_changes')
    .set({ state: review.state, reviewed_at: review.at, reviewed_by_name: review.by, ...(review.comment !== undefined ? { review_comment: review.comment } : {}) })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', changeId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A newer submission replaces the participant's pending one for the measure. */
export async function supersedePending(db: Conn, municipalityId: number, participantId: number, measureId: number): Promise<void> {
  await db.updateTable('round_changes').set({ state: 'superseded' })
    .where('municipality_id', '=', municipalityId).where('participant_id', '=', participantId).where('measure_id', '=', measureId).where('state', '=', 'pending')
    .execute();
}

export async function insertChange(db: Conn, municipalityId: number, values: Omit<Insertable<RoundChangeTable>, 'municipality_id'>): Promise<void> {
  await db.insertInto('round_changes').values({ ...values, municipality_id: municipalityId }).execute();
}

// ---- representatives -----------------------------------------------------------------------------------

/** The actor of the municipality with this id (its name for the audit entry), or undefined. */
export function findActor(db: Conn, municipalityId: number, actorId: number) {
  return db.selectFrom('actors').select(['id', 'name']).where('municipality_id', '=', municipalityId).where('id', '=', actorId).executeTakeFirst();
}

export function listRepresentatives(db: Conn, municipalityId: number) {
  return db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.user_id')
    .innerJoin('actors as a', 'a.id', 'ms.actor_id')
    .select(['u.id', 'u.name', 'u.email', 'a.id as actor_id', 'a.name as actor_name', 'ms.created_at'])
    .where('ms.municipality_id', '=', municipalityId)
    .where('a.municipality_id', '=', municipalityId)
    .where('ms.role', '=', ACTOR_REP)
    .orderBy('a.name')
    .orderBy('u.name')
    .execute();
}

/** The actor a person represents in the municipality, if any. */
export function representedActor(db: Conn, municipalityId: number, userId: number) {
  return db
    .selectFrom('memberships as ms')
    .innerJoin('actors as a', 'a.id', 'ms.actor_id')
    .select(['a.id', 'a.name'])
    .where('ms.municipality_id', '=', municipalityId)
    .where('a.municipality_id', '=', municipalityId)
    .where('ms.user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertRepresentative(db: Conn, municipalityId: number, userId: number, actorId: number, at: string): Promise<void> {
  await db.insertInto('memberships').values({ municipality_id: municipalityId, user_id: userId, role: ACTOR_REP, actor_id: actorId, created_at: at }).execute();
}

/** Removes a person's representative membership; false when they had none. */
export async function deleteRepresentative(db: Conn, municipalityId: number, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('memberships').where('municipality_id', '=', municipalityId).where('user_id', '=', userId).where('role', '=', ACTOR_REP).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The ids of the open rounds of these plans. */
export async function openRoundsOfPlans(db: Conn, municipalityId: number, planIds: readonly number[]): Promise<number[]> {
  if (planIds.length === 0) return [];
  const rows = await db.selectFrom('rounds').select('id').where('municipality_id', '=', municipalityId).where('state', '=', 'open').where('plan_id', 'in', planIds).execute();
  return rows.map((r) => r.id);
}

/** The actor has answered these rounds (its representative changed the measures directly). */
export async function markActorAnswered(db: Conn, municipalityId: number, actorId: number, roundIds: readonly number[], at: string): Promise<void> {
  if (roundIds.length === 0) return;
  await db.updateTable('round_participants').set({ answered_at: at })
    .where('municipality_id', '=', municipalityId).where('actor_id', '=', actorId).where('round_id', 'in', roundIds)
    .execute();
}

// ---- actors merged or deleted in the directory ------------------------------------------------------------

/** How many rounds asked the actor, and how many people represent it. */
export async function actorRoundUsage(db: Conn, municipalityId: number, actorId: number): Promise<{ rounds: number; representatives: number }> {
  const p = await db.selectFrom('round_participants').select(sql<number>`count(*)`.as('n')).where('municipality_id', '=', municipalityId).where('actor_id', '=', actorId).executeTakeFirstOrThrow();
  const r = await db.selectFrom('memberships').select(sql<number>`count(*)`.as('n')).where('municipality_id', '=', municipalityId).where('actor_id', '=', actorId).executeTakeFirstOrThrow();
  return { rounds: Number(p.n), representatives: Number(r.n) };
}

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const latest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * Actor `fromId` is merged into `toId`: its round entries, their personal links and answers, and its
 * representatives follow. Where a round asked both, one entry stays (the kept actor's) and takes the other's
 * links and answers: it was invited when the first was, answered when either answered, and is revoked only if
 * both were.
 */
export async function mergeActorRounds(db: Conn, municipalityId: number, fromId: number, toId: number): Promise<void> {
  const columns = ['id', 'round_id', 'email', 'invited_at', 'reminded_at', 'answered_at', 'revoked_at'] as const;
  const from = await db.selectFrom('round_participants').select(columns).where('municipality_id', '=', municipalityId).where('actor_id', '=', fromId).execute();
  const to = await db.selectFrom('round_participants').select(columns).where('municipality_id', '=', municipalityId).where('actor_id', '=', toId).execute();
  const keptOf = new Map(to.map((p) => [p.round_id, p]));
  for (const gone of from) {
    const kept = keptOf.get(gone.round_id);
    if (!kept) {
      await db.updateTable('round_participants').set({ actor_id: toId }).where('municipality_id', '=', municipalityId).where('id', '=', gone.id).execute();
      continue;
    }
    await db.updateTable('round_tokens').set({ participant_id: kept.id }).where('municipality_id', '=', municipalityId).where('participant_id', '=', gone.id).execute();
    await db.updateTable('round_changes').set({ participant_id: kept.id }).where('municipality_id', '=', municipalityId).where('participant_id', '=', gone.id).execute();
    await db.updateTable('round_participants').set({
      email: kept.email || gone.email,
      invited_at: earliest(kept.invited_at, gone.invited_at),
      reminded_at: latest(kept.reminded_at, gone.reminded_at),
      answered_at: latest(kept.answered_at, gone.answered_at),
      revoked_at: kept.revoked_at !== null && gone.revoked_at !== null ? latest(kept.revoked_at, gone.revoked_at) : null,
    }).where('municipality_id', '=', municipalityId).where('id', '=', kept.id).execute();
    await db.deleteFrom('round_participants').where('municipality_id', '=', municipalityId).where('id', '=', gone.id).execute();
  }
  await db.updateTable('memberships').set({ actor_id: toId }).where('municipality_id', '=', municipalityId).where('actor_id', '=', fromId).execute();
}

/** The representatives' memberships of these actors (the actors are being deleted); accounts stay. */
export async function removeRepresentativesOf(db: Conn, municipalityId: number, actorIds: readonly number[]): Promise<void> {
  await inBatches(actorIds, async (part) => {
    await db.deleteFrom('memberships').where('municipality_id', '=', municipalityId).where('role', '=', ACTOR_REP).where('actor_id', 'in', part).execute();
    return [];
  });
}
