// The dashboard's charts with their text alternatives: for each, the SVG, a sentence a screen reader reads
// (the SVG's accessible name), and the same numbers as a data table. The pages, the PDF and the DOCX report
// all take them from here, so chart, sentence and table cannot disagree.
import type { T } from '../../platform/i18n/i18n.js';
import type { StatusCategory } from '../plan/index.js';
import { renderActorChart, renderIndicatorChart, renderStatusChart, renderTimelineChart } from './charts.js';
import type { DashboardData, IndicatorSummary } from './dashboard.js';
import { formatMonth, formatNumber, formatPercent, formatShortDate } from '../../platform/views/format.js';

export interface DataTable {
  caption: string;
  /** column headings, the first one heading the row headers */
  columns: string[];
  rows: Array<{ header: string; cells: string[] }>;
}

export interface RenderedChart {
  /** id prefix: the summary is `${id}-summary` */
  id: string;
  title: string;
  summary: string;
  svg: string;
  table: DataTable;
}

/** How many actors the chart shows; the table lists them all. */
export const ACTOR_CHART_LIMIT = 12;

/** An indicator's period: "2024" stays; "2024-06-30" becomes "30.06.2024". */
export function periodLabel(period: string, lang: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(period) ? formatShortDate(period, lang) : period;
}

export function statusChart(data: DashboardData, t: T, lang: string, id = 'chart-status'): RenderedChart {
  const title = t('monitoring.charts.status.title');
  const rows = data.byCategory.map((c) => ({ category: c.category as StatusCategory, label: t(`status.${c.category}`), count: c.count }));
  const nonZero = rows.filter((r) => r.count > 0);
  const summary =
    data.total === 0
      ? t('monitoring.charts.status.none')
      : t('monitoring.charts.status.summary', {
          count: data.total,
          parts: nonZero.map((r) => `${r.count} ${r.label}`).join(', '),
          share: formatPercent(data.done.share, lang),
        });
  return {
    id, title, summary,
    svg: renderStatusChart(rows, { labelledBy: `${id}-summary`, title, lang }),
    table: {
      caption: t('monitoring.charts.status.caption'),
      columns: [t('monitoring.charts.status.category'), t('monitoring.charts.count'), t('monitoring.charts.share')],
      rows: rows.map((r) => ({ header: r.label, cells: [String(r.count), formatPercent(data.total ? r.count / data.total : 0, lang)] })),
    },
  };
}

export function timelineChart(data: DashboardData, t: T, lang: string, id = 'chart-changes'): RenderedChart {
  const title = t('monitoring.charts.changes.title');
  const rows = data.changesPerMonth.map((r) => ({ ...r, label: formatMonth(r.month, lang) }));
  const names = { statusChanges: t('monitoring.charts.changes.statusChanges'), notes: t('monitoring.charts.changes.notes') };
  const statusTotal = rows.reduce((s, r) => s + r.statusChanges, 0);
  const notesTotal = rows.reduce((s, r) => s + r.notes, 0);
  const busiest = rows.reduce<(typeof rows)[number] | null>((best, r) => (r.statusChanges + r.notes > (best ? best.statusChanges + best.notes : 0) ? r : best), null);
  const summary = [
    t('monitoring.charts.changes.summary', { from: rows[0].label, to: rows[rows.length - 1].label, statusChanges: statusTotal, notes: notesTotal }),
    busiest ? t('monitoring.charts.changes.busiest', { month: busiest.label, count: busiest.statusChanges + busiest.notes }) : '',
  ].filter(Boolean).join(' ');
  return {
    id, title, summary,
    svg: renderTimelineChart(rows, names, { labelledBy: `${id}-summary`, title, lang }),
    table: {
      caption: t('monitoring.charts.changes.caption'),
      columns: [t('monitoring.charts.changes.month'), names.statusChanges, names.notes],
      rows: rows.map((r) => ({ header: r.label, cells: [String(r.statusChanges), String(r.notes)] })),
    },
  };
}

export function actorChart(data: DashboardData, t: T, lang: string, id = 'chart-actors'): RenderedChart {
  const title = t('monitoring.charts.actors.title');
  const names = { lead: t('monitoring.charts.actors.lead'), partner: t('monitoring.charts.actors.partner') };
  const top = data.actors[0];
  const summary =
    data.actors.length === 0
      ? t('monitoring.charts.actors.none')
      : [
          t('monitoring.charts.actors.summary', { count: data.actors.length, name: top.name, lead: top.lead, partner: top.partner }),
          data.actors.length > ACTOR_CHART_LIMIT ? t('monitoring.charts.actors.limited', { shown: ACTOR_CHART_LIMIT }) : '',
        ].filter(Boolean).join(' ');
  return {
    id, title, summary,
    svg: renderActorChart(data.actors.slice(0, ACTOR_CHART_LIMIT), names, { labelledBy: `${id}-summary`, title, lang }),
    table: {
      caption: t('monitoring.charts.actors.caption'),
      columns: [t('monitoring.charts.actors.actor'), names.lead, names.partner],
      rows: data.actors.map((a) => ({ header: a.name, cells: [String(a.lead), String(a.partner)] })),
    },
  };
}

export function indicatorChart(ind: IndicatorSummary, t: T, lang: string, id = `chart-indicator-${ind.id}`): RenderedChart {
  const title = t('monitoring.charts.indicator.title', { name: ind.name });
  const unit = ind.unit ? ` ${ind.unit}` : '';
  const num = (v: number) => `${formatNumber(v, lang)}${unit}`;
  const points = [...ind.values].sort((a, b) => a.period.localeCompare(b.period)).map((v) => ({ ...v, label: periodLabel(v.period, lang) }));
  const parts = [
    ind.baseline_value !== null && ind.baseline_year !== null ? t('monitoring.charts.indicator.baseline', { value: num(ind.baseline_value), year: ind.baseline_year }) : '',
    ind.latest ? t('monitoring.charts.indicator.latest', { value: num(ind.latest.value), period: periodLabel(ind.latest.period, lang) }) : t('monitoring.charts.indicator.noValues'),
    ind.target_value !== null ? t('monitoring.charts.indicator.target', { value: num(ind.target_value), year: ind.target_year ?? '' }) : '',
    ind.progress !== null ? t('monitoring.charts.indicator.progress', { share: formatPercent(ind.progress, lang) }) : '',
  ].filter(Boolean);
  const summary = `${ind.name}: ${parts.join('; ')}.`;
  const names = { values: t('monitoring.charts.indicator.values'), baseline: t('monitoring.charts.indicator.baselineName'), target: t('monitoring.charts.indicator.targetName') };
  const rows = [
    ...(ind.baseline_value !== null && ind.baseline_year !== null ? [{ header: `${ind.baseline_year} (${names.baseline})`, cells: [num(ind.baseline_value)] }] : []),
    ...points.map((p) => ({ header: p.label, cells: [num(p.value)] })),
    ...(ind.target_value !== null ? [{ header: `${ind.target_year ?? ''} (${names.target})`.trim(), cells: [num(ind.target_value)] }] : []),
  ];
  return {
    id, title, summary,
    svg: renderIndicatorChart(
      {
        points,
        baseline: ind.baseline_value !== null && ind.baseline_year !== null ? { year: ind.baseline_year, value: ind.baseline_value } : null,
        target: ind.target_value !== null ? { year: ind.target_year, value: ind.target_value } : null,
        names,
        unit: ind.unit,
      },
      { labelledBy: `${id}-summary`, title, lang },
    ),
    table: {
      caption: t('monitoring.charts.indicator.caption', { name: ind.name }),
      columns: [t('monitoring.charts.indicator.period'), ind.unit ? t('monitoring.charts.indicator.valueIn', { unit: ind.unit }) : t('monitoring.charts.indicator.value')],
      rows,
    },
  };
}

/** The dashboard's three charts, in the order the page shows them. */
export function dashboardCharts(data: DashboardData, t: T, lang: string): { status: RenderedChart; changes: RenderedChart; actors: RenderedChart } {
  return { status: statusChart(data, t, lang), changes: timelineChart(data, t, lang), actors: actorChart(data, t, lang) };
}
