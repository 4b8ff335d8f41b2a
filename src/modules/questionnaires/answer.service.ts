// Answering a questionnaire: which questionnaires residents see, the texts in the reader's language, the draft
// an answer lives in between pages (found by its personal link's token, of which only a hash is kept), access
// codes, a rate limit per client kept in memory only, and handing the finished answers to the one submit.
// Nothing identifying is kept: no address, no user agent, no time of day (a draft's expiry is a day).
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import type { HandlerOptions, JobContext, JobHandler, JobQueue } from '../../platform/jobs/jobs.js';
import type { Writer } from '../../platform/module.js';
import { berlinDay } from '../../platform/views/format.js';
import { isClosedAt, isOpenAt, type Answers, type Definition, type QuestionnaireHead } from './questionnaire.model.js';
import { responseByKey } from './questionnaire.repository.js';
import { CodeUsedError, type QuestionnaireService } from './questionnaire.service.js';
import { localizeDefinition } from './questionnaire.texts.js';
import * as repo from './response.repository.js';
import type { DraftRow } from './response.repository.js';

export type { DraftRow } from './response.repository.js';

/** How long a draft is kept after its last save, in days. */
export const DRAFT_DAYS = 30;
/** The window of the limit on starts per client (QUESTIONNAIRE_RATE_LIMIT: how many; a shared computer in a community centre stays below). */
export const WINDOW_MINUTES = 10;

export const JOB_DRAFT_CLEANUP = 'questionnaires.drafts.cleanup';

export type Availability = 'open' | 'upcoming' | 'closed';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** The key a draft's response is stored under, made from its token: a resent submit of the same draft finds it. */
const submissionKeyOf = (token: string) => sha256(`submission:${token}`);

/** Counts starts per client and questionnaire in memory; the address is kept only as a salted hash. */
export class StartLimiter {
  private readonly salt = randomBytes(16).toString('hex');
  private readonly hits = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    /** Starts per client and questionnaire in the window; 0: no limit. */
    readonly max: number,
    private readonly windowMs = WINDOW_MINUTES * 60_000,
  ) {}

  /** Counts a start; false when the client started too many in the window. */
  take(client: string, questionnaireId: number): boolean {
    if (this.max === 0) return true;
    const now = this.clock().getTime();
    if (this.hits.size > 5000) for (const [k, v] of this.hits) if (now - v.start >= this.windowMs) this.hits.delete(k);
    const key = sha256(`${this.salt}:${client}:${questionnaireId}`);
    const entry = this.hits.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      this.hits.set(key, { start: now, count: 1 });
      return true;
    }
    entry.count++;
    return entry.count <= this.max;
  }
}

export class AnswerService {
  readonly limiter: StartLimiter;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly audit: AuditedWrites,
    private readonly jobs: JobQueue,
    private readonly questionnaires: QuestionnaireService,
    startsPerWindow: number,
  ) {
    this.limiter = new StartLimiter(clock, startsPerWindow);
  }

  availability(q: QuestionnaireHead, now = this.clock()): Availability | null {
    if (q.state === 'draft') return null;
    if (isClosedAt(q, now)) return 'closed';
    if (isOpenAt(q, now)) return 'open';
    return 'upcoming';
  }

  /** The questionnaires residents see (not the officer's drafts), each with whether it takes answers now. */
  async publicList(municipalityId: number, lang: string): Promise<Array<{ q: QuestionnaireHead; availability: Availability }>> {
    const list = await this.questionnaires.list(municipalityId, { states: ['published', 'closed'] });
    const now = this.clock();
    const shown = await Promise.all(list.map(async (q) => ({ q: await this.localizedHead(municipalityId, q, lang), availability: this.availability(q, now)! })));
    const order: Record<Availability, number> = { open: 0, upcoming: 1, closed: 2 };
    return shown.sort((a, b) => order[a.availability] - order[b.availability]);
  }

  private async localizedHead(municipalityId: number, q: QuestionnaireHead, lang: string): Promise<QuestionnaireHead> {
    if (lang === 'de') return q;
    const rows = (await repo.questionnaireTranslations(this.db, municipalityId, q.id, lang)).filter((r) => r.entityType === 'questionnaire');
    return localizeDefinition({ questionnaire: q, privacy: null, sections: [] }, lang, rows).questionnaire;
  }

  /** The definition a resident sees: in their language where it is translated, German elsewhere. */
  async definition(municipalityId: number, id: number, lang: string): Promise<Definition | undefined> {
    const def = await this.questionnaires.definition(municipalityId, id);
    if (!def || lang === 'de') return def;
    return localizeDefinition(def, lang, await repo.questionnaireTranslations(this.db, municipalityId, id, lang));
  }

  /** The day a draft saved now expires (a day, not a time: nothing tells when someone answered). */
  private expiry(): string {
    const day = new Date(`${berlinDay(this.clock())}T00:00:00.000Z`);
    day.setUTCDate(day.getUTCDate() + DRAFT_DAYS);
    return day.toISOString();
  }

  /**
   * An unused access code of this questionnaire, by what the resident typed or the QR link carried: letter
   * case, blanks and dashes do not matter (codes are printed in two groups, "K7QM-3XWR").
   */
  redeemCode(municipalityId: number, questionnaireId: number, code: string): Promise<number | undefined> {
    const typed = code.trim();
    const raw = typed.toUpperCase().replace(/[\s-]/g, '');
    const grouped = raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
    return repo.findUnusedCode(this.db, municipalityId, questionnaireId, [...new Set([typed, typed.toUpperCase(), raw, grouped])]);
  }

  /** Starts a draft: its token exists only in the resident's form and personal link. */
  async startDraft(municipalityId: number, questionnaireId: number, input: { codeId: number | null; lang: string; page: number }): Promise<{ token: string; draft: DraftRow }> {
    const token = randomBytes(24).toString('base64url');
    const draft = { questionnaireId, tokenHash: sha256(token), codeId: input.codeId, answers: {}, page: input.page, submissionKey: submissionKeyOf(token), lang: input.lang, expiresAt: this.expiry() };
    const id = await repo.insertDraft(this.db, municipalityId, draft);
    await this.scheduleCleanup(municipalityId);
    return { token, draft: { id, questionnaireId, codeId: draft.codeId, answers: {}, page: draft.page, submissionKey: draft.submissionKey, lang: draft.lang, expiresAt: draft.expiresAt } };
  }

  findDraft(municipalityId: number, questionnaireId: number, token: string): Promise<DraftRow | undefined> {
    if (!token || token.length > 100) return Promise.resolve(undefined);
    return repo.findDraft(this.db, municipalityId, questionnaireId, sha256(token));
  }

  async saveDraft(municipalityId: number, draft: DraftRow, answers: Answers, page: number, lang: string): Promise<DraftRow> {
    const expiresAt = this.expiry();
    await repo.updateDraft(this.db, municipalityId, draft.id, { answers, page, lang, expiresAt });
    return { ...draft, answers, page, lang, expiresAt };
  }

  /** Whether the draft of this token was submitted already (its draft is gone, its response stored). */
  async submittedWith(municipalityId: number, questionnaireId: number, token: string): Promise<boolean> {
    if (!token || token.length > 100) return false;
    return (await responseByKey(this.db, municipalityId, questionnaireId, submissionKeyOf(token))) !== undefined;
  }

  /** Whether the draft's access code is still unused (another draft may have spent it meanwhile). */
  async codeStillValid(municipalityId: number, draft: DraftRow): Promise<boolean> {
    return draft.codeId === null || repo.isCodeUnused(this.db, municipalityId, draft.codeId);
  }

  /**
   * Stores the draft's answers as one response through the questionnaires' submit: the draft is deleted and
   * its code spent in the same transaction. A second submit of the same draft stores nothing.
   */
  async submitDraft(municipalityId: number, def: Definition, draft: DraftRow, lang: string): Promise<{ duplicate: boolean }> {
    const qid = def.questionnaire.id;
    try {
      const r = await this.questionnaires.submit(municipalityId, qid, {
        answers: draft.answers, source: 'online', privacyVersion: def.privacy?.version ?? null, lang, submissionKey: draft.submissionKey,
        draft: { id: draft.id, codeId: draft.codeId },
      });
      return { duplicate: r.duplicate };
    } catch (e) {
      if (e instanceof CodeUsedError) throw e;
      // Two submits of one draft at the same instant: the second loses the race on the key, the first stored it.
      if ((await responseByKey(this.db, municipalityId, qid, draft.submissionKey)) !== undefined) return { duplicate: true };
      throw e;
    }
  }

  /** Answers from paper, typed in by staff: one response marked as paper; the audit entry names no answer. */
  async submitPaper(municipalityId: number, def: Definition, answers: Answers, submissionKey: string, by: Writer): Promise<{ duplicate: boolean }> {
    const qid = def.questionnaire.id;
    const r = await this.questionnaires.submit(municipalityId, qid, { answers, source: 'paper', privacyVersion: def.privacy?.version ?? null, lang: 'de', submissionKey: `paper:${submissionKey}` });
    if (!r.duplicate) {
      await this.audit.write(municipalityId, by, { action: 'questionnaire.paper_response', entityType: 'questionnaire', entityId: qid, after: { source: 'paper' } }, async () => undefined);
    }
    return { duplicate: r.duplicate };
  }

  // ---- the cleanup of drafts ------------------------------------------------------------------------------

  /** Queues the municipality's cleanup for tomorrow unless one is queued already. */
  private async scheduleCleanup(municipalityId: number): Promise<void> {
    if (await repo.hasQueuedJob(this.db, municipalityId, JOB_DRAFT_CLEANUP)) return;
    await this.jobs.enqueue(this.db, { kind: JOB_DRAFT_CLEANUP, municipalityId, runAt: this.tomorrow(this.clock()) });
  }

  private tomorrow(now: Date): Date {
    const day = new Date(`${berlinDay(now)}T00:00:00.000Z`);
    day.setUTCDate(day.getUTCDate() + 1);
    return day;
  }

  /** Deletes expired drafts and drafts of questionnaires that closed; runs again tomorrow while drafts are left. */
  async cleanupDrafts(job: JobContext): Promise<void> {
    const mid = job.municipalityId;
    if (mid === null) return;
    await repo.deleteStaleDrafts(this.db, mid, job.now.toISOString());
    if ((await repo.nextDraftExpiry(this.db, mid)) !== undefined && !(await repo.hasQueuedJob(this.db, mid, JOB_DRAFT_CLEANUP, ['queued']))) {
      await this.jobs.enqueue(this.db, { kind: JOB_DRAFT_CLEANUP, municipalityId: mid, runAt: this.tomorrow(job.now) });
    }
  }

  jobHandlers(): Record<string, { run: JobHandler; options: HandlerOptions }> {
    return { [JOB_DRAFT_CLEANUP]: { run: (job) => this.cleanupDrafts(job), options: { maxAttempts: 3 } } };
  }
}
