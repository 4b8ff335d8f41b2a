// A question's chart as server-rendered SVG with the sentence that names it: choices and scale points as bars
// with count and share. The results pages and the PDF summary take them from here; the tables beside them come
// from the same figures (results.view.tsx), so chart, sentence and table cannot disagree.
import type { T } from '../../platform/i18n/i18n.js';
import { formatNumber, formatPercent } from '../../platform/views/format.js';
import { renderBarChart, type BarRow } from '../monitoring/index.js';
import { MIN_GROUP_SIZE, type Cell, type QuestionResult } from './results.model.js';

export interface QuestionChart {
  /** id of the sentence that names the chart */
  summaryId: string;
  summary: string;
  svg: string;
}

/** "12 (40 %)", or "fewer than 5" where the count is withheld. */
export function cellText(cell: Cell, t: T, lang: string): string {
  if (cell.count === null) return t('questionnaires.results.suppressedCell', { min: MIN_GROUP_SIZE });
  return `${formatNumber(cell.count, lang)} (${formatPercent(cell.share ?? 0, lang)})`;
}

/** The chart of a choice or scale question; null for the kinds shown as a table alone, and for withheld ones. */
export function questionChart(r: QuestionResult, t: T, lang: string, idPrefix = 'frage'): QuestionChart | null {
  if (r.suppressed || r.answered === 0) return null;
  let rows: BarRow[];
  if (r.kind === 'choice') rows = r.options.map((o) => ({ label: o.option.label, value: o.count ?? 0, text: cellText(o, t, lang) }));
  else if (r.kind === 'scale') {
    const { min, max, minLabel, maxLabel } = r.question.config;
    rows = r.points.map((p) => ({
      label: p.value === (min ?? 1) && minLabel ? `${p.value} – ${minLabel}` : p.value === (max ?? 5) && maxLabel ? `${p.value} – ${maxLabel}` : String(p.value),
      value: p.count ?? 0,
      text: cellText(p, t, lang),
    }));
  } else return null;
  const summaryId = `${idPrefix}-${r.question.id}-summary`;
  const summary = t('questionnaires.results.summary.choice', { question: r.question.text, parts: rows.map((row) => `${row.label}: ${row.text}`).join('; ') });
  return { summaryId, summary, svg: renderBarChart(rows, { labelledBy: summaryId, title: r.question.text, lang }) };
}

export interface QuestionTable {
  caption: string;
  columns: string[];
  /** the first cell heads its row; the others are figures */
  rows: string[][];
}

/** A question's figures as a table (choices, scale, matrix, ranking, number); null for text and date. */
export function questionTable(r: QuestionResult, t: T, lang: string): QuestionTable | null {
  const col = (k: string) => t(`questionnaires.results.col.${k}`);
  const q = r.question;
  const count = (c: Cell) => (c.count === null ? t('questionnaires.results.suppressedCell', { min: MIN_GROUP_SIZE }) : formatNumber(c.count, lang));
  const share = (c: Cell) => (c.share === null ? '–' : formatPercent(c.share, lang));
  const one = (v: number | null) => (v === null ? '–' : formatNumber(v, lang, { minDecimals: 1, maxDecimals: 1 }));
  switch (r.kind) {
    case 'choice':
      return { caption: t('questionnaires.results.caption.choice', { question: q.text }), columns: [col('option'), col('count'), col('share')], rows: r.options.map((o) => [o.option.label, count(o), share(o)]) };
    case 'scale':
      return { caption: t('questionnaires.results.caption.scale', { question: q.text }), columns: [col('point'), col('count'), col('share')], rows: r.points.map((p) => [String(p.value), count(p), share(p)]) };
    case 'matrix':
      return {
        caption: t('questionnaires.results.caption.matrix', { question: q.text }),
        columns: [col('item'), ...q.columns.map((c) => c.label), col('answered')],
        rows: r.rows.map((row) => [row.row.label, ...row.cells.map((c) => cellText(c, t, lang)), formatNumber(row.answered, lang)]),
      };
    case 'ranking':
      return { caption: t('questionnaires.results.caption.ranking', { question: q.text }), columns: [col('item'), col('averageRank'), col('rankedBy')], rows: r.items.map((i) => [i.option.label, one(i.averageRank), i.count === null ? t('questionnaires.results.suppressedCell', { min: MIN_GROUP_SIZE }) : formatNumber(i.count, lang)]) };
    case 'number':
      return {
        caption: t('questionnaires.results.caption.number', { question: q.text }),
        columns: [col('figure'), col('value')],
        rows: [[col('count'), formatNumber(r.answered, lang)], [t('questionnaires.results.mean'), one(r.mean)], [t('questionnaires.results.median'), one(r.median)]],
      };
    default:
      return null;
  }
}
