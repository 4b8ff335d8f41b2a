// The funding of a measure: new, edit, delete; each leads back to the measure's admin page.
import type { Hono } from 'hono';
import type { AppEnv } from '../../app.env.js';
import { crudRoutes } from '../../crud.routes.js';
import type { Ctx } from '../../http.kit.js';
import { paths, pattern } from '../../paths.js';
import { fundingSchema } from './monitoring.schema.js';
import { formatEuroInput } from './number.js';

const svc = (c: Ctx) => c.get('deps').services;
const slugOf = (c: Ctx) => c.get('municipality').slug;

type MeasureRow = Awaited<ReturnType<ReturnType<typeof svc>['plans']['getMeasure']>>;
type FundingRow = Awaited<ReturnType<ReturnType<typeof svc>['monitoring']['getFunding']>>;

export function registerFundingRoutes(app: Hono<AppEnv>) {
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
    newPattern: pattern(paths.adminFundingNew, 'slug', 'parentId'),
    newPath: (c, id) => paths.adminFundingNew(slugOf(c), id),
    loadParent: (c, m, id) => svc(c).plans.getMeasure(m, id),
    parentCrumbs: (c, m) => crumbs(c, m.id),
    parentBack: (c, m) => `${paths.adminMeasure(slugOf(c), m.id)}#funding-title`,
    create: (c, m, measure, data, by) => svc(c).monitoring.createFunding(m, measure.id, data, by),
    itemPattern: pattern(paths.adminFunding, 'slug', 'id'),
    itemPath: (c, id) => paths.adminFunding(slugOf(c), id),
    load: (c, m, id) => svc(c).monitoring.getFunding(m, id),
    values: (f) => ({ programme: f.programme, amount: f.amount_cents === null ? '' : formatEuroInput(f.amount_cents), start_date: f.start_date ?? '', end_date: f.end_date ?? '' }),
    crumbs: (c, f) => crumbs(c, f.measure_id),
    back: (c, f) => `${paths.adminMeasure(slugOf(c), f.measure_id)}#funding-title`,
    label: (_c, f) => f.programme,
    update: (c, m, id, data, by) => svc(c).monitoring.updateFunding(m, id, data, by),
    deletePattern: pattern(paths.adminFundingDelete, 'slug', 'id'),
    deletePath: (c, id) => paths.adminFundingDelete(slugOf(c), id),
    delete: (c, m, id, by) => svc(c).monitoring.deleteFunding(m, id, by),
  });
}
