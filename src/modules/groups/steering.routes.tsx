// The steering group's pages: the officer's overview and a group's seats and members (groups.manage), the list
// of plans to review and a plan's review page with the member's review form (members of the plan's steering
// group and the officer), and the comment forms (comments.routes.tsx).
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { ForbiddenError, InvalidInputError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, stashOnce, takeOnce, type Ctx } from '../../platform/http/kit.js';
import { can } from '../../platform/auth/permissions.js';
import type { RouteContext } from '../../platform/module.js';
import { ConfirmDeletePage } from '../../platform/views/entity-form.view.js';
import type { FormState } from '../../platform/views/page.js';
import { commentsRoutes } from './comments.routes.js';
import { openCount } from './comments.view.js';
import { paths } from './steering.paths.js';
import { createGroupSchema, memberSchema, reviewSchema } from './steering.schema.js';
import { viewerOf } from './steering.viewer.js';
import { PlanReviewPage, ReviewsOverviewPage, SteeringGroupPage, SteeringOverviewPage } from './steering.view.js';


export function steeringRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const empty: FormState = { values: {}, errors: {} };

  // ---- the officer's pages ----
  const showOverview = async (c: Ctx, form: FormState, status: 200 | 400) => {
    const [plans, groups] = await Promise.all([services.plans.listPlans(mid(c)), services.steering.list(mid(c))]);
    const rows = await Promise.all(plans.map(async (plan) => {
      const group = groups.find((g) => g.plan_id === plan.id) ?? null;
      const review = group ? await services.approvals.reviewOf(mid(c), plan.id) : null;
      return { plan, group, members: review?.seats.length ?? 0, summary: review?.summary ?? null };
    }));
    return render(c, <SteeringOverviewPage ctx={pageContext(c)} vm={{ rows, form }} />, status);
  };
  app.get(paths.adminSteering.pattern, (c) => {
    requirePermission(c, 'groups.manage');
    return showOverview(c, empty, 200);
  });
  app.post(paths.adminSteeringNew.pattern, async (c) => {
    const by = requirePermission(c, 'groups.manage');
    const v = validate(createGroupSchema, await readForm(c));
    if (!v.ok) return showOverview(c, v.form, 400);
    try {
      const id = await services.steering.create(mid(c), v.data.plan_id, by);
      return redirectWithFlash(c, paths.adminSteeringGroup(slugOf(c), id), c.get('t')('groups.steering.create.done'));
    } catch (e) {
      if (e instanceof InvalidInputError) return showOverview(c, { values: { plan_id: String(v.data.plan_id) }, errors: e.errors }, 400);
      throw e;
    }
  });

  const showGroup = async (c: Ctx, groupId: number, form: FormState, status: 200 | 400, invited: { email: string; link: string } | null = null) => {
    const group = await services.steering.get(mid(c), groupId);
    const [plan, members, review] = await Promise.all([
      services.plans.getPlan(mid(c), group.plan_id), services.steering.members(mid(c), group.id), services.approvals.reviewOf(mid(c), group.plan_id),
    ]);
    return render(c, <SteeringGroupPage ctx={pageContext(c)} vm={{ group, plan, members, review: review!, form, invited }} />, status);
  };
  app.get(paths.adminSteeringGroup.pattern, (c) => {
    requirePermission(c, 'groups.manage');
    const kept = takeOnce(c) as { email?: unknown; link?: unknown } | undefined;
    const invited = kept && typeof kept.email === 'string' && typeof kept.link === 'string' ? { email: kept.email, link: kept.link } : null;
    return showGroup(c, paths.adminSteeringGroup.params(c).id, empty, 200, invited);
  });
  app.post(paths.adminSteeringMembers.pattern, async (c) => {
    const by = requirePermission(c, 'groups.manage');
    const group = await services.steering.get(mid(c), paths.adminSteeringMembers.params(c).id);
    const values = await readForm(c);
    const v = validate(memberSchema, values);
    if (!v.ok) return showGroup(c, group.id, v.form, 400);
    const t = c.get('t');
    try {
      const added = await services.steering.addMember(c.get('municipality'), group.id, v.data, by, c.get('lang'));
      const location = paths.adminSteeringGroup(slugOf(c), group.id);
      const message = t(`groups.steering.add.done.${added.kind}`, { name: v.data.name, email: v.data.email });
      if (added.link) {
        if (stashOnce(c, location, { email: v.data.email, link: added.link })) return redirectWithFlash(c, location, message);
        return showGroup(c, group.id, empty, 200, { email: v.data.email, link: added.link });
      }
      return redirectWithFlash(c, location, message);
    } catch (e) {
      if (e instanceof InvalidInputError) return showGroup(c, group.id, { values, errors: e.errors }, 400);
      throw e;
    }
  });
  app.get(paths.adminSteeringMemberRemove.pattern, async (c) => {
    requirePermission(c, 'groups.manage');
    const { id, memberId } = paths.adminSteeringMemberRemove.params(c);
    const group = await services.steering.get(mid(c), id);
    const member = await services.steering.member(mid(c), group.id, memberId);
    const t = c.get('t');
    return render(c, (
      <ConfirmDeletePage
        ctx={pageContext(c)}
        title={t('groups.steering.removeTitle')}
        crumbs={[{ href: paths.adminSteering(slugOf(c)), label: t('groups.steering.title') }, { href: paths.adminSteeringGroup(slugOf(c), group.id), label: group.title }]}
        what={`${member.display_name}${member.seat ? ` (${t(`groups.steering.seats.${member.seat}`)})` : ''}`}
        action={paths.adminSteeringMemberRemove(slugOf(c), group.id, member.id)}
        cancelHref={paths.adminSteeringGroup(slugOf(c), group.id)}
        consequence={t('groups.steering.removeConsequence')}
      />
    ));
  });
  app.post(paths.adminSteeringMemberRemove.pattern, async (c) => {
    const by = requirePermission(c, 'groups.manage');
    const { id, memberId } = paths.adminSteeringMemberRemove.params(c);
    const group = await services.steering.get(mid(c), id);
    const member = await services.steering.member(mid(c), group.id, memberId);
    await services.steering.removeMember(mid(c), group.id, member.id, by);
    return redirectWithFlash(c, paths.adminSteeringGroup(slugOf(c), group.id), c.get('t')('groups.steering.removed', { name: member.display_name }));
  });

  // ---- reviewing ----
  app.get(paths.adminReviews.pattern, async (c) => {
    requirePermission(c, 'plan.read_drafts');
    const viewer = viewerOf(c);
    const officer = can(viewer.role, viewer.isInstanceAdmin, 'groups.manage');
    const [plans, groups, own] = await Promise.all([services.plans.listPlans(mid(c)), services.steering.list(mid(c)), services.steering.plansOf(mid(c), viewer.userId)]);
    const ids = new Set([...own, ...(officer ? groups.map((g) => g.plan_id) : [])]);
    const rows = await Promise.all(plans.filter((p) => ids.has(p.id)).map(async (plan) => {
      const threads = [...(await services.comments.threadsOfPlan(mid(c), plan.id)).values()].flat();
      const history = await services.approvals.historyOf(mid(c), plan.id, viewer.userId);
      return { plan, openThreads: openCount(threads), own: history.find((h) => h.edition_id === null) ?? null };
    }));
    return render(c, <ReviewsOverviewPage ctx={pageContext(c)} plans={rows} />);
  });

  const showReview = async (c: Ctx, planId: number, voteForm: FormState, status: 200 | 400) => {
    requirePermission(c, 'plan.read_drafts');
    const viewer = viewerOf(c);
    const tree = await services.plans.tree(mid(c), planId);
    if (!(await services.steering.mayReview(mid(c), tree.plan.id, viewer))) throw new ForbiddenError();
    const officer = can(viewer.role, viewer.isInstanceAdmin, 'groups.manage');
    const [threads, group, review, history, comment, approve] = await Promise.all([
      services.comments.threadsOfPlan(mid(c), tree.plan.id),
      services.steering.groupOfPlan(mid(c), tree.plan.id),
      officer ? services.approvals.reviewOf(mid(c), tree.plan.id) : Promise.resolve(null),
      services.approvals.historyOf(mid(c), tree.plan.id, viewer.userId),
      services.comments.mayComment(mid(c), tree.plan, viewer),
      services.approvals.mayApprove(mid(c), tree.plan.id, viewer),
    ]);
    const may = { comment, approve, officer, resolve: (root: Parameters<typeof services.comments.mayResolve>[0]) => services.comments.mayResolve(root, viewer) };
    return render(c, <PlanReviewPage ctx={pageContext(c)} vm={{ tree, threads, may, review, groupId: group?.id ?? null, history, voteForm }} />, status);
  };
  app.get(paths.adminPlanReview.pattern, (c) => showReview(c, paths.adminPlanReview.params(c).id, empty, 200));
  app.post(paths.adminPlanReviewVote.pattern, async (c) => {
    requirePermission(c, 'plan.approve');
    const viewer = viewerOf(c);
    const plan = await services.plans.getPlan(mid(c), paths.adminPlanReviewVote.params(c).id);
    if (!(await services.approvals.mayApprove(mid(c), plan.id, viewer))) throw new ForbiddenError();
    const v = validate(reviewSchema, await readForm(c));
    if (!v.ok) return showReview(c, plan.id, v.form, 400);
    await services.approvals.record(mid(c), plan.id, v.data, viewer);
    return redirectWithFlash(c, paths.adminPlanReview(slugOf(c), plan.id), c.get('t')(`groups.steering.review.done.${v.data.state}`));
  });

  app.route('/', commentsRoutes(context));
  return app;
}
