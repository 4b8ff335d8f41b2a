// What a questionnaire is, as every part of the module reads it: its definition (sections, questions,
// options, conditions), what a resident's answers look like while they answer, and the pure rules over them
// (which sections and questions are shown, when a questionnaire is open, which rows an answer is stored as).
// German texts are the rows' own; `localize` lays another language's translations over them.

export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'matrix', 'ranking', 'short_text', 'long_text', 'number', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Demographic questions are single or multiple choice with these kinds; they are never required. */
export const DEMOGRAPHICS = ['age', 'languages', 'years_in_germany', 'district'] as const;
export type Demographic = (typeof DEMOGRAPHICS)[number];

export type QuestionnaireState = 'draft' | 'published' | 'closed';
export type Access = 'open' | 'codes';
export type OptionRole = 'option' | 'row' | 'column';

/** Show a question or section only if the answer to an earlier question is one of these options. */
export interface Condition {
  questionId: number;
  optionIds: number[];
}

/** Type-specific settings: scale ends and labels, number bounds, text length. */
export interface QuestionConfig {
  /** scale: lowest and highest point (default 1–5); number: bounds. */
  min?: number;
  max?: number;
  /** scale: the labels of the two ends. */
  minLabel?: string;
  maxLabel?: string;
  /** number: whole numbers only. */
  integer?: boolean;
  /** short_text / long_text: most characters. */
  maxLength?: number;
}

export interface QOption {
  id: number;
  role: OptionRole;
  position: number;
  label: string;
  isOther: boolean;
}

export interface Question {
  id: number;
  sectionId: number;
  position: number;
  type: QuestionType;
  text: string;
  help: string;
  required: boolean;
  demographic: Demographic | null;
  config: QuestionConfig;
  condition: Condition | null;
  /** Choices (single, multiple, ranking). */
  options: QOption[];
  /** Matrix: the items rated (rows) and the scale they are rated on (columns). */
  rows: QOption[];
  columns: QOption[];
}

export interface Section {
  id: number;
  position: number;
  title: string;
  description: string;
  fieldId: number | null;
  condition: Condition | null;
  questions: Question[];
}

export interface QuestionnaireHead {
  id: number;
  municipalityId: number;
  planId: number;
  title: string;
  welcome: string;
  thanks: string;
  state: QuestionnaireState;
  opensAt: string | null;
  closesAt: string | null;
  access: Access;
  resultsPublic: boolean;
  isDemo: boolean;
  copiedFromId: number | null;
  publishedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Definition {
  questionnaire: QuestionnaireHead;
  /** The current privacy notice (highest version), if any. */
  privacy: { version: number; text: string } | null;
  sections: Section[];
}

/**
 * One question's answer while a resident answers (kept in a draft, then stored as rows):
 * single/multiple/ranking choices by option id, "other, namely" text, free text, a number or scale point,
 * a date (YYYY-MM-DD), matrix ratings (row id → column id) and ranks (option id → 1…n).
 */
export interface AnswerValue {
  optionIds?: number[];
  other?: string;
  text?: string;
  number?: number;
  date?: string;
  rows?: Record<string, number>;
  ranks?: Record<string, number>;
}

/** A resident's answers by question id. */
export type Answers = Record<string, AnswerValue>;

/** A stored answer row (questionnaire_answers without its response). */
export interface AnswerRow {
  question_id: number;
  option_id: number | null;
  row_option_id: number | null;
  value_text: string | null;
  value_number: number | null;
}

export function parseCondition(json: string | null): Condition | null {
  if (!json) return null;
  try {
    const c = JSON.parse(json) as Partial<Condition>;
    if (typeof c.questionId !== 'number' || !Array.isArray(c.optionIds)) return null;
    return { questionId: c.questionId, optionIds: c.optionIds.filter((o): o is number => typeof o === 'number') };
  } catch {
    return null;
  }
}

export function parseConfig(json: string | null | undefined): QuestionConfig {
  if (!json) return {};
  try {
    const c = JSON.parse(json) as unknown;
    return c && typeof c === 'object' ? (c as QuestionConfig) : {};
  } catch {
    return {};
  }
}

/** Does a condition hold for these answers? No condition always holds. */
export function conditionMet(condition: Condition | null, answers: Answers): boolean {
  if (!condition) return true;
  const chosen = answers[String(condition.questionId)]?.optionIds ?? [];
  return chosen.some((id) => condition.optionIds.includes(id));
}

/** The sections shown to someone who answered so far: their conditions hold. */
export function visibleSections(def: Definition, answers: Answers): Section[] {
  return def.sections.filter((s) => conditionMet(s.condition, answers));
}

/** The questions of a section shown for these answers. */
export function visibleQuestions(section: Section, answers: Answers): Question[] {
  return section.questions.filter((q) => conditionMet(q.condition, answers));
}

export function allQuestions(def: Definition): Question[] {
  return def.sections.flatMap((s) => s.questions);
}

/** The scale's points, lowest first (default 1–5). */
export function scalePoints(q: Question): number[] {
  const min = q.config.min ?? 1;
  const max = q.config.max ?? 5;
  const points: number[] = [];
  for (let p = min; p <= max; p++) points.push(p);
  return points;
}

/** Is the questionnaire taking answers at this instant? */
export function isOpenAt(q: QuestionnaireHead, now: Date): boolean {
  if (q.state !== 'published') return false;
  const at = now.toISOString();
  if (q.opensAt && at < q.opensAt) return false;
  if (q.closesAt && at >= q.closesAt) return false;
  return true;
}

/** Has the questionnaire closed (by hand or because its closing time passed)? */
export function isClosedAt(q: QuestionnaireHead, now: Date): boolean {
  return q.state === 'closed' || (q.state === 'published' && !!q.closesAt && now.toISOString() >= q.closesAt);
}

/**
 * The rows the answers are stored as, for the questions shown (conditions that do not hold drop their
 * answers). Choices, matrix ratings and ranks refer only to options of their own question.
 */
export function answerRows(def: Definition, answers: Answers): AnswerRow[] {
  const rows: AnswerRow[] = [];
  for (const section of visibleSections(def, answers)) {
    for (const q of visibleQuestions(section, answers)) {
      const a = answers[String(q.id)];
      if (!a) continue;
      const base = { question_id: q.id, option_id: null, row_option_id: null, value_text: null, value_number: null };
      switch (q.type) {
        case 'single':
        case 'multiple': {
          const ids = new Set(q.options.map((o) => o.id));
          for (const id of a.optionIds ?? []) {
            if (!ids.has(id)) continue;
            const option = q.options.find((o) => o.id === id);
            const other = option?.isOther ? (a.other ?? '').trim() : '';
            rows.push({ ...base, option_id: id, value_text: other || null });
          }
          break;
        }
        case 'ranking': {
          const ids = new Set(q.options.map((o) => o.id));
          for (const [id, rank] of Object.entries(a.ranks ?? {})) {
            if (ids.has(Number(id)) && Number.isFinite(rank)) rows.push({ ...base, option_id: Number(id), value_number: rank });
          }
          break;
        }
        case 'matrix': {
          const rowIds = new Set(q.rows.map((o) => o.id));
          const columnIds = new Set(q.columns.map((o) => o.id));
          for (const [rowId, columnId] of Object.entries(a.rows ?? {})) {
            if (rowIds.has(Number(rowId)) && columnIds.has(columnId)) rows.push({ ...base, row_option_id: Number(rowId), option_id: columnId });
          }
          break;
        }
        case 'scale':
        case 'number':
          if (typeof a.number === 'number' && Number.isFinite(a.number)) rows.push({ ...base, value_number: a.number });
          break;
        case 'date':
          if (a.date) rows.push({ ...base, value_text: a.date });
          break;
        case 'short_text':
        case 'long_text':
          if (a.text && a.text.trim()) rows.push({ ...base, value_text: a.text.trim() });
          break;
      }
    }
  }
  return rows;
}
