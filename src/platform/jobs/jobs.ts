// Background work as rows of the jobs table, on SQLite and PostgreSQL alike. A worker claims a due job with
// a guarded UPDATE (only one worker can move a row from queued to running), runs its handler, and marks it
// done, or queues it again with a backoff, or marks it failed after the last attempt. A worker that dies
// mid-job leaves the row running with a lease (locked_until); once the lease has passed, any worker claims
// it again. So jobs survive a restart and run at least once; handlers must tolerate a repeat.
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';

type Conn = Kysely<Database> | Transaction<Database>;

export interface JobContext {
  id: number;
  municipalityId: number | null;
  payload: unknown;
  /** 1 on the first run. */
  attempt: number;
  now: Date;
}

export type JobHandler = (job: JobContext) => Promise<void>;

export interface HandlerOptions {
  /** Runs at most this many times (crashed runs count). Default 5. */
  maxAttempts?: number;
}

export interface NewJob {
  kind: string;
  municipalityId: number | null;
  payload?: unknown;
  /** Default: now. */
  runAt?: Date;
}

/** A failure that another try cannot mend (a refused key, a used-up quota): the job fails at once, with this message. */
export class PermanentJobError extends Error {}

/** A job as a screen shows its own work's progress. */
export interface JobState {
  id: number;
  state: string;
  payload: unknown;
  lastError: string | null;
}

export interface RunSummary {
  done: number;
  retried: number;
  failed: number;
}

export interface JobQueueOptions {
  /** How long a claim holds before another worker may take the job over. Default 300 s. */
  leaseSeconds?: number;
  /** Most jobs one call of runDueJobs runs. Default 200. */
  batchSize?: number;
  log?: (message: string) => void;
}

/** Seconds until the next try after `attempt` failed runs: 30 s, 2 min, 8 min, … at most 1 h. */
export function backoffSeconds(attempt: number): number {
  return Math.min(3600, 30 * 4 ** Math.max(0, attempt - 1));
}

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

export class JobQueue {
  private readonly handlers = new Map<string, { run: JobHandler; maxAttempts: number }>();
  private readonly leaseSeconds: number;
  private readonly batchSize: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    options: JobQueueOptions = {},
  ) {
    this.leaseSeconds = options.leaseSeconds ?? 300;
    this.batchSize = options.batchSize ?? 200;
    this.log = options.log ?? ((m) => console.error(m));
  }

  register(kind: string, run: JobHandler, options: HandlerOptions = {}): void {
    if (this.handlers.has(kind)) throw new Error(`job kind registered twice: ${kind}`);
    this.handlers.set(kind, { run, maxAttempts: options.maxAttempts ?? 5 });
  }

  /** Queues a job; pass the transaction of the write that causes it, so that both happen or neither. */
  async enqueue(conn: Conn, job: NewJob): Promise<number> {
    const now = this.clock();
    const row = await conn
      .insertInto('jobs')
      .values({
        municipality_id: job.municipalityId,
        kind: job.kind,
        payload_json: JSON.stringify(job.payload ?? {}),
        run_at: (job.runAt ?? now).toISOString(),
        last_error: null,
        state: 'queued',
        locked_until: null,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * Queues a job unless one of its kind for the same municipality is still queued (a recurring job that keeps
   * one run ahead of itself): returns the new job's id, or null when one was waiting already.
   */
  async enqueueOnce(conn: Conn, job: NewJob): Promise<number | null> {
    let q = conn.selectFrom('jobs').select('id').where('kind', '=', job.kind).where('state', '=', 'queued');
    q = job.municipalityId === null ? q.where('municipality_id', 'is', null) : q.where('municipality_id', '=', job.municipalityId);
    if (await q.executeTakeFirst()) return null;
    return this.enqueue(conn, job);
  }

  /**
   * Claims one due job of a kind this worker knows: queued and due, or running with a lapsed lease. The
   * UPDATE repeats the condition, so of two workers that picked the same row only one gets it.
   */
  async claim(now: Date): Promise<{ id: number; kind: string; municipalityId: number | null; payload: unknown; attempts: number } | null> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return null;
    const at = now.toISOString();
    for (let tries = 0; tries < 10; tries++) {
      const candidate = await this.db
        .selectFrom('jobs')
        .select(['id'])
        .where('kind', 'in', kinds)
        .where((eb) => eb.or([
          eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', at)]),
          eb.and([eb('state', '=', 'running'), eb('locked_until', '<=', at)]),
        ]))
        .orderBy('run_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return null;
      const result = await this.db
        .updateTable('jobs')
        .set((eb) => ({ state: 'running', locked_until: addSeconds(now, this.leaseSeconds).toISOString(), attempts: eb('attempts', '+', 1) }))
        .where('id', '=', candidate.id)
        .where((eb) => eb.or([
          eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', at)]),
          eb.and([eb('state', '=', 'running'), eb('locked_until', '<=', at)]),
        ]))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) continue; // another worker was faster: look again
      const row = await this.db.selectFrom('jobs').select(['id', 'kind', 'municipality_id', 'payload_json', 'attempts']).where('id', '=', candidate.id).executeTakeFirstOrThrow();
      return { id: row.id, kind: row.kind, municipalityId: row.municipality_id, payload: JSON.parse(row.payload_json) as unknown, attempts: row.attempts };
    }
    return null;
  }

  /** A municipality's jobs of one kind, newest first. */
  async recent(municipalityId: number, kind: string, limit = 50): Promise<JobState[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['id', 'state', 'payload_json', 'last_error'])
      .where('municipality_id', '=', municipalityId)
      .where('kind', '=', kind)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, state: r.state, payload: JSON.parse(r.payload_json) as unknown, lastError: r.last_error }));
  }

  /** Runs every job due at `now` (jobs that become due meanwhile included), up to the batch size. */
  async runDueJobs(now: Date = this.clock()): Promise<RunSummary> {
    const summary: RunSummary = { done: 0, retried: 0, failed: 0 };
    for (let n = 0; n < this.batchSize; n++) {
      const job = await this.claim(now);
      if (!job) break;
      const handler = this.handlers.get(job.kind)!;
      // A job whose earlier runs crashed the worker every time must not crash it forever.
      if (job.attempts > handler.maxAttempts) {
        await this.finish(job.id, 'failed', 'abgebrochen: zu viele Versuche', null);
        summary.failed++;
        continue;
      }
      try {
        await handler.run({ id: job.id, municipalityId: job.municipalityId, payload: job.payload, attempt: job.attempts, now });
        await this.finish(job.id, 'done', null, null);
        summary.done++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        if (job.attempts >= handler.maxAttempts || err instanceof PermanentJobError) {
          this.log(`job ${job.id} (${job.kind}) failed for good after ${job.attempts} attempts: ${message}`);
          await this.finish(job.id, 'failed', message, null);
          summary.failed++;
        } else {
          await this.finish(job.id, 'queued', message, addSeconds(now, backoffSeconds(job.attempts)));
          summary.retried++;
        }
      }
    }
    return summary;
  }

  private async finish(id: number, state: 'done' | 'failed' | 'queued', error: string | null, runAt: Date | null): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ state, locked_until: null, ...(error !== null ? { last_error: error.slice(0, 2000) } : {}), ...(runAt ? { run_at: runAt.toISOString() } : {}) })
      .where('id', '=', id)
      .execute();
  }

  /**
   * Polls every `intervalMs` until stopped. Runs never overlap; an error is logged and the loop goes on.
   * Returns the function that stops the loop and waits for a run in progress.
   */
  start(intervalMs: number): () => Promise<void> {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    const tick = () => {
      running = this.runDueJobs()
        .then(() => undefined)
        .catch((err: unknown) => this.log(`job worker: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, intervalMs);
        });
    };
    timer = setTimeout(tick, 0);
    return async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    };
  }
}
