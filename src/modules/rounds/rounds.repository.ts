// The SQL of the update rounds. Every function takes the municipality first: no query leaves its tenant.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { RoundChangeTable } from '../../platform/db/schema.rounds.js';
import type { StatusCategory } from '../plan/index.js';

type Conn = Kysely<Database> | Transaction<Database>;

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
  email: string;
  invited_at: string | null;
  reminded_at: string | null;
  answered_at: string | null;
  revoked_at: string | null;
}

export interface LeadMeasure {
  id: number;
  number: number | null;
  text: string;
  status_label: string;
  status_category: StatusCategory;
}

export type Change = Omit<Selectable<RoundChangeTable>, 'municipality_id'>;

export interface ChangeWithContext extends Change {
  actor_name: string;
  measure_number: number | null;
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
    .orderBy(sql`case when m.number is null then 1 else 0 end`)
    .orderBy('m.number')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ ...r, status_category: r.status_category as StatusCategory }));
}

const participantColumns = [
  'p.id', 'p.round_id', 'p.actor_id', 'a.name as actor_name', 'a.contact_email', 'p.email',
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
