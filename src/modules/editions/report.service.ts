// Gathers the yearly report of a plan: the plan as it is today, the changes since its last edition, and the
// dashboard's figures, charts, overdue measures, indicators, the year's priorities and the funding from the
// monitoring module. The report's own words follow the reader's interface language (German by default, the
// language of the council); the plan's own text stays as stored.
import type { Clock } from '../../platform/clock.js';
import { translator, type Lang } from '../../platform/i18n/i18n.js';
import type { Services } from '../../platform/module.js';
import { berlinDay, dashboardCharts, dashboardData, indicatorChart } from '../monitoring/index.js';
import { buildReport, type ReportDocument } from './report.document.js';
import { renderReportDocx } from './report.docx.js';
import { renderReportPdf } from './report.pdf.js';

export type ReportFormat = 'pdf' | 'docx';

export async function planReport(services: Services, clock: Clock, municipality: { id: number; name: string }, planId: number, lang: Lang = 'de'): Promise<ReportDocument> {
  const today = berlinDay(clock());
  const year = Number(today.slice(0, 4));
  const [{ snapshot, changes }, data, priorities, funding] = await Promise.all([
    services.editions.sinceLastEdition(municipality.id, planId),
    dashboardData(services, municipality.id, planId, today),
    services.monitoring.priorities(municipality.id, planId, year),
    services.monitoring.fundingOfPlan(municipality.id, planId),
  ]);
  // The actor table lists the actors with measures only.
  const dashboard = { ...data, actors: data.actors.filter((a) => a.lead + a.partner > 0) };
  const t = translator(lang);
  const charts = dashboardCharts(dashboard, t, lang);
  return buildReport({
    t,
    lang,
    municipalityName: municipality.name,
    stateDate: today,
    snapshot,
    dashboard,
    charts: [charts.status, charts.changes, charts.actors],
    indicatorCharts: new Map(dashboard.indicators.map((i) => [i.id, indicatorChart(i, t, lang)])),
    changes,
    priorities: { year, items: priorities },
    funding,
  });
}

export function renderReport(report: ReportDocument, format: ReportFormat): Promise<Buffer> {
  return format === 'pdf' ? renderReportPdf(report) : renderReportDocx(report);
}
