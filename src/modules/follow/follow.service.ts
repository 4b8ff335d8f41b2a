// Use cases of following: a resident asks to follow a subject with an e-mail address (pending), confirms it by
// the link in the mail, and gets a digest daily or weekly when something public happened; one click in any mail
// unsubscribes and deletes the address. Jobs send the confirmation mail, send the digests every morning, and
// delete subscriptions never confirmed. A digest is claimed in the database before its mail goes out, so that a
// repeated job, a second worker or a restart never sends the same digest twice. Only SHA-256 of a token is kept.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { randomToken, sha256 } from '../../platform/auth/auth.service.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { ContentTextsLoader } from '../../platform/i18n/content.js';
import { isLang, translator, type Lang } from '../../platform/i18n/i18n.js';
import type { HandlerOptions, JobContext, JobHandler, JobQueue } from '../../platform/jobs/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { groupsPaths } from '../groups/index.js';
import { processPaths } from '../participation/index.js';
import { planPaths } from '../plan/index.js';
import { ideasPaths } from '../ideas/index.js';
import { confirmMail, digestMail, type SubjectText } from './follow.mail.js';
import { dueFrequencies, nextRun, PENDING_HOURS, periodOf, type Frequency, type SubjectType } from './follow.model.js';
import { followPaths } from './follow.paths.js';
import * as repo from './follow.repository.js';

export const JOB_CONFIRM = 'follow.confirm.mail';
export const JOB_DIGESTS = 'follow.digests';
export const JOB_CLEANUP = 'follow.cleanup';

const HOUR = 3_600_000;

const confirmPayload = z.object({ subscriptionId: z.number().int().positive() });

export interface FollowInput {
  email: string;
  frequency: Frequency;
  /** the honeypot: filled by robots only */
  website?: string;
}

export interface Subject {
  type: SubjectType;
  id: number;
  title: string;
  number: string | null;
}

export class FollowService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly config: { publicUrl: string },
    private readonly content: ContentTextsLoader,
  ) {}

  get mailConfigured(): boolean {
    return this.mailer.configured;
  }

  private url(path: string, lang: Lang): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}${path}${lang !== 'de' ? `?lang=${lang}` : ''}`;
  }

  /** A subject residents may follow, or undefined (unknown, in a draft plan, another municipality's). */
  async subject(municipalityId: number, type: SubjectType, id: number): Promise<Subject | undefined> {
    const found = await repo.findSubject(this.db, municipalityId, type, id);
    return found && { type, id, title: found.title, number: found.number };
  }

  /** The subject's public page. */
  subjectPath(slug: string, s: { type: SubjectType; id: number }): string {
    switch (s.type) {
      case 'plan':
        return planPaths.plan(slug, s.id);
      case 'field':
        return planPaths.field(slug, s.id);
      case 'measure':
        return planPaths.measure(slug, s.id);
      case 'group':
        return groupsPaths.publicGroup(slug, s.id);
      case 'actor':
        return planPaths.actor(slug, s.id);
    }
  }

  /** How a mail names the subject: its title in the subscriber's language where a reviewed translation exists. */
  private async subjectText(municipalityId: number, slug: string, s: Subject, lang: Lang): Promise<SubjectText> {
    const t = translator(lang);
    const [entityType, entityId, field] = subjectContentRef(s);
    const ct = await this.content.load(municipalityId, lang, [{ entityType, entityId, field, source: s.title }]);
    const title = ct.text(entityType, entityId, field, s.title);
    const name = s.number ? `${s.number} ${title}` : title;
    return { label: t(`follow.subjectLabel.${s.type}`, { name }), url: this.url(this.subjectPath(slug, s), lang) };
  }

  /**
   * Asks to follow: a pending subscription and the mail to confirm it. A filled-in honeypot is answered as a
   * success and nothing is kept; so is an address that follows the subject already (nobody learns who follows).
   */
  async request(municipalityId: number, subject: Subject, input: FollowInput, lang: Lang): Promise<void> {
    if (input.website) return;
    const email = input.email.trim().toLowerCase();
    if (await repo.findActive(this.db, municipalityId, email, subject.type, subject.id)) return;
    const now = this.clock();
    await this.db.transaction().execute(async (trx) => {
      // the personal links are made when the mails go out
      const id = await repo.insertSubscription(trx, municipalityId, { email, lang, subject_type: subject.type, subject_id: subject.id, frequency: input.frequency, created_at: now.toISOString() });
      await this.jobs.enqueue(trx, { kind: JOB_CONFIRM, municipalityId, payload: { subscriptionId: id } });
      await this.jobs.enqueue(trx, { kind: JOB_CLEANUP, municipalityId, payload: {}, runAt: new Date(now.getTime() + PENDING_HOURS * HOUR + 60_000) });
    });
  }

  /** Confirms the address behind a link: 'confirmed' (or already was), 'expired', or 'unknown'. */
  async confirm(municipalityId: number, token: string): Promise<{ result: 'confirmed' | 'expired' | 'unknown'; subject?: Subject }> {
    const row = await repo.findByTokenHash(this.db, municipalityId, sha256(token));
    if (!row) return { result: 'unknown' };
    const subject = await this.subject(municipalityId, row.subject_type as SubjectType, row.subject_id);
    const now = this.clock();
    if (row.state === 'pending') {
      if (now.getTime() >= Date.parse(row.created_at) + PENDING_HOURS * HOUR) return { result: 'expired', subject };
      await this.db.transaction().execute(async (trx) => {
        await repo.confirm(trx, municipalityId, row.id, now.toISOString());
        await this.jobs.enqueueOnce(trx, { kind: JOB_DIGESTS, municipalityId, payload: {}, runAt: nextRun(now) });
      });
    }
    return { result: 'confirmed', subject };
  }

  /** Ends a subscription by its link and deletes it with its address: the subject, or undefined when unknown. */
  async unsubscribe(municipalityId: number, token: string): Promise<{ ended: boolean; subject?: Subject }> {
    const row = await repo.findByTokenHash(this.db, municipalityId, sha256(token));
    if (!row) return { ended: false };
    const subject = await this.subject(municipalityId, row.subject_type as SubjectType, row.subject_id);
    await repo.deleteSubscription(this.db, municipalityId, row.id);
    return { ended: true, subject };
  }

  /** How many follow what, for the officer (no addresses). */
  counts(municipalityId: number) {
    return repo.countActive(this.db, municipalityId);
  }

  jobHandlers(): Record<string, { run: JobHandler; options: HandlerOptions }> {
    return {
      [JOB_CONFIRM]: { run: (job) => this.confirmJob(job), options: { maxAttempts: 6 } },
      [JOB_DIGESTS]: { run: (job) => this.digestsJob(job), options: { maxAttempts: 5 } },
      [JOB_CLEANUP]: { run: (job) => this.cleanupJob(job), options: { maxAttempts: 3 } },
    };
  }

  /** A new personal link of a subscription: the token for the mail, its hash kept. */
  private async newLink(municipalityId: number, subscriptionId: number): Promise<string> {
    const token = randomToken();
    await repo.insertLink(this.db, municipalityId, subscriptionId, sha256(token), this.clock().toISOString());
    return token;
  }

  /** The mail with the link to confirm (a link of its own, so a resent mail works too). */
  private async confirmJob(job: JobContext): Promise<void> {
    const { subscriptionId } = confirmPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null || !this.mailer.configured) return;
    const row = await repo.findSubscription(this.db, mid, subscriptionId);
    const m = await repo.municipalityOf(this.db, mid);
    if (!row || row.state !== 'pending' || !m) return;
    const subject = await this.subject(mid, row.subject_type as SubjectType, row.subject_id);
    if (!subject) return;
    const lang = isLang(row.lang) ? row.lang : 'de';
    const token = await this.newLink(mid, row.id);
    await this.mailer.send(
      await confirmMail(row.email, lang, { municipalityName: m.name, subject: await this.subjectText(mid, m.slug, subject, lang), confirmUrl: this.url(followPaths.confirm(m.slug, token), lang), hours: PENDING_HOURS }),
    );
  }

  /**
   * The morning's digests of a municipality: for every active subscription whose frequency is due, what happened
   * since its last digest. A subscription with nothing new gets no mail. Each digest is claimed (with its period)
   * before it is sent and released only when sending failed; then the next run is queued.
   */
  private async digestsJob(job: JobContext): Promise<void> {
    const mid = job.municipalityId;
    if (mid === null) return;
    const m = await repo.municipalityOf(this.db, mid);
    if (!m) return;
    const now = job.now;
    if (this.mailer.configured) {
      const until = now.toISOString();
      for (const frequency of dueFrequencies(now)) {
        // what happened is read once per subject (from its earliest follower's last digest), not per follower
        const bySubject = new Map<string, repo.SubscriptionRow[]>();
        for (const row of await repo.activeWithFrequency(this.db, mid, frequency)) {
          const key = `${row.subject_type}:${row.subject_id}`;
          bySubject.set(key, [...(bySubject.get(key) ?? []), row]);
        }
        for (const rows of bySubject.values()) {
          const { subject_type: type, subject_id: id } = rows[0];
          const subject = await this.subject(mid, type as SubjectType, id);
          if (!subject) continue;
          const happened = await this.happened(mid, subject, rows.reduce((min, r) => (r.since < min ? r.since : min), rows[0].since), until);
          for (const row of rows) await this.sendDigest(m, row, subject, sinceFor(happened, row.since), frequency, now);
        }
      }
    }
    await this.jobs.enqueueOnce(this.db, { kind: JOB_DIGESTS, municipalityId: mid, payload: {}, runAt: nextRun(now) });
  }

  /** What happened to a subject after `since`, up to `until`: what a digest reports. */
  private async happened(municipalityId: number, s: Subject, since: string, until: string): Promise<Happened> {
    const [statuses, notes, events, answers] = await Promise.all([
      repo.statusChanges(this.db, municipalityId, s.type, s.id, since, until),
      repo.notesAdded(this.db, municipalityId, s.type, s.id, since, until),
      repo.eventsChanged(this.db, municipalityId, s.type, s.id, since, until),
      repo.answersGiven(this.db, municipalityId, s.type, s.id, since, until),
    ]);
    return { statuses, notes, events, answers };
  }

  private async sendDigest(m: { id: number; slug: string; name: string }, row: repo.SubscriptionRow, subject: Subject, happened: Happened, frequency: Frequency, now: Date): Promise<void> {
    const until = now.toISOString();
    const { statuses, notes, events, answers } = happened;
    const items = statuses.length + notes.length + events.length + answers.length;
    if (items === 0) return;
    const period = periodOf(frequency, now);
    if (!(await repo.claimDigest(this.db, m.id, row.id, period, items, until, until))) return;
    const lang = isLang(row.lang) ? row.lang : 'de';
    try {
      // the unsubscribe link of this mail; the links of earlier mails keep working
      const token = await this.newLink(m.id, row.id);
      const message = await digestMail(row.email, lang, {
        municipalityName: m.name,
        subject: await this.subjectText(m.id, m.slug, subject, lang),
        statuses,
        notes,
        events,
        answers,
        answerUrl: (a) => this.url(a.kind === 'idea' ? ideasPaths.idea(m.slug, a.postId) : ideasPaths.comments(m.slug, a.postSubjectType, a.postSubjectId), lang),
        measureUrl: (id) => this.url(planPaths.measure(m.slug, id), lang),
        eventUrl: (id) => this.url(processPaths.event(m.slug, id), lang),
        unsubscribeUrl: this.url(followPaths.unsubscribe(m.slug, token), lang),
      });
      await this.mailer.send(message);
    } catch (err) {
      await repo.releaseDigest(this.db, m.id, row.id, period, row.since);
      throw err;
    }
    await repo.markSent(this.db, m.id, row.id, period, new Date(this.clock()).toISOString());
  }

  /** Deletes the subscriptions whose address was not confirmed in time. */
  private async cleanupJob(job: JobContext): Promise<void> {
    const mid = job.municipalityId;
    if (mid === null) return;
    await repo.deletePendingBefore(this.db, mid, new Date(job.now.getTime() - PENDING_HOURS * HOUR).toISOString());
  }
}

interface Happened {
  statuses: repo.StatusItem[];
  notes: repo.NoteItem[];
  events: repo.EventItem[];
  answers: repo.AnswerItem[];
}

/** Of what happened to a subject, what one follower has not had yet (after their last digest). */
function sinceFor(h: Happened, since: string): Happened {
  const after = <T extends { at: string }>(items: T[]) => items.filter((i) => i.at > since);
  return { statuses: after(h.statuses), notes: after(h.notes), events: after(h.events), answers: after(h.answers) };
}

/** Where a subject's title lives among the content texts (translations): row type, id and field. */
export function subjectContentRef(s: { type: SubjectType; id: number }): [string, number, string] {
  switch (s.type) {
    case 'plan':
      return ['plan', s.id, 'title'];
    case 'field':
      return ['field', s.id, 'title'];
    case 'measure':
      return ['measure', s.id, 'text'];
    case 'group':
      return ['working_group', s.id, 'title'];
    case 'actor':
      return ['actor', s.id, 'name'];
  }
}
