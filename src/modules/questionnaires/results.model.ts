// The figures of a questionnaire's results, as pure functions of its definition and its stored rows: per
// question counts and shares, distributions and means, average ranks; the responses of a demographic group;
// and the rule that keeps small groups from singling people out.

import { allQuestions, scalePoints, type Definition, type QOption, type Question, type Section } from './questionnaire.model.js';

/**
 * Fewer responses than this are never shown as a figure where people could be recognised: a demographic group,
 * and (where suppression applies) any count of a question or an option.
 */
export const MIN_GROUP_SIZE = 5;

export interface ResponseRow {
  id: number;
  submittedOn: string;
  source: 'online' | 'paper';
  lang: string;
}

export interface StoredAnswer {
  id: number;
  responseId: number;
  questionId: number;
  optionId: number | null;
  rowOptionId: number | null;
  valueText: string | null;
  valueNumber: number | null;
}

/** A count and its share of the question's answers; null where it is withheld (too few to show). */
export interface Cell {
  count: number | null;
  share: number | null;
}

export interface ChoiceResult {
  kind: 'choice';
  question: Question;
  answered: number;
  suppressed: boolean;
  options: Array<{ option: QOption } & Cell>;
}

export interface ScaleResult {
  kind: 'scale';
  question: Question;
  answered: number;
  suppressed: boolean;
  points: Array<{ value: number } & Cell>;
  mean: number | null;
}

export interface MatrixResult {
  kind: 'matrix';
  question: Question;
  answered: number;
  suppressed: boolean;
  rows: Array<{ row: QOption; answered: number; cells: Array<{ column: QOption } & Cell> }>;
}

export interface RankingResult {
  kind: 'ranking';
  question: Question;
  answered: number;
  suppressed: boolean;
  /** best (lowest) average rank first; an item ranked by fewer than MIN_GROUP_SIZE is withheld where suppression applies */
  items: Array<{ option: QOption; count: number | null; averageRank: number | null }>;
}

export interface NumberResult {
  kind: 'number';
  question: Question;
  answered: number;
  suppressed: boolean;
  mean: number | null;
  median: number | null;
}

export interface TextResult {
  kind: 'text';
  question: Question;
  answered: number;
  suppressed: boolean;
}

export interface DateResult {
  kind: 'date';
  question: Question;
  answered: number;
  suppressed: boolean;
  earliest: string | null;
  latest: string | null;
}

export type QuestionResult = ChoiceResult | ScaleResult | MatrixResult | RankingResult | NumberResult | TextResult | DateResult;

export interface SectionResult {
  section: Section;
  questions: QuestionResult[];
}

export interface Results {
  total: number;
  online: number;
  paper: number;
  /** The whole result is withheld: the group asked for has fewer than MIN_GROUP_SIZE responses. */
  suppressed: boolean;
  sections: SectionResult[];
}

export interface ResultOptions {
  /** Withhold counts from 1 to MIN_GROUP_SIZE − 1 (a group's figures, the public page). */
  suppressSmall: boolean;
}

/**
 * Where the cells of a question add up to its shown total (single choice, scale, a matrix row), one withheld
 * cell could be worked out from the others: then the smallest other count is withheld too.
 */
export function protectSum(cells: Cell[], counts: number[]): Cell[] {
  const withheld = cells.filter((c) => c.count === null).length;
  if (withheld !== 1) return cells;
  let smallest = -1;
  counts.forEach((n, i) => {
    if (cells[i].count !== null && n > 0 && (smallest < 0 || n < counts[smallest])) smallest = i;
  });
  return smallest < 0 ? cells : cells.map((c, i) => (i === smallest ? { count: null, share: null } : c));
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The demographic questions a result can be filtered by, with their groups and how many responses each has. */
export function demographicGroups(def: Definition, answers: readonly StoredAnswer[]): Array<{ question: Question; groups: Array<{ option: QOption; size: number }> }> {
  return allQuestions(def)
    .filter((q) => q.demographic && (q.type === 'single' || q.type === 'multiple'))
    .map((question) => ({
      question,
      groups: question.options.map((option) => ({
        option,
        size: new Set(answers.filter((a) => a.questionId === question.id && a.optionId === option.id).map((a) => a.responseId)).size,
      })),
    }));
}

/** The demographic group of an option id: its question and option, or undefined when it is none. */
export function findGroup(def: Definition, optionId: number): { question: Question; option: QOption } | undefined {
  for (const question of allQuestions(def)) {
    if (!question.demographic || (question.type !== 'single' && question.type !== 'multiple')) continue;
    const option = question.options.find((o) => o.id === optionId);
    if (option) return { question, option };
  }
  return undefined;
}

/** The ids of the responses that chose this option. */
export function responsesInGroup(answers: readonly StoredAnswer[], optionId: number): Set<number> {
  return new Set(answers.filter((a) => a.optionId === optionId && a.rowOptionId === null).map((a) => a.responseId));
}

/**
 * Every figure of the results over the given responses (all, or a group's). With `suppressSmall`, a question
 * answered by fewer than MIN_GROUP_SIZE is withheld whole, and so is any count between 1 and MIN_GROUP_SIZE − 1.
 */
export function computeResults(def: Definition, responses: readonly ResponseRow[], answers: readonly StoredAnswer[], options: ResultOptions): Results {
  const ids = new Set(responses.map((r) => r.id));
  const byQuestion = new Map<number, StoredAnswer[]>();
  for (const a of answers) {
    if (!ids.has(a.responseId)) continue;
    const list = byQuestion.get(a.questionId) ?? [];
    list.push(a);
    byQuestion.set(a.questionId, list);
  }
  const suppressed = responses.length < MIN_GROUP_SIZE && options.suppressSmall;
  const cell = (count: number, of: number): Cell =>
    options.suppressSmall && count > 0 && count < MIN_GROUP_SIZE ? { count: null, share: null } : { count, share: of ? count / of : 0 };
  const hide = (answered: number) => options.suppressSmall && answered < MIN_GROUP_SIZE;

  const questionResult = (question: Question): QuestionResult => {
    const rows = byQuestion.get(question.id) ?? [];
    const answered = new Set(rows.map((r) => r.responseId)).size;
    const base = { question, answered, suppressed: hide(answered) };
    switch (question.type) {
      case 'single':
      case 'multiple': {
        const counts = question.options.map((option) => new Set(rows.filter((r) => r.optionId === option.id).map((r) => r.responseId)).size);
        const cells = counts.map((n) => cell(n, answered));
        // multiple choice: the counts do not add up to the total, so one withheld count cannot be worked out
        const shown = question.type === 'single' ? protectSum(cells, counts) : cells;
        return { kind: 'choice', ...base, options: question.options.map((option, i) => ({ option, ...shown[i] })) };
      }
      case 'scale': {
        const values = rows.map((r) => r.valueNumber).filter((v): v is number => v !== null);
        const points = scalePoints(question);
        const counts = points.map((value) => values.filter((v) => v === value).length);
        const cells = protectSum(counts.map((n) => cell(n, answered)), counts);
        return { kind: 'scale', ...base, points: points.map((value, i) => ({ value, ...cells[i] })), mean: mean(values) };
      }
      case 'matrix':
        return {
          kind: 'matrix', ...base,
          rows: question.rows.map((row) => {
            const ofRow = rows.filter((r) => r.rowOptionId === row.id);
            const counts = question.columns.map((column) => ofRow.filter((r) => r.optionId === column.id).length);
            const cells = protectSum(counts.map((n) => cell(n, ofRow.length)), counts);
            return { row, answered: ofRow.length, cells: question.columns.map((column, i) => ({ column, ...cells[i] })) };
          }),
        };
      case 'ranking': {
        const items = question.options.map((option) => {
          const ranks = rows.filter((r) => r.optionId === option.id && r.valueNumber !== null).map((r) => r.valueNumber!);
          const withheld = options.suppressSmall && ranks.length > 0 && ranks.length < MIN_GROUP_SIZE;
          return { option, count: withheld ? null : ranks.length, averageRank: withheld ? null : mean(ranks) };
        });
        items.sort((a, b) => (a.averageRank ?? Infinity) - (b.averageRank ?? Infinity) || a.option.position - b.option.position);
        return { kind: 'ranking', ...base, items };
      }
      case 'number': {
        const values = rows.map((r) => r.valueNumber).filter((v): v is number => v !== null);
        return { kind: 'number', ...base, mean: mean(values), median: median(values) };
      }
      case 'date': {
        const days = rows.map((r) => r.valueText).filter((v): v is string => !!v).sort();
        return { kind: 'date', ...base, earliest: days[0] ?? null, latest: days[days.length - 1] ?? null };
      }
      case 'short_text':
      case 'long_text':
        return { kind: 'text', ...base };
    }
  };

  return {
    total: responses.length,
    online: responses.filter((r) => r.source === 'online').length,
    paper: responses.filter((r) => r.source === 'paper').length,
    suppressed,
    sections: def.sections.map((section) => ({ section, questions: section.questions.map(questionResult) })),
  };
}

/** Does a question have answers that are free text (its own, or the "other, namely" of a choice)? */
export function hasFreeText(q: Question): boolean {
  return q.type === 'short_text' || q.type === 'long_text' || ((q.type === 'single' || q.type === 'multiple') && q.options.some((o) => o.isOther));
}
