// Charts as server-rendered SVG (ECharts, no client script). Each renderer is a pure function of its data
// and returns an SVG string that carries no style attribute, so that pages under the CSP, the PDF report
// (svg-to-pdfkit) and the DOCX report (resvg) can all use it. Colours pass 3:1 against white (WCAG 1.4.11)
// and never carry meaning alone: every bar and point is named by an axis label, a legend or a value label,
// and each chart comes with a text summary and a data table (see dashboard.charts.ts).
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LRUCache } from 'lru-cache';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from '../../platform/views/format.js';
import type { StatusCategory } from '../plan/index.js';
import { cleanSvg } from './chart.svg.js';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

/** Colours of the status categories; each has at least 4.5:1 contrast against white. */
export const CATEGORY_COLOURS: Record<StatusCategory, string> = {
  completed: '#1a6b34',
  ongoing: '#0b6366',
  in_progress: '#004b87',
  planned: '#5b3f99',
  not_started: '#a33b00',
  under_review: '#775a00',
  discontinued: '#5c5c5c',
  unknown: '#6e6e6e',
};

const TEXT = '#1b1b1b';
const GRID_LINE = '#d0d0d0';
const FONT = 'Fira Sans, Arial, sans-serif';
const SERIES = ['#004b87', '#a33b00', '#1a6b34'];

export interface ChartOptions {
  /** id of the text summary that names the chart on a page */
  labelledBy: string;
  /** title inside the SVG, used where the SVG stands alone */
  title: string;
  width?: number;
  height?: number;
  /** for number formatting in labels */
  lang?: string;
}

/**
 * The charts made so far, by their data: a chart is a pure function of its arguments (plain data, no functions),
 * so the same figures in the same language give the same SVG. A page made again (another visitor, a cold page
 * cache, the report) takes the chart as made; new figures make a new chart. Bounded by characters.
 */
const made = new LRUCache<string, string>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (svg, key) => svg.length + key.length });

function kept<A extends unknown[]>(name: string, make: (...args: A) => string): (...args: A) => string {
  return (...args: A) => {
    const key = `${name}\n${JSON.stringify(args)}`;
    let svg = made.get(key);
    if (svg === undefined) {
      svg = make(...args);
      made.set(key, svg);
    }
    return svg;
  };
}

// The ECharts option type is large; the renderers below build plain objects checked by ECharts itself.
type Option = Record<string, unknown>;

function render(option: Option, opts: ChartOptions, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: opts.width ?? size.width, height: opts.height ?? size.height });
  try {
    chart.setOption({ animation: false, aria: { enabled: false }, textStyle: { fontFamily: FONT, color: TEXT, fontSize: 13 }, ...option });
    return cleanSvg(chart.renderToSVGString(), { labelledBy: opts.labelledBy, title: opts.title });
  } finally {
    chart.dispose();
  }
}

const axisText = { color: TEXT, fontFamily: FONT, fontSize: 13 };
/** A figure on a chart, in the chart's language (German when none is given). */
const figure = (v: number, lang?: string) => formatNumber(v, lang ?? 'de');
const valueAxis = (lang?: string, name?: string) => ({
  type: 'value',
  minInterval: 1,
  axisLabel: { ...axisText, formatter: (v: number) => figure(v, lang) },
  splitLine: { lineStyle: { color: GRID_LINE } },
  ...(name ? { name, nameTextStyle: axisText } : {}),
});

export interface StatusChartRow {
  category: StatusCategory;
  /** the category's name in the page's language */
  label: string;
  count: number;
}

/** Measures by status category: one horizontal bar per category, named on the axis, with its count. */
function makeStatusChart(rows: readonly StatusChartRow[], opts: ChartOptions): string {
  const shown = [...rows].reverse(); // ECharts draws the first category at the bottom
  return render(
    {
      grid: { left: 10, right: 50, top: 10, bottom: 30, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: valueAxis(opts.lang),
      yAxis: { type: 'category', data: shown.map((r) => r.label), axisLabel: axisText, axisLine: { lineStyle: { color: TEXT } }, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          data: shown.map((r) => ({ value: r.count, itemStyle: { color: CATEGORY_COLOURS[r.category] } })),
          label: { show: true, position: 'right', color: TEXT, fontFamily: FONT, fontSize: 13 },
        },
      ],
    },
    opts,
    { width: 640, height: Math.max(160, 40 + rows.length * 34) },
  );
}

export interface TimelineRow {
  /** "2026-03" */
  month: string;
  /** "März 2026" */
  label: string;
  statusChanges: number;
  notes: number;
}

/**
 * Changes per month: status changes and progress notes as two lines that differ in colour, dash and
 * symbol, named in the legend.
 */
function makeTimelineChart(rows: readonly TimelineRow[], names: { statusChanges: string; notes: string }, opts: ChartOptions): string {
  return render(
    {
      legend: { top: 0, textStyle: axisText, itemWidth: 30 },
      grid: { left: 10, right: 20, top: 40, bottom: 10, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { ...axisText, rotate: 45 }, axisLine: { lineStyle: { color: TEXT } } },
      yAxis: valueAxis(opts.lang),
      series: [
        { name: names.statusChanges, type: 'line', data: rows.map((r) => r.statusChanges), color: SERIES[0], symbol: 'circle', symbolSize: 8, lineStyle: { width: 2, type: 'solid' } },
        { name: names.notes, type: 'line', data: rows.map((r) => r.notes), color: SERIES[1], symbol: 'rect', symbolSize: 8, lineStyle: { width: 2, type: 'dashed' } },
      ],
    },
    opts,
    { width: 640, height: 300 },
  );
}

export interface ActorRow {
  name: string;
  lead: number;
  partner: number;
}

/** Measures per actor, as lead and as partner: stacked bars, the lead part solid and labelled. */
function makeActorChart(rows: readonly ActorRow[], names: { lead: string; partner: string }, opts: ChartOptions): string {
  const shown = [...rows].reverse();
  const label = { show: true, color: '#ffffff', fontFamily: FONT, fontSize: 12, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') };
  return render(
    {
      legend: { top: 0, textStyle: axisText },
      grid: { left: 10, right: 30, top: 36, bottom: 10, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: valueAxis(opts.lang),
      yAxis: { type: 'category', data: shown.map((r) => truncate(r.name, 40)), axisLabel: axisText, axisTick: { show: false }, axisLine: { lineStyle: { color: TEXT } } },
      series: [
        { name: names.lead, type: 'bar', stack: 'all', barMaxWidth: 24, color: SERIES[0], data: shown.map((r) => r.lead), label },
        { name: names.partner, type: 'bar', stack: 'all', barMaxWidth: 24, color: CATEGORY_COLOURS.ongoing, data: shown.map((r) => r.partner), label },
      ],
    },
    opts,
    { width: 640, height: Math.max(160, 60 + rows.length * 30) },
  );
}

export interface IndicatorChartInput {
  /** the measured values, oldest first: "2024" or "2024-06-30" with a display label */
  points: ReadonlyArray<{ period: string; label: string; value: number }>;
  baseline: { year: number; value: number } | null;
  target: { year: number | null; value: number } | null;
  names: { values: string; baseline: string; target: string };
  unit: string;
}

/**
 * An indicator's time series against its target: the values as a line, the baseline as a square, the
 * target as a diamond at its year and as a dashed line across the chart, each named in the legend.
 */
function makeIndicatorChart(input: IndicatorChartInput, opts: ChartOptions): string {
  const categories: string[] = [];
  const labels = new Map<string, string>();
  const add = (key: string, label: string) => {
    if (!labels.has(key)) {
      labels.set(key, label);
      categories.push(key);
    }
  };
  for (const p of input.points) add(p.period, p.label);
  if (input.baseline) add(String(input.baseline.year), String(input.baseline.year));
  if (input.target?.year) add(String(input.target.year), String(input.target.year));
  categories.sort();
  const at = (key: string | null, value: number) => categories.map((c) => (c === key ? value : null));
  const valueOf = new Map(input.points.map((p) => [p.period, p.value]));
  const suffix = input.unit ? ` ${input.unit}` : '';
  const pointLabel = { show: true, position: 'top', color: TEXT, fontFamily: FONT, fontSize: 12, formatter: (p: { value: number | null }) => (p.value === null ? '' : `${figure(p.value, opts.lang)}${suffix}`) };
  const series: Option[] = [
    {
      name: input.names.values, type: 'line', color: SERIES[0], symbol: 'circle', symbolSize: 8, connectNulls: true,
      data: categories.map((c) => valueOf.get(c) ?? null), label: pointLabel,
      ...(input.target
        ? { markLine: { symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: SERIES[1], width: 2 }, label: { color: TEXT, fontFamily: FONT, fontSize: 12, position: 'insideEndTop', formatter: `${input.names.target}: ${figure(input.target.value, opts.lang)}${suffix}` }, data: [{ yAxis: input.target.value }] } }
        : {}),
    },
  ];
  if (input.baseline) series.push({ name: input.names.baseline, type: 'scatter', color: SERIES[2], symbol: 'rect', symbolSize: 11, itemStyle: { opacity: 1 }, data: at(String(input.baseline.year), input.baseline.value) });
  if (input.target?.year) series.push({ name: input.names.target, type: 'scatter', color: SERIES[1], symbol: 'diamond', symbolSize: 14, itemStyle: { opacity: 1 }, data: at(String(input.target.year), input.target.value) });
  return render(
    {
      legend: { top: 0, textStyle: axisText },
      grid: { left: 10, right: 30, top: 44, bottom: 10, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: categories.map((c) => labels.get(c) ?? c), axisLabel: axisText, axisLine: { lineStyle: { color: TEXT } } },
      yAxis: { ...valueAxis(opts.lang, input.unit || undefined), minInterval: 0, scale: false },
      series,
    },
    opts,
    { width: 640, height: 300 },
  );
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export interface BarRow {
  /** the bar's name on the axis */
  label: string;
  value: number;
  /** the text beside the bar ("12 (40 %)"); the value when none is given */
  text?: string;
}

/** Any counts as horizontal bars, one colour, each named on the axis and labelled with its figure. */
function makeBarChart(rows: readonly BarRow[], opts: ChartOptions): string {
  const shown = [...rows].reverse();
  return render(
    {
      grid: { left: 10, right: 90, top: 10, bottom: 30, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: valueAxis(opts.lang),
      yAxis: { type: 'category', data: shown.map((r) => truncate(r.label, 40)), axisLabel: axisText, axisLine: { lineStyle: { color: TEXT } }, axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 28,
          color: SERIES[0],
          data: shown.map((r) => ({ value: r.value, label: { formatter: r.text ?? figure(r.value, opts.lang) } })),
          label: { show: true, position: 'right', color: TEXT, fontFamily: FONT, fontSize: 13 },
        },
      ],
    },
    opts,
    { width: 640, height: Math.max(120, 40 + rows.length * 34) },
  );
}
export const renderStatusChart = kept('makeStatusChart', makeStatusChart);
export const renderTimelineChart = kept('makeTimelineChart', makeTimelineChart);
export const renderActorChart = kept('makeActorChart', makeActorChart);
export const renderIndicatorChart = kept('makeIndicatorChart', makeIndicatorChart);
export const renderBarChart = kept('makeBarChart', makeBarChart);
