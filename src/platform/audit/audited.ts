// The one write path: a write runs in one transaction with its audit entry, bumps the municipality's content
// version once, and refreshes exactly the search documents it touched, once, when the outermost write ends.
// Writes may nest (a caller's transaction is joined), so several writes stand or fall together.
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { SearchService, SearchKind } from '../search/search.service.js';
import { contentChanged } from '../tenancy.js';
import { auditChoices, listAudit, recordAudit, searchAudit, type AuditFilter, type Writer } from './audit.js';

export type Trx = Transaction<Database>;

export interface AuditSpec {
  action: string;
  entityType: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
  /** The moment the entry records, when not the write's own (a job records the time it was run for). */
  at?: string;
}

/** What a write sees: its transaction, its time, and the search documents it marks for refreshing. */
export interface WriteScope {
  trx: Trx;
  now: string;
  /** The document of this kind and id is refreshed (or removed, when its row is gone) at the end. */
  touch(kind: SearchKind, refId: number): void;
  /** A plan's documents are rebuilt in one batch at the end (bulk paths: import, copy, renumber, deletes). */
  rebuildPlan(planId: number): void;
}

interface ScopeState {
  municipalityId: number | null;
  touched: Map<SearchKind, Set<number>>;
  plans: Set<number>;
}

export class AuditedWrites {
  private readonly scopes = new WeakMap<Trx, ScopeState>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly search: SearchService,
  ) {}

  /**
   * Runs `fn` in a transaction (or inside `outer`, joining its scope) and records the audit entry. The audit
   * spec may be a function of the result (a created row's id).
   */
  async write<R>(
    municipalityId: number | null,
    by: Writer,
    audit: AuditSpec | ((result: R) => AuditSpec),
    fn: (scope: WriteScope) => Promise<R>,
    outer?: Trx,
  ): Promise<R> {
    return this.transaction(municipalityId, async (scope) => {
      const result = await fn(scope);
      const spec = typeof audit === 'function' ? audit(result) : audit;
      const entityId = spec.entityId ?? (typeof result === 'number' ? result : null);
      await recordAudit(scope.trx, { municipalityId, writer: by, ...spec, at: spec.at ?? scope.now, entityId });
      return result;
    }, outer);
  }

  /** A transaction that several writes join; the content version and search are settled once at its end. */
  async transaction<R>(municipalityId: number | null, fn: (scope: WriteScope) => Promise<R>, outer?: Trx): Promise<R> {
    const joined = outer ? this.scopes.get(outer) : undefined;
    if (outer && joined) {
      joined.municipalityId ??= municipalityId;
      return fn(this.scopeOf(outer, joined));
    }
    let settled: number | null = null;
    const body = async (trx: Trx) => {
      const state: ScopeState = { municipalityId, touched: new Map(), plans: new Set() };
      this.scopes.set(trx, state);
      try {
        const result = await fn(this.scopeOf(trx, state));
        await this.settle(trx, state);
        settled = state.municipalityId;
        return result;
      } finally {
        this.scopes.delete(trx);
      }
    };
    if (outer) return body(outer);
    const result = await this.db.transaction().execute(body);
    // committed: this process's kept content version of the municipality is forgotten at once (the other
    // processes learn it from the database's notification, migration 029)
    if (settled !== null) contentChanged(this.db, settled);
    return result;
  }

  /** The municipality's audit log, newest first. */
  list(municipalityId: number, limit?: number, offset?: number) {
    return listAudit(this.db, municipalityId, limit, offset);
  }

  /** One page of the municipality's log as a reader filtered it, with the number of matching entries. */
  searchLog(municipalityId: number, filter: AuditFilter, limit: number, offset: number) {
    return searchAudit(this.db, municipalityId, filter, limit, offset);
  }

  /** The people and kinds of entries of the municipality's log, for the filter. */
  choices(municipalityId: number) {
    return auditChoices(this.db, municipalityId);
  }

  /** The time a write records, from the app's clock. */
  now(): string {
    return this.clock().toISOString();
  }

  private scopeOf(trx: Trx, state: ScopeState): WriteScope {
    return {
      trx,
      now: this.clock().toISOString(),
      touch: (kind, refId) => {
        let ids = state.touched.get(kind);
        if (!ids) state.touched.set(kind, (ids = new Set()));
        ids.add(refId);
      },
      rebuildPlan: (planId) => state.plans.add(planId),
    };
  }

  private async settle(trx: Trx, state: ScopeState): Promise<void> {
    const mid = state.municipalityId;
    if (mid === null) return;
    for (const planId of state.plans) await this.search.rebuildPlan(trx, mid, planId);
    const refs = [...state.touched].map(([kind, ids]) => ({ kind, ids: [...ids] }));
    if (refs.length) await this.search.refresh(trx, mid, refs, state.plans);
    await trx.updateTable('municipalities').set((eb) => ({ content_version: eb('content_version', '+', 1) })).where('id', '=', mid).execute();
  }
}
