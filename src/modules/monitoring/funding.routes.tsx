// The funding of a measure: new, edit, delete; each leads back to the measure's admin page.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { crudRoutes } from '../../platform/http/crud.routes.js';
import type { Ctx } from '../../platform/http/kit.js';
import { paths } from './monitoring.paths.js';
import { fundingSchema } from './monitoring.schema.js';
import { formatEuroInput } from './number.js';
import type { RouteContext, Services } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function fundingRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;

  const slugOf = (c: Ctx) => c.get('municipality').slug;

  type MeasureRow = Awaited<ReturnType<Services['plans']['getMeasure']>>;
  type FundingRow = Awaited<ReturnType<Services['monitoring']['getFunding']>>;

  function registerFundingRoutes(app: Hono<AppEnv>) {
    const crumbs = (c: Ctx, measureId: number) => [
      { href: paths.admin(slugOf(c)), label: c.get('t')('admin.overview.title') },
      { href: paths.adminMeasure(slugOf(c), measureId), label: c.get('t')('measure.singular') },
    ];
    crudRoutes<typeof fundingSchema, FundingRow, MeasureRow>(app, {
      entity: 'monitoring.funding',
      permission: 'plan.edit',
      schema: fundingSchema,
      fields: (c) => {
        const t = c.get('t');
        return [
          { name: 'programme', label: t('monitoring.funding.programme'), kind: 'text', hint: t('monitoring.funding.programmeHint') },
          { name: 'amount', label: t('monitoring.funding.amountLabel'), kind: 'text', optional: true, hint: t('monitoring.funding.amountHint') },
          { name: 'start_date', label: t('monitoring.funding.start'), kind: 'date', optional: true },
          { name: 'end_date', label: t('monitoring.funding.end'), kind: 'date', optional: true, hint: t('monitoring.funding.endHint') },
        ];
      },
      newPattern: paths.adminFundingNew.pattern,
      newPath: (c, id) => paths.adminFundingNew(slugOf(c), id),
      loadParent: (c, m, id) => services.plans.getMeasure(m, id),
      parentCrumbs: (c, m) => crumbs(c, m.id),
      parentBack: (c, m) => `${paths.adminMeasure(slugOf(c), m.id)}#funding-title`,
      create: (c, m, measure, data, by) => services.monitoring.createFunding(m, measure.id, data, by),
      itemPattern: paths.adminFunding.pattern,
      itemPath: (c, id) => paths.adminFunding(slugOf(c), id),
      load: (c, m, id) => services.monitoring.getFunding(m, id),
      values: (f) => ({ programme: f.programme, amount: f.amount_cents === null ? '' : formatEuroInput(f.amount_cents), start_date: f.start_date ?? '', end_date: f.end_date ?? '' }),
      crumbs: (c, f) => crumbs(c, f.measure_id),
      back: (c, f) => `${paths.adminMeasure(slugOf(c), f.measure_id)}#funding-title`,
      label: (_c, f) => f.programme,
      update: (c, m, id, data, by) => services.monitoring.updateFunding(m, id, data, by),
      deletePattern: paths.adminFundingDelete.pattern,
      deletePath: (c, id) => paths.adminFundingDelete(slugOf(c), id),
      delete: (c, m, id, by) => services.monitoring.deleteFunding(m, id, by),
    });
  }

  const app = new Hono<AppEnv>();
  registerFundingRoutes(app);
  return app;
}
