// Gathers the yearly report of a plan: the plan as it is today, the changes since its last edition, and the
// dashboard's figures, charts, overdue measures, indicators, the year's priorities and the funding from the
// monitoring module. The report's own words follow the reader's interface language (German by default, the
// language of the council); the plan's own text stays as stored.
import type { Clock } from '../../platform/clock.js';
import { translator, type Lang } from '../../platform/i18n/i18n.js';
import type { Services } from '../../platform/module.js';
import { berlinDay, dashboardCharts, dashboardData, indicatorChart, type RenderedChart } from '../monitoring/index.js';
import { buildReport, type ReportDocument } from './report.document.js';
import { renderReportDocx } from './report.docx.js';
import { renderReportPdf } from './report.pdf.js';

export type ReportFormat = 'pdf' | 'docx';

// Chart pictures are drawn with one font per text (svg-to-pdfkit), which has no Arabic: right-to-left reports take
// the picture of the German chart, while the chart's heading, alternative text and data table are in the reader's.
const PICTURE_LANG = 'de';

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
  const rtl = lang === 'ar';
  const pictureT = translator(PICTURE_LANG);
  const withPicture = (chart: RenderedChart, picture: () => RenderedChart): RenderedChart => (rtl ? { ...chart, svg: picture().svg } : chart);
  const own = dashboardCharts(dashboard, t, lang);
  const pictures = rtl ? dashboardCharts(dashboard, pictureT, PICTURE_LANG) : own;
  const charts = { status: withPicture(own.status, () => pictures.status), changes: withPicture(own.changes, () => pictures.changes), actors: withPicture(own.actors, () => pictures.actors) };
  return buildReport({
    t,
    lang,
    municipalityName: municipality.name,
    stateDate: today,
    snapshot,
    dashboard,
    charts: [charts.status, charts.changes, charts.actors],
    indicatorCharts: new Map(dashboard.indicators.map((i) => [i.id, withPicture(indicatorChart(i, t, lang), () => indicatorChart(i, pictureT, PICTURE_LANG))])),
    changes,
    priorities: { year, items: priorities },
    funding,
  });
}

export function renderReport(report: ReportDocument, format: ReportFormat): Promise<Buffer> {
  return format === 'pdf' ? renderReportPdf(report) : renderReportDocx(report);
}
