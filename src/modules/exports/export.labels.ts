// The words the exports add around the plan's own text. CSV and XLSX keep German column names whatever the
// language, because the update import recognises them; Word and PDF are read by people and follow `lang`.
import { translator } from '../../platform/i18n/i18n.js';
import { formatDate, formatShortDate, localeOf } from '../../platform/views/format.js';
import { STATUS_CATEGORIES, type StatusCategory } from '../plan/index.js';
import type { ExportLang, PlanState } from './export.model.js';

/** The category names of the interface (src/platform/i18n), so exports and pages say the same. */
function statusCategoryLabels(lang: ExportLang): Record<StatusCategory, string> {
  const t = translator(lang);
  return Object.fromEntries(STATUS_CATEGORIES.map((c) => [c, t(`status.${c}`)])) as Record<StatusCategory, string>;
}

export const STATUS_CATEGORY_LABELS_DE = statusCategoryLabels('de');

export interface DocumentLabels {
  /** BCP 47 tag of these labels, so documents can mark them when they differ from the plan's German text. */
  languageTag: string;
  state: string;
  planStates: Record<PlanState, string>;
  goal: string;
  number: string;
  measure: string;
  actors: string;
  status: string;
  timeframe: string;
  vision: string;
  furtherMeasures: string;
  statusCategories: Record<StatusCategory, string>;
  /** The words around the page numbers: Word fills the numbers in itself, the PDF writes them. */
  pageOf: readonly [before: string, between: string];
  date: (isoDate: string) => string;
}

/** The words of Word and PDF documents, from the interface strings (`export.document.*`). */
function labels(lang: ExportLang): DocumentLabels {
  const t = translator(lang);
  const w = (key: string) => t(`export.document.${key}`);
  return {
    languageTag: localeOf(lang),
    state: w('state'),
    planStates: { draft: w('planStates.draft'), in_review: w('planStates.in_review'), published: w('planStates.published'), archived: w('planStates.archived') },
    goal: w('goal'),
    number: w('number'),
    measure: w('measure'),
    actors: w('actors'),
    status: w('status'),
    timeframe: w('timeframe'),
    vision: w('vision'),
    furtherMeasures: w('furtherMeasures'),
    statusCategories: lang === 'de' ? STATUS_CATEGORY_LABELS_DE : statusCategoryLabels(lang),
    pageOf: [w('pageBefore'), w('pageBetween')],
    // German documents write days in figures, the others in words.
    date: (isoDate) => (lang === 'de' ? formatShortDate(isoDate, lang) : formatDate(isoDate, lang)),
  };
}

export function documentLabels(lang: ExportLang): DocumentLabels {
  return labels(lang);
}
