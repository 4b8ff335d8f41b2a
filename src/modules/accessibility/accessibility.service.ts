// Use cases of the accessibility statement: the statement a page shows (the officer's, or the default one until
// the officer saved), saving the officer's settings, and the feedback on barriers: a resident sends it without
// an account (a filled-in honeypot is answered as a success and nothing is kept), a job mails it to the feedback
// contact in the officer's chosen language, the officer marks it answered, and a job empties the sender's name
// and e-mail the municipality's retention days after it arrived.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { HandlerOptions, JobContext, JobHandler, JobQueue } from '../../platform/jobs/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { accessibilityPaths } from './accessibility.paths.js';
import * as repo from './accessibility.repository.js';
import { feedbackMail } from './feedback.mail.js';
import { defaultStatement, shippedBody, toStatement, type Statement } from './statement.model.js';
import type { FeedbackInput, StatementSettings } from './statement.schema.js';

export const JOB_FEEDBACK_MAIL = 'accessibility.feedback.mail';
export const JOB_FEEDBACK_DELETE = 'accessibility.feedback.delete_personal';

const DAY = 24 * 3_600_000;

/** The writer of feedback sent through the public form: no name kept. */
const PUBLIC_WRITER: Writer = { userId: null, name: 'Teilhabe (Barrierefreiheit, öffentlich)' };
const SYSTEM: Writer = { userId: null, name: 'Teilhabe' };

const feedbackPayload = z.object({ feedbackId: z.number().int().positive() });

export interface FeedbackView {
  id: number;
  page: string;
  problem: string;
  name: string;
  email: string;
  lang: string;
  state: 'open' | 'answered';
  createdAt: string;
  answeredAt: string | null;
  personalDeleted: boolean;
}

export class AccessibilityService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    private readonly config: { publicUrl: string },
  ) {}

  /** The statement of a municipality: the officer's, or the default one (isDefault) until the officer saved. */
  async statement(municipalityId: number): Promise<{ statement: Statement; isDefault: boolean; municipality: NonNullable<Awaited<ReturnType<typeof repo.findMunicipality>>> }> {
    const m = await repo.findMunicipality(this.db, municipalityId);
    if (!m) throw new NotFoundError('municipality');
    const row = await repo.findStatement(this.db, municipalityId);
    return { statement: row ? toStatement(row) : defaultStatement(m), isDefault: !row, municipality: m };
  }

  /** Saves the officer's statement; with use_shipped the body's details come from the shipped list. */
  async saveStatement(municipalityId: number, s: StatementSettings, by: Writer): Promise<void> {
    const before = await repo.findStatement(this.db, municipalityId);
    const body = s.use_shipped ? shippedBody(s.land) : { name: s.body_name, address: s.body_address, web: s.body_web, email: s.body_email, phone: s.body_phone };
    const values = {
      status: s.status, items_json: JSON.stringify(s.items), prepared_on: s.prepared_on, reviewed_on: s.reviewed_on, method: s.method, method_by: s.method_by,
      contact_email: s.contact_email, contact_phone: s.contact_phone, contact_address: s.contact_address, contact_lang: s.contact_lang, land: s.land,
      body_name: body.name, body_address: body.address, body_web: body.web, body_email: body.email, body_phone: body.phone, feedback_retention_days: s.retention_days,
    };
    await this.audit.write(municipalityId, by, (id: number) => ({ action: 'accessibility_statement.save', entityType: 'accessibility_statement', entityId: id, before: before ? readableForAudit(before) : undefined, after: readableForAudit(values) }), async ({ trx, now }) => {
      const id = await repo.saveStatement(trx, municipalityId, { ...values, updated_at: now });
      // Fewer days may make older feedback due at once.
      if (!before || before.feedback_retention_days !== s.retention_days) await this.jobs.enqueue(trx, { kind: JOB_FEEDBACK_DELETE, municipalityId });
      return id;
    });
  }

  /** Keeps a resident's feedback and queues its mail; false (nothing kept) for a filled-in honeypot. */
  async submitFeedback(municipalityId: number, input: FeedbackInput, lang: Lang): Promise<boolean> {
    if (input.honeypot) return false;
    const { statement } = await this.statement(municipalityId);
    await this.audit.write(municipalityId, PUBLIC_WRITER, (id: number) => ({ action: 'accessibility_feedback.create', entityType: 'accessibility_feedback', entityId: id, after: { page: input.page } }), async ({ trx, now }) => {
      const id = await repo.insertFeedback(trx, municipalityId, { page: input.page, problem: input.problem, name: input.name, email: input.email, lang, created_at: now });
      await this.jobs.enqueue(trx, { kind: JOB_FEEDBACK_MAIL, municipalityId, payload: { feedbackId: id } });
      if (input.name || input.email) await this.jobs.enqueue(trx, { kind: JOB_FEEDBACK_DELETE, municipalityId, payload: { feedbackId: id }, runAt: new Date(Date.parse(now) + statement.retentionDays * DAY) });
      return id;
    });
    return true;
  }

  async feedbackList(municipalityId: number): Promise<FeedbackView[]> {
    return (await repo.listFeedback(this.db, municipalityId)).map((r) => ({
      id: r.id, page: r.page, problem: r.problem, name: r.name, email: r.email, lang: r.lang, state: r.state === 'answered' ? 'answered' : 'open',
      createdAt: r.created_at, answeredAt: r.answered_at, personalDeleted: r.personal_deleted_at !== null,
    }));
  }

  countOpen(municipalityId: number): Promise<number> {
    return repo.countOpenFeedback(this.db, municipalityId);
  }

  async markAnswered(municipalityId: number, id: number, by: Writer): Promise<void> {
    const row = await repo.findFeedback(this.db, municipalityId, id);
    if (!row) throw new NotFoundError('accessibility_feedback');
    if (row.state === 'answered') return;
    await this.audit.write(municipalityId, by, { action: 'accessibility_feedback.answered', entityType: 'accessibility_feedback', entityId: id }, async ({ trx, now }) => {
      await repo.markAnswered(trx, municipalityId, id, now);
    });
  }

  // ---- jobs ----------------------------------------------------------------------------------------------

  jobHandlers(): Record<string, { run: JobHandler; options: HandlerOptions }> {
    return {
      [JOB_FEEDBACK_MAIL]: { run: (job) => this.mailJob(job), options: { maxAttempts: 6 } },
      [JOB_FEEDBACK_DELETE]: { run: (job) => this.deleteJob(job), options: { maxAttempts: 5 } },
    };
  }

  /** Mails a feedback to the statement's contact (the municipality's contact when the statement names none). */
  private async mailJob(job: JobContext): Promise<void> {
    const { feedbackId } = feedbackPayload.parse(job.payload);
    const mid = job.municipalityId;
    if (mid === null || !this.mailer.configured) return;
    const row = await repo.findFeedback(this.db, mid, feedbackId);
    if (!row) return;
    const { statement, municipality } = await this.statement(mid);
    const to = statement.contactEmail || municipality.contact_email;
    if (!to) return;
    const listUrl = `${this.config.publicUrl.replace(/\/+$/, '')}${accessibilityPaths.adminFeedback(municipality.slug)}${statement.contactLang !== 'de' ? `?lang=${statement.contactLang}` : ''}`;
    await this.mailer.send(await feedbackMail(to, { lang: statement.contactLang, municipalityName: municipality.name, page: row.page, problem: row.problem, name: row.name, email: row.email, createdAt: row.created_at, listUrl }));
  }

  /**
   * Empties the name and e-mail of every feedback of the municipality that arrived the retention days ago or
   * longer, and queues the next run for the oldest that still keeps them (the days may have grown meanwhile).
   */
  private async deleteJob(job: JobContext): Promise<void> {
    const mid = job.municipalityId;
    if (mid === null) return;
    const { statement } = await this.statement(mid);
    const days = statement.retentionDays;
    const before = new Date(job.now.getTime() - days * DAY).toISOString();
    const at = job.now.toISOString();
    const due = await repo.dueForDeletion(this.db, mid, before);
    if (due.length > 0) {
      await this.audit.write(mid, SYSTEM, { action: 'accessibility_feedback.delete_personal', entityType: 'accessibility_feedback', entityId: null, at, after: { feedback: due } }, async ({ trx }) => {
        await repo.emptyPersonal(trx, mid, due, at);
      });
    }
    const next = await repo.oldestWithPersonal(this.db, mid);
    if (next) await this.jobs.enqueue(this.db, { kind: JOB_FEEDBACK_DELETE, municipalityId: mid, payload: { feedbackId: next.id }, runAt: new Date(Date.parse(next.created_at) + days * DAY) });
  }
}

/** A statement as the audit log shows it: the parts not yet accessible as their texts, not as stored JSON. */
function readableForAudit<R extends { items_json: string }>(row: R): Omit<R, 'items_json'> & { items: string } {
  const { items_json, ...rest } = row;
  let items: string;
  try {
    items = (JSON.parse(items_json) as Array<{ content?: string }>).map((i) => i.content ?? '').filter(Boolean).join(' · ');
  } catch {
    items = '';
  }
  return { ...rest, items };
}
