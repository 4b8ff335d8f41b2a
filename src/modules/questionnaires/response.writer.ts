// Storing responses in bursts: group commit. Submits that arrive while a transaction is running wait in a
// queue; the next transaction writes all of them (up to `maxBatch`) and commits once. Every caller's promise
// resolves only after the transaction holding its response committed (SQLite runs WAL with synchronous=FULL,
// so committed is on disk; PostgreSQL commits durably by default), so a success page is never shown for a
// response that a crash could lose. A submission key seen before (stored, or earlier in the same batch)
// resolves to the first response. When a batch fails, its responses are written again one transaction each,
// so one bad response rejects only its own caller.
// On a SQLite file the transactions run in a worker thread with a connection of its own
// (response.writer.thread.ts): inserting and the wait for the disk then leave the event loop free for the next
// requests. In memory, and on PostgreSQL (whose driver waits without holding the loop), they run here.
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../../platform/db/schema.js';
import { berlinDay } from '../../platform/views/format.js';
import { answerRows, type AnswerRow, type Answers, type Definition } from './questionnaire.model.js';
import { contentVersions, kyselyResponseWrites, loadDefinition, type AnswerRowToInsert, type ResponseWrites } from './questionnaire.repository.js';

export interface ResponseToWrite {
  answers: Answers;
  source: 'online' | 'paper';
  privacyVersion: number | null;
  lang: string;
  submissionKey: string;
  isDemo?: boolean;
  /** The day it counts for (default: today in Europe/Berlin). */
  day?: string;
  /**
   * The walk the answers come from: its saved draft (if any) deleted in the response's transaction, and its
   * access code (if any) marked used there, so that nothing is left that ties the response to the code.
   */
  draft?: { id: number | null; codeId: number | null };
}

/** The access code of a draft was used by another response meanwhile: nothing was stored. */
export class CodeUsedError extends Error {
  constructor() {
    super('access code already used');
  }
}

export interface WriteResult {
  responseId: number;
  duplicate: boolean;
}

interface Pending {
  municipalityId: number;
  questionnaireId: number;
  input: ResponseToWrite;
  resolve: (r: WriteResult) => void;
  reject: (e: unknown) => void;
}

/** A response ready to insert: its definition checked, its rows made (plain data: it may go to a thread). */
export interface Batched {
  municipalityId: number;
  questionnaireId: number;
  input: ResponseToWrite;
  rows: AnswerRow[];
  day: string;
}

interface Prepared extends Batched {
  item: Pending;
}

/** Where a batch is committed: a transaction here, or one in the writer's thread. */
export interface BatchStore {
  commit(batch: Batched[]): Promise<WriteResult[]>;
  close(): Promise<void>;
}

/** Commits on the app's own connection. */
export function storeHere(db: Kysely<Database>): BatchStore {
  return { commit: (batch) => db.transaction().execute((trx) => writeAll(kyselyResponseWrites(trx), batch)), close: async () => {} };
}

/**
 * Commits in a worker thread on its own connection to the same SQLite file. One batch at a time is in flight
 * (the writer waits for each), and the thread is unreferenced: it never keeps the process alive by itself.
 */
export function storeInThread(file: string): BatchStore {
  const waiting = new Map<number, { resolve: (r: WriteResult[]) => void; reject: (e: unknown) => void }>();
  let next = 0;
  let worker: Worker | undefined;
  // started with the first batch (the database is migrated by then); started again after it ended
  const started = (): Worker => {
    if (worker) return worker;
    const w = new Worker(new URL('./response.writer.boot.mjs', import.meta.url), { workerData: { file }, execArgv: [] });
    w.unref();
    const fail = (e: Error) => {
      if (worker === w) worker = undefined;
      for (const one of waiting.values()) one.reject(e);
      waiting.clear();
    };
    w.on('message', (m: ThreadReply) => {
      const one = waiting.get(m.id);
      if (!one) return;
      waiting.delete(m.id);
      if (m.ok) one.resolve(m.results);
      else one.reject(m.codeUsed ? new CodeUsedError() : new Error(m.message));
    });
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`response writer thread ended (${code})`)));
    return (worker = w);
  };
  return {
    commit(batch) {
      return new Promise((resolve, reject) => {
        const id = ++next;
        waiting.set(id, { resolve, reject });
        started().postMessage({ id, batch } satisfies ThreadRequest);
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}

export interface ThreadRequest {
  id: number;
  batch: Batched[];
}
export type ThreadReply = { id: number; ok: true; results: WriteResult[] } | { id: number; ok: false; codeUsed: boolean; message: string };

export interface WriterStats {
  batches: number;
  responses: number;
  /** Batches that failed as a whole and were written again one response at a time. */
  fallbacks: number;
}

export class ResponseWriter {
  private queue: Pending[] = [];
  private running = false;
  readonly stats: WriterStats = { batches: 0, responses: 0, fallbacks: 0 };

  private readonly store: BatchStore;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    options: { sqliteFile?: string; maxBatch?: number } = {},
  ) {
    this.store = options.sqliteFile ? storeInThread(options.sqliteFile) : storeHere(db);
    this.maxBatch = options.maxBatch ?? 500;
  }

  private readonly maxBatch: number;

  /** Ends the writer's thread, if it has one (what was acknowledged is committed). */
  close(): Promise<void> {
    return this.store.close();
  }

  /** Queues one response; resolves once it is committed (or found stored under its key). */
  write(municipalityId: number, questionnaireId: number, input: ResponseToWrite): Promise<WriteResult> {
    return new Promise<WriteResult>((resolve, reject) => {
      this.queue.push({ municipalityId, questionnaireId, input, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /**
   * Writes batches until the queue is empty. A batch starts only after the event loop has read what arrived
   * meanwhile (setImmediate runs after the pending network callbacks): on SQLite a transaction and its commit
   * run without giving the loop a turn, so without this pause every submit that found the writer idle would
   * take its own transaction and its own wait for the disk, and the queue would never fill.
   */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.writeBatch(batch);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running = false;
    }
  }

  private readonly definitions = new Map<string, { version: number; def: Definition | undefined }>();

  private async definition(municipalityId: number, questionnaireId: number, version: number | undefined): Promise<Definition | undefined> {
    if (version === undefined) return undefined;
    const k = `${municipalityId}:${questionnaireId}`;
    const cached = this.definitions.get(k);
    if (cached && cached.version === version) return cached.def;
    const def = await loadDefinition(this.db, municipalityId, questionnaireId);
    if (this.definitions.size > 100) this.definitions.clear();
    this.definitions.set(k, { version, def });
    return def;
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    // The definitions, kept between batches while the municipality's content version stays (every change
    // to a questionnaire is an audited write and bumps it): a burst does not reload them per response.
    const prepared: Prepared[] = [];
    const today = berlinDay(this.clock());
    const versions = await contentVersions(this.db, [...new Set(batch.map((b) => b.municipalityId))]);
    for (const item of batch) {
      try {
        const d = await this.definition(item.municipalityId, item.questionnaireId, versions.get(item.municipalityId));
        if (!d) throw new Error('questionnaire not found');
        prepared.push({ item, municipalityId: item.municipalityId, questionnaireId: item.questionnaireId, input: item.input, rows: answerRows(d, item.input.answers), day: item.input.day ?? today });
      } catch (e) {
        item.reject(e);
      }
    }
    if (prepared.length === 0) return;
    this.stats.batches++;
    let results: WriteResult[];
    try {
      results = await this.store.commit(prepared.map(plain));
    } catch {
      // Something in the batch failed (a broken row, a key stored meanwhile by another process): write each
      // response in its own transaction, so only the one that fails again is rejected.
      this.stats.fallbacks++;
      for (const p of prepared) {
        try {
          const [r] = await this.store.commit([plain(p)]);
          this.stats.responses += r.duplicate ? 0 : 1;
          p.item.resolve(r);
        } catch (e) {
          p.item.reject(e);
        }
      }
      return;
    }
    // Committed: now, and only now, the callers learn their response is stored.
    for (const [i, p] of prepared.entries()) {
      this.stats.responses += results[i].duplicate ? 0 : 1;
      p.item.resolve(results[i]);
    }
  }
}

const plain = ({ municipalityId, questionnaireId, input, rows, day }: Prepared): Batched => ({ municipalityId, questionnaireId, input, rows, day });

/**
 * Inserts the prepared responses in one transaction, in order: a key already stored, or given earlier in the
 * same batch, gives the first response's id and stores nothing.
 */
export async function writeAll(trx: ResponseWrites, prepared: Batched[]): Promise<WriteResult[]> {
  const seen = new Map<string, number>();
  // the keys stored already, one query per questionnaire
  const byQuestionnaire = new Map<string, { municipalityId: number; questionnaireId: number; keys: string[] }>();
  for (const item of prepared) {
    const k = `${item.municipalityId}:${item.questionnaireId}`;
    const group = byQuestionnaire.get(k) ?? { municipalityId: item.municipalityId, questionnaireId: item.questionnaireId, keys: [] };
    group.keys.push(item.input.submissionKey);
    byQuestionnaire.set(k, group);
  }
  for (const [k, g] of byQuestionnaire) {
    for (const [key, id] of await trx.responsesByKeys(g.municipalityId, g.questionnaireId, g.keys)) seen.set(`${k}:${key}`, id);
  }
  // the new ones: one multi-row insert per municipality and questionnaire, returning their ids by key
  const fresh: Batched[] = [];
  for (const p of prepared) {
    const k = `${p.municipalityId}:${p.questionnaireId}:${p.input.submissionKey}`;
    if (seen.has(k)) continue;
    seen.set(k, -1);
    fresh.push(p);
  }
  // a fresh response spends its draft's access code: a code another response spent meanwhile fails the batch,
  // and written again on its own, only this response is refused
  for (const item of fresh) {
    const codeId = item.input.draft?.codeId;
    if (codeId && !(await trx.markCodeUsed(item.municipalityId, item.questionnaireId, codeId))) throw new CodeUsedError();
  }
  const ids = new Map<string, number>();
  for (const [k, g] of byQuestionnaire) {
    const mine = fresh.filter((p) => `${p.municipalityId}:${p.questionnaireId}` === k);
    if (mine.length === 0) continue;
    const stored = await trx.insertResponseRows(
      g.municipalityId,
      mine.map((item) => ({
        questionnaireId: item.questionnaireId,
        submittedOn: item.day,
        source: item.input.source,
        privacyVersion: item.input.privacyVersion,
        lang: item.input.lang,
        submissionKey: item.input.submissionKey,
        isDemo: item.input.isDemo,
      })),
    );
    for (const [key, id] of stored) ids.set(`${k}:${key}`, id);
  }
  const answers: AnswerRowToInsert[] = [];
  const results: WriteResult[] = [];
  const firstUse = new Set<Batched>(fresh);
  for (const p of prepared) {
    const k = `${p.municipalityId}:${p.questionnaireId}:${p.input.submissionKey}`;
    const newId = ids.get(k);
    if (newId !== undefined && firstUse.has(p)) {
      for (const r of p.rows) answers.push({ ...r, municipality_id: p.municipalityId, response_id: newId });
      results.push({ responseId: newId, duplicate: false });
    } else {
      results.push({ responseId: newId ?? seen.get(k)!, duplicate: true });
    }
  }
  await trx.insertAnswerRows(answers);
  // the drafts are gone with the transaction that stored their responses (and with them the tie to a code)
  for (const item of prepared) if (item.input.draft?.id) await trx.deleteDraft(item.municipalityId, item.input.draft.id);
  return results;
}
