// Indicators: the plan's list, one indicator's page, new/edit/delete, one value by hand, a series from CSV.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { crudRoutes } from '../../platform/http/crud.routes.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { paths } from './monitoring.paths.js';
import { can } from '../../platform/auth/permissions.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { readForm, validate } from '../../platform/http/form.js';
import { ConfirmDeletePage, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import type { FormState } from '../../platform/views/page.js';
import type { Plan } from '../plan/index.js';
import { indicatorChart } from './dashboard.charts.js';
import { parseSeriesCsv } from './indicator.csv.js';
import { IndicatorPage, IndicatorsPage, type IndicatorVm } from './indicator.view.js';
import { indicatorSchema, indicatorValueSchema } from './monitoring.schema.js';
import type { IndicatorDetail } from './monitoring.service.js';
import { formatNumberInput } from './number.js';
import { chosenPlan } from './route.helpers.js';
import type { RouteContext } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function indicatorRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;

  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;

  /** A CSV of a time series is small; anything larger is refused before it is parsed. */
  const MAX_CSV_BYTES = 1024 * 1024;


  async function fields(c: Ctx, planId: number): Promise<FormFieldSpec[]> {
    const t = c.get('t');
    const tree = await services.plans.tree(mid(c), planId);
    return [
      { name: 'name', label: t('monitoring.indicator.name'), kind: 'text' },
      { name: 'anchor', label: t('monitoring.indicator.anchor'), kind: 'select', empty: t('monitoring.indicator.chooseAnchor'),
        options: [
          ...tree.guidingGoals.map((g) => ({ value: `guiding:${g.id}`, label: `${t('monitoring.guidingGoal')}: ${g.text.slice(0, 110)}` })),
          ...tree.fields.flatMap((f) => f.goals.map((g) => ({ value: `goal:${g.id}`, label: `${t('goal.singular')} (${f.title}): ${g.text.slice(0, 110)}` }))),
        ] },
      { name: 'unit', label: t('monitoring.indicator.unit'), kind: 'text', optional: true, hint: t('monitoring.indicator.unitHint') },
      { name: 'source', label: t('monitoring.indicator.source'), kind: 'text', optional: true, hint: t('monitoring.indicator.sourceHint') },
      { name: 'baseline_value', label: t('monitoring.indicator.baselineValue'), kind: 'text', optional: true, hint: t('monitoring.indicator.valueHint') },
      { name: 'baseline_year', label: t('monitoring.indicator.baselineYear'), kind: 'year', optional: true },
      { name: 'target_value', label: t('monitoring.indicator.targetValue'), kind: 'text', optional: true, hint: t('monitoring.indicator.valueHint') },
      { name: 'target_year', label: t('monitoring.indicator.targetYear'), kind: 'year', optional: true },
    ];
  }

  function registerIndicatorRoutes(app: Hono<AppEnv>) {
    const canEdit = (c: Ctx) => {
      const user = c.get('user');
      return !!user && can(c.get('role'), user.isInstanceAdmin, 'plan.edit');
    };

    app.get(paths.adminIndicators.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const plan = await chosenPlan(c, services);
      if (!plan) throw new NotFoundError('plan');
      const indicators = await services.monitoring.indicators(mid(c), plan.id);
      return render(c, <IndicatorsPage ctx={pageContext(c)} vm={{ plan, indicators, canEdit: canEdit(c) }} />);
    });

    const showIndicator = async (c: Ctx, id: number, parts: { valueForm?: FormState; upload?: IndicatorVm['upload'] }, status: 200 | 400 | 413) => {
      const indicator = await services.monitoring.getIndicator(mid(c), id);
      const vm: IndicatorVm = {
        indicator,
        chart: indicatorChart(indicator, c.get('t'), c.get('lang')),
        valueForm: parts.valueForm ?? { values: {}, errors: {} },
        upload: parts.upload ?? null,
        canEdit: canEdit(c),
      };
      return render(c, <IndicatorPage ctx={pageContext(c)} vm={vm} />, status);
    };

    app.get(paths.adminIndicator.pattern, (c) => {
      requirePermission(c, 'plan.read_drafts');
      return showIndicator(c, paths.adminIndicator.params(c).id, {}, 200);
    });

    app.post(paths.adminIndicatorValue.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const id = paths.adminIndicatorValue.params(c).id;
      await services.monitoring.getIndicator(mid(c), id);
      const v = validate(indicatorValueSchema, await readForm(c));
      if (!v.ok) return showIndicator(c, id, { valueForm: v.form }, 400);
      await services.monitoring.putValue(mid(c), id, v.data, by);
      return redirectWithFlash(c, paths.adminIndicator(slugOf(c), id), c.get('t')('monitoring.indicator.valueSaved'));
    });

    app.post(paths.adminIndicatorValueDelete.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const id = paths.adminIndicatorValueDelete.params(c).id;
      await services.monitoring.deleteValue(mid(c), id, paths.adminIndicatorValueDelete.params(c).valueId, by);
      return redirectWithFlash(c, paths.adminIndicator(slugOf(c), id), c.get('t')('monitoring.indicator.valueDeleted'));
    });

    app.post(paths.adminIndicatorUpload.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const id = paths.adminIndicatorUpload.params(c).id;
      await services.monitoring.getIndicator(mid(c), id);
      const t = c.get('t');
      const body = await c.req.parseBody();
      const file = body.file instanceof File && body.file.size > 0 ? body.file : null;
      const fileName = file ? file.name.slice(0, 200) : '';
      const refuse = (problems: Array<{ line: number; text: string }>, status: 400 | 413 = 400) => showIndicator(c, id, { upload: { fileName, problems } }, status);
      if (!file) return refuse([{ line: 0, text: t('monitoring.indicator.noFile') }]);
      if (file.size > MAX_CSV_BYTES) return refuse([{ line: 0, text: t('monitoring.indicator.fileTooLarge') }], 413);
      const parsed = parseSeriesCsv(new TextDecoder('utf-8').decode(await file.arrayBuffer()));
      if (!parsed.ok) return refuse(parsed.problems.map((p) => ({ line: p.line, text: t(p.message, p.params) })));
      await services.monitoring.importValues(mid(c), id, parsed.points, by, fileName);
      return redirectWithFlash(c, paths.adminIndicator(slugOf(c), id), t('monitoring.indicator.uploaded', { count: parsed.points.length }));
    });

    // Deleting leads back to the list (the indicator's own page is gone), so not through crudRoutes.
    const loadForDelete = async (c: Ctx) => {
      requirePermission(c, 'plan.edit');
      return services.monitoring.getIndicator(mid(c), paths.adminIndicatorDelete.params(c).id);
    };
    app.get(paths.adminIndicatorDelete.pattern, async (c) => {
      const ind = await loadForDelete(c);
      const t = c.get('t');
      return render(
        c,
        <ConfirmDeletePage
          ctx={pageContext(c)}
          title={t('monitoring.indicator.delete')}
          crumbs={[{ href: paths.adminIndicatorsOf(slugOf(c), ind.plan_id), label: t('monitoring.indicators.title') }]}
          what={ind.name}
          action={paths.adminIndicatorDelete(slugOf(c), ind.id)}
          cancelHref={paths.adminIndicator(slugOf(c), ind.id)}
          consequence={t('monitoring.indicator.deleteConsequence')}
        />,
      );
    });
    app.post(paths.adminIndicatorDelete.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const ind = await loadForDelete(c);
      await services.monitoring.deleteIndicator(mid(c), ind.id, by);
      return redirectWithFlash(c, paths.adminIndicatorsOf(slugOf(c), ind.plan_id), c.get('t')('monitoring.indicator.deleted'));
    });

    const crumbs = (c: Ctx, planId: number) => [
      { href: paths.admin(slugOf(c)), label: c.get('t')('admin.overview.title') },
      { href: paths.adminIndicatorsOf(slugOf(c), planId), label: c.get('t')('monitoring.indicators.title') },
    ];

    crudRoutes<typeof indicatorSchema, IndicatorDetail, Plan>(app, {
      entity: 'monitoring.indicator',
      permission: 'plan.edit',
      schema: indicatorSchema,
      fields: (c, { parent, row }) => fields(c, parent?.id ?? row!.plan_id),
      newPattern: paths.adminIndicatorNew.pattern,
      newPath: (c, id) => paths.adminIndicatorNew(slugOf(c), id),
      loadParent: (c, m, id) => services.plans.getPlan(m, id),
      parentCrumbs: (c, p) => crumbs(c, p.id),
      // after creating: the new indicator; the new form's cancel (no id yet): the plan's indicators
      parentBack: (c, p, newId) => (newId ? paths.adminIndicator(slugOf(c), newId) : paths.adminIndicatorsOf(slugOf(c), p.id)),
      create: (c, m, p, data, by) => services.monitoring.createIndicator(m, p.id, data, by),
      itemPattern: paths.adminIndicatorEdit.pattern,
      itemPath: (c, id) => paths.adminIndicatorEdit(slugOf(c), id),
      load: (c, m, id) => services.monitoring.getIndicator(m, id),
      values: (i) => ({
        name: i.name, anchor: i.goal_id !== null ? `goal:${i.goal_id}` : `guiding:${i.guiding_goal_id}`, unit: i.unit, source: i.source,
        baseline_value: formatNumberInput(i.baseline_value), baseline_year: String(i.baseline_year ?? ''),
        target_value: formatNumberInput(i.target_value), target_year: String(i.target_year ?? ''),
      }),
      crumbs: (c, i) => crumbs(c, i.plan_id),
      back: (c, i) => paths.adminIndicator(slugOf(c), i.id),
      label: (_c, i) => i.name,
      update: (c, m, id, data, by) => services.monitoring.updateIndicator(m, id, data, by),
    });
  }

  const app = new Hono<AppEnv>();
  registerIndicatorRoutes(app);
  return app;
}
