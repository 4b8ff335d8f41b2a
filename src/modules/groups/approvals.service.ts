// Use cases of the steering group's reviews: a member records approval of a plan, or asks for changes with a
// comment; a change of mind adds an entry (the history is kept). The officer sees each seat's state before
// publishing. An edition made from the plan records the open review with it (EditionFollower).
import type { Kysely } from 'kysely';
import type { AuditedWrites, Trx } from '../../platform/audit/audited.js';
import { can } from '../../platform/auth/permissions.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError } from '../../platform/http/errors.js';
import type { EditionFollower } from '../editions/index.js';
import type { PlanService } from '../plan/index.js';
import * as repo from './approvals.repository.js';
import type { ApprovalRow } from './approvals.repository.js';
import type { ReviewInput } from './steering.schema.js';
import type { SteeringMember, SteeringService, Viewer } from './steering.service.js';

export type { ApprovalRow } from './approvals.repository.js';

/** A seat's state in the open review: its member's latest entry, or none yet. */
export interface SeatReview {
  member: SteeringMember;
  latest: ApprovalRow | null;
  /** Earlier entries of the open review, newest first. */
  earlier: ApprovalRow[];
}

export interface ReviewSummary {
  approved: number;
  changes: number;
  pending: number;
}

/** Each person's latest entry among these, in the order of their latest entries. */
export function latestPerPerson(rows: ApprovalRow[]): ApprovalRow[] {
  const byPerson = new Map<string, ApprovalRow>();
  for (const r of rows) byPerson.set(r.user_id !== null ? `u${r.user_id}` : `n${r.member_name}`, r);
  return [...byPerson.values()].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
}

export class ApprovalService implements EditionFollower {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly plans: PlanService,
    private readonly steering: SteeringService,
  ) {}

  /** The open review of a plan: every seat of its steering group with its state. */
  async reviewOf(municipalityId: number, planId: number): Promise<{ seats: SeatReview[]; summary: ReviewSummary } | null> {
    const group = await this.steering.groupOfPlan(municipalityId, planId);
    if (!group) return null;
    const [members, entries] = await Promise.all([this.steering.members(municipalityId, group.id), repo.openEntries(this.db, municipalityId, planId)]);
    const seats = members.map((member) => {
      const own = entries.filter((e) => e.user_id !== null && e.user_id === member.user_id).reverse();
      return { member, latest: own[0] ?? null, earlier: own.slice(1) };
    });
    const summary = {
      approved: seats.filter((s) => s.latest?.state === 'approved').length,
      changes: seats.filter((s) => s.latest?.state === 'changes_requested').length,
      pending: seats.filter((s) => !s.latest).length,
    };
    return { seats, summary };
  }

  /** The viewer's own entries on this plan, newest first (those recorded with editions too). */
  historyOf(municipalityId: number, planId: number, userId: number): Promise<ApprovalRow[]> {
    return repo.entriesOfUser(this.db, municipalityId, planId, userId);
  }

  /** May the viewer review this plan: a seat in its steering group and the permission to approve. */
  async mayApprove(municipalityId: number, planId: number, viewer: Viewer): Promise<boolean> {
    if (!can(viewer.role, viewer.isInstanceAdmin, 'plan.approve')) return false;
    return (await this.steering.seatOf(municipalityId, planId, viewer.userId)) !== null;
  }

  async record(municipalityId: number, planId: number, input: ReviewInput, viewer: Viewer): Promise<number> {
    const plan = await this.plans.getPlan(municipalityId, planId);
    const seat = await this.steering.seatOf(municipalityId, plan.id, viewer.userId);
    if (!seat || !can(viewer.role, viewer.isInstanceAdmin, 'plan.approve')) throw new ForbiddenError();
    return this.audit.write(municipalityId, { userId: viewer.userId, name: viewer.name }, (id: number) => ({ action: `review.${input.state}`, entityType: 'plan_approval', entityId: id, after: { plan: plan.id, ...input } }), ({ trx, now }) =>
      repo.insertEntry(trx, { municipalityId, planId: plan.id, userId: viewer.userId, name: seat.display_name || viewer.name, seat: seat.seat, state: input.state, comment: input.comment, now }),
    );
  }

  /** The reviews recorded with an edition: each person's latest entry. */
  async ofEdition(municipalityId: number, editionId: number): Promise<ApprovalRow[]> {
    return latestPerPerson(await repo.entriesOfEdition(this.db, municipalityId, editionId));
  }

  /** An edition is made from the plan: the open review is recorded with it, and a new review begins. */
  async editionCreated(trx: Trx, municipalityId: number, planId: number, editionId: number): Promise<void> {
    await repo.recordWithEdition(trx, municipalityId, planId, editionId);
  }
}
