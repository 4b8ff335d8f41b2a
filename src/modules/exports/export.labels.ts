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

const LABELS: Record<ExportLang, DocumentLabels> = {
  de: {
    languageTag: localeOf('de'),
    state: 'Stand',
    planStates: { draft: 'Entwurf', in_review: 'In Abstimmung', published: 'Veröffentlicht', archived: 'Archiviert' },
    goal: 'Ziel',
    number: 'Nr.',
    measure: 'Maßnahme',
    actors: 'Akteurinnen und Akteure',
    status: 'Status der Umsetzung',
    timeframe: 'Zeitraum',
    vision: 'Vision',
    furtherMeasures: 'Weitere Maßnahmen',
    statusCategories: STATUS_CATEGORY_LABELS_DE,
    pageOf: ['Seite ', ' von '],
    date: (isoDate) => formatShortDate(isoDate, 'de'),
  },
  en: {
    languageTag: localeOf('en'),
    state: 'As of',
    planStates: { draft: 'Draft', in_review: 'In review', published: 'Published', archived: 'Archived' },
    goal: 'Goal',
    number: 'No.',
    measure: 'Measure',
    actors: 'Actors',
    status: 'Status of implementation',
    timeframe: 'Timeframe',
    vision: 'Vision',
    furtherMeasures: 'Further measures',
    statusCategories: statusCategoryLabels('en'),
    pageOf: ['Page ', ' of '],
    date: (isoDate) => formatDate(isoDate, 'en'),
  },
};

export function documentLabels(lang: ExportLang): DocumentLabels {
  return LABELS[lang];
}
