// The sign-in's limits. Failures are counted per client (its address: see client.address.ts), per account
// (the e-mail address, hashed) and per pair of both, in the database so that every process agrees:
//   - a pair slows down after a few failures: each further try waits longer (30 s, 1 min, 2 min … up to the window);
//   - a client with many failures in the window, on whatever accounts, is locked until the window ends;
//   - an account with many failures in the window is locked only for the clients that failed on it: a client
//     with no failure on it (the owner at their own desk) still signs in, so nobody can lock a person out.
// A failure is counted before the password is checked, in one statement per counter, so that parallel guesses
// cannot all pass one check; a success takes it back.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { countFailure, deleteOldCounters, forget, readCounters, uncount, type Counter } from './signin.repository.js';

export interface SignInLimitOptions {
  /** Failures in the window that lock a client, or lock an account for the clients that failed on it. */
  maxFailures: number;
  windowMinutes: number;
  /** Failures of one client on one account before each further try has to wait. */
  slowAfter?: number;
  /** The first wait; each further failure doubles it, up to the window. */
  firstDelaySeconds?: number;
}

export type Verdict = { allowed: true } | { allowed: false; waitSeconds: number };

const PREFIX = 'signin:';
const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

export class SignInLimits {
  private readonly slowAfter: number;
  private readonly firstDelay: number;
  private readonly window: number;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date,
    private readonly options: SignInLimitOptions,
  ) {
    this.slowAfter = options.slowAfter ?? 3;
    this.firstDelay = (options.firstDelaySeconds ?? 30) * 1000;
    this.window = options.windowMinutes * 60_000;
  }

  private keys(email: string, client: string) {
    const account = hash(email.trim().toLowerCase());
    return { pair: `${PREFIX}pair:${account}:${client}`, account: `${PREFIX}account:${account}`, client: `${PREFIX}client:${client}` };
  }

  /** How long the pair waits after `failures` failures. */
  delayAfter(failures: number): number {
    if (failures < this.slowAfter) return 0;
    return Math.min(this.firstDelay * 2 ** (failures - this.slowAfter), this.window);
  }

  /** Whether this client may try this account now; if so, the try is counted as a failure until it succeeds. */
  async attempt(email: string, client: string): Promise<Verdict> {
    const keys = this.keys(email, client);
    const now = this.clock().getTime();
    const windowStart = new Date(now - this.window).toISOString();
    const rows = await readCounters(this.db, [keys.pair, keys.account, keys.client]);
    const live = (key: string): Counter | null => {
      const row = rows.find((r) => r.key === key);
      return row && row.window_start >= windowStart ? row : null;
    };
    const pair = live(keys.pair);
    const account = live(keys.account);
    const clientRow = live(keys.client);
    const windowEnd = (row: Counter) => Date.parse(row.window_start) + this.window;
    let until = 0;
    if (clientRow && clientRow.count >= this.options.maxFailures) until = Math.max(until, windowEnd(clientRow));
    if (pair && pair.count > 0) {
      if (pair.count >= this.slowAfter) until = Math.max(until, Date.parse(pair.last_at ?? pair.window_start) + this.delayAfter(pair.count));
      if (account && account.count >= this.options.maxFailures) until = Math.max(until, windowEnd(account));
    }
    if (until > now) return { allowed: false, waitSeconds: Math.ceil((until - now) / 1000) };

    const at = new Date(now).toISOString();
    await deleteOldCounters(this.db, PREFIX, windowStart);
    const pairCount = await countFailure(this.db, keys.pair, at, windowStart);
    const accountCount = await countFailure(this.db, keys.account, at, windowStart);
    const clientCount = await countFailure(this.db, keys.client, at, windowStart);
    // Another try of the same client came between the check and the count: the later one waits.
    const raced = pairCount !== (pair?.count ?? 0) + 1 || clientCount !== (clientRow?.count ?? 0) + 1;
    if (raced && (pairCount > this.slowAfter || clientCount > this.options.maxFailures || (pairCount > 1 && accountCount > this.options.maxFailures))) {
      return { allowed: false, waitSeconds: Math.ceil(Math.max(this.delayAfter(pairCount - 1), this.firstDelay) / 1000) };
    }
    return { allowed: true };
  }

  /** The password was right: the try is not a failure, and the pair starts afresh. */
  async succeeded(email: string, client: string): Promise<void> {
    const keys = this.keys(email, client);
    await forget(this.db, keys.pair);
    await uncount(this.db, [keys.account, keys.client]);
  }
}
