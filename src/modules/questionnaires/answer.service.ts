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
import { newWalkToken, type Walk } from './answer.walk.js';

/** How long a draft is kept after its last save, in days. */
export const DRAFT_DAYS = 30;
/** The window of the limit on starts per client (QUESTIONNAIRE_RATE_LIMIT: how many; a shared computer in a community centre stays below). */
export const WINDOW_MINUTES = 10;

/** How many definitions (per questionnaire and language) are kept in memory. */
const DEFINITIONS_KEPT = 200;

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
  async publicList(municipalityId: number, lang: string): Promise<Array<{ q: QuestionnaireHead; availability: Availability; germanTitle: string }>> {
    const list = await this.questionnaires.list(municipalityId, { states: ['published', 'closed'] });
    const now = this.clock();
    const shown = await Promise.all(list.map(async (q) => ({ q: await this.localizedHead(municipalityId, q, lang), availability: this.availability(q, now)!, germanTitle: q.title })));
    const order: Record<Availability, number> = { open: 0, upcoming: 1, closed: 2 };
    return shown.sort((a, b) => order[a.availability] - order[b.availability]);
  }

  private async localizedHead(municipalityId: number, q: QuestionnaireHead, lang: string): Promise<QuestionnaireHead> {
    if (lang === 'de') return q;
    const rows = (await repo.questionnaireTranslations(this.db, municipalityId, q.id, lang)).filter((r) => r.entityType === 'questionnaire');
    return localizeDefinition({ questionnaire: q, privacy: null, sections: [] }, lang, rows).questionnaire;
  }

  /**
   * The definition a resident sees: in their language where it is translated, German elsewhere. Given the
   * municipality's content version (every change to a questionnaire or its translations is an audited write and
   * bumps it, in every process alike), it is kept until the version moves on: a burst of answers reads it once.
   */
  async definition(municipalityId: number, id: number, lang: string, contentVersion?: number): Promise<Definition | undefined> {
    const key = `${municipalityId}:${id}:${lang}`;
    const cached = contentVersion === undefined ? undefined : this.definitions.get(key);
    if (cached && cached.version === contentVersion) return cached.def;
    const def = await this.loadDefinition(municipalityId, id, lang);
    if (contentVersion !== undefined) {
      this.definitions.delete(key);
      if (this.definitions.size >= DEFINITIONS_KEPT) this.definitions.delete(this.definitions.keys().next().value!);
      this.definitions.set(key, { version: contentVersion, def });
    }
    return def;
  }

  private readonly definitions = new Map<string, { version: number; def: Definition | undefined }>();

  private async loadDefinition(municipalityId: number, id: number, lang: string): Promise<Definition | undefined> {
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

  /** A new walk through the pages: nothing is stored until "continue later" or the submit. */
  newWalk(municipalityId: number, questionnaireId: number, codeId: number | null, page: number): Walk {
    return { m: municipalityId, q: questionnaireId, t: newWalkToken(), c: codeId, d: null, a: {}, p: page, e: this.expiry() };
  }

  /** The walk saved under a personal link's token, or undefined when there is no such draft (any more). */
  async walkFromDraft(municipalityId: number, questionnaireId: number, token: string): Promise<Walk | undefined> {
    if (!token || token.length > 100) return undefined;
    const draft = await repo.findDraft(this.db, municipalityId, questionnaireId, sha256(token));
    if (!draft) return undefined;
    return { m: municipalityId, q: questionnaireId, t: token, c: draft.codeId, d: draft.id, a: draft.answers, p: draft.page, e: draft.expiresAt };
  }

  /** Whether the walk's draft is still there (a walk that never saved one has none to lose). */
  async draftExists(municipalityId: number, walk: Walk): Promise<boolean> {
    return walk.d === null || (await repo.findDraft(this.db, municipalityId, walk.q, sha256(walk.t))) !== undefined;
  }

  /**
   * Keeps a page's answers: a walk with a saved draft saves it again (its personal link goes on where the
   * resident is); any other walk lives only in its sealed field. The expiry moves on either way.
   */
  async keep(municipalityId: number, walk: Walk, lang: string): Promise<void> {
    walk.e = this.expiry();
    if (walk.d !== null) await repo.updateDraft(this.db, municipalityId, walk.d, { answers: walk.a, page: walk.p, lang, expiresAt: walk.e });
  }

  /** "Continue later": stores the walk as a draft (or saves its draft again); its token makes the personal link. */
  async saveForLater(municipalityId: number, walk: Walk, lang: string): Promise<void> {
    if (walk.d !== null) return this.keep(municipalityId, walk, lang);
    walk.e = this.expiry();
    walk.d = await repo.insertDraft(this.db, municipalityId, {
      questionnaireId: walk.q, tokenHash: sha256(walk.t), codeId: walk.c, answers: walk.a, page: walk.p, submissionKey: submissionKeyOf(walk.t), lang, expiresAt: walk.e,
    });
    await this.scheduleCleanup(municipalityId);
  }

  /** Whether the walk of this token was submitted already (its response is stored under the token's key). */
  async submittedWith(municipalityId: number, questionnaireId: number, token: string): Promise<boolean> {
    if (!token || token.length > 100) return false;
    return (await responseByKey(this.db, municipalityId, questionnaireId, submissionKeyOf(token))) !== undefined;
  }

  /** Whether the walk's access code is still unused (another walk may have spent it meanwhile). */
  async codeStillValid(municipalityId: number, walk: Walk): Promise<boolean> {
    return walk.c === null || repo.isCodeUnused(this.db, municipalityId, walk.c);
  }

  /**
   * Stores the walk's answers as one response through the questionnaires' submit: its draft (if any) is deleted
   * and its code spent in the same transaction. The same walk sent again stores nothing.
   */
  async submitWalk(municipalityId: number, def: Definition, walk: Walk, lang: string): Promise<{ duplicate: boolean }> {
    const qid = def.questionnaire.id;
    const submissionKey = submissionKeyOf(walk.t);
    try {
      const r = await this.questionnaires.submit(municipalityId, qid, {
        answers: walk.a, source: 'online', privacyVersion: def.privacy?.version ?? null, lang, submissionKey,
        ...(walk.d !== null || walk.c !== null ? { draft: { id: walk.d, codeId: walk.c } } : {}),
      });
      return { duplicate: r.duplicate };
    } catch (e) {
      if (e instanceof CodeUsedError) throw e;
      // Two submits of one walk at the same instant: the second loses the race on the key, the first stored it.
      if ((await responseByKey(this.db, municipalityId, qid, submissionKey)) !== undefined) return { duplicate: true };
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
