// Routes of the editions module. All of them live in the admin area: editions, comparisons and the
// report are working papers of the office until the council has them; drafts may be among them.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, redirectWithFlash, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { paths } from './editions.paths.js';
import { can } from '../../platform/auth/permissions.js';
import { readForm, validate } from '../../platform/http/form.js';
import { translator } from '../../platform/i18n/i18n.js';
import { ConfirmDeletePage, EntityFormPage, type FormFieldSpec } from '../../platform/views/entity-form.view.js';
import type { FormState, FormValues } from '../../platform/views/page.js';
import { formatShortDate } from '../../platform/views/format.js';
import { compareSchema, continueSchema, editionSchema } from './editions.schema.js';
import { EditionService } from './editions.service.js';
import { ComparePage, EditionPage, EditionsOverviewPage, PlanEditionsPage, type CompareOption } from './editions.view.js';
import { reportRoutes } from './report.routes.js';
import type { RouteContext } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function editionsRoutes(context: RouteContext): Hono<AppEnv> {
  const { services, slots } = context;

  const mid = (c: Ctx) => c.get('municipality').id;
  const slugOf = (c: Ctx) => c.get('municipality').slug;
  const allowed = (c: Ctx, permission: Parameters<typeof can>[2]) => can(c.get('role'), c.get('user')?.isInstanceAdmin ?? false, permission);


  async function showPlanEditions(c: Ctx, planId: number, form: FormState, status: 200 | 400) {
    const [plan, editions] = await Promise.all([services.plans.getPlan(mid(c), planId), services.editions.list(mid(c), planId)]);
    const model = { plan, editions, form, can: { create: allowed(c, 'plan.publish'), continue: allowed(c, 'plan.edit'), delete: allowed(c, 'plan.delete') } };
    return render(c, <PlanEditionsPage ctx={pageContext(c)} model={model} />, status);
  }

  async function compareOptions(c: Ctx): Promise<CompareOption[]> {
    const t = c.get('t');
    const lang = c.get('lang');
    const [plans, editions] = await Promise.all([services.plans.listPlans(mid(c)), services.editions.list(mid(c))]);
    return [
      ...plans.map((p) => ({ value: `p${p.id}`, label: t('editions.side.today', { plan: p.title }) })),
      ...editions.map((e) => ({ value: `e${e.id}`, label: t('editions.side.edition', { label: e.label, plan: e.plan_title, date: formatShortDate(e.created_at, lang) }) })),
    ];
  }

  function continueFields(c: Ctx): FormFieldSpec[] {
    const t = c.get('t');
    return [
      { name: 'title', label: t('editions.continue.planTitle'), kind: 'text' },
      { name: 'edition', label: t('editions.continue.edition'), kind: 'text', optional: true, hint: t('editions.continue.editionHint') },
      { name: 'omit_completed', label: t('editions.continue.omitCompleted'), kind: 'checkbox' },
      { name: 'omit_discontinued', label: t('editions.continue.omitDiscontinued'), kind: 'checkbox' },
    ];
  }

  function registerEditionsRoutes(app: Hono<AppEnv>): void {
    app.get(paths.adminEditions.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const [plans, editions] = await Promise.all([services.plans.listPlans(mid(c)), services.editions.list(mid(c))]);
      const model = plans.map((plan) => ({ plan, editions: editions.filter((e) => e.plan_id === plan.id) }));
      return render(c, <EditionsOverviewPage ctx={pageContext(c)} plans={model} />);
    });

    // The comparison is a GET form, so that a result can be bookmarked and sent on.
    app.get(paths.adminEditionsCompare.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const options = await compareOptions(c);
      const values: FormValues = { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' };
      if (!values.from && !values.to) return render(c, <ComparePage ctx={pageContext(c)} options={options} form={{ values, errors: {} }} result={null} />);
      const v = validate(compareSchema, values);
      if (!v.ok) return render(c, <ComparePage ctx={pageContext(c)} options={options} form={v.form} result={null} />, 400);
      const result = await services.editions.compare(mid(c), v.data.from, v.data.to);
      return render(c, <ComparePage ctx={pageContext(c)} options={options} form={{ values, errors: {} }} result={result} />);
    });

    app.get(paths.adminPlanEditions.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      return showPlanEditions(c, paths.adminPlanEditions.params(c).id, { values: {}, errors: {} }, 200);
    });
    app.post(paths.adminPlanEditions.pattern, async (c) => {
      const by = requirePermission(c, 'plan.publish');
      const plan = await services.plans.getPlan(mid(c), paths.adminPlanEditions.params(c).id);
      const v = validate(editionSchema, await readForm(c));
      if (!v.ok) return showPlanEditions(c, plan.id, v.form, 400);
      const id = await services.editions.create(mid(c), plan.id, v.data, by);
      return redirectWithFlash(c, paths.adminEdition(slugOf(c), id), c.get('t')('editions.create.done', { label: v.data.label }));
    });

    const showContinue = (c: Ctx, plan: { id: number; title: string }, form: FormState, status: 200 | 400) =>
      render(
        c,
        <EntityFormPage
          ctx={pageContext(c)}
          title={c.get('t')('editions.continue.title')}
          intro={c.get('t')('editions.continue.formIntro', { plan: plan.title })}
          crumbs={[{ href: paths.adminEditions(slugOf(c)), label: c.get('t')('editions.title') }, { href: paths.adminPlanEditions(slugOf(c), plan.id), label: plan.title }]}
          action={paths.adminPlanContinue(slugOf(c), plan.id)}
          fields={continueFields(c)}
          form={form}
          submitLabel={c.get('t')('editions.continue.submit')}
          cancelHref={paths.adminPlanEditions(slugOf(c), plan.id)}
        />,
        status,
      );
    app.get(paths.adminPlanContinue.pattern, async (c) => {
      requirePermission(c, 'plan.edit');
      const plan = await services.plans.getPlan(mid(c), paths.adminPlanContinue.params(c).id);
      const last = (await services.editions.list(mid(c), plan.id))[0];
      return showContinue(c, plan, { values: { title: plan.title, edition: EditionService.nextLabel(last?.label ?? plan.edition) }, errors: {} }, 200);
    });
    app.post(paths.adminPlanContinue.pattern, async (c) => {
      const by = requirePermission(c, 'plan.edit');
      const plan = await services.plans.getPlan(mid(c), paths.adminPlanContinue.params(c).id);
      const v = validate(continueSchema, await readForm(c));
      if (!v.ok) return showContinue(c, plan, v.form, 400);
      // The note is part of the plan's content, which is German whatever language the officer reads.
      const de = translator('de');
      const newPlanId = await services.editions.startNext(mid(c), plan.id, v.data, by, (source, m) =>
        de('editions.continue.originNote', { plan: source.title, measure: m.number !== null ? de('editions.measureNumbered', { number: m.number }) : de('editions.measureUnnumbered') }),
      );
      return redirectWithFlash(c, paths.adminPlan(slugOf(c), newPlanId), c.get('t')('editions.continue.done'));
    });

    app.get(paths.adminEdition.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const edition = await services.editions.get(mid(c), paths.adminEdition.params(c).id);
      const extra = await slots.sections('edition.admin', c, { editionId: edition.id });
      return render(c, <EditionPage ctx={pageContext(c)} edition={edition} canDelete={allowed(c, 'plan.delete')} extra={extra} />);
    });

    // Editions are never edited; an admin may delete one after confirming.
    app.get(paths.adminEditionDelete.pattern, async (c) => {
      requirePermission(c, 'plan.delete');
      const edition = await services.editions.get(mid(c), paths.adminEditionDelete.params(c).id);
      const t = c.get('t');
      const label = t('editions.edition.title', { label: edition.label });
      return render(
        c,
        <ConfirmDeletePage
          ctx={pageContext(c)}
          title={t('editions.edition.delete')}
          crumbs={[{ href: paths.adminEditions(slugOf(c)), label: t('editions.title') }, { href: paths.adminEdition(slugOf(c), edition.id), label }]}
          what={`${label} (${edition.plan_title})`}
          action={paths.adminEditionDelete(slugOf(c), edition.id)}
          cancelHref={paths.adminEdition(slugOf(c), edition.id)}
          consequence={t('editions.edition.deleteConsequence')}
        />,
      );
    });
    app.post(paths.adminEditionDelete.pattern, async (c) => {
      const by = requirePermission(c, 'plan.delete');
      const edition = await services.editions.get(mid(c), paths.adminEditionDelete.params(c).id);
      await services.editions.delete(mid(c), edition.id, by);
      return redirectWithFlash(c, paths.adminPlanEditions(slugOf(c), edition.plan_id), c.get('t')('editions.edition.deleted', { label: edition.label }));
    });

    app.route('/', reportRoutes(context));
  }

  const app = new Hono<AppEnv>();
  registerEditionsRoutes(app);
  return app;
}
