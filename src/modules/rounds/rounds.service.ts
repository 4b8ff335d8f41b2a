// Use cases of the update rounds (Sachstandsabfrage): the officer starts a round for a plan, every lead
// actor gets a personal link (mailed by a job, or shown to copy), the actor submits changes that wait as
// pending, and the officer accepts them into the plan (through PlanService, so they enter the history with
// the actor as author) or returns them with a comment. The only writer of the round tables; every write of
// a round runs through the audited write path.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { paths } from './rounds.paths.js';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites, AuditSpec, WriteScope } from '../../platform/audit/audited.js';
import { randomToken } from '../../platform/auth/auth.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { isLang, translator, type Lang } from '../../platform/i18n/i18n.js';
import type { HandlerOptions, JobContext, JobHandler, JobQueue } from '../../platform/jobs/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { FieldErrors, FormValues } from '../../platform/views/page.js';
import type { Municipality } from '../../platform/tenancy.js';
import type { ActorFollower, PlanService } from '../plan/index.js';
import type { StatusCategory } from '../plan/index.js';
import { roundMail } from './rounds.mail.js';
import * as repo from './rounds.repository.js';
import { parseMeasureUpdates, type MeasureUpdate, type StartRoundInput } from './rounds.schema.js';

export const JOB_INVITE = 'rounds.invite';
export const JOB_REMIND = 'rounds.remind';
export const JOB_AUTO_REMIND = 'rounds.auto_remind';
export const JOB_RETURNED = 'rounds.returned';

export interface RoundsConfig {
  publicUrl: string;
  /** Days a link keeps working after the deadline. */
  graceDays: number;
  /** Days before the deadline the automatic reminder goes out (0: none). */
  reminderDaysBefore: number;
}

/** The language an actor is written to in: their setting, German for anything unknown. */
function actorLang(p: { actor_lang: string }): Lang {
  return isLang(p.actor_lang) ? p.actor_lang : 'de';
}

/** A link shown to the officer once, to hand over by other means than mail. */
export interface IssuedLink {
  participantId: number;
  actorName: string;
  email: string;
  url: string;
}

export type LinkAccess =
  | { status: 'ok'; tokenHash: string; participantId: number; actorId: number; actorName: string; roundId: number; planId: number; roundTitle: string; deadline: string; expiresAt: string }
  | { status: 'unknown' | 'revoked' | 'expired' | 'closed' };

const DAY = 86_400_000;
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const jobPayload = z.object({ roundId: z.number().int().positive(), participantId: z.number().int().positive() });
const autoPayload = z.object({ roundId: z.number().int().positive() });
const returnedPayload = z.object({ roundId: z.number().int().positive(), participantId: z.number().int().positive(), changeId: z.number().int().positive() });

/** The progress note an accepted change (or a representative) adds: the text, then the evidence link. */
export function noteWithEvidence(note: string, evidenceUrl: string): string {
  const evidence = evidenceUrl ? translator('de')('rounds.evidenceLine', { url: evidenceUrl }) : '';
  return [note, evidence].filter(Boolean).join('\n');
}

/** The author of what came in through a personal link: the actor, not a person with an account. */
export const authorViaRound = (actorName: string): Writer => {
  const name = translator('de')('rounds.authorVia', { actor: actorName });
  return { userId: null, name, publicName: name };
};

/** A measure as the audit log names it: its number and the start of its text. */
const measureWords = (m: { number: string | null; text: string } | undefined): string | null =>
  m ? [m.number, m.text.length > 60 ? `${m.text.slice(0, 59)}…` : m.text].filter(Boolean).join(' ') : null;

/** The writer of the background jobs: no person. */
const SYSTEM: Writer = { userId: null, name: 'Teilhabe' };

/** Thrown inside a review to roll it back: someone else reviewed the change meanwhile. */
class AlreadyReviewed extends Error {}

/** The rounds follow the actors directory: a merge moves round entries and representatives along. */
export const roundsActorFollower: ActorFollower = {
  async usage(db, municipalityId, actorId) {
    const u = await repo.actorRoundUsage(db, municipalityId, actorId);
    return [{ key: 'rounds.actorUsage.rounds', count: u.rounds }, { key: 'rounds.actorUsage.representatives', count: u.representatives }];
  },
  merge: (trx, municipalityId, fromId, toId) => repo.mergeActorRounds(trx, municipalityId, fromId, toId),
  // Their round entries go with them (foreign keys); a representative of a deleted actor represents nothing:
  // the membership goes, the person's account stays.
  deleting: (trx, municipalityId, actorIds) => repo.removeRepresentativesOf(trx, municipalityId, actorIds),
};

export class RoundService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly config: RoundsConfig,
    private readonly plans: PlanService,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
  ) {}

  private now() {
    return this.clock().toISOString();
  }

  private today() {
    return this.now().slice(0, 10);
  }

  get mailConfigured(): boolean {
    return this.mailer.configured;
  }

  /** The personal link; in the actor's language when that is not German (the page then opens in it). */
  linkUrl(slug: string, token: string, lang: Lang = 'de'): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}${paths.roundLink(slug, token)}${lang !== 'de' ? `?lang=${lang}` : ''}`;
  }

  /** Links work until the end of the last day of grace after the deadline (UTC). */
  expiryOf(deadline: string): string {
    const last = new Date(Date.parse(`${deadline}T00:00:00Z`) + this.config.graceDays * DAY).toISOString().slice(0, 10);
    return `${last}T23:59:59.999Z`;
  }

  /** When the automatic reminder goes out: N days before the deadline, 08:00 UTC; null when none. */
  autoReminderAt(deadline: string): Date | null {
    if (this.config.reminderDaysBefore <= 0) return null;
    return new Date(Date.parse(`${deadline}T08:00:00Z`) - this.config.reminderDaysBefore * DAY);
  }

  list(municipalityId: number) {
    return repo.listRounds(this.db, municipalityId);
  }

  /** The plan's open round, if one is running. */
  openRoundOfPlan(municipalityId: number, planId: number): Promise<repo.Round | undefined> {
    return repo.openRoundOfPlan(this.db, municipalityId, planId);
  }

  /**
   * The plan's most recent update round for the dashboard's overdue measures: when it started, its deadline,
   * the lead actors it asked and those of them that answered; null when the plan has had none.
   */
  lastRound(municipalityId: number, planId: number): Promise<repo.LastRoundState | null> {
    return repo.lastRound(this.db, municipalityId, planId);
  }

  /** Plans a round can ask about: the published ones. */
  /** The plan's lead actors with their contact e-mails (the page that fills them in before a round). */
  leadActors(municipalityId: number, planId: number) {
    return repo.leadActorsOfPlan(this.db, municipalityId, planId);
  }

  async startablePlans(municipalityId: number) {
    return (await this.plans.listPlans(municipalityId)).filter((p) => p.state === 'published');
  }

  async get(municipalityId: number, roundId: number): Promise<repo.Round> {
    const round = await repo.findRound(this.db, municipalityId, roundId);
    if (!round) throw new NotFoundError('round');
    return round;
  }

  /** Everything the officer's round page shows. */
  async overview(municipalityId: number, roundId: number) {
    const round = await this.get(municipalityId, roundId);
    const [plan, participants, changes, autoJob] = await Promise.all([
      this.plans.getPlan(municipalityId, round.plan_id),
      repo.listParticipants(this.db, municipalityId, roundId),
      repo.listChanges(this.db, municipalityId, roundId),
      repo.findRoundJob(this.db, municipalityId, JOB_AUTO_REMIND, roundId),
    ]);
    return {
      round,
      plan,
      participants,
      pending: changes.filter((c) => c.state === 'pending'),
      reviewed: changes.filter((c) => c.state !== 'pending').reverse(),
      autoReminder: autoJob ? { at: autoJob.run_at, done: autoJob.state === 'done' } : null,
      mailConfigured: this.mailer.configured,
    };
  }

  private async issueToken(conn: Kysely<Database>, municipalityId: number, participantId: number): Promise<string> {
    const token = randomToken();
    await repo.insertToken(conn, municipalityId, participantId, sha256(token), this.now());
    return token;
  }

  /**
   * Starts a round: one participant per lead actor of the plan. Actors with an address get their link by
   * mail (a job each); the others, or all when no SMTP is configured, get a link returned here to copy.
   */
  async start(m: Municipality, input: StartRoundInput, by: Writer): Promise<{ roundId: number; links: IssuedLink[]; queued: number }> {
    const mid = m.id;
    const plan = await this.plans.listPlans(mid).then((ps) => ps.find((p) => p.id === input.plan_id));
    if (!plan || plan.state !== 'published') throw new InvalidInputError({ plan_id: 'rounds.errors.planNotPublished' });
    if (input.deadline < this.today()) throw new InvalidInputError({ deadline: 'rounds.errors.deadlinePast' });
    if (await repo.openRoundOfPlan(this.db, mid, plan.id)) throw new InvalidInputError({ plan_id: 'rounds.errors.roundOpen' });
    const leads = await repo.leadActorsOfPlan(this.db, mid, plan.id);
    if (leads.length === 0) throw new InvalidInputError({ plan_id: 'rounds.errors.noLeads' });
    const audit = (r: { roundId: number; queued: number }): AuditSpec => ({
      action: 'round.start', entityType: 'round', entityId: r.roundId,
      after: { plan_id: plan.id, title: input.title, deadline: input.deadline, participants: leads.length, mailed: r.queued },
    });
    return this.audit.write(mid, by, audit, async ({ trx, now }) => {
      const roundId = await repo.insertRound(trx, mid, {
        plan_id: plan.id, title: input.title, deadline: input.deadline, expires_at: this.expiryOf(input.deadline),
        state: 'open', created_at: now, created_by_name: by.name, auto_reminded_at: null, closed_at: null,
      });
      const links: IssuedLink[] = [];
      let queued = 0;
      for (const a of leads) {
        const participantId = await repo.insertParticipant(trx, mid, roundId, a.id, now);
        if (this.mailer.configured && a.contact_email.trim()) {
          await this.jobs.enqueue(trx, { kind: JOB_INVITE, municipalityId: mid, payload: { roundId, participantId } });
          queued++;
        } else {
          links.push({ participantId, actorName: a.name, email: a.contact_email, url: this.linkUrl(m.slug, await this.issueToken(trx, mid, participantId)) });
        }
      }
      const remindAt = this.autoReminderAt(input.deadline);
      if (remindAt && remindAt > this.clock()) {
        await this.jobs.enqueue(trx, { kind: JOB_AUTO_REMIND, municipalityId: mid, payload: { roundId }, runAt: remindAt });
      }
      return { roundId, links, queued };
    });
  }

  private async requireOpen(municipalityId: number, roundId: number): Promise<repo.Round> {
    const round = await this.get(municipalityId, roundId);
    if (round.state !== 'open') throw new InvalidInputError({ _form: 'rounds.errors.roundClosed' });
    return round;
  }

  /**
   * Reminds everyone who has not answered and whose link is not revoked: by mail where possible, else with
   * a fresh link to copy (earlier links stay valid).
   */
  async remind(m: Municipality, roundId: number, by: Writer): Promise<{ queued: number; links: IssuedLink[] }> {
    await this.requireOpen(m.id, roundId);
    const participants = (await repo.listParticipants(this.db, m.id, roundId)).filter((p) => !p.answered_at && !p.revoked_at);
    const audit = (r: { queued: number; links: IssuedLink[] }): AuditSpec => ({ action: 'round.remind', entityType: 'round', entityId: roundId, after: { mailed: r.queued, links: r.links.length } });
    return this.audit.write(m.id, by, audit, async ({ trx, now }) => {
      const links: IssuedLink[] = [];
      let queued = 0;
      for (const p of participants) {
        if (this.mailer.configured && p.contact_email.trim()) {
          await this.jobs.enqueue(trx, { kind: JOB_REMIND, municipalityId: m.id, payload: { roundId, participantId: p.id } });
          queued++;
        } else {
          links.push({ participantId: p.id, actorName: p.actor_name, email: p.contact_email, url: this.linkUrl(m.slug, await this.issueToken(trx, m.id, p.id)) });
          await repo.markReminded(trx, m.id, p.id, now);
        }
      }
      return { queued, links };
    });
  }

  async close(municipalityId: number, roundId: number, by: Writer): Promise<void> {
    await this.requireOpen(municipalityId, roundId);
    await this.audit.write(municipalityId, by, { action: 'round.close', entityType: 'round', entityId: roundId }, ({ trx, now }) =>
      repo.closeRound(trx, municipalityId, roundId, now),
    );
  }

  private async participant(municipalityId: number, roundId: number, participantId: number) {
    const p = await repo.findParticipant(this.db, municipalityId, roundId, participantId);
    if (!p) throw new NotFoundError('participant');
    return p;
  }

  /** Every link of the participant stops working at once; no reminder reaches it any more. */
  async revoke(municipalityId: number, roundId: number, participantId: number, by: Writer): Promise<void> {
    await this.get(municipalityId, roundId);
    const p = await this.participant(municipalityId, roundId, participantId);
    await this.audit.write(municipalityId, by, { action: 'round.revoke', entityType: 'round_participant', entityId: p.id, after: { round_id: roundId, actor: p.actor_name } }, ({ trx, now }) =>
      repo.revokeParticipant(trx, municipalityId, p.id, now),
    );
  }

  /** A fresh link to hand over (after a revocation, or for an actor without an address). */
  async newLink(m: Municipality, roundId: number, participantId: number, by: Writer): Promise<IssuedLink> {
    await this.requireOpen(m.id, roundId);
    const p = await this.participant(m.id, roundId, participantId);
    return this.audit.write(m.id, by, { action: 'round.new_link', entityType: 'round_participant', entityId: p.id, after: { round_id: roundId, actor: p.actor_name } }, async ({ trx }) => {
      const token = await this.issueToken(trx, m.id, p.id);
      await repo.reinstateParticipant(trx, m.id, p.id);
      return { participantId: p.id, actorName: p.actor_name, email: p.contact_email, url: this.linkUrl(m.slug, token) };
    });
  }

  private async change(municipalityId: number, roundId: number, changeId: number) {
    const round = await this.get(municipalityId, roundId);
    const c = await repo.findChange(this.db, municipalityId, roundId, changeId);
    if (!c) throw new NotFoundError('change');
    return { round, c };
  }

  /**
   * A review of a change as one audited write; false (and nothing written) when `fn` finds the change
   * reviewed by someone else meanwhile.
   */
  private async review(municipalityId: number, by: Writer, audit: AuditSpec, fn: (scope: WriteScope) => Promise<void>): Promise<boolean> {
    try {
      await this.audit.write(municipalityId, by, audit, fn);
      return true;
    } catch (e) {
      if (e instanceof AlreadyReviewed) return false;
      throw e;
    }
  }

  /**
   * Takes a submitted change into the plan in one transaction: the claim on the change, the status through
   * PlanService.changeStatus, the note (with the evidence link) through addNote, both with the actor as
   * author, and the audit entry. Returns false when someone else has already reviewed it.
   */
  async accept(municipalityId: number, roundId: number, changeId: number, by: Writer): Promise<boolean> {
    const { round, c } = await this.change(municipalityId, roundId, changeId);
    const author = authorViaRound(c.actor_name);
    const audit = { action: 'round.accept', entityType: 'round_change', entityId: changeId, after: { round_id: roundId, round: round.title, measure_id: c.measure_id, measure: measureWords({ number: c.measure_number, text: c.measure_text }), actor: c.actor_name } };
    return this.review(municipalityId, by, audit, async ({ trx, now }) => {
      if (!(await repo.reviewChange(trx, municipalityId, changeId, { state: 'accepted', at: now, by: by.name }))) throw new AlreadyReviewed();
      if (c.status_label !== null && c.status_label !== c.current_label) {
        await this.plans.changeStatus(municipalityId, c.measure_id, {
          status_label: c.status_label,
          status_category: c.status_category as StatusCategory | null,
          note: translator('de')('rounds.historyNote', { round: round.title }),
          note_internal: true,
        }, author, trx);
      }
      const note = noteWithEvidence(c.note_text, c.evidence_url);
      if (note) await this.plans.addNote(municipalityId, c.measure_id, { text: note, note_date: c.note_date }, author, trx);
    });
  }

  /** Sends a change back with a comment the actor reads on its page; nothing enters the plan. */
  async returnChange(municipalityId: number, roundId: number, changeId: number, comment: string, by: Writer): Promise<boolean> {
    const { round, c } = await this.change(municipalityId, roundId, changeId);
    const audit = { action: 'round.return', entityType: 'round_change', entityId: changeId, after: { round_id: roundId, round: round.title, measure_id: c.measure_id, measure: measureWords({ number: c.measure_number, text: c.measure_text }), actor: c.actor_name, comment } };
    return this.review(municipalityId, by, audit, async ({ trx, now }) => {
      if (!(await repo.reviewChange(trx, municipalityId, changeId, { state: 'returned', comment, at: now, by: by.name }))) throw new AlreadyReviewed();
      // The actor learns of the question by mail, with a link to answer it (a job: the mail server may be slow).
      if (this.mailer.configured) await this.jobs.enqueue(trx, { kind: JOB_RETURNED, municipalityId, payload: { roundId, participantId: c.participant_id, changeId } });
    });
  }

  // ---- the actor's side: the personal link ---------------------------------------------------------------

  /** What a token opens in this municipality, or why it opens nothing. */
  async access(municipalityId: number, token: string): Promise<LinkAccess> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: 'unknown' };
    const hash = sha256(token);
    const row = await repo.findToken(this.db, municipalityId, hash);
    if (!row) return { status: 'unknown' };
    if (row.token_revoked_at) return { status: 'revoked' };
    if (row.round_state !== 'open') return { status: 'closed' };
    if (this.now() > row.expires_at) return { status: 'expired' };
    return {
      status: 'ok', tokenHash: hash, participantId: row.participant_id, actorId: row.actor_id, actorName: row.actor_name,
      roundId: row.round_id, planId: row.plan_id, roundTitle: row.round_title, deadline: row.deadline, expiresAt: row.expires_at,
    };
  }

  /** The actor's page: its lead measures of the round's plan, each with its latest submission. */
  async linkPage(municipalityId: number, access: Extract<LinkAccess, { status: 'ok' }>) {
    const [plan, measures, latest, wordings] = await Promise.all([
      this.plans.getPlan(municipalityId, access.planId),
      repo.leadMeasures(this.db, municipalityId, access.actorId, access.planId),
      repo.latestChanges(this.db, municipalityId, access.participantId),
      this.plans.configuredWordings(municipalityId),
    ]);
    return { plan: { id: plan.id, title: plan.title }, measures: measures.map((m) => ({ ...m, latest: latest.get(m.id) ?? null })), wordings: wordings.map((w) => w.label) };
  }

  /** Stores what the actor sent as pending changes (a newer one replaces a pending older one). */
  async submitViaLink(municipalityId: number, access: Extract<LinkAccess, { status: 'ok' }>, values: FormValues): Promise<{ ok: true; count: number } | { ok: false; errors: FieldErrors }> {
    const measures = await repo.leadMeasures(this.db, municipalityId, access.actorId, access.planId);
    const parsed = parseMeasureUpdates(values, measures, await this.plans.configuredWordings(municipalityId), this.today());
    if (!parsed.ok) return parsed;
    await this.storeSubmission(municipalityId, access, parsed.updates, measures);
    return { ok: true, count: parsed.updates.length };
  }

  private async storeSubmission(municipalityId: number, access: Extract<LinkAccess, { status: 'ok' }>, updates: MeasureUpdate[], measures: Array<{ id: number; number: string | null; text: string }>): Promise<void> {
    // No person wrote this: the actor, through its personal link.
    const author = authorViaRound(access.actorName);
    // The log names the round and the measures as people know them, not by their ids.
    const byId = new Map(measures.map((m) => [m.id, m]));
    const audit = {
      action: 'round.submit', entityType: 'round_participant', entityId: access.participantId,
      after: { round_id: access.roundId, round: access.roundTitle, measures: updates.map((u) => measureWords(byId.get(u.measureId)) ?? String(u.measureId)) },
    };
    await this.audit.write(municipalityId, author, audit, async ({ trx, now }) => {
      for (const u of updates) {
        await repo.supersedePending(trx, municipalityId, access.participantId, u.measureId);
        await repo.insertChange(trx, municipalityId, {
          round_id: access.roundId, participant_id: access.participantId, measure_id: u.measureId,
          status_label: u.status?.label ?? null, status_category: u.status?.category ?? null,
          // A note is dated: by the actor, or with the day it was sent.
          note_text: u.note, note_date: u.noteDate ?? (u.note || u.evidenceUrl ? now.slice(0, 10) : null), evidence_url: u.evidenceUrl,
          state: 'pending', review_comment: '', submitted_at: now, submitted_by_name: author.name, reviewed_at: null, reviewed_by_name: null,
        });
      }
      await repo.markAnswered(trx, municipalityId, access.participantId, now);
    });
  }

  // ---- jobs --------------------------------------------------------------------------------------------

  /** The background work of rounds: invitations and reminders by mail, and the automatic reminder. */
  jobHandlers(): Record<string, { run: JobHandler; options: HandlerOptions }> {
    return {
      [JOB_INVITE]: { run: (job) => this.mailLink(job, 'invite'), options: { maxAttempts: 6 } },
      [JOB_REMIND]: { run: (job) => this.mailLink(job, 'reminder'), options: { maxAttempts: 6 } },
      [JOB_AUTO_REMIND]: { run: (job) => this.autoRemind(job), options: { maxAttempts: 6 } },
      [JOB_RETURNED]: { run: (job) => this.mailReturned(job), options: { maxAttempts: 6 } },
    };
  }

  /**
   * Mails one participant a fresh personal link. The token exists only in this mail; when sending fails the
   * token is removed again and the job retries later. The token and the mark of the mail are the job's
   * bookkeeping, not a change of content: no audit entry (as before), and no transaction held open while the
   * mail server answers.
   */
  private async mailLink(job: JobContext, kind: 'invite' | 'reminder'): Promise<void> {
    const { roundId, participantId } = jobPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null) return;
    const round = await repo.findRound(this.db, mid, roundId);
    if (!round || round.state !== 'open' || job.now.toISOString() > round.expires_at) return;
    const p = await repo.findParticipant(this.db, mid, roundId, participantId);
    if (!p || p.revoked_at || (kind === 'reminder' && p.answered_at)) return;
    const email = p.contact_email.trim();
    if (!email) return;
    const municipality = await repo.findMunicipality(this.db, mid);
    if (!municipality) return;
    const plan = await this.plans.getPlan(mid, round.plan_id);
    const measures = await repo.leadMeasures(this.db, mid, p.actor_id, round.plan_id);
    const token = await this.issueToken(this.db, mid, p.id);
    const lang = actorLang(p);
    try {
      await this.mailer.send(await roundMail(email, {
        lang,
        // Someone who never got the invitation (an address added later) gets it instead of a reminder.
        kind: kind === 'reminder' && p.invited_at ? 'reminder' : 'invite',
        municipality, round, planTitle: plan.title, actorName: p.actor_name, measureCount: measures.length, url: this.linkUrl(municipality.slug, token, lang),
      }));
    } catch (err) {
      await repo.deleteToken(this.db, mid, sha256(token));
      throw err;
    }
    const at = job.now.toISOString();
    await repo.markMailed(this.db, mid, p.id, kind === 'invite' || !p.invited_at ? { email, invited_at: at } : { email, reminded_at: at });
  }

  /**
   * Mails the actor the officer's question about a returned change, with a fresh personal link. Nothing is sent
   * when the round closed, the link was revoked or the change was answered again in the meantime.
   */
  private async mailReturned(job: JobContext): Promise<void> {
    const { roundId, participantId, changeId } = returnedPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null) return;
    const round = await repo.findRound(this.db, mid, roundId);
    if (!round || round.state !== 'open' || job.now.toISOString() > round.expires_at) return;
    const p = await repo.findParticipant(this.db, mid, roundId, participantId);
    const change = await repo.findChange(this.db, mid, roundId, changeId);
    if (!p || p.revoked_at || !change || change.state !== 'returned') return;
    const email = p.contact_email.trim();
    const municipality = await repo.findMunicipality(this.db, mid);
    if (!email || !municipality) return;
    const plan = await this.plans.getPlan(mid, round.plan_id);
    const lang = actorLang(p);
    const t = translator(lang);
    const measure = change.measure_number !== null ? t('measure.numbered', { number: change.measure_number }) : t('measure.furtherSingular');
    const token = await this.issueToken(this.db, mid, p.id);
    try {
      await this.mailer.send(await roundMail(email, {
        kind: 'returned', lang, municipality, round, planTitle: plan.title, actorName: p.actor_name, measureCount: 1, url: this.linkUrl(municipality.slug, token, lang),
        returned: { measure, comment: change.review_comment },
      }));
    } catch (err) {
      await repo.deleteToken(this.db, mid, sha256(token));
      throw err;
    }
  }

  /** N days before the deadline: a reminder job for everyone who has not answered yet. */
  private async autoRemind(job: JobContext): Promise<void> {
    const { roundId } = autoPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null || !this.mailer.configured) return;
    const round = await repo.findRound(this.db, mid, roundId);
    if (!round || round.state !== 'open' || round.auto_reminded_at) return;
    const participants = (await repo.listParticipants(this.db, mid, roundId)).filter((p) => !p.answered_at && !p.revoked_at && p.contact_email.trim());
    const at = job.now.toISOString();
    await this.audit.write(mid, SYSTEM, { action: 'round.auto_remind', entityType: 'round', entityId: roundId, at, after: { mailed: participants.length } }, async ({ trx }) => {
      for (const p of participants) await this.jobs.enqueue(trx, { kind: JOB_REMIND, municipalityId: mid, payload: { roundId, participantId: p.id }, runAt: job.now });
      await repo.markAutoReminded(trx, mid, roundId, at);
    });
  }
}
