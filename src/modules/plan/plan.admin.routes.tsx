import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { crudRoutes } from '../../platform/http/crud.routes.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { paths } from './plan.paths.js';
import { can } from '../../platform/auth/permissions.js';
import { readForm, validate } from '../../platform/http/form.js';
import { ConfirmDeletePage, EntityFormPage, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import type { FormState } from '../../platform/views/page.js';
import { Checkbox } from '../../platform/views/components.js';
import { AdminOverviewPage, ConfirmPublishPage, PlanWorkspacePage, RenumberPage } from './plan.admin.view.js';
import { AdminMeasurePage, MeasureOrigin } from './measure.view.js';
import { parseWorkspaceFilter } from './plan.filter.js';
import { PlanPage } from './plan.public.view.js';
import {
  fieldSchema, goalSchema, guidingGoalSchema, LIMITS, measureSchema, planSchema, planStateSchema, progressNoteSchema, statusChangeSchema, visionSchema,
} from './plan.schema.js';
import type { RouteContext, Services } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function planAdminRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, slots } = context;

  const V = '/:slug/verwaltung';
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const mid = (c: Ctx) => c.get('municipality').id;


  function planFields(c: Ctx): FormFieldSpec[] {
    const t = c.get('t');
    return [
      { name: 'title', label: t('plan.titleLabel'), kind: 'text', maxLength: LIMITS.title },
      { name: 'edition', label: t('plan.edition'), kind: 'text', optional: true, hint: t('plan.editionHint'), maxLength: LIMITS.edition },
      { name: 'period_start', label: t('plan.periodStart'), kind: 'year', optional: true },
      { name: 'period_end', label: t('plan.periodEnd'), kind: 'year', optional: true },
      { name: 'intro', label: t('plan.intro'), kind: 'textarea', optional: true, maxLength: LIMITS.intro },
    ];
  }

  const planCrumbs = (c: Ctx, plan: { id: number; title: string }) => [
    { href: paths.admin(slugOf(c)), label: c.get('t')('admin.overview.title') },
    { href: paths.adminPlan(slugOf(c), plan.id), label: plan.title },
  ];

  async function measureFields(c: Ctx, planId: number): Promise<FormFieldSpec[]> {
    const t = c.get('t');
    const tree = await services.plans.tree(mid(c), planId);
    const actors = await services.actors.list(mid(c));
    const actorOptions = actors.map((a) => ({ value: String(a.id), label: a.parent_name ? `${a.name} (${a.parent_name})` : a.name }));
    return [
      { name: 'text', label: t('measure.text'), kind: 'textarea', maxLength: LIMITS.measure },
      { name: 'number', label: t('measure.number'), kind: 'text', optional: true, hint: t('measure.numberHint'), maxLength: LIMITS.number },
      { name: 'goal_id', label: t('measure.goal'), kind: 'select', empty: t('measure.noGoal'), hint: t('measure.goalHint'),
        options: tree.fields.flatMap((f) => f.goals.map((g) => ({ value: String(g.id), label: `${f.title}: ${g.text.slice(0, 90)}` }))) },
      { name: 'is_further', label: t('measure.isFurther'), kind: 'checkbox' },
      { name: 'field_id', label: t('measure.fieldForFurther'), kind: 'select', empty: t('measure.keepField'), optional: true,
        options: tree.fields.map((f) => ({ value: String(f.id), label: f.title })) },
      { name: 'lead_actor_id', label: t('measure.lead'), kind: 'select', empty: t('measure.noLead'), optional: true, options: actorOptions },
      { name: 'partner_actor_ids', label: t('measure.partners'), kind: 'checkboxes', optional: true, options: actorOptions },
      { name: 'status_label', label: t('measure.statusLabel'), kind: 'text', optional: true, hint: t('measure.statusOnCreateHint'), maxLength: LIMITS.statusLabel },
      { name: 'timeframe_label', label: t('measure.timeframeLabel'), kind: 'text', optional: true, hint: t('measure.timeframeLabelHint'), maxLength: LIMITS.timeframeLabel },
      { name: 'timeframe_start', label: t('measure.timeframeStart'), kind: 'month', optional: true, hint: t('measure.monthHint') },
      { name: 'timeframe_end', label: t('measure.timeframeEnd'), kind: 'month', optional: true, hint: t('measure.monthHint') },
      { name: 'target_groups', label: t('measure.targetGroups'), kind: 'text', optional: true, hint: t('measure.targetGroupsHint'), maxLength: LIMITS.targetGroups },
    ];
  }

  function registerPlanAdminRoutes(app: Hono<AppEnv>) {
    app.get(V, async (c) => {
      requirePermission(c, 'admin.enter');
      const user = c.get('user')!;
      const plans = await services.plans.listPlans(mid(c));
      const ctx = pageContext(c);
      return render(c, <AdminOverviewPage ctx={ctx} plans={plans} canCreate={can(c.get('role'), user.isInstanceAdmin, 'plan.edit')} actions={slots.links('plan.overview', ctx, {})} />);
    });

    // ---- plans ----
    const showPlanForm = (c: Ctx, form: FormState, status: 200 | 400, plan?: { id: number; title: string }) =>
      render(
        c,
        <EntityFormPage
          ctx={pageContext(c)}
          title={c.get('t')(plan ? 'plan.edit' : 'plan.new')}
          crumbs={plan ? planCrumbs(c, plan) : [{ href: paths.admin(slugOf(c)), label: c.get('t')('admin.overview.title') }]}
          action={plan ? paths.adminPlanEdit(slugOf(c), plan.id) : paths.adminPlanNew(slugOf(c))}
          fields={planFields(c)}
          form={form}
          submitLabel={c.get('t')(plan ? 'form.save' : 'form.create')}
          cancelHref={plan ? paths.adminPlan(slugOf(c), plan.id) : paths.admin(slugOf(c))}
        />,
        status,
      );
    app.get(paths.adminPlanNew.pattern, (c) => {
      requirePermission(c, 'plan.edit');
      return showPlanForm(c, { values: {}, errors: {} }, 200);
    });
    app.post(paths.adminPlanNew.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const v = validate(planSchema, await readForm(c));
      if (!v.ok) return showPlanForm(c, v.form, 400);
      const id = await services.plans.createPlan(mid(c), v.data, by);
      return redirectWithFlash(c, paths.adminPlan(slugOf(c), id), c.get('t')('plan.created'));
    });
    app.get(paths.adminPlan.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const tree = await services.plans.tree(mid(c), paths.adminPlan.params(c).id);
      const user = c.get('user')!;
      const ctx = pageContext(c);
      const planLinks = { links: slots.links('plan.workspace', ctx, { planId: tree.plan.id }), downloads: slots.links('plan.downloads', ctx, { planId: tree.plan.id, admin: true }) };
      const actors = new Map<number, string>();
      for (const f of tree.fields) for (const m of [...f.goals.flatMap((g) => g.measures), ...f.furtherMeasures]) for (const a of m.actors) actors.set(a.id, a.name);
      const view = {
        filter: parseWorkspaceFilter(c.req.query()),
        allFields: tree.fields.map((f) => ({ id: f.id, title: f.title })),
        actors: [...actors].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'de')),
      };
      const review = await slots.sections('plan.review', c, { planId: tree.plan.id });
      return render(c, <PlanWorkspacePage ctx={ctx} tree={tree} view={view} can={{ publish: can(c.get('role'), user.isInstanceAdmin, 'plan.publish'), delete: can(c.get('role'), user.isInstanceAdmin, 'plan.delete') }} review={review} {...planLinks} />);
    });
    app.get(paths.adminPlanPreview.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const tree = await services.plans.tree(mid(c), paths.adminPlanPreview.params(c).id);
      return render(c, <PlanPage ctx={pageContext(c)} tree={tree} preview={true} />);
    });
    app.get(paths.adminPlanEdit.pattern, async (c) => {
      requirePermission(c, 'plan.edit');
      const plan = await services.plans.getPlan(mid(c), paths.adminPlanEdit.params(c).id);
      const values = { title: plan.title, edition: plan.edition, period_start: String(plan.period_start ?? ''), period_end: String(plan.period_end ?? ''), intro: plan.intro };
      return showPlanForm(c, { values, errors: {} }, 200, plan);
    });
    app.post(paths.adminPlanEdit.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const plan = await services.plans.getPlan(mid(c), paths.adminPlanEdit.params(c).id);
      const v = validate(planSchema, await readForm(c));
      if (!v.ok) return showPlanForm(c, v.form, 400, plan);
      await services.plans.updatePlan(mid(c), plan.id, v.data, by);
      return redirectWithFlash(c, paths.adminPlan(slugOf(c), plan.id), c.get('t')('plan.saved'));
    });
    app.post(paths.adminPlanState.pattern, async (c) => {
      const by = requirePermission(c, 'plan.publish');
      const plan = await services.plans.getPlan(mid(c), paths.adminPlanState.params(c).id);
      const form = await readForm(c);
      const v = validate(planStateSchema, form);
      if (!v.ok) return c.text(c.get('t')('errors.choiceInvalid'), 400);
      if (v.data.state === 'published' && form.confirm !== '1') {
        const replaced = await services.plans.publishedPlansBesides(mid(c), plan.id);
        if (replaced.length > 0) return render(c, <ConfirmPublishPage ctx={pageContext(c)} plan={plan} replaced={replaced} />);
      }
      await services.plans.setPlanState(mid(c), plan.id, v.data.state, by);
      return redirectWithFlash(c, paths.adminPlan(slugOf(c), plan.id), c.get('t')(`planStateDone.${v.data.state}`));
    });
    app.get(paths.adminPlanRenumber.pattern, async (c) => {
      requirePermission(c, 'plan.edit');
      const plan = await services.plans.getPlan(mid(c), paths.adminPlanRenumber.params(c).id);
      const blockers = await slots.sections('plan.renumber', c, { planId: plan.id });
      return render(c, <RenumberPage ctx={pageContext(c)} plan={plan} blockers={blockers} />);
    });
    app.post(paths.adminPlanRenumber.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const plan = await services.plans.getPlan(mid(c), paths.adminPlanRenumber.params(c).id);
      // Other modules may forbid it for now (an open update round knows its measures by their numbers).
      const blockers = await slots.sections('plan.renumber', c, { planId: plan.id });
      if (blockers.length > 0) return render(c, <RenumberPage ctx={pageContext(c)} plan={plan} blockers={blockers} />, 409);
      // Numbers that are not plain integers (7.1, A.3) are the plan's own: the service refuses to count them over.
      const refused = await services.plans.renumber(mid(c), plan.id, by);
      if (refused !== null) return redirectWithFlash(c, paths.adminPlan(slugOf(c), plan.id), c.get('t')('plan.renumberRefused', { example: refused }));
      return redirectWithFlash(c, paths.adminPlan(slugOf(c), plan.id), c.get('t')('plan.renumbered'));
    });
    app.get(paths.adminPlanDelete.pattern, async (c) => {
      requirePermission(c, 'plan.delete');
      const plan = await services.plans.getPlan(mid(c), paths.adminPlanDelete.params(c).id);
      const t = c.get('t');
      // A draft's actors that no other plan names are offered for deletion with it (imported and never used).
      const only = plan.state === 'draft' ? await services.actors.onlyInPlan(mid(c), plan.id) : [];
      const choices = only.length ? (
        <fieldset class="kern-fieldset">
          <legend class="kern-label">{t('plan.deleteActors.legend')}</legend>
          <div class="kern-fieldset__body">
            <Checkbox t={t} form={{ values: {}, errors: {} }} name="with_actors" label={t('plan.deleteActors.label', { count: only.length, names: only.map((a) => a.name).join(', ') })} />
          </div>
        </fieldset>
      ) : undefined;
      return render(c, <ConfirmDeletePage ctx={pageContext(c)} title={t('plan.delete')} crumbs={planCrumbs(c, plan)} what={plan.title} action={paths.adminPlanDelete(slugOf(c), plan.id)} cancelHref={paths.adminPlan(slugOf(c), plan.id)} consequence={t('plan.deleteConsequence')} choices={choices} />);
    });
    app.post(paths.adminPlanDelete.pattern, async (c) => {
      const by = requirePermission(c, 'plan.delete');
      const plan = await services.plans.getPlan(mid(c), paths.adminPlanDelete.params(c).id);
      const form = await readForm(c);
      await services.plans.deletePlan(mid(c), plan.id, by, { withActors: plan.state === 'draft' && form.with_actors === '1' });
      return redirectWithFlash(c, paths.admin(slugOf(c)), c.get('t')('plan.deleted'));
    });

    // ---- fields, visions, guiding goals, goals ----
    type PlanRow = Awaited<ReturnType<Services['plans']['getPlan']>>;
    type FieldRow = Awaited<ReturnType<Services['plans']['getField']>>;
    const planOfField = async (c: Ctx, f: { plan_id: number }) => services.plans.getPlan(mid(c), f.plan_id);

    crudRoutes<typeof fieldSchema, FieldRow & { plan: PlanRow }, PlanRow>(app, {
      entity: 'field',
      permission: 'plan.edit',
      schema: fieldSchema,
      fields: (c) => [
        { name: 'title', label: c.get('t')('field.titleLabel'), kind: 'text', maxLength: LIMITS.title },
        { name: 'description', label: c.get('t')('field.description'), kind: 'textarea', optional: true, maxLength: LIMITS.description },
      ],
      newPattern: paths.adminFieldNew.pattern,
      newPath: (c, id) => paths.adminFieldNew(slugOf(c), id),
      loadParent: (c, m, id) => services.plans.getPlan(m, id),
      parentCrumbs: (c, p) => planCrumbs(c, p),
      parentBack: (c, p) => paths.adminPlan(slugOf(c), p.id),
      create: (c, m, p, data, by) => services.plans.createField(m, p.id, data, by),
      itemPattern: paths.adminField.pattern,
      itemPath: (c, id) => paths.adminField(slugOf(c), id),
      load: async (c, m, id) => {
        const f = await services.plans.getField(m, id);
        return { ...f, plan: await planOfField(c, f) };
      },
      values: (f) => ({ title: f.title, description: f.description }),
      crumbs: (c, f) => planCrumbs(c, f.plan),
      back: (c, f) => `${paths.adminPlan(slugOf(c), f.plan_id)}#field-${f.id}`,
      label: (_c, f) => f.title,
      update: (c, m, id, data, by) => services.plans.updateField(m, id, data, by),
      movePattern: paths.adminFieldMove.pattern,
      movePath: (c, id) => paths.adminFieldMove(slugOf(c), id),
      move: (c, m, id, d, by) => services.plans.moveField(m, id, d, by),
      deletePattern: paths.adminFieldDelete.pattern,
      deletePath: (c, id) => paths.adminFieldDelete(slugOf(c), id),
      delete: (c, m, id, by) => services.plans.deleteField(m, id, by),
      deleteConsequence: (c) => c.get('t')('field.deleteConsequence'),
    });

    const fieldParent = async (c: Ctx, m: number, id: number) => {
      const f = await services.plans.getField(m, id);
      return { ...f, plan: await planOfField(c, f) };
    };
    type FieldParent = Awaited<ReturnType<typeof fieldParent>>;

    type VisionRow = Awaited<ReturnType<Services['plans']['getVision']>> & { plan: PlanRow };
    crudRoutes<typeof visionSchema, VisionRow, FieldParent>(app, {
      entity: 'vision',
      permission: 'plan.edit',
      schema: visionSchema,
      fields: (c) => [{ name: 'text', label: c.get('t')('vision.text'), kind: 'textarea', maxLength: LIMITS.vision }],
      newPattern: paths.adminVisionNew.pattern,
      newPath: (c, id) => paths.adminVisionNew(slugOf(c), id),
      loadParent: fieldParent,
      parentCrumbs: (c, f) => planCrumbs(c, f.plan),
      parentBack: (c, f) => `${paths.adminPlan(slugOf(c), f.plan_id)}#field-${f.id}`,
      create: (c, m, f, data, by) => services.plans.createVision(m, f.id, data, by),
      itemPattern: paths.adminVision.pattern,
      itemPath: (c, id) => paths.adminVision(slugOf(c), id),
      load: async (c, m, id) => {
        const v = await services.plans.getVision(m, id);
        return { ...v, plan: await services.plans.getPlan(m, v.plan_id) };
      },
      values: (v) => ({ text: v.text }),
      crumbs: (c, v) => planCrumbs(c, v.plan),
      back: (c, v) => `${paths.adminPlan(slugOf(c), v.plan_id)}#field-${v.field_id}`,
      label: (_c, v) => v.text,
      update: (c, m, id, data, by) => services.plans.updateVision(m, id, data, by),
      movePattern: paths.adminVisionMove.pattern,
      movePath: (c, id) => paths.adminVisionMove(slugOf(c), id),
      move: (c, m, id, d, by) => services.plans.moveVision(m, id, d, by),
      deletePattern: paths.adminVisionDelete.pattern,
      deletePath: (c, id) => paths.adminVisionDelete(slugOf(c), id),
      delete: (c, m, id, by) => services.plans.deleteVision(m, id, by),
    });

    type GuidingRow = Awaited<ReturnType<Services['plans']['getGuidingGoal']>> & { plan: PlanRow };
    crudRoutes<typeof guidingGoalSchema, GuidingRow, PlanRow>(app, {
      entity: 'guidingGoal',
      permission: 'plan.edit',
      schema: guidingGoalSchema,
      fields: (c) => [
        { name: 'text', label: c.get('t')('guidingGoal.text'), kind: 'textarea', maxLength: LIMITS.guidingGoal },
        { name: 'target_year', label: c.get('t')('guidingGoal.targetYear'), kind: 'year', optional: true },
      ],
      newPattern: paths.adminGuidingGoalNew.pattern,
      newPath: (c, id) => paths.adminGuidingGoalNew(slugOf(c), id),
      loadParent: (c, m, id) => services.plans.getPlan(m, id),
      parentCrumbs: (c, p) => planCrumbs(c, p),
      parentBack: (c, p) => paths.adminPlan(slugOf(c), p.id),
      create: (c, m, p, data, by) => services.plans.createGuidingGoal(m, p.id, data, by),
      itemPattern: paths.adminGuidingGoal.pattern,
      itemPath: (c, id) => paths.adminGuidingGoal(slugOf(c), id),
      load: async (c, m, id) => {
        const g = await services.plans.getGuidingGoal(m, id);
        return { ...g, plan: await services.plans.getPlan(m, g.plan_id) };
      },
      values: (g) => ({ text: g.text, target_year: String(g.target_year ?? '') }),
      crumbs: (c, g) => planCrumbs(c, g.plan),
      back: (c, g) => paths.adminPlan(slugOf(c), g.plan_id),
      label: (_c, g) => g.text,
      update: (c, m, id, data, by) => services.plans.updateGuidingGoal(m, id, data, by),
      movePattern: paths.adminGuidingGoalMove.pattern,
      movePath: (c, id) => paths.adminGuidingGoalMove(slugOf(c), id),
      move: (c, m, id, d, by) => services.plans.moveGuidingGoal(m, id, d, by),
      deletePattern: paths.adminGuidingGoalDelete.pattern,
      deletePath: (c, id) => paths.adminGuidingGoalDelete(slugOf(c), id),
      delete: (c, m, id, by) => services.plans.deleteGuidingGoal(m, id, by),
    });

    const goalFields = async (c: Ctx, planId: number): Promise<FormFieldSpec[]> => {
      const tree = await services.plans.tree(mid(c), planId);
      return [
        { name: 'number', label: c.get('t')('goal.number'), kind: 'text', optional: true, hint: c.get('t')('goal.numberHint'), maxLength: LIMITS.number },
        { name: 'text', label: c.get('t')('goal.text'), kind: 'textarea', maxLength: LIMITS.goal },
        { name: 'guiding_goal_id', label: c.get('t')('goal.guidingGoal'), kind: 'select', optional: true, empty: c.get('t')('goal.noGuidingGoal'),
          options: tree.guidingGoals.map((g) => ({ value: String(g.id), label: g.text.slice(0, 100) })) },
      ];
    };
    type GoalRow = Awaited<ReturnType<Services['plans']['getGoal']>> & { plan: PlanRow };
    crudRoutes<typeof goalSchema, GoalRow, FieldParent>(app, {
      entity: 'goal',
      permission: 'plan.edit',
      schema: goalSchema,
      fields: (c, { parent, row }) => goalFields(c, (parent?.plan_id ?? row?.plan_id)!),
      newPattern: paths.adminGoalNew.pattern,
      newPath: (c, id) => paths.adminGoalNew(slugOf(c), id),
      loadParent: fieldParent,
      parentCrumbs: (c, f) => planCrumbs(c, f.plan),
      parentBack: (c, f) => `${paths.adminPlan(slugOf(c), f.plan_id)}#field-${f.id}`,
      create: (c, m, f, data, by) => services.plans.createGoal(m, f.id, data, by),
      itemPattern: paths.adminGoal.pattern,
      itemPath: (c, id) => paths.adminGoal(slugOf(c), id),
      load: async (c, m, id) => {
        const g = await services.plans.getGoal(m, id);
        return { ...g, plan: await services.plans.getPlan(m, g.plan_id) };
      },
      values: (g) => ({ text: g.text, number: g.number ?? '', guiding_goal_id: String(g.guiding_goal_id ?? '') }),
      crumbs: (c, g) => planCrumbs(c, g.plan),
      back: (c, g) => `${paths.adminPlan(slugOf(c), g.plan_id)}#field-${g.field_id}`,
      label: (_c, g) => g.text,
      update: (c, m, id, data, by) => services.plans.updateGoal(m, id, data, by),
      movePattern: paths.adminGoalMove.pattern,
      movePath: (c, id) => paths.adminGoalMove(slugOf(c), id),
      move: (c, m, id, d, by) => services.plans.moveGoal(m, id, d, by),
      deletePattern: paths.adminGoalDelete.pattern,
      deletePath: (c, id) => paths.adminGoalDelete(slugOf(c), id),
      delete: (c, m, id, by) => services.plans.deleteGoal(m, id, by),
      deleteConsequence: (c) => c.get('t')('goal.deleteConsequence'),
    });

    // ---- measures ----
    type MeasureRow = Awaited<ReturnType<Services['plans']['getMeasure']>> & { plan: PlanRow; actors: Array<{ id: number; role: string }> };
    crudRoutes<typeof measureSchema, MeasureRow, FieldParent>(app, {
      entity: 'measure',
      permission: 'plan.edit',
      schema: measureSchema,
      fields: (c, { parent, row }) => measureFields(c, (parent?.plan_id ?? row?.plan_id)!),
      newPattern: paths.adminMeasureNew.pattern,
      newPath: (c, id) => paths.adminMeasureNew(slugOf(c), id),
      newValues: (_c, f) => ({ field_id: String(f.id) }),
      loadParent: fieldParent,
      parentCrumbs: (c, f) => planCrumbs(c, f.plan),
      parentBack: (c, f, id) => (id ? paths.adminMeasure(slugOf(c), id) : `${paths.adminPlan(slugOf(c), f.plan_id)}#field-${f.id}`),
      create: (c, m, f, data, by) => services.plans.createMeasure(m, f.id, data, by),
      itemPattern: paths.adminMeasureEdit.pattern,
      itemPath: (c, id) => paths.adminMeasureEdit(slugOf(c), id),
      load: async (c, m, id) => {
        const d = await services.plans.measureDetail(m, id);
        return { ...d.measure, plan: d.plan };
      },
      values: (r) => ({
        text: r.text, number: String(r.number ?? ''), is_further: r.is_further ? '1' : '', field_id: String(r.field_id), goal_id: String(r.goal_id ?? ''),
        status_label: r.status_label, timeframe_label: r.timeframe_label, timeframe_start: r.timeframe_start ?? '', timeframe_end: r.timeframe_end ?? '', target_groups: r.target_groups,
        lead_actor_id: String(r.actors.find((a) => a.role === 'lead')?.id ?? ''),
        partner_actor_ids: r.actors.filter((a) => a.role === 'partner').map((a) => a.id).join(','),
      }),
      crumbs: (c, r) => planCrumbs(c, r.plan),
      back: (c, r) => paths.adminMeasure(slugOf(c), r.id),
      label: (c, r) => (r.number !== null ? c.get('t')('measure.numbered', { number: r.number }) : r.text.slice(0, 60)),
      update: (c, m, id, data, by) => services.plans.updateMeasure(m, id, data, by),
      movePattern: paths.adminMeasureMove.pattern,
      movePath: (c, id) => paths.adminMeasureMove(slugOf(c), id),
      move: (c, m, id, d, by) => services.plans.moveMeasure(m, id, d, by),
      deletePattern: paths.adminMeasureDelete.pattern,
      deletePath: (c, id) => paths.adminMeasureDelete(slugOf(c), id),
      delete: (c, m, id, by) => services.plans.deleteMeasure(m, id, by),
      // The measure's page is gone: back to its field in the workspace, opened and narrowed to it.
      afterDelete: (c, r) => `${paths.adminPlan(slugOf(c), r.plan_id)}?feld=${r.field_id}#field-${r.field_id}`,
    });

    const showMeasure = async (c: Ctx, id: number, forms: { status?: FormState; note?: FormState }, status: 200 | 400) => {
      const d = await services.plans.measureDetail(mid(c), id);
      const user = c.get('user')!;
      return render(
        c,
        <AdminMeasurePage
          ctx={pageContext(c)}
          d={d}
          statusForm={forms.status ?? { values: { status_label: d.measure.status_label }, errors: {} }}
          noteForm={forms.note ?? { values: {}, errors: {} }}
          wordings={await services.wordings.list(mid(c))}
          canChangeStatus={can(c.get('role'), user.isInstanceAdmin, 'status.change')}
          extra={[<MeasureOrigin ctx={pageContext(c)} parts={await slots.sections('measure.origin', c, { measureId: id, area: 'admin' })} area="admin" />, ...(await slots.sections('measure.admin', c, { measureId: id }))]}
        />,
        status,
      );
    };
    app.get(paths.adminMeasure.pattern, (c) => {
      requirePermission(c, 'plan.read_drafts');
      return showMeasure(c, paths.adminMeasure.params(c).id, {}, 200);
    });
    app.post(paths.adminMeasureStatus.pattern, async (c) => {
      const by = requirePermission(c, 'status.change');
      const id = paths.adminMeasureStatus.params(c).id;
      await services.plans.getMeasure(mid(c), id);
      const v = validate(statusChangeSchema, await readForm(c));
      if (!v.ok) return showMeasure(c, id, { status: v.form }, 400);
      await services.plans.changeStatus(mid(c), id, v.data, by);
      return redirectWithFlash(c, paths.adminMeasure(slugOf(c), id), c.get('t')('measure.statusChanged'));
    });
    app.post(paths.adminMeasureNote.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const id = paths.adminMeasureNote.params(c).id;
      await services.plans.getMeasure(mid(c), id);
      const v = validate(progressNoteSchema, await readForm(c));
      if (!v.ok) return showMeasure(c, id, { note: v.form }, 400);
      await services.plans.addNote(mid(c), id, v.data, by);
      return redirectWithFlash(c, paths.adminMeasure(slugOf(c), id), c.get('t')('measure.noteAdded'));
    });
  }

  const app = new Hono<AppEnv>();
  registerPlanAdminRoutes(app);
  return app;
}
