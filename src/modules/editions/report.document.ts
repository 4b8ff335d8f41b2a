// The yearly report (Sachstandsbericht) as a list of blocks: headings, paragraphs, tables and figures. Built once
// from the plan's state, the dashboard's figures and the changes since the last edition; the PDF and the Word
// renderer then only lay the same blocks out, so both files say the same.
import type { Lang, T } from '../../platform/i18n/i18n.js';
import { formatEuro, formatNumber, formatPercent, formatShortDate, localeOf } from '../../platform/views/format.js';
import { periodLabel, type DashboardData, type PriorityView, type RenderedChart } from '../monitoring/index.js';
import type { Comparison } from './compare.js';
import { changeLines, goalText, latestNote, measureName, reasonLine, statusText } from './editions.describe.js';
import type { EditionSummary } from './editions.service.js';
import { placedMeasures, type PlacedMeasure, type PlanSnapshot } from './snapshot.js';

// The plan's own texts (measures, goals, fields, actors, indicators, priorities, funding programmes) are German
// whatever the reader's language: in a report in another language their blocks and columns carry `lang`
// (`de-DE`), as a page marks German fallback text with lang="de". A cell that adds the report's words to the
// plan's text ("Maßnahme 3" above the measure) counts as the plan's.
export type ReportBlock =
  | { kind: 'heading'; level: 2 | 3; text: string; lang?: string }
  | { kind: 'paragraph'; text: string }
  /** `widths` are shares of the text width; a cell's lines are separated by "\n"; `columnLangs` one per column. */
  | { kind: 'table'; caption: string; columns: string[]; widths: number[]; rows: string[][]; columnLangs?: Array<string | undefined> }
  | { kind: 'figure'; title: string; alt: string; svg: string };

export interface ReportDocument {
  /** BCP 47 tag of the whole document. */
  languageTag: string;
  title: string;
  author: string;
  /** Lines under the title: the plan, the municipality, the date of the state. */
  subtitle: string[];
  /** The language of each subtitle line when it is not the document's (the plan's German title). */
  subtitleLangs: Array<string | undefined>;
  footer: string;
  pageOf: readonly [before: string, between: string];
  blocks: ReportBlock[];
}

export interface ReportInput {
  t: T;
  lang: Lang;
  municipalityName: string;
  /** The Berlin day the report shows the state of. */
  stateDate: string;
  /** The plan as it is now. */
  snapshot: PlanSnapshot;
  dashboard: DashboardData;
  charts: RenderedChart[];
  /** One chart per indicator, by indicator id. */
  indicatorCharts: Map<number, RenderedChart>;
  changes: { edition: EditionSummary; comparison: Comparison } | null;
  /** The yearly priorities of the report's year. */
  priorities: { year: number; items: PriorityView[] };
  /** Every funding entry of the plan's measures. */
  funding: ReportFunding[];
}

export interface ReportFunding {
  measure_id: number;
  programme: string;
  amount_cents: number | null;
  start_date: string | null;
  end_date: string | null;
}

/** The language tag of the plan's own text in a report in `lang`: none when that is the report's. */
const contentLang = (lang: Lang): string | undefined => (lang === 'de' ? undefined : localeOf('de'));

// Number, measure, goal, actors, status, latest note.
const MEASURE_TABLE = [0.05, 0.3, 0.18, 0.17, 0.12, 0.18];

function measureLabel(t: T, p: PlacedMeasure): string {
  return `${measureName(t, p.measure)}\n${p.measure.text}`;
}

function chartBlocks(chart: RenderedChart, level: 2 | 3): ReportBlock[] {
  const share = 1 / chart.table.columns.length;
  return [
    { kind: 'heading', level, text: chart.title },
    { kind: 'figure', title: chart.title, alt: chart.summary, svg: chart.svg },
    { kind: 'paragraph', text: chart.summary },
    { kind: 'table', caption: chart.table.caption, columns: chart.table.columns, widths: chart.table.columns.map(() => share), rows: chart.table.rows.map((r) => [r.header, ...r.cells]) },
  ];
}

function summaryBlocks(input: ReportInput): ReportBlock[] {
  const { t, lang, dashboard: d, changes } = input;
  const share = (count: number) => t('editions.report.countShare', { count, share: formatPercent(d.total ? count / d.total : 0, lang) });
  const rows: string[][] = [
    [t('editions.report.summary.total'), String(d.total)],
    ...d.byCategory.filter((c) => c.count > 0).map((c) => [t(`status.${c.category}`), share(c.count)]),
    [t('editions.report.summary.done'), share(d.done.count)],
    [t('editions.report.summary.overdue'), String(d.overdue.length)],
    [t('editions.report.summary.indicators'), String(d.indicators.length)],
    [
      t('editions.report.summary.sinceEdition'),
      changes
        ? t('editions.report.summary.changeCounts', {
            label: changes.edition.label,
            status: changes.comparison.statusChanges.length,
            added: changes.comparison.added.length,
            removed: changes.comparison.removed.length,
            changed: changes.comparison.changed.length,
          })
        : t('editions.report.summary.noEdition'),
    ],
  ];
  return [
    { kind: 'heading', level: 2, text: t('editions.report.summary.title') },
    { kind: 'table', caption: t('editions.report.summary.title'), columns: [t('editions.report.summary.figure'), t('editions.report.summary.value')], widths: [0.4, 0.6], rows },
  ];
}

function changeBlocks(input: ReportInput): ReportBlock[] {
  const { t, lang, changes } = input;
  const blocks: ReportBlock[] = [{ kind: 'heading', level: 2, text: t('editions.report.changes.title') }];
  if (!changes) return [...blocks, { kind: 'paragraph', text: t('editions.report.changes.noEdition') }];
  const { edition: e, comparison: c } = changes;
  const content = contentLang(lang);
  const adopted = [e.adopted_on ? t('editions.report.changes.adopted', { date: formatShortDate(e.adopted_on, lang) }) : '', e.paper_number ? t('editions.report.changes.paper', { number: e.paper_number }) : '']
    .filter(Boolean).join(', ');
  blocks.push({
    kind: 'paragraph',
    text: t('editions.report.changes.intro', { label: e.label, taken: formatShortDate(e.created_at, lang), adopted: adopted ? ` (${adopted})` : '', date: formatShortDate(input.stateDate, lang) }),
  });
  const none: ReportBlock = { kind: 'paragraph', text: t('editions.compare.noneInSection') };
  const measureColumns = [t('editions.col.measure'), t('editions.col.field'), t('editions.col.goal'), t('editions.col.status')];

  blocks.push({ kind: 'heading', level: 3, text: t('editions.compare.statusChanges', { count: c.statusChanges.length }) });
  blocks.push(
    c.statusChanges.length === 0
      ? none
      : {
          kind: 'table',
          caption: t('editions.compare.statusChanges', { count: c.statusChanges.length }),
          columns: [t('editions.col.measure'), t('editions.col.before'), t('editions.col.after'), t('editions.col.reasons')],
          columnLangs: [content],
          widths: [0.34, 0.16, 0.16, 0.34],
          rows: c.statusChanges.map((s) => [
            measureLabel(t, s.after), statusText(t, s.from), statusText(t, s.to),
            s.reasons.length ? s.reasons.map((r) => reasonLine(t, lang, r, 'public')).join('\n') : t('editions.compare.noHistory'),
          ]),
        },
  );
  for (const [key, list] of [['added', c.added], ['removed', c.removed]] as const) {
    const title = t(`editions.compare.${key}`, { count: list.length });
    blocks.push({ kind: 'heading', level: 3, text: title });
    blocks.push(
      list.length === 0
        ? none
        : { kind: 'table', caption: title, columns: measureColumns, widths: [0.4, 0.18, 0.24, 0.18], columnLangs: [content, content, content], rows: list.map((p) => [measureLabel(t, p), p.field.title, goalText(t, p), statusText(t, p.measure.status)]) },
    );
  }
  const changedTitle = t('editions.compare.changed', { count: c.changed.length });
  blocks.push({ kind: 'heading', level: 3, text: changedTitle });
  blocks.push(
    c.changed.length === 0
      ? none
      : { kind: 'table', caption: changedTitle, columns: [t('editions.col.measure'), t('editions.col.whatChanged')], widths: [0.4, 0.6], columnLangs: [content], rows: c.changed.map((ch) => [measureLabel(t, ch.after), changeLines(t, ch).join('\n')]) },
  );
  return blocks;
}

function overdueBlocks(input: ReportInput): ReportBlock[] {
  const { t, lang, dashboard: d } = input;
  const title = t('editions.report.overdue.title', { count: d.overdue.length });
  if (d.overdue.length === 0) return [{ kind: 'heading', level: 2, text: title }, { kind: 'paragraph', text: t('editions.report.overdue.none') }];
  return [
    { kind: 'heading', level: 2, text: title },
    { kind: 'paragraph', text: t('editions.report.overdue.intro') },
    {
      kind: 'table',
      caption: title,
      columns: [t('editions.col.measure'), t('editions.col.field'), t('editions.col.status'), t('editions.report.overdue.why')],
      widths: [0.36, 0.2, 0.16, 0.28],
      columnLangs: [contentLang(lang), contentLang(lang)],
      rows: d.overdue.map((o) => [
        `${o.measure.number !== null ? t('editions.measureNumbered', { number: o.measure.number }) : t('editions.measureUnnumbered')}\n${o.measure.text}`,
        o.measure.fieldTitle,
        statusText(t, { category: o.measure.status_category, label: o.measure.status_label }),
        o.reasons.map((r) => t(`editions.report.overdue.reason.${r.reason}`, { date: formatShortDate(r.due, lang) })).join('\n'),
      ]),
    },
  ];
}

function indicatorBlocks(input: ReportInput): ReportBlock[] {
  const { t, lang, dashboard: d } = input;
  const title = t('editions.report.indicators.title');
  if (d.indicators.length === 0) return [{ kind: 'heading', level: 2, text: title }, { kind: 'paragraph', text: t('editions.report.indicators.none') }];
  const value = (v: number | null, unit: string, when: string | number | null) =>
    v === null ? '–' : `${formatNumber(v, lang)}${unit ? ` ${unit}` : ''}${when !== null && when !== '' ? ` (${typeof when === 'string' ? periodLabel(when, lang) : when})` : ''}`;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: title },
    {
      kind: 'table',
      caption: title,
      columns: [t('editions.report.indicators.name'), t('editions.report.indicators.baseline'), t('editions.report.indicators.latest'), t('editions.report.indicators.target'), t('editions.report.indicators.progress')],
      widths: [0.3, 0.17, 0.17, 0.17, 0.19],
      columnLangs: [contentLang(lang)],
      rows: d.indicators.map((i) => [
        i.source ? `${i.name}\n${t('editions.report.indicators.source', { source: i.source })}` : i.name,
        value(i.baseline_value, i.unit, i.baseline_year),
        value(i.latest?.value ?? null, i.unit, i.latest?.period ?? null),
        value(i.target_value, i.unit, i.target_year),
        i.progress === null ? '–' : t('editions.report.indicators.progressValue', { share: formatPercent(i.progress, lang) }),
      ]),
    },
  ];
  for (const i of d.indicators) {
    const chart = input.indicatorCharts.get(i.id);
    if (chart) blocks.push(...chartBlocks(chart, 3));
  }
  return blocks;
}

function prioritiesBlocks(input: ReportInput): ReportBlock[] {
  const { t, snapshot } = input;
  const { year, items } = input.priorities;
  const title = t('editions.report.priorities.title', { year });
  if (items.length === 0) return [{ kind: 'heading', level: 2, text: title }, { kind: 'paragraph', text: t('editions.report.priorities.none', { year }) }];
  const measures = new Map(placedMeasures(snapshot).map((p) => [p.measure.id, p.measure]));
  return [
    { kind: 'heading', level: 2, text: title },
    {
      kind: 'table',
      caption: title,
      columns: [t('editions.report.priorities.priority'), t('editions.report.priorities.guidingGoal'), t('editions.report.priorities.links'), t('editions.report.priorities.progress')],
      widths: [0.3, 0.2, 0.32, 0.18],
      columnLangs: [contentLang(input.lang), contentLang(input.lang), contentLang(input.lang)],
      rows: items.map((p) => [
        p.description ? `${p.title}\n${p.description}` : p.title,
        p.guidingGoal?.text ?? '–',
        [
          ...p.goals.map((g) => `${t('editions.col.goal')}: ${g.text}`),
          ...p.measures.map((m) => {
            const known = measures.get(m.id);
            return `${known ? measureName(t, known) : m.number !== null ? t('editions.measureNumbered', { number: m.number }) : t('editions.measureUnnumbered')}: ${m.text}`;
          }),
        ].join('\n') || '–',
        p.progress.total === 0 ? t('editions.report.priorities.noMeasures') : t('editions.report.priorities.progressValue', { done: p.progress.done, total: p.progress.total }),
      ]),
    },
  ];
}

function fundingBlocks(input: ReportInput): ReportBlock[] {
  const { t, lang, snapshot, funding } = input;
  const title = t('editions.report.funding.title');
  if (funding.length === 0) return [{ kind: 'heading', level: 2, text: title }, { kind: 'paragraph', text: t('editions.report.funding.none') }];
  const measures = new Map(placedMeasures(snapshot).map((p) => [p.measure.id, p.measure]));
  const period = (f: ReportFunding) =>
    f.start_date && f.end_date
      ? `${formatShortDate(f.start_date, lang)} – ${formatShortDate(f.end_date, lang)}`
      : f.end_date
        ? t('editions.report.funding.until', { date: formatShortDate(f.end_date, lang) })
        : f.start_date
          ? t('editions.report.funding.from', { date: formatShortDate(f.start_date, lang) })
          : '–';
  const total = funding.reduce((sum, f) => sum + (f.amount_cents ?? 0), 0);
  return [
    { kind: 'heading', level: 2, text: title },
    {
      kind: 'table',
      caption: title,
      columns: [t('editions.col.measure'), t('editions.report.funding.programme'), t('editions.report.funding.amount'), t('editions.report.funding.period')],
      widths: [0.4, 0.25, 0.15, 0.2],
      columnLangs: [contentLang(lang), contentLang(lang)],
      rows: [
        ...funding.map((f) => {
          const m = measures.get(f.measure_id);
          return [m ? `${measureName(t, m)}\n${m.text}` : '–', f.programme, f.amount_cents === null ? '–' : formatEuro(f.amount_cents, lang), period(f)];
        }),
        [t('editions.report.funding.total'), '', formatEuro(total, lang), ''],
      ],
    },
  ];
}

function fieldBlocks(input: ReportInput): ReportBlock[] {
  const { t, lang, snapshot } = input;
  const placed = placedMeasures(snapshot);
  const columns = [t('editions.col.number'), t('editions.col.measure'), t('editions.col.goal'), t('editions.col.actors'), t('editions.col.status'), t('editions.col.latestNote')];
  return [
    { kind: 'heading', level: 2, text: t('editions.report.fields.title') },
    ...snapshot.fields.flatMap((f): ReportBlock[] => {
      const measures = placed.filter((p) => p.field.id === f.id);
      return [
        { kind: 'heading', level: 3, text: f.title, lang: contentLang(input.lang) },
        measures.length === 0
          ? { kind: 'paragraph', text: t('editions.report.fields.empty') }
          : {
              kind: 'table',
              caption: t('editions.fieldCaption', { field: f.title }),
              columns,
              widths: MEASURE_TABLE,
              columnLangs: [undefined, contentLang(input.lang), contentLang(input.lang), contentLang(input.lang)],
              rows: measures.map((p) => [
                p.measure.number === null ? '–' : String(p.measure.number),
                p.measure.text,
                goalText(t, p),
                p.measure.actors.map((a) => (a.role === 'lead' ? t('editions.leadActor', { name: a.name }) : a.name)).join(', '),
                statusText(t, p.measure.status),
                latestNote(t, lang, p.measure) || '–',
              ]),
            },
      ];
    }),
  ];
}

export function buildReport(input: ReportInput): ReportDocument {
  const { t, lang, snapshot } = input;
  const title = t('editions.report.documentTitle', { year: input.stateDate.slice(0, 4) });
  const state = t('editions.report.stateOf', { date: formatShortDate(input.stateDate, lang) });
  const stateLine = snapshot.plan.state === 'published' ? state : `${state} · ${t(`planState.${snapshot.plan.state}`)}`;
  return {
    languageTag: localeOf(lang),
    title,
    author: input.municipalityName,
    subtitle: [snapshot.plan.title, input.municipalityName, stateLine],
    subtitleLangs: [contentLang(lang), contentLang(lang)],
    footer: `${title} · ${snapshot.plan.title} · ${stateLine}`,
    pageOf: [t('editions.report.pageBefore'), t('editions.report.pageBetween')],
    blocks: [
      ...summaryBlocks(input),
      ...prioritiesBlocks(input),
      { kind: 'heading', level: 2, text: t('editions.report.charts') },
      ...input.charts.flatMap((chart) => chartBlocks(chart, 3)),
      ...changeBlocks(input),
      ...overdueBlocks(input),
      ...indicatorBlocks(input),
      ...fundingBlocks(input),
      ...fieldBlocks(input),
    ],
  };
}
