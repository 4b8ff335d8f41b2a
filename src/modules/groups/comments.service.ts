// Use cases of the steering group's comments on draft goals and measures. A thread is a first comment and its
// replies; the officer or the thread's author resolves it (a reply opens it again). Members of the plan's
// steering group and the officer write; nothing of it is ever public.
import type { Kysely } from 'kysely';
import type { AuditedWrites } from '../../platform/audit/audited.js';
import { can } from '../../platform/auth/permissions.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors.js';
import type { PlanService } from '../plan/index.js';
import * as repo from './comments.repository.js';
import type { CommentEntity, CommentRow } from './comments.repository.js';
import { DRAFT_STATES } from './steering.schema.js';
import type { SteeringService, Viewer } from './steering.service.js';

export type { CommentEntity, CommentRow } from './comments.repository.js';

export interface Thread {
  root: CommentRow;
  replies: CommentRow[];
  resolved: boolean;
}

export const threadKey = (entity: string, id: number) => `${entity}:${id}`;

/** Comments in threads, oldest thread first. */
export function toThreads(rows: CommentRow[]): Thread[] {
  const roots = rows.filter((r) => r.parent_id === null);
  return roots.map((root) => ({ root, replies: rows.filter((r) => r.parent_id === root.id), resolved: root.resolved_at !== null }));
}

export class CommentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditedWrites,
    private readonly plans: PlanService,
    private readonly steering: SteeringService,
  ) {}

  async threadsOf(municipalityId: number, entity: CommentEntity, entityId: number): Promise<Thread[]> {
    return toThreads(await repo.commentsOf(this.db, municipalityId, entity, entityId));
  }

  /** Every thread of a plan, by goal or measure (threadKey). */
  async threadsOfPlan(municipalityId: number, planId: number): Promise<Map<string, Thread[]>> {
    const rows = await repo.commentsOfPlan(this.db, municipalityId, planId);
    const byEntity = new Map<string, CommentRow[]>();
    for (const r of rows) {
      const key = threadKey(r.entity_type, r.entity_id);
      byEntity.set(key, [...(byEntity.get(key) ?? []), r]);
    }
    return new Map([...byEntity].map(([k, list]) => [k, toThreads(list)]));
  }

  /** The plan a goal or measure belongs to (404 when it is not this municipality's). */
  async planOf(municipalityId: number, entity: CommentEntity, entityId: number) {
    const row = entity === 'goal' ? await this.plans.getGoal(municipalityId, entityId) : await this.plans.getMeasure(municipalityId, entityId);
    return this.plans.getPlan(municipalityId, row.plan_id);
  }

  /** May the viewer write on this plan's goals and measures: a draft, and a seat in its steering group or the officer's permission. */
  async mayComment(municipalityId: number, plan: { id: number; state: string }, viewer: Viewer): Promise<boolean> {
    if (!DRAFT_STATES.includes(plan.state)) return false;
    if (can(viewer.role, viewer.isInstanceAdmin, 'groups.manage')) return true;
    if (!can(viewer.role, viewer.isInstanceAdmin, 'drafts.comment')) return false;
    return (await this.steering.seatOf(municipalityId, plan.id, viewer.userId)) !== null;
  }

  /** May the viewer resolve this thread: the officer, or its author. */
  mayResolve(root: CommentRow, viewer: Viewer): boolean {
    return can(viewer.role, viewer.isInstanceAdmin, 'groups.manage') || (root.author_user_id !== null && root.author_user_id === viewer.userId);
  }

  async get(municipalityId: number, commentId: number): Promise<CommentRow> {
    const row = await repo.findComment(this.db, municipalityId, commentId);
    if (!row) throw new NotFoundError('comment');
    return row;
  }

  /** The first comment of the thread a comment belongs to. */
  async rootOf(municipalityId: number, commentId: number): Promise<CommentRow> {
    const row = await this.get(municipalityId, commentId);
    return row.parent_id === null ? row : this.get(municipalityId, row.parent_id);
  }

  async add(municipalityId: number, entity: CommentEntity, entityId: number, text: string, viewer: Viewer): Promise<number> {
    const plan = await this.planOf(municipalityId, entity, entityId);
    if (!(await this.mayComment(municipalityId, plan, viewer))) throw new ForbiddenError();
    return this.audit.write(municipalityId, { userId: viewer.userId, name: viewer.name }, (id: number) => ({ action: 'comment.create', entityType: 'draft_comment', entityId: id, after: { [entity]: entityId, text } }), ({ trx, now }) =>
      repo.insertComment(trx, { municipalityId, planId: plan.id, entity, entityId, parentId: null, userId: viewer.userId, name: viewer.name, text, now }),
    );
  }

  /** A reply to a thread (to any of its comments); a resolved thread is open again. */
  async reply(municipalityId: number, commentId: number, text: string, viewer: Viewer): Promise<CommentRow> {
    const root = await this.rootOf(municipalityId, commentId);
    const plan = await this.plans.getPlan(municipalityId, root.plan_id);
    if (!(await this.mayComment(municipalityId, plan, viewer))) throw new ForbiddenError();
    await this.audit.write(municipalityId, { userId: viewer.userId, name: viewer.name }, (id: number) => ({ action: 'comment.reply', entityType: 'draft_comment', entityId: id, after: { thread: root.id, text } }), async ({ trx, now }) => {
      const id = await repo.insertComment(trx, { municipalityId, planId: plan.id, entity: root.entity_type, entityId: root.entity_id, parentId: root.id, userId: viewer.userId, name: viewer.name, text, now });
      if (root.resolved_at !== null) await repo.setResolved(trx, municipalityId, root.id, null, null);
      return id;
    });
    return root;
  }

  /** Resolves a thread, or opens it again. */
  async resolve(municipalityId: number, commentId: number, resolved: boolean, viewer: Viewer): Promise<CommentRow> {
    const root = await this.rootOf(municipalityId, commentId);
    const plan = await this.plans.getPlan(municipalityId, root.plan_id);
    if (!this.mayResolve(root, viewer) || !(await this.steering.mayReview(municipalityId, plan.id, viewer))) throw new ForbiddenError();
    await this.audit.write(municipalityId, { userId: viewer.userId, name: viewer.name }, { action: resolved ? 'comment.resolve' : 'comment.reopen', entityType: 'draft_comment', entityId: root.id }, async ({ trx, now }) => {
      await repo.setResolved(trx, municipalityId, root.id, resolved ? now : null, resolved ? viewer.name : null);
    });
    return root;
  }
}
