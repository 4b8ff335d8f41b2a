// The SQL of following: subscriptions, the digests sent, and what a digest reports. What it reports is public
// only: status changes of measures in a published plan (with their note when the note is public), and events of
// the plan or the working group that were published or changed, and public progress notes. Every query takes the municipality first.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { Frequency, SubjectType } from './follow.model.js';

type Db = Kysely<Database> | Transaction<Database>;

export type SubscriptionRow = NonNullable<Awaited<ReturnType<typeof findSubscription>>>;

export async function insertSubscription(
  db: Db,
  municipalityId: number,
  row: { email: string; lang: string; subject_type: SubjectType; subject_id: number; frequency: Frequency; created_at: string },
): Promise<number> {
  const r = await db
    .insertInto('follow_subscriptions')
    .values({ municipality_id: municipalityId, ...row, state: 'pending', since: row.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The subscription a personal link belongs to. */
export function findByTokenHash(db: Db, municipalityId: number, tokenHash: string) {
  return db
    .selectFrom('follow_links as l')
    .innerJoin('follow_subscriptions as s', (j) => j.onRef('s.id', '=', 'l.subscription_id').onRef('s.municipality_id', '=', 'l.municipality_id'))
    .selectAll('s')
    .where('l.municipality_id', '=', municipalityId)
    .where('l.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function findSubscription(db: Db, municipalityId: number, id: number) {
  return db.selectFrom('follow_subscriptions').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
}

/** The active subscription of this address to this subject, if there is one (a second request changes nothing). */
export function findActive(db: Db, municipalityId: number, email: string, type: SubjectType, id: number) {
  return db
    .selectFrom('follow_subscriptions')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('email', '=', email)
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .where('state', '=', 'active')
    .executeTakeFirst();
}

export async function confirm(db: Db, municipalityId: number, id: number, at: string): Promise<void> {
  await db.updateTable('follow_subscriptions').set({ state: 'active', confirmed_at: at, since: at }).where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** A new personal link of a subscription (only its hash). */
export async function insertLink(db: Db, municipalityId: number, subscriptionId: number, tokenHash: string, now: string): Promise<void> {
  await db.insertInto('follow_links').values({ municipality_id: municipalityId, subscription_id: subscriptionId, token_hash: tokenHash, created_at: now }).execute();
}

export async function deleteSubscription(db: Db, municipalityId: number, id: number): Promise<void> {
  await db.deleteFrom('follow_links').where('municipality_id', '=', municipalityId).where('subscription_id', '=', id).execute();
  await db.deleteFrom('follow_digests').where('municipality_id', '=', municipalityId).where('subscription_id', '=', id).execute();
  await db.deleteFrom('follow_subscriptions').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
}

/** Deletes pending subscriptions made before `before` (their address was never confirmed); returns how many. */
export async function deletePendingBefore(db: Db, municipalityId: number, before: string): Promise<number> {
  const r = await db.deleteFrom('follow_subscriptions').where('municipality_id', '=', municipalityId).where('state', '=', 'pending').where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function activeWithFrequency(db: Db, municipalityId: number, frequency: Frequency) {
  return db
    .selectFrom('follow_subscriptions')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('state', '=', 'active')
    .where('frequency', '=', frequency)
    .orderBy('id')
    .execute();
}

export async function countActive(db: Db, municipalityId: number): Promise<Array<{ subject_type: string; frequency: string; n: number }>> {
  const rows = await db
    .selectFrom('follow_subscriptions')
    .select(['subject_type', 'frequency', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', '=', municipalityId)
    .where('state', '=', 'active')
    .groupBy(['subject_type', 'frequency'])
    .orderBy('subject_type')
    .orderBy('frequency')
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

// ---- digests ------------------------------------------------------------------------------------------------

/**
 * Claims a subscription's digest for a period and moves its `since` to `until`, in one transaction: false when the
 * period's digest was claimed before (a repeated job, a restart), and then nothing changes.
 */
export async function claimDigest(db: Kysely<Database>, municipalityId: number, subscriptionId: number, period: string, items: number, until: string, now: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('follow_digests').select('id').where('municipality_id', '=', municipalityId).where('subscription_id', '=', subscriptionId).where('period', '=', period).executeTakeFirst();
    if (taken) return false;
    await trx.insertInto('follow_digests').values({ municipality_id: municipalityId, subscription_id: subscriptionId, period, items, state: 'sending', created_at: now }).execute();
    await trx.updateTable('follow_subscriptions').set({ since: until }).where('municipality_id', '=', municipalityId).where('id', '=', subscriptionId).execute();
    return true;
  });
}

/** Takes a claim back when its mail could not be sent: the digest goes out on the next try, with the same items. */
export async function releaseDigest(db: Kysely<Database>, municipalityId: number, subscriptionId: number, period: string, since: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('follow_digests').where('municipality_id', '=', municipalityId).where('subscription_id', '=', subscriptionId).where('period', '=', period).where('state', '=', 'sending').execute();
    await trx.updateTable('follow_subscriptions').set({ since }).where('municipality_id', '=', municipalityId).where('id', '=', subscriptionId).execute();
  });
}

export async function markSent(db: Db, municipalityId: number, subscriptionId: number, period: string, at: string): Promise<void> {
  await db.updateTable('follow_digests').set({ state: 'sent', sent_at: at }).where('municipality_id', '=', municipalityId).where('subscription_id', '=', subscriptionId).where('period', '=', period).execute();
}

export function digestsOf(db: Db, municipalityId: number, subscriptionId: number) {
  return db.selectFrom('follow_digests').selectAll().where('municipality_id', '=', municipalityId).where('subscription_id', '=', subscriptionId).orderBy('id').execute();
}

// ---- subjects and what happened to them --------------------------------------------------------------------

/** A subject residents may follow: in a published plan (a working group: active), with its title and plan. */
export async function findSubject(db: Db, municipalityId: number, type: SubjectType, id: number): Promise<{ title: string; number: string | null; planId: number } | undefined> {
  switch (type) {
    case 'plan': {
      const r = await db.selectFrom('plans').select(['id', 'title']).where('municipality_id', '=', municipalityId).where('id', '=', id).where('state', '=', 'published').executeTakeFirst();
      return r && { title: r.title, number: null, planId: r.id };
    }
    case 'field': {
      const r = await db
        .selectFrom('fields as f')
        .innerJoin('plans as p', (j) => j.onRef('p.id', '=', 'f.plan_id').onRef('p.municipality_id', '=', 'f.municipality_id'))
        .select(['f.title', 'f.plan_id'])
        .where('f.municipality_id', '=', municipalityId)
        .where('f.id', '=', id)
        .where('p.state', '=', 'published')
        .executeTakeFirst();
      return r && { title: r.title, number: null, planId: r.plan_id };
    }
    case 'measure': {
      const r = await db
        .selectFrom('measures as m')
        .innerJoin('plans as p', (j) => j.onRef('p.id', '=', 'm.plan_id').onRef('p.municipality_id', '=', 'm.municipality_id'))
        .select(['m.text', 'm.number', 'm.plan_id'])
        .where('m.municipality_id', '=', municipalityId)
        .where('m.id', '=', id)
        .where('p.state', '=', 'published')
        .executeTakeFirst();
      return r && { title: r.text, number: r.number, planId: r.plan_id };
    }
    case 'group': {
      const r = await db
        .selectFrom('working_groups')
        .select(['title', 'plan_id'])
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', id)
        .where('kind', '=', 'working')
        .where('state', '=', 'active')
        .executeTakeFirst();
      return r && { title: r.title, number: null, planId: r.plan_id };
    }
    case 'actor': {
      // an actor (an office, an association) named at a measure of a published plan: its measures are followed
      const r = await db
        .selectFrom('actors as a')
        .innerJoin('measure_actors as ma', (j) => j.onRef('ma.actor_id', '=', 'a.id').onRef('ma.municipality_id', '=', 'a.municipality_id'))
        .innerJoin('measures as m', (j) => j.onRef('m.id', '=', 'ma.measure_id').onRef('m.municipality_id', '=', 'ma.municipality_id'))
        .innerJoin('plans as p', (j) => j.onRef('p.id', '=', 'm.plan_id').onRef('p.municipality_id', '=', 'm.municipality_id'))
        .select(['a.name', 'p.id as plan_id'])
        .where('a.municipality_id', '=', municipalityId)
        .where('a.id', '=', id)
        .where('p.state', '=', 'published')
        .orderBy('p.id', 'desc')
        .executeTakeFirst();
      return r && { title: r.name, number: null, planId: r.plan_id };
    }
  }
}

/** The measures of an actor (lead or partner), for the digests of those who follow it. */
function actorMeasureIds(db: Db, municipalityId: number, actorId: number) {
  return db.selectFrom('measure_actors').select('measure_id').where('municipality_id', '=', municipalityId).where('actor_id', '=', actorId);
}

export interface StatusItem {
  measureId: number;
  number: string | null;
  text: string;
  toLabel: string;
  toCategory: string;
  note: string;
  by: string;
  at: string;
}

/** Status changes (and public notes) of the subject's measures after `since`, up to `until`, oldest first. */
export async function statusChanges(db: Db, municipalityId: number, type: SubjectType, id: number, since: string, until: string): Promise<StatusItem[]> {
  if (type === 'group') return [];
  let q = db
    .selectFrom('status_changes as s')
    .innerJoin('measures as m', (j) => j.onRef('m.id', '=', 's.measure_id').onRef('m.municipality_id', '=', 's.municipality_id'))
    .innerJoin('plans as p', (j) => j.onRef('p.id', '=', 'm.plan_id').onRef('p.municipality_id', '=', 'm.municipality_id'))
    .select(['m.id as measureId', 'm.number', 'm.text', 's.to_label as toLabel', 's.to_category as toCategory', 's.note', 's.note_internal', 's.changed_by_public as by', 's.changed_at as at'])
    .where('s.municipality_id', '=', municipalityId)
    .where('p.state', '=', 'published')
    .where('s.changed_at', '>', since)
    .where('s.changed_at', '<=', until);
  if (type === 'plan') q = q.where('m.plan_id', '=', id);
  else if (type === 'field') q = q.where('m.field_id', '=', id);
  else if (type === 'actor') q = q.where('m.id', 'in', actorMeasureIds(db, municipalityId, id));
  else q = q.where('m.id', '=', id);
  const rows = await q.orderBy('s.changed_at').orderBy('s.id').execute();
  // an internal note never leaves the town hall
  return rows.map(({ note_internal, note, ...r }) => ({ ...r, note: Number(note_internal) === 1 ? '' : note }));
}

export interface NoteItem {
  measureId: number;
  number: string | null;
  text: string;
  note: string;
  at: string;
}

/** Public progress notes added to the subject's measures after `since`, up to `until` (never internal ones, never who wrote them). */
export async function notesAdded(db: Db, municipalityId: number, type: SubjectType, id: number, since: string, until: string): Promise<NoteItem[]> {
  if (type === 'group') return [];
  let q = db
    .selectFrom('progress_notes as n')
    .innerJoin('measures as m', (j) => j.onRef('m.id', '=', 'n.measure_id').onRef('m.municipality_id', '=', 'n.municipality_id'))
    .innerJoin('plans as p', (j) => j.onRef('p.id', '=', 'm.plan_id').onRef('p.municipality_id', '=', 'm.municipality_id'))
    .select(['m.id as measureId', 'm.number', 'm.text', 'n.text as note', 'n.created_at as at'])
    .where('n.municipality_id', '=', municipalityId)
    .where('n.is_internal', '=', 0)
    .where('p.state', '=', 'published')
    .where('n.created_at', '>', since)
    .where('n.created_at', '<=', until);
  if (type === 'plan') q = q.where('m.plan_id', '=', id);
  else if (type === 'field') q = q.where('m.field_id', '=', id);
  else if (type === 'actor') q = q.where('m.id', 'in', actorMeasureIds(db, municipalityId, id));
  else q = q.where('m.id', '=', id);
  return q.orderBy('n.created_at').orderBy('n.id').execute();
}

export interface EventItem {
  eventId: number;
  title: string;
  startsAt: string;
  state: string;
  /** When it was published or last changed. */
  at: string;
}

/** Events of the plan or the working group published or changed after `since` (drafts never), soonest first. */
export async function eventsChanged(db: Db, municipalityId: number, type: SubjectType, id: number, since: string, until: string): Promise<EventItem[]> {
  if (type !== 'plan' && type !== 'group') return [];
  return db
    .selectFrom('events')
    .select(['id as eventId', 'title', 'starts_at as startsAt', 'state', 'updated_at as at'])
    .where('municipality_id', '=', municipalityId)
    .where(type === 'plan' ? 'plan_id' : 'group_id', '=', id)
    .where('state', 'in', ['published', 'cancelled'])
    .where('updated_at', '>', since)
    .where('updated_at', '<=', until)
    .orderBy('starts_at')
    .execute();
}

export interface AnswerItem {
  postId: number;
  /** comment | idea */
  kind: string;
  /** What the post is about (measure | goal | field) and its id: where a comment is read. */
  postSubjectType: string;
  postSubjectId: number;
  /** An idea's title ('' for a comment). */
  title: string;
  answer: string;
  at: string;
}

/**
 * The city's public answers ("Antwort der Stadt") to residents' comments and ideas within the subject, given after
 * `since`, up to `until`: only on posts the public sees (a hidden one never), never who wrote the post.
 */
export async function answersGiven(db: Db, municipalityId: number, type: SubjectType, id: number, since: string, until: string): Promise<AnswerItem[]> {
  if (type === 'group') return [];
  const measuresWhere = (col: 'plan_id' | 'field_id') => db.selectFrom('measures').select('id').where('municipality_id', '=', municipalityId).where(col, '=', id);
  const fieldsOfPlan = db.selectFrom('fields').select('id').where('municipality_id', '=', municipalityId).where('plan_id', '=', id);
  const goalsOf = (fields: 'plan' | 'field') =>
    db.selectFrom('goals').select('id').where('municipality_id', '=', municipalityId).where('field_id', fields === 'field' ? '=' : 'in', fields === 'field' ? id : fieldsOfPlan);
  return db
    .selectFrom('resident_posts')
    .select(['id as postId', 'kind', 'subject_type as postSubjectType', 'subject_id as postSubjectId', 'title', 'answer', 'answered_at as at'])
    .where('municipality_id', '=', municipalityId)
    .where('state', '=', 'published')
    .where('answer', '!=', '')
    .where('answered_at', '>', since)
    .where('answered_at', '<=', until)
    .where((eb) => {
      switch (type) {
        case 'measure':
          return eb.and([eb('subject_type', '=', 'measure'), eb('subject_id', '=', id)]);
        case 'actor':
          return eb.and([eb('subject_type', '=', 'measure'), eb('subject_id', 'in', actorMeasureIds(db, municipalityId, id))]);
        case 'field':
          return eb.or([
            eb.and([eb('subject_type', '=', 'field'), eb('subject_id', '=', id)]),
            eb.and([eb('subject_type', '=', 'measure'), eb('subject_id', 'in', measuresWhere('field_id'))]),
            eb.and([eb('subject_type', '=', 'goal'), eb('subject_id', 'in', goalsOf('field'))]),
          ]);
        case 'plan':
          return eb.or([
            eb.and([eb('subject_type', '=', 'field'), eb('subject_id', 'in', fieldsOfPlan)]),
            eb.and([eb('subject_type', '=', 'measure'), eb('subject_id', 'in', measuresWhere('plan_id'))]),
            eb.and([eb('subject_type', '=', 'goal'), eb('subject_id', 'in', goalsOf('plan'))]),
          ]);
      }
    })
    .orderBy('answered_at')
    .orderBy('id')
    .execute() as Promise<AnswerItem[]>;
}

export function municipalityOf(db: Db, municipalityId: number) {
  return db.selectFrom('municipalities').select(['id', 'slug', 'name']).where('id', '=', municipalityId).executeTakeFirst();
}
