// The comment forms of the steering group: a new thread on a draft goal or measure, a reply, and resolving a
// thread (or opening it again). Who may: see CommentService; back to the measure's page or the review page.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { readForm, validate } from '../../platform/http/form.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import type { RouteContext } from '../../platform/module.js';
import type { FormState } from '../../platform/views/page.js';
import { measureTitle } from '../plan/index.js';
import type { CommentEntity, CommentRow } from './comments.service.js';
import { CommentFormPage, type CommentReturn } from './comments.view.js';
import { paths } from './steering.paths.js';
import { commentSchema } from './steering.schema.js';
import { viewerOf } from './steering.viewer.js';
import { ForbiddenError } from '../../platform/http/errors.js';

export function commentsRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;
  const app = new Hono<AppEnv>();
  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const backOf = (value: string | undefined): CommentReturn => (value === 'pruefung' ? 'review' : 'measure');

  /** Where a comment's page returns to: its measure's admin page, or its place on the plan's review page. */
  const returnTo = (c: Ctx, planId: number, entity: string, entityId: number, back: CommentReturn) =>
    back === 'measure' && entity === 'measure'
      ? `${paths.adminMeasure(slugOf(c), entityId)}#kommentare`
      : `${paths.adminPlanReview(slugOf(c), planId)}#${entity === 'goal' ? 'ziel' : 'massnahme'}-${entityId}`;

  const entityLabel = async (c: Ctx, entity: CommentEntity, id: number) => {
    const t = c.get('t');
    if (entity === 'goal') {
      const g = await services.plans.getGoal(mid(c), id);
      return { title: t('groups.steering.comments.onGoal', { goal: g.number ?? '' }).trim(), about: g.text };
    }
    const m = await services.plans.getMeasure(mid(c), id);
    return { title: t('groups.steering.comments.onMeasure', { measure: measureTitle(t, m) }), about: m.text };
  };

  for (const [entity, route] of [['goal', paths.adminGoalComment], ['measure', paths.adminMeasureComment]] as const) {
    const show = async (c: Ctx, id: number, form: FormState, back: CommentReturn, status: 200 | 400) => {
      const plan = await services.comments.planOf(mid(c), entity, id);
      if (!(await services.comments.mayComment(mid(c), plan, viewerOf(c)))) throw new ForbiddenError();
      const { title, about } = await entityLabel(c, entity, id);
      const cancelHref = returnTo(c, plan.id, entity, id, back);
      const crumbs = [{ href: paths.adminPlan(slugOf(c), plan.id), label: plan.title }, { href: paths.adminPlanReview(slugOf(c), plan.id), label: c.get('t')('groups.steering.reviews.title') }];
      return render(c, <CommentFormPage ctx={pageContext(c)} vm={{ title, about, thread: null, action: route(slugOf(c), id), back, cancelHref, crumbs, form }} />, status);
    };
    app.get(route.pattern, (c) => {
      requirePermission(c, 'plan.read_drafts');
      return show(c, route.params(c).id, { values: {}, errors: {} }, backOf(c.req.query('zurueck')), 200);
    });
    app.post(route.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const id = route.params(c).id;
      const form = await readForm(c);
      const back = backOf(form.zurueck);
      const plan = await services.comments.planOf(mid(c), entity, id);
      const viewer = viewerOf(c);
      if (!(await services.comments.mayComment(mid(c), plan, viewer))) throw new ForbiddenError();
      const v = validate(commentSchema, form);
      if (!v.ok) return show(c, id, v.form, back, 400);
      const commentId = await services.comments.add(mid(c), entity, id, v.data.text, viewer);
      return redirectWithFlash(c, returnTo(c, plan.id, entity, id, back).replace(/#.*$/, `#kommentar-${commentId}`), c.get('t')('groups.steering.comments.added'));
    });
  }

  const showReply = async (c: Ctx, root: CommentRow, form: FormState, back: CommentReturn, status: 200 | 400) => {
    const plan = await services.plans.getPlan(mid(c), root.plan_id);
    if (!(await services.comments.mayComment(mid(c), plan, viewerOf(c)))) throw new ForbiddenError();
    const thread = (await services.comments.threadsOf(mid(c), root.entity_type as CommentEntity, root.entity_id)).find((x) => x.root.id === root.id)!;
    const { about } = await entityLabel(c, root.entity_type as CommentEntity, root.entity_id);
    const t = c.get('t');
    const crumbs = [{ href: paths.adminPlan(slugOf(c), plan.id), label: plan.title }, { href: paths.adminPlanReview(slugOf(c), plan.id), label: t('groups.steering.reviews.title') }];
    return render(c, (
      <CommentFormPage ctx={pageContext(c)} vm={{
        title: t('groups.steering.comments.replyTitle'), about, thread, action: paths.adminCommentReply(slugOf(c), root.id), back,
        cancelHref: returnTo(c, plan.id, root.entity_type, root.entity_id, back), crumbs, form,
      }} />
    ), status);
  };
  app.get(paths.adminCommentReply.pattern, async (c) => {
    requirePermission(c, 'plan.read_drafts');
    const root = await services.comments.rootOf(mid(c), paths.adminCommentReply.params(c).id);
    return showReply(c, root, { values: {}, errors: {} }, backOf(c.req.query('zurueck')), 200);
  });
  app.post(paths.adminCommentReply.pattern, async (c) => {
    requirePermission(c, 'plan.read_drafts');
    const root = await services.comments.rootOf(mid(c), paths.adminCommentReply.params(c).id);
    const form = await readForm(c);
    const back = backOf(form.zurueck);
    const viewer = viewerOf(c);
    const plan = await services.plans.getPlan(mid(c), root.plan_id);
    if (!(await services.comments.mayComment(mid(c), plan, viewer))) throw new ForbiddenError();
    const v = validate(commentSchema, form);
    if (!v.ok) return showReply(c, root, v.form, back, 400);
    await services.comments.reply(mid(c), root.id, v.data.text, viewer);
    return redirectWithFlash(c, returnTo(c, plan.id, root.entity_type, root.entity_id, back).replace(/#.*$/, `#kommentar-${root.id}`), c.get('t')('groups.steering.comments.replied'));
  });
  app.post(paths.adminCommentResolve.pattern, async (c) => {
    requirePermission(c, 'plan.read_drafts');
    const form = await readForm(c);
    if (form.resolved !== '0' && form.resolved !== '1') return c.text(c.get('t')('errors.choiceInvalid'), 400);
    const root = await services.comments.resolve(mid(c), paths.adminCommentResolve.params(c).id, form.resolved === '1', viewerOf(c));
    const back = returnTo(c, root.plan_id, root.entity_type, root.entity_id, backOf(form.zurueck)).replace(/#.*$/, `#kommentar-${root.id}`);
    return redirectWithFlash(c, back, c.get('t')(form.resolved === '1' ? 'groups.steering.comments.resolved' : 'groups.steering.comments.reopened'));
  });

  return app;
}
