// Routes of the monitoring module: the dashboard (admin and public), yearly priorities, indicators with
// their values and CSV upload, and the funding of measures. Each state change: CSRF (app), permission,
// validation (400 with the form again, nothing written), service, redirect.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { paths } from './monitoring.paths.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { dashboardCharts, indicatorChart } from './dashboard.charts.js';
import { DASHBOARD_OVERDUE_SHOWN, longestOverdueFirst, type DashboardData } from './dashboard.js';
import { dashboardRefs, localizeDashboard } from './monitoring.content.js';
import { DashboardPage, NoPlanDashboardPage, OverduePage, type OverdueVm } from './dashboard.view.js';
import { pageParam } from '../../platform/views/components.js';
import { fundingRoutes } from './funding.routes.js';
import { indicatorRoutes } from './indicator.routes.js';
import { priorityRoutes } from './priority.routes.js';
import { chosenPlan, queryId } from './route.helpers.js';
import type { RouteContext } from '../../platform/module.js';

/** Overdue measures on a page of their list. */
const OVERDUE_PAGE = 50;

/** The routes of this file as a sub-app; the services arrive once, here. */
export function monitoringRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;

  const mid = (c: Ctx) => c.get('municipality').id;

  /** The dashboard's figures with only the overdue measures `from` … `from + count` (the longest overdue first). */
  function someOverdue(data: DashboardData, from: number, count: number): { data: DashboardData; total: number } {
    return { data: { ...data, overdue: longestOverdueFirst(data.overdue).slice(from, from + count) }, total: data.overdue.length };
  }

  function pageVm(c: Ctx, area: 'admin' | 'public', { data, total }: { data: DashboardData; total: number }, plans: Array<{ id: number; title: string; state: string }>, fields: Array<{ id: number; title: string }>) {
    const t = c.get('t');
    const lang = c.get('lang');
    return { area, data, charts: dashboardCharts(data, t, lang), indicatorCharts: data.indicators.map((i) => indicatorChart(i, t, lang)), plans, fields, overdueTotal: total };
  }

  /** A page of the list of every overdue measure. */
  function overdueVm(c: Ctx, area: 'admin' | 'public', all: DashboardData): OverdueVm {
    const pages = Math.max(1, Math.ceil(all.overdue.length / OVERDUE_PAGE));
    const page = pageParam(c.req.query('seite'), pages);
    return { area, ...someOverdue(all, (page - 1) * OVERDUE_PAGE, OVERDUE_PAGE), page, pages };
  }

  /** The public dashboard's figures in the reader's language (the measures it names included). */
  async function localized(c: Ctx, data: DashboardData, fields: Array<{ id: number; title: string }>) {
    const ct = await services.content.load(mid(c), c.get('lang'), dashboardRefs(data, fields));
    c.set('content', ct);
    return { data: localizeDashboard(data, ct), fields: fields.map((f) => ({ ...f, title: ct.text('field', f.id, 'title', f.title) })) };
  }

  /** The admin's plan (`?plan=`) with its figures; a field of another plan means the whole plan. */
  async function adminData(c: Ctx) {
    const plan = await chosenPlan(c, services);
    if (!plan) return null;
    const [{ data, tree }, plans] = await Promise.all([
      services.monitoring.dashboardWithTree(mid(c), plan.id, { fieldId: queryId(c, 'feld'), otherField: 'whole plan' }),
      services.plans.listPlans(mid(c)),
    ]);
    return { data, tree, plans };
  }

  /** The published plan's figures; without a published plan there is nothing to show. */
  async function publicData(c: Ctx) {
    const plan = await services.plans.findCurrentPublishedPlan(mid(c));
    if (!plan) throw new NotFoundError('published plan');
    return services.monitoring.dashboardWithTree(mid(c), plan.id, { fieldId: queryId(c, 'feld') });
  }

  function registerMonitoringRoutes(app: Hono<AppEnv>): void {
    app.get(paths.adminDashboard.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const got = await adminData(c);
      if (!got) return render(c, <NoPlanDashboardPage ctx={pageContext(c)} />);
      return render(c, <DashboardPage ctx={pageContext(c)} vm={pageVm(c, 'admin', someOverdue(got.data, 0, DASHBOARD_OVERDUE_SHOWN), got.plans, got.tree.fields)} />);
    });

    app.get(paths.adminOverdue.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const got = await adminData(c);
      if (!got) return render(c, <NoPlanDashboardPage ctx={pageContext(c)} />);
      return render(c, <OverduePage ctx={pageContext(c)} vm={overdueVm(c, 'admin', got.data)} />);
    });

    app.get(paths.dashboard.pattern, async (c) => {
      const { data: all, tree } = await publicData(c);
      const { data: some, total } = someOverdue(all, 0, DASHBOARD_OVERDUE_SHOWN);
      const { data, fields } = await localized(c, some, tree.fields);
      return render(c, <DashboardPage ctx={pageContext(c)} vm={pageVm(c, 'public', { data, total }, [], fields)} />);
    });

    app.get(paths.overdue.pattern, async (c) => {
      const { data: all, tree } = await publicData(c);
      const vm = overdueVm(c, 'public', all);
      const { data } = await localized(c, vm.data, tree.fields);
      return render(c, <OverduePage ctx={pageContext(c)} vm={{ ...vm, data }} />);
    });

    app.route('/', priorityRoutes(context));
    app.route('/', indicatorRoutes(context));
    app.route('/', fundingRoutes(context));
  }

  const app = new Hono<AppEnv>();
  registerMonitoringRoutes(app);
  return app;
}
