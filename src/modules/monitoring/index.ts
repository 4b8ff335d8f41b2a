// The monitoring module's public surface. The editions module builds the yearly report from these:
// `dashboardData` for the figures, `dashboardCharts` / `indicatorChart` for SVG + summary + table, and the
// bare renderers for charts of its own.
import type { Services } from '../../services.js';
import type { DashboardData } from './dashboard.js';

export { addDays, berlinDay, daysBetween, firstDayOf, lastDayOf } from './calendar.js';
export { CATEGORY_COLOURS, renderActorChart, renderIndicatorChart, renderStatusChart, renderTimelineChart } from './charts.js';
export type { ActorRow, ChartOptions, IndicatorChartInput, StatusChartRow, TimelineRow } from './charts.js';
export { actorChart, dashboardCharts, indicatorChart, monthLabel, periodLabel, statusChart, timelineChart } from './dashboard.charts.js';
export type { DataTable, RenderedChart } from './dashboard.charts.js';
export { FUNDING_WARNING_DAYS, summarize } from './dashboard.js';
export type { CategoryCount, DashboardData, FundingWarning, IndicatorSummary, MeasureRef } from './dashboard.js';
export { overdueMeasures, latestNoteOn } from './overdue.js';
export type { OverdueCandidate, OverdueFinding, OverdueMeasure, OverdueReason } from './overdue.js';
export { formatEuro } from './number.js';
export { FundingSection } from './funding.view.js';
export type { FundingItem } from './funding.view.js';
export type { LastRoundStart, MonitoringService } from './monitoring.service.js';

/**
 * Everything the dashboard shows for a plan on a day: counts by category, the share completed or ongoing,
 * per field and per actor, changes per month over the last 12 months, overdue measures, funding warnings and
 * indicators with their latest value against the target. `today` is a Date or a Berlin day ("2026-03-01").
 */
export function dashboardData(services: Pick<Services, 'monitoring'>, municipalityId: number, planId: number, today?: Date | string, fieldId?: number | null): Promise<DashboardData> {
  return services.monitoring.dashboard(municipalityId, planId, { today, fieldId });
}
