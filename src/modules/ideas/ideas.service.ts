// Use cases of residents' comments and ideas: a resident comments on a published measure, goal or field of
// action, or submits an idea for a field, without an account (a filled-in honeypot is answered as a success and
// nothing is kept; a blocked word is refused); it waits for moderation, or is public at once where the
// municipality moderates afterwards. Anyone may report a public one, which sends it back to the queue. The
// officer approves, hides with a reason, or answers publicly; an idea may become a draft measure or be attached
// to one. An e-mail address is kept only for an answer, confirmed by a link, and emptied after the retention days.
import { randomToken, sha256 } from '../../platform/auth/auth.service.js';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { InvalidInputError, NotFoundError } from '../../platform/http/errors.js';
import { isLang, type Lang } from '../../platform/i18n/i18n.js';
import type { HandlerOptions, JobContext, JobHandler, JobQueue } from '../../platform/jobs/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { Services } from '../../platform/module.js';
import { answerMail, confirmMail } from './ideas.mail.js';
import { ideasPaths } from './ideas.paths.js';
import * as repo from './ideas.repository.js';
import { allMeasures } from '../plan/index.js';
import { blockedWordIn, type IdeaSettingsInput, type PostInput } from './ideas.schema.js';

type Trx = Transaction<Database>;

export const JOB_CONFIRM_MAIL = 'ideas.confirm_mail';
export const JOB_ANSWER_MAIL = 'ideas.answer_mail';
export const JOB_DELETE_EMAIL = 'ideas.delete_email';

const DAY = 24 * 3_600_000;
/** The writer of what residents send: no name kept in the audit log. */
const PUBLIC_WRITER: Writer = { userId: null, name: 'Teilhabe (Mitreden, öffentlich)' };
const SYSTEM: Writer = { userId: null, name: 'Teilhabe' };
const postPayload = z.object({ postId: z.number().int().positive() });

export type { SubjectType, PostKind, PostState, PostRow } from './ideas.repository.js';

export interface IdeaSettings {
  moderation: 'pre' | 'post';
  blockedWords: string[];
  emailRetentionDays: number;
}

export interface Subject {
  type: repo.SubjectType;
  id: number;
  /** The measure's number, the goal's text or the field's title, as the plan writes it. */
  label: string;
  number: string | null;
  planId: number;
  fieldId: number;
}

export type SubmitResult = { kind: 'kept'; id: number; state: repo.PostState; confirm: boolean } | { kind: 'ignored' } | { kind: 'blocked' };

/** A plan in preparation and its fields: where an idea can become a draft measure. */
export interface DraftTarget {
  plan: { id: number; title: string; edition: string };
  fields: Array<{ id: number; title: string }>;
}

export interface QueueItem {
  post: repo.PostRow;
  subject: string;
  ageDays: number;
}

export class IdeasService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly plan: Pick<Services, 'plans'>,
    private readonly config: { publicUrl: string },
  ) {}

  async settings(municipalityId: number): Promise<IdeaSettings> {
    const row = await repo.findSettings(this.db, municipalityId);
    return {
      moderation: row?.moderation === 'post' ? 'post' : 'pre',
      blockedWords: (row?.blocked_words ?? '').split('\n').map((w) => w.trim()).filter(Boolean),
      emailRetentionDays: row?.email_retention_days ?? 180,
    };
  }

  async saveSettings(municipalityId: number, input: IdeaSettingsInput, by: Writer): Promise<void> {
    const before = await repo.findSettings(this.db, municipalityId);
    const values = { moderation: input.moderation, blocked_words: input.blocked_words.split(/\r?\n/).map((w) => w.trim()).filter(Boolean).join('\n'), email_retention_days: input.email_retention_days };
    await this.audit.write(municipalityId, by, (id: number) => ({ action: 'ideas_settings.save', entityType: 'resident_post_settings', entityId: id, before: before ? { moderation: before.moderation, blocked_words: before.blocked_words, email_retention_days: before.email_retention_days } : undefined, after: values }), async ({ trx, now }) => {
      const id = await repo.saveSettings(trx, municipalityId, { ...values, updated_at: now });
      if (!before || before.email_retention_days !== values.email_retention_days) await this.jobs.enqueue(trx, { kind: JOB_DELETE_EMAIL, municipalityId });
      return id;
    });
  }

  /** A measure, goal or field of a published plan of the municipality; anything else is not found. */
  async publicSubject(municipalityId: number, type: repo.SubjectType, id: number): Promise<Subject> {
    if (type === 'measure') {
      const m = await this.plan.plans.getMeasure(municipalityId, id);
      await this.plan.plans.getPublicPlan(municipalityId, m.plan_id);
      return { type, id, label: m.text, number: m.number, planId: m.plan_id, fieldId: m.field_id };
    }
    if (type === 'goal') {
      const g = await this.plan.plans.getGoal(municipalityId, id);
      await this.plan.plans.getPublicPlan(municipalityId, g.plan_id);
      return { type, id, label: g.text, number: null, planId: g.plan_id, fieldId: g.field_id };
    }
    const f = await this.plan.plans.getField(municipalityId, id);
    await this.plan.plans.getPublicPlan(municipalityId, f.plan_id);
    return { type, id, label: f.title, number: null, planId: f.plan_id, fieldId: f.id };
  }

  /** Keeps a resident's comment or idea; nothing is kept for a filled-in honeypot or a blocked word. */
  async submit(municipalityId: number, kind: repo.PostKind, subject: Subject, input: PostInput, lang: Lang): Promise<SubmitResult> {
    if (input.honeypot) return { kind: 'ignored' };
    const settings = await this.settings(municipalityId);
    if (blockedWordIn(`${input.title}\n${input.body}\n${input.name}`, settings.blockedWords)) return { kind: 'blocked' };
    const state: repo.PostState = settings.moderation === 'post' ? 'published' : 'pending';
    const id = await this.audit.write(municipalityId, PUBLIC_WRITER, (id: number) => ({ action: `resident_${kind}.create`, entityType: 'resident_post', entityId: id, after: { kind, subject: `${subject.type}:${subject.id}`, state } }), async ({ trx, now }) => {
      const id = await repo.insertPost(trx, municipalityId, {
        kind, subject_type: subject.type, subject_id: subject.id, title: input.title, body: input.body, author_name: input.name, lang, state,
        approved_at: state === 'published' ? now : null, email: input.email, email_token: null, created_at: now,
      });
      if (input.email) {
        await this.jobs.enqueue(trx, { kind: JOB_CONFIRM_MAIL, municipalityId, payload: { postId: id } });
        await this.jobs.enqueue(trx, { kind: JOB_DELETE_EMAIL, municipalityId, payload: { postId: id }, runAt: new Date(Date.parse(now) + settings.emailRetentionDays * DAY) });
      }
      return id;
    });
    return { kind: 'kept', id, state, confirm: Boolean(input.email) };
  }

  /** Confirms the e-mail address by the link of the mail; false when the link is unknown or spent. */
  async confirmEmail(municipalityId: number, token: string): Promise<boolean> {
    const row = await repo.findByToken(this.db, municipalityId, sha256(token));
    if (!row || !row.email) return false;
    if (row.email_confirmed_at) return true;
    await this.audit.write(municipalityId, PUBLIC_WRITER, { action: 'resident_post.email_confirmed', entityType: 'resident_post', entityId: row.id }, async ({ trx, now }) => {
      await repo.updatePost(trx, municipalityId, row.id, { email_confirmed_at: now });
    });
    return true;
  }

  /** A public comment or idea, reported by anyone: back to the queue until a moderator looks again. */
  async report(municipalityId: number, id: number): Promise<void> {
    const row = await repo.findPost(this.db, municipalityId, id);
    if (!row || row.state !== 'published') throw new NotFoundError('resident_post');
    await this.audit.write(municipalityId, PUBLIC_WRITER, { action: 'resident_post.report', entityType: 'resident_post', entityId: id }, async ({ trx, now }) => {
      await repo.updatePost(trx, municipalityId, id, { state: 'pending', reported_at: now, report_count: row.report_count + 1 });
    });
  }

  async get(municipalityId: number, id: number): Promise<repo.PostRow> {
    const row = await repo.findPost(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('resident_post');
    return row;
  }

  /** A public idea (its page): hidden, waiting and comments are not found. */
  async publicIdea(municipalityId: number, id: number) {
    const row = await repo.findPost(this.db, municipalityId, id);
    if (!row || row.kind !== 'idea' || row.state !== 'published') throw new NotFoundError('idea');
    const field = await this.publicSubject(municipalityId, 'field', row.subject_id);
    const measure = row.measure_id !== null ? await this.publicMeasureOf(municipalityId, row.measure_id) : null;
    /** Linked to a measure the public cannot see yet (a draft of the next plan): it is being prepared. */
    const preparing = row.measure_id !== null && measure === null;
    return { idea: row, field, measure, preparing };
  }

  /** The measure an idea led to, when the public may see it (its plan is published). */
  private async publicMeasureOf(municipalityId: number, measureId: number) {
    try {
      const s = await this.publicSubject(municipalityId, 'measure', measureId);
      return { id: s.id, number: s.number, text: s.label };
    } catch (e) {
      if (e instanceof NotFoundError) return null;
      throw e;
    }
  }

  publishedOn(municipalityId: number, kind: repo.PostKind, type: repo.SubjectType, subjectId: number) {
    return repo.publishedOn(this.db, municipalityId, kind, type, subjectId);
  }

  /** Public comments per subject of a kind (a page with many goals asks once). */
  publicCommentCounts(municipalityId: number, type: repo.SubjectType) {
    return repo.publicCommentCounts(this.db, municipalityId, type);
  }

  publicCommentCount(municipalityId: number, type: repo.SubjectType, subjectId: number) {
    return repo.publicCommentCount(this.db, municipalityId, type, subjectId);
  }

  publishedIdeaCounts(municipalityId: number, fieldIds: number[]) {
    return repo.publishedIdeaCounts(this.db, municipalityId, fieldIds);
  }

  ideasOfMeasure(municipalityId: number, measureId: number, area: 'public' | 'admin') {
    return area === 'public' ? repo.publishedIdeasOfMeasure(this.db, municipalityId, measureId) : repo.ideasOfMeasure(this.db, municipalityId, measureId);
  }

  // ---- moderation ----------------------------------------------------------------------------------------

  /** The queue with what each is about and its age in whole days, and the last decided ones. */
  async queue(municipalityId: number): Promise<{ waiting: QueueItem[]; recent: QueueItem[] }> {
    const [waiting, recent] = await Promise.all([repo.queue(this.db, municipalityId), repo.recent(this.db, municipalityId, 50)]);
    const all = [...waiting, ...recent];
    const ids = { measure: [] as number[], goal: [] as number[], field: [] as number[] };
    for (const p of all) ids[p.subject_type as repo.SubjectType]?.push(p.subject_id);
    const names = await repo.subjectNames(this.db, municipalityId, ids);
    const label = new Map<string, string>([
      ...names.measures.map((m) => [`measure:${m.id}`, m.number ? `${m.number} ${m.text}` : m.text] as [string, string]),
      ...names.goals.map((g) => [`goal:${g.id}`, g.text] as [string, string]),
      ...names.fields.map((f) => [`field:${f.id}`, f.title] as [string, string]),
    ]);
    const now = this.clock().getTime();
    const item = (post: repo.PostRow): QueueItem => ({ post, subject: label.get(`${post.subject_type}:${post.subject_id}`) ?? '', ageDays: Math.max(0, Math.floor((now - Date.parse(post.reported_at ?? post.created_at)) / DAY)) });
    return { waiting: waiting.map(item), recent: recent.map(item) };
  }

  async approve(municipalityId: number, id: number, by: Writer): Promise<void> {
    const row = await this.get(municipalityId, id);
    await this.audit.write(municipalityId, by, { action: 'resident_post.approve', entityType: 'resident_post', entityId: id, before: { state: row.state }, after: { state: 'published' } }, async ({ trx, now }) => {
      await repo.updatePost(trx, municipalityId, id, { state: 'published', approved_at: now, hidden_reason: '', hidden_at: null });
    });
  }

  async hide(municipalityId: number, id: number, reason: string, by: Writer): Promise<void> {
    const row = await this.get(municipalityId, id);
    await this.audit.write(municipalityId, by, { action: 'resident_post.hide', entityType: 'resident_post', entityId: id, before: { state: row.state }, after: { state: 'hidden', reason } }, async ({ trx, now }) => {
      await repo.updatePost(trx, municipalityId, id, { state: 'hidden', hidden_reason: reason, hidden_at: now });
    });
  }

  /** The city's public answer; answering also makes the comment or idea public, and mails a confirmed address. */
  async answer(municipalityId: number, id: number, answer: string, by: Writer): Promise<void> {
    const row = await this.get(municipalityId, id);
    await this.audit.write(municipalityId, by, { action: 'resident_post.answer', entityType: 'resident_post', entityId: id, before: { answer: row.answer, state: row.state }, after: { answer, state: 'published' } }, async ({ trx, now }) => {
      await repo.updatePost(trx, municipalityId, id, { state: 'published', answer, answered_at: now, approved_at: row.approved_at ?? now, hidden_reason: '', hidden_at: null });
      if (row.email && row.email_confirmed_at) await this.jobs.enqueue(trx, { kind: JOB_ANSWER_MAIL, municipalityId, payload: { postId: id } });
    });
  }

  /**
   * Where an idea may become a draft measure: the fields of the plans in preparation (the next edition, a draft
   * or one in review), so the measure stays unseen by the public until that plan is published.
   */
  async draftTargets(municipalityId: number): Promise<DraftTarget[]> {
    const plans = await this.plan.plans.plansInPreparation(municipalityId);
    return Promise.all(plans.map(async (p) => ({ plan: { id: p.id, title: p.title, edition: p.edition }, fields: (await this.plan.plans.tree(municipalityId, p.id)).fields.map((f) => ({ id: f.id, title: f.title })) })));
  }

  /**
   * Makes an idea a draft measure among the further measures of a field of a plan in preparation, and keeps the
   * link: the measure and the link are one write.
   */
  async toDraftMeasure(municipalityId: number, id: number, fieldId: number, by: Writer): Promise<number> {
    const row = await this.get(municipalityId, id);
    if (row.kind !== 'idea') throw new NotFoundError('idea');
    const field = await this.plan.plans.getField(municipalityId, fieldId);
    const target = await this.plan.plans.getPlan(municipalityId, field.plan_id);
    if (target.state !== 'draft' && target.state !== 'in_review') throw new InvalidInputError({ field_id: 'ideas.errors.notInPreparation' });
    return this.plan.plans.createMeasure(municipalityId, fieldId, {
      text: row.title ? `${row.title}: ${row.body}` : row.body, number: null, is_further: true, field_id: null, goal_id: null,
      status_label: '', status_category: 'planned', timeframe_start: null, timeframe_end: null, target_groups: '', lead_actor_id: null, partner_actor_ids: [],
    }, by, (trx, measureId) => this.link(municipalityId, row, measureId, by, trx));
  }

  /** Attaches an idea to the measure with this number in the plan of the idea's field. */
  async attachToMeasure(municipalityId: number, id: number, measureNumber: string, by: Writer): Promise<number> {
    const row = await this.get(municipalityId, id);
    if (row.kind !== 'idea') throw new NotFoundError('idea');
    const field = await this.plan.plans.getField(municipalityId, row.subject_id);
    const measure = allMeasures(await this.plan.plans.tree(municipalityId, field.plan_id)).find((m) => m.number === measureNumber);
    if (!measure) throw new InvalidInputError({ measure_number: 'ideas.errors.measureUnknown' });
    await this.link(municipalityId, row, measure.id, by);
    return measure.id;
  }

  private async link(municipalityId: number, row: repo.PostRow, measureId: number, by: Writer, outer?: Trx): Promise<void> {
    await this.audit.write(municipalityId, by, { action: 'resident_idea.link_measure', entityType: 'resident_post', entityId: row.id, before: { measure_id: row.measure_id }, after: { measure_id: measureId } }, async ({ trx, now }) => {
      await repo.updatePost(trx, municipalityId, row.id, { measure_id: measureId, linked_at: now });
    }, outer);
  }

  // ---- jobs ----------------------------------------------------------------------------------------------

  jobHandlers(): Record<string, { run: JobHandler; options: HandlerOptions }> {
    return {
      [JOB_CONFIRM_MAIL]: { run: (job) => this.confirmMailJob(job), options: { maxAttempts: 6 } },
      [JOB_ANSWER_MAIL]: { run: (job) => this.answerMailJob(job), options: { maxAttempts: 6 } },
      [JOB_DELETE_EMAIL]: { run: (job) => this.deleteJob(job), options: { maxAttempts: 5 } },
    };
  }

  /** A page's address for a mail, in the recipient's language (German needs no parameter). */
  private url(path: string, lang: Lang): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}${path}${lang !== 'de' ? `?lang=${lang}` : ''}`;
  }

  private async mailContext(job: JobContext) {
    const { postId } = postPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null || !this.mailer.configured) return null;
    const row = await repo.findPost(this.db, mid, postId);
    if (!row || !row.email) return null;
    const m = await repo.findMunicipality(this.db, mid);
    if (!m) return null;
    const lang: Lang = isLang(row.lang) ? row.lang : 'de';
    return { row, municipality: m, lang, mid };
  }

  private async confirmMailJob(job: JobContext): Promise<void> {
    const c = await this.mailContext(job);
    if (!c || !c.row.email || c.row.email_confirmed_at) return;
    // the link is made as the mail goes out; only its hash is kept (a mail sent again brings a new link)
    const token = randomToken();
    await repo.updatePost(this.db, c.mid, c.row.id, { email_token: sha256(token) });
    const url = this.url(ideasPaths.confirm(c.municipality.slug, token), c.lang);
    await this.mailer.send(await confirmMail(c.row.email, { lang: c.lang, municipalityName: c.municipality.name, url, excerpt: c.row.title || c.row.body }));
  }

  private async answerMailJob(job: JobContext): Promise<void> {
    const c = await this.mailContext(job);
    if (!c || !c.row.email_confirmed_at || !c.row.answer) return;
    const url = this.url(c.row.kind === 'idea' ? ideasPaths.idea(c.municipality.slug, c.row.id) : ideasPaths.comments(c.municipality.slug, c.row.subject_type, c.row.subject_id), c.lang);
    await this.mailer.send(await answerMail(c.row.email, { lang: c.lang, municipalityName: c.municipality.name, url, excerpt: c.row.title || c.row.body, answer: c.row.answer }));
  }

  /** Empties every e-mail address due, and queues the next run for the oldest that still keeps one. */
  private async deleteJob(job: JobContext): Promise<void> {
    const mid = job.municipalityId;
    if (mid === null) return;
    const days = (await this.settings(mid)).emailRetentionDays;
    const at = job.now.toISOString();
    const due = await repo.dueForDeletion(this.db, mid, new Date(job.now.getTime() - days * DAY).toISOString());
    if (due.length > 0) {
      await this.audit.write(mid, SYSTEM, { action: 'resident_post.delete_email', entityType: 'resident_post', entityId: null, at, after: { posts: due } }, async ({ trx }) => {
        await repo.emptyEmail(trx, mid, due, at);
      });
    }
    const next = await repo.oldestWithEmail(this.db, mid);
    if (next) await this.jobs.enqueue(this.db, { kind: JOB_DELETE_EMAIL, municipalityId: mid, payload: { postId: next.id }, runAt: new Date(Date.parse(next.created_at) + days * DAY) });
  }
}
