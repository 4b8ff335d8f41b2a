// The monitoring module's public surface. The editions module builds the yearly report from these:
// `dashboardData` for the figures, `dashboardCharts` / `indicatorChart` for SVG + summary + table, and the
// bare renderers for charts of its own.
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { pageContext } from '../../platform/http/kit.js';
import type { ModuleManifest, Services } from '../../platform/module.js';
import type { DashboardData } from './dashboard.js';
import { FundingSection } from './funding.view.js';
import { monitoringPaths } from './monitoring.paths.js';
import { monitoringRoutes } from './monitoring.routes.js';
import { MonitoringService } from './monitoring.service.js';
import { loadLocales } from '../../platform/i18n/i18n.js';

export { addDays, berlinDay, daysBetween, firstDayOf, lastDayOf } from './calendar.js';
export { CATEGORY_COLOURS, renderActorChart, renderBarChart, renderIndicatorChart, renderStatusChart, renderTimelineChart } from './charts.js';
export type { ActorRow, BarRow, ChartOptions, IndicatorChartInput, StatusChartRow, TimelineRow } from './charts.js';
export { actorChart, dashboardCharts, indicatorChart, periodLabel, statusChart, timelineChart } from './dashboard.charts.js';
export type { DataTable, RenderedChart } from './dashboard.charts.js';
export { FUNDING_WARNING_DAYS, summarize } from './dashboard.js';
export type { CategoryCount, DashboardData, LastRound, FundingWarning, IndicatorSummary, MeasureRef } from './dashboard.js';
export { overdueMeasures, latestNoteOn } from './overdue.js';
export type { OverdueCandidate, OverdueFinding, OverdueMeasure, OverdueReason, OverdueRound } from './overdue.js';
export type { FundingItem } from './funding.view.js';
export type { LastRoundOf, MonitoringService, PriorityView } from './monitoring.service.js';

/**
 * Everything the dashboard shows for a plan on a day: counts by category, the share completed or ongoing,
 * per field and per actor, changes per month over the last 12 months, overdue measures, funding warnings and
 * indicators with their latest value against the target. `today` is a Date or a Berlin day ("2026-03-01").
 */
export function dashboardData(services: Pick<Services, 'monitoring'>, municipalityId: number, planId: number, today?: Date | string, fieldId?: number | null): Promise<DashboardData> {
  return services.monitoring.dashboard(municipalityId, planId, { today, fieldId });
}

export { monitoringPaths } from './monitoring.paths.js';

declare module '../../platform/module.js' {
  interface ModuleServices {
    monitoring: MonitoringService;
  }
  // Below each yearly priority (admin and public page): what other modules add (the working groups on it).
  interface SectionSlots {
    'priority.public': { priorityId: number };
    'priority.admin': { priorityId: number };
  }
}

export const monitoringModule: ModuleManifest = {
  name: 'monitoring',
  locales: loadLocales(new URL('./locales/', import.meta.url)),
  nav: [
    { area: 'admin', order: 20, label: 'admin.nav.dashboard', href: (slug) => monitoringPaths.adminDashboard(slug), permission: 'plan.read_drafts' },
    { area: 'public', order: 40, label: 'public.nav.dashboard', href: (slug) => monitoringPaths.dashboard(slug) },
  ],
  services: (p, before) => ({
    monitoring: new MonitoringService(p.kysely, p.clock, p.audit, before.plans, (mid, planId) => before.rounds.lastRound(mid, planId)),
  }),
  routes: (context) => new Hono<AppEnv>().route('/', monitoringRoutes(context)),
  links: {
    'plan.workspace': (ctx, { planId }) => [{ href: monitoringPaths.adminDashboardOf(ctx.municipality!.slug, planId), label: ctx.t('plan.dashboard') }],
  },
  // The funding of a measure, below its facts (the public page only shows funding a measure has).
  sections: (services) => ({
    'measure.public': async (c, { measureId }) => <FundingSection ctx={pageContext(c)} measureId={measureId} funding={await services.monitoring.fundingOf(c.get('municipality').id, measureId)} admin={false} />,
    'measure.admin': async (c, { measureId }) => <FundingSection ctx={pageContext(c)} measureId={measureId} funding={await services.monitoring.fundingOf(c.get('municipality').id, measureId)} admin={true} />,
  }),
};
