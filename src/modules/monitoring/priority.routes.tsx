// Yearly priorities: the list per plan and year (admin and public), and new, edit, delete.
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../platform/http/env.js';
import { crudRoutes } from '../../platform/http/crud.routes.js';
import { pageContext, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { paths } from './monitoring.paths.js';
import { can } from '../../platform/auth/permissions.js';
import { NotFoundError } from '../../platform/http/errors.js';
import type { FormFieldSpec } from '../../platform/views/entity-form.view.js';
import { measureTitle } from '../plan/index.js';
import { allMeasures } from '../plan/index.js';
import type { Plan } from '../plan/index.js';
import { chosenPlan } from './route.helpers.js';
import { prioritySchema } from './monitoring.schema.js';
import type { PriorityView } from './monitoring.service.js';
import { PrioritiesPage } from './priority.view.js';
import type { RouteContext } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function priorityRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;

  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;

  /** The year asked for in ?jahr=, else the current one; anything but a plausible year is unknown. */
  function yearOf(c: Ctx, fallback: number): number {
    const value = c.req.query('jahr');
    if (value === undefined || value === '') return fallback;
    if (!/^\d{4}$/.test(value) || Number(value) < 1990 || Number(value) > 2100) throw new NotFoundError('year');
    return Number(value);
  }

  async function vm(c: Ctx, area: 'admin' | 'public', plan: Plan) {
    const current = Number(services.monitoring.today().slice(0, 4));
    const year = yearOf(c, current);
    const years = [...new Set([...(await services.monitoring.priorityYears(mid(c), plan.id)), current, year])].sort((a, b) => b - a);
    const user = c.get('user');
    const priorities = await services.monitoring.priorities(mid(c), plan.id, year);
    const sections: Record<number, Child[]> = {};
    for (const p of priorities) sections[p.id] = await context.slots.sections(area === 'admin' ? 'priority.admin' : 'priority.public', c, { priorityId: p.id });
    if (area === 'public') {
      // The plan's title and the guiding goals in the reader's language (translated with the plan).
      const ct = await services.content.load(mid(c), c.get('lang'), [
        { entityType: 'plan', entityId: plan.id, field: 'title', source: plan.title },
        ...priorities.flatMap((p) => (p.guidingGoal ? [{ entityType: 'guiding_goal', entityId: p.guidingGoal.id, field: 'text', source: p.guidingGoal.text }] : [])),
      ]);
      c.set('content', ct.with(c.get('content')));
      return {
        area, year, years, sections, canEdit: !!user && can(c.get('role'), user.isInstanceAdmin, 'plan.edit'),
        plan: { ...plan, title: ct.text('plan', plan.id, 'title', plan.title) },
        priorities: priorities.map((p) => (p.guidingGoal ? { ...p, guidingGoal: { ...p.guidingGoal, text: ct.text('guiding_goal', p.guidingGoal.id, 'text', p.guidingGoal.text) } } : p)),
      };
    }
    return {
      area, plan, year, years, priorities, sections,
      canEdit: !!user && can(c.get('role'), user.isInstanceAdmin, 'plan.edit'),
    };
  }

  async function fields(c: Ctx, planId: number): Promise<FormFieldSpec[]> {
    const t = c.get('t');
    const tree = await services.plans.tree(mid(c), planId);
    return [
      { name: 'year', label: t('monitoring.priority.year'), kind: 'year' },
      { name: 'title', label: t('monitoring.priority.titleLabel'), kind: 'text' },
      { name: 'description', label: t('monitoring.priority.description'), kind: 'textarea', optional: true },
      { name: 'guiding_goal_id', label: t('monitoring.guidingGoal'), kind: 'select', optional: true, empty: t('monitoring.priority.noGuidingGoal'),
        options: tree.guidingGoals.map((g) => ({ value: String(g.id), label: g.text.slice(0, 120) })) },
      { name: 'goal_ids', label: t('monitoring.priority.goals'), kind: 'checkboxes', optional: true, hint: t('monitoring.priority.goalsHint'),
        options: tree.fields.flatMap((f) => f.goals.map((g) => ({ value: String(g.id), label: `${f.title}: ${g.text.slice(0, 120)}` }))) },
      { name: 'measure_ids', label: t('monitoring.priority.measures'), kind: 'checkboxes', optional: true,
        options: allMeasures(tree).map((m) => ({ value: String(m.id), label: `${measureTitle(t, m)}: ${m.text.slice(0, 120)}` })) },
    ];
  }

  function registerPriorityRoutes(app: Hono<AppEnv>) {
    app.get(paths.adminPriorities.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const plan = await chosenPlan(c, services);
      if (!plan) throw new NotFoundError('plan');
      return render(c, <PrioritiesPage ctx={pageContext(c)} vm={await vm(c, 'admin', plan)} />);
    });

    app.get(paths.priorities.pattern, async (c) => {
      const plan = await services.plans.findCurrentPublishedPlan(mid(c));
      if (!plan) throw new NotFoundError('published plan');
      // The view model first: it loads the page's content texts, which the page context then carries.
      const shown = await vm(c, 'public', plan);
      return render(c, <PrioritiesPage ctx={pageContext(c)} vm={shown} />);
    });

    const crumbs = (c: Ctx, planId: number, year?: number) => [
      { href: paths.admin(slugOf(c)), label: c.get('t')('admin.overview.title') },
      { href: paths.adminPrioritiesOf(slugOf(c), planId, year), label: c.get('t')('monitoring.priorities.title') },
    ];

    crudRoutes<typeof prioritySchema, PriorityView, Plan>(app, {
      entity: 'monitoring.priority',
      permission: 'plan.edit',
      schema: prioritySchema,
      fields: (c, { parent, row }) => fields(c, parent?.id ?? row!.plan_id),
      newPattern: paths.adminPriorityNew.pattern,
      newPath: (c, id) => paths.adminPriorityNew(slugOf(c), id),
      loadParent: (c, m, id) => services.plans.getPlan(m, id),
      newValues: (c) => ({ year: /^\d{4}$/.test(c.req.query('jahr') ?? '') ? c.req.query('jahr')! : services.monitoring.today().slice(0, 4) }),
      parentCrumbs: (c, p) => crumbs(c, p.id),
      parentBack: (c, p) => paths.adminPrioritiesOf(slugOf(c), p.id),
      create: (c, m, p, data, by) => services.monitoring.createPriority(m, p.id, data, by),
      itemPattern: paths.adminPriority.pattern,
      itemPath: (c, id) => paths.adminPriority(slugOf(c), id),
      load: (c, m, id) => services.monitoring.getPriority(m, id),
      values: (p) => ({
        year: String(p.year), title: p.title, description: p.description, guiding_goal_id: p.guidingGoal ? String(p.guidingGoal.id) : '',
        goal_ids: p.goals.map((g) => g.id).join(','), measure_ids: p.measures.map((m) => m.id).join(','),
      }),
      crumbs: (c, p) => crumbs(c, p.plan_id, p.year),
      back: (c, p) => paths.adminPrioritiesOf(slugOf(c), p.plan_id, p.year),
      label: (_c, p) => p.title,
      update: (c, m, id, data, by) => services.monitoring.updatePriority(m, id, data, by),
      deletePattern: paths.adminPriorityDelete.pattern,
      deletePath: (c, id) => paths.adminPriorityDelete(slugOf(c), id),
      delete: (c, m, id, by) => services.monitoring.deletePriority(m, id, by),
    });
  }

  const app = new Hono<AppEnv>();
  registerPriorityRoutes(app);
  return app;
}
