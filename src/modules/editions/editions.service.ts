// Use cases of editions: freezing a plan as an edition, comparing two states of a plan, and starting the next
// edition from the last one. Editions are written once and never changed; each write carries its audit entry.
import type { Kysely } from 'kysely';
import type { Writer } from '../../platform/audit/audit.js';
import type { AuditedWrites, Trx } from '../../platform/audit/audited.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { Measure, Plan } from '../plan/index.js';
import type { PlanService } from '../plan/index.js';
import type { StatusCategory } from '../plan/index.js';
import { compareSnapshots, type Comparison } from './compare.js';
import * as repo from './editions.repository.js';
import type { ContinueInput, EditionInput, SnapshotRef } from './editions.schema.js';
import { buildSnapshot, parseSnapshot, placedMeasures, type PlanSnapshot } from './snapshot.js';

export type { EditionSummary } from './editions.repository.js';

export interface Edition extends repo.EditionSummary {
  snapshot: PlanSnapshot;
}

/** One side of a comparison: an edition, or a plan as it is now. */
export interface CompareSide {
  ref: SnapshotRef;
  edition: repo.EditionSummary | null;
  snapshot: PlanSnapshot;
}

export interface CompareResult {
  /** The earlier of the two, whichever order they were asked in. */
  from: CompareSide;
  to: CompareSide;
  comparison: Comparison;
}

/**
 * A module that keeps rows about a plan and records them with each edition made from it (the steering group:
 * its members' approvals). Called inside the edition's write, so that both stand or fall together.
 */
export interface EditionFollower {
  editionCreated(trx: Trx, municipalityId: number, planId: number, editionId: number): Promise<void>;
}

export class EditionService {
  private readonly followers: EditionFollower[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly plans: PlanService,
  ) {}

  private now(): string {
    return this.audit.now();
  }

  /** Registers a module that records its rows with each edition made (see EditionFollower). */
  follow(follower: EditionFollower): void {
    this.followers.push(follower);
  }

  list(municipalityId: number, planId?: number): Promise<repo.EditionSummary[]> {
    return repo.listEditions(this.db, municipalityId, planId);
  }

  async get(municipalityId: number, editionId: number): Promise<Edition> {
    const row = await repo.findEdition(this.db, municipalityId, editionId);
    if (!row) throw new NotFoundError('edition');
    const { snapshot_json: json, ...summary } = row;
    return { ...summary, snapshot: parseSnapshot(json) };
  }

  /** The plan as it is now, in the form an edition keeps it. */
  async snapshotOf(municipalityId: number, planId: number): Promise<PlanSnapshot> {
    const [tree, notes, lineage] = await Promise.all([
      this.plans.tree(municipalityId, planId),
      repo.notesOfPlan(this.db, municipalityId, planId),
      repo.loadLineage(this.db, municipalityId),
    ]);
    return buildSnapshot(tree, notes, lineage, this.now());
  }

  async create(municipalityId: number, planId: number, input: EditionInput, by: Writer): Promise<number> {
    const snapshot = await this.snapshotOf(municipalityId, planId);
    const at = snapshot.takenAt;
    return this.audit.write(municipalityId, by, { action: 'edition.create', entityType: 'edition', after: { plan: planId, ...input } }, async ({ trx }) => {
      const id = await repo.insertEdition(trx, {
        municipality_id: municipalityId, plan_id: planId, ...input, snapshot_json: JSON.stringify(snapshot),
        created_at: at, created_by_user_id: by.userId, created_by: by.name,
      });
      for (const f of this.followers) await f.editionCreated(trx, municipalityId, planId, id);
      return id;
    });
  }

  async delete(municipalityId: number, editionId: number, by: Writer): Promise<void> {
    const { snapshot: _snapshot, ...before } = await this.get(municipalityId, editionId);
    await this.audit.write(municipalityId, by, { action: 'edition.delete', entityType: 'edition', entityId: editionId, before }, ({ trx }) =>
      repo.deleteEdition(trx, municipalityId, editionId),
    );
  }

  async side(municipalityId: number, ref: SnapshotRef): Promise<CompareSide> {
    if (ref.kind === 'edition') {
      const { snapshot, ...edition } = await this.get(municipalityId, ref.id);
      return { ref, edition, snapshot };
    }
    return { ref, edition: null, snapshot: await this.snapshotOf(municipalityId, ref.id) };
  }

  /** Compares two states; the earlier one is always `from`, whichever order they were asked in. */
  async compare(municipalityId: number, a: SnapshotRef, b: SnapshotRef): Promise<CompareResult> {
    const [x, y] = await Promise.all([this.side(municipalityId, a), this.side(municipalityId, b)]);
    const [from, to] = x.snapshot.takenAt <= y.snapshot.takenAt ? [x, y] : [y, x];
    return { from, to, comparison: await this.compareSnapshots(municipalityId, from.snapshot, to.snapshot) };
  }

  private async compareSnapshots(municipalityId: number, from: PlanSnapshot, to: PlanSnapshot): Promise<Comparison> {
    const ids = new Set<number>();
    for (const p of [...placedMeasures(from), ...placedMeasures(to)]) [p.measure.id, ...p.measure.lineage].forEach((id) => ids.add(id));
    const history = await repo.statusHistory(this.db, municipalityId, [...ids], from.takenAt, to.takenAt);
    return compareSnapshots(from, to, history);
  }

  /**
   * The edition the next report starts from: the plan's latest, or, for a plan started from an older one, the
   * latest edition of that older plan.
   */
  async lastEdition(municipalityId: number, planId: number): Promise<repo.EditionSummary | null> {
    const lineage = await repo.loadLineage(this.db, municipalityId);
    const all = await repo.listEditions(this.db, municipalityId);
    for (const id of [planId, ...lineage.of('plan', planId)]) {
      const found = all.find((e) => e.plan_id === id);
      if (found) return found;
    }
    return null;
  }

  /** The plan now, and what changed since its last edition (null when it has none to compare with). */
  async sinceLastEdition(municipalityId: number, planId: number): Promise<{ snapshot: PlanSnapshot; changes: { edition: repo.EditionSummary; comparison: Comparison } | null }> {
    const [edition, snapshot] = await Promise.all([this.lastEdition(municipalityId, planId), this.snapshotOf(municipalityId, planId)]);
    if (!edition) return { snapshot, changes: null };
    const then = await this.get(municipalityId, edition.id);
    return { snapshot, changes: { edition, comparison: await this.compareSnapshots(municipalityId, then.snapshot, snapshot) } };
  }

  /**
   * Starts the next edition: a new draft plan copied from this one, measures carried over with their actors,
   * status and notes; the officer may leave completed or discontinued ones behind. `originNote` writes, in the
   * plan's language, where a measure came from.
   */
  async startNext(
    municipalityId: number, planId: number, input: ContinueInput, by: Writer,
    originNote: (source: Plan, measure: Measure) => string,
  ): Promise<number> {
    const source = await this.plans.getPlan(municipalityId, planId);
    const omit: StatusCategory[] = [...(input.omit_completed ? ['completed' as const] : []), ...(input.omit_discontinued ? ['discontinued' as const] : [])];
    const copied = await this.plans.copyPlan(
      municipalityId, planId,
      { title: input.title, edition: input.edition, omitCategories: omit, originNote: (m) => originNote(source, m) },
      by,
      async (trx, ids) => {
        await repo.insertLineage(trx, municipalityId, 'plan', new Map([[planId, ids.planId]]));
        await repo.insertLineage(trx, municipalityId, 'field', ids.fields);
        await repo.insertLineage(trx, municipalityId, 'guiding_goal', ids.guidingGoals);
        await repo.insertLineage(trx, municipalityId, 'goal', ids.goals);
        await repo.insertLineage(trx, municipalityId, 'measure', ids.measures);
      },
    );
    return copied.planId;
  }

  /** A suggestion for the next edition's label: "2.0" after "1.0" or "1.3"; empty when there is no pattern. */
  static nextLabel(last: string | undefined): string {
    const m = /^(\d+)(?:\.\d+)?$/.exec(last?.trim() ?? '');
    return m ? `${Number(m[1]) + 1}.0` : '';
  }
}
