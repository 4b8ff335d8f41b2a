// Routes of the monitoring module: the dashboard (admin and public), yearly priorities, indicators with
// their values and CSV upload, and the funding of measures. Each state change: CSRF (app), permission,
// validation (400 with the form again, nothing written), service, redirect.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext, render, requirePermission, type Ctx } from '../../platform/http/kit.js';
import { paths } from './monitoring.paths.js';
import { NotFoundError } from '../../platform/http/errors.js';
import { dashboardCharts, indicatorChart } from './dashboard.charts.js';
import type { DashboardData } from './dashboard.js';
import { dashboardRefs, localizeDashboard } from './monitoring.content.js';
import { DashboardPage, NoPlanDashboardPage } from './dashboard.view.js';
import { fundingRoutes } from './funding.routes.js';
import { indicatorRoutes } from './indicator.routes.js';
import { priorityRoutes } from './priority.routes.js';
import { chosenPlan, queryId } from './route.helpers.js';
import type { RouteContext } from '../../platform/module.js';

/** The routes of this file as a sub-app; the services arrive once, here. */
export function monitoringRoutes(context: RouteContext): Hono<AppEnv> {
  const { services } = context;

  const mid = (c: Ctx) => c.get('municipality').id;

  function pageVm(c: Ctx, area: 'admin' | 'public', data: DashboardData, plans: Array<{ id: number; title: string; state: string }>, fields: Array<{ id: number; title: string }>) {
    const t = c.get('t');
    const lang = c.get('lang');
    return { area, data, charts: dashboardCharts(data, t, lang), indicatorCharts: data.indicators.map((i) => indicatorChart(i, t, lang)), plans, fields };
  }

  function registerMonitoringRoutes(app: Hono<AppEnv>): void {
    app.get(paths.adminDashboard.pattern, async (c) => {
      requirePermission(c, 'plan.read_drafts');
      const plan = await chosenPlan(c, services);
      if (!plan) return render(c, <NoPlanDashboardPage ctx={pageContext(c)} />);
      const tree = await services.plans.tree(mid(c), plan.id);
      const asked = queryId(c, 'feld');
      // A field of another plan (left over when the plan is switched) means the whole plan.
      const fieldId = asked !== null && tree.fields.some((f) => f.id === asked) ? asked : null;
      const data = await services.monitoring.dashboard(mid(c), plan.id, { fieldId, tree });
      const plans = await services.plans.listPlans(mid(c));
      return render(c, <DashboardPage ctx={pageContext(c)} vm={pageVm(c, 'admin', data, plans, tree.fields)} />);
    });

    // The public dashboard shows the published plan only; without one there is nothing to show.
    app.get(paths.dashboard.pattern, async (c) => {
      const plan = await services.plans.findCurrentPublishedPlan(mid(c));
      if (!plan) throw new NotFoundError('published plan');
      const tree = await services.plans.tree(mid(c), plan.id);
      const fieldId = queryId(c, 'feld');
      if (fieldId !== null && !tree.fields.some((f) => f.id === fieldId)) throw new NotFoundError('field');
      const loaded = await services.monitoring.dashboard(mid(c), plan.id, { fieldId, tree });
      const ct = await services.content.load(mid(c), c.get('lang'), dashboardRefs(loaded, tree.fields));
      c.set('content', ct);
      const fields = tree.fields.map((f) => ({ ...f, title: ct.text('field', f.id, 'title', f.title) }));
      return render(c, <DashboardPage ctx={pageContext(c)} vm={pageVm(c, 'public', localizeDashboard(loaded, ct), [], fields)} />);
    });

    app.route('/', priorityRoutes(context));
    app.route('/', indicatorRoutes(context));
    app.route('/', fundingRoutes(context));
  }

  const app = new Hono<AppEnv>();
  registerMonitoringRoutes(app);
  return app;
}
