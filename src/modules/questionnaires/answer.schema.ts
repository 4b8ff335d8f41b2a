// The forms of answering: the field names of each question type, reading a page's form into answers with
// errors at the fields (what was typed is kept), and the answers of a draft back into form values.
// Questions whose condition refers to a question on the same page are checked only when the condition holds.
import { z } from 'zod';
import type { FieldErrors, FormValues } from '../../platform/views/page.js';
import { conditionMet, scalePoints, visibleSections, type AnswerValue, type Answers, type Definition, type Question, type Section } from './questionnaire.model.js';

/** The field a bot fills in and a person never sees. */
export const HONEYPOT = 'website';

/** Longest texts when the question sets no limit. */
export const DEFAULT_MAX = { short_text: 200, long_text: 4000 } as const;

export const field = {
  question: (q: Pick<Question, 'id'>) => `q${q.id}`,
  other: (q: Pick<Question, 'id'>) => `q${q.id}_other`,
  row: (q: Pick<Question, 'id'>, rowId: number) => `q${q.id}_r${rowId}`,
  rank: (q: Pick<Question, 'id'>, optionId: number) => `q${q.id}_o${optionId}`,
};

export function maxLengthOf(q: Question): number {
  const own = q.config.maxLength;
  const fallback = q.type === 'long_text' ? DEFAULT_MAX.long_text : DEFAULT_MAX.short_text;
  return own && own > 0 ? Math.min(own, DEFAULT_MAX.long_text) : fallback;
}

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** A number as people type it: "1.5", "1,5", " 12 ". */
function readNumber(raw: string): number | null {
  const v = raw.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const ids = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[1-9]\d{0,9}$/.test(s))
    .map(Number);

export interface ParsedPage {
  answers: Answers;
  errors: FieldErrors;
}

type Read = (q: Question, values: FormValues) => { value?: AnswerValue; error?: string };

/** A question's value from a form, or an error key (with its parameters after a "|"). */
function parseQuestion(q: Question, values: FormValues): { value?: AnswerValue; error?: string } {
  const name = field.question(q);
  const missing = q.required ? 'questionnaires.answer.errors.required' : undefined;
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const chosen = ids(values[name]).filter((id) => q.options.some((o) => o.id === id));
      const unique = [...new Set(q.type === 'single' ? chosen.slice(0, 1) : chosen)];
      if (unique.length === 0) return { error: missing };
      const other = q.options.find((o) => o.isOther && unique.includes(o.id));
      const otherText = (values[field.other(q)] ?? '').trim();
      if (other && !otherText) return { value: { optionIds: unique }, error: `questionnaires.answer.errors.otherMissing|${new URLSearchParams({ option: other.label })}` };
      if (otherText.length > DEFAULT_MAX.short_text) return { value: { optionIds: unique }, error: `questionnaires.answer.errors.tooLong|max=${DEFAULT_MAX.short_text}` };
      return { value: other ? { optionIds: unique, other: otherText } : { optionIds: unique } };
    }
    case 'scale': {
      const raw = (values[name] ?? '').trim();
      if (!raw) return { error: missing };
      const n = readNumber(raw);
      if (n === null || !scalePoints(q).includes(n)) return { error: 'questionnaires.answer.errors.choice' };
      return { value: { number: n } };
    }
    case 'matrix': {
      const rows: Record<string, number> = {};
      for (const row of q.rows) {
        const id = ids(values[field.row(q, row.id)])[0];
        if (id !== undefined && q.columns.some((c) => c.id === id)) rows[String(row.id)] = id;
      }
      const answered = Object.keys(rows).length;
      if (answered === 0) return { error: missing };
      if (q.required && answered < q.rows.length) return { value: { rows }, error: 'questionnaires.answer.errors.matrixIncomplete' };
      return { value: { rows } };
    }
    case 'ranking': {
      const ranks: Record<string, number> = {};
      for (const o of q.options) {
        const raw = (values[field.rank(q, o.id)] ?? '').trim();
        if (!raw) continue;
        const n = readNumber(raw);
        if (n === null || !Number.isInteger(n) || n < 1 || n > q.options.length) return { error: 'questionnaires.answer.errors.choice' };
        ranks[String(o.id)] = n;
      }
      const given = Object.values(ranks);
      if (given.length === 0) return { error: missing };
      if (new Set(given).size !== given.length) return { value: { ranks }, error: 'questionnaires.answer.errors.rankTwice' };
      if (q.required && given.length < q.options.length) return { value: { ranks }, error: 'questionnaires.answer.errors.rankIncomplete' };
      return { value: { ranks } };
    }
    case 'short_text':
    case 'long_text': {
      const text = (values[name] ?? '').trim();
      if (!text) return { error: missing };
      const max = maxLengthOf(q);
      if (text.length > max) return { error: `questionnaires.answer.errors.tooLong|max=${max}` };
      return { value: { text } };
    }
    case 'number': {
      const raw = (values[name] ?? '').trim();
      if (!raw) return { error: missing };
      const n = readNumber(raw);
      if (n === null) return { error: 'questionnaires.answer.errors.number' };
      if (q.config.integer && !Number.isInteger(n)) return { error: 'questionnaires.answer.errors.integer' };
      if (q.config.min !== undefined && n < q.config.min) return { error: `questionnaires.answer.errors.min|min=${q.config.min}` };
      if (q.config.max !== undefined && n > q.config.max) return { error: `questionnaires.answer.errors.max|max=${q.config.max}` };
      return { value: { number: n } };
    }
    case 'date': {
      const raw = (values[name] ?? '').trim();
      if (!raw) return { error: missing };
      if (!isDay(raw)) return { error: 'questionnaires.answer.errors.date' };
      return { value: { date: raw } };
    }
  }
}

/**
 * Reads the answers to `questions` from a form. A question whose condition does not hold for the answers
 * given so far (earlier pages and this one) is left out, and so are its errors. With `lenient` (going back,
 * continuing later) nothing is refused: what cannot be read is dropped.
 */
export function parsePage(questions: Question[], values: FormValues, earlier: Answers, lenient = false, read: Read = parseQuestion): ParsedPage {
  const answers: Answers = {};
  const errors: FieldErrors = {};
  const parsed = questions.map((q) => read(q, values));
  questions.forEach((q, i) => {
    if (parsed[i].value) answers[String(q.id)] = parsed[i].value;
  });
  // The answers a condition sees: earlier pages and this one, less what this page dropped so far.
  const known: Answers = { ...earlier, ...answers };
  const drop = (id: string) => {
    delete answers[id];
    if (id in earlier) known[id] = earlier[id];
    else delete known[id];
  };
  questions.forEach((q, i) => {
    const id = String(q.id);
    if (!conditionMet(q.condition, known)) {
      drop(id);
      return;
    }
    if (lenient) return;
    const { error } = parsed[i];
    if (error) {
      errors[errorField(q)] = error;
      if (error !== 'questionnaires.answer.errors.matrixIncomplete' && error !== 'questionnaires.answer.errors.rankIncomplete') drop(id);
    }
  });
  return { answers, errors };
}

/**
 * The questions on a section's page: a condition on another page must hold; a condition on a question of the
 * same page cannot be known yet, so its question is shown (with a note naming the condition).
 */
export function questionsOnPage(section: Section, answers: Answers): Question[] {
  const own = new Set(section.questions.map((q) => q.id));
  return section.questions.filter((q) => !q.condition || own.has(q.condition.questionId) || conditionMet(q.condition, answers));
}

/**
 * Reads and checks every section at once (the paper form; the last check before a submit): which sections
 * show follows from the answers, and only their questions are checked.
 */
export function parseAll(def: Definition, values: FormValues): ParsedPage {
  // each question is read from the form once, though both passes look at it
  const memo = new Map<Question, ReturnType<Read>>();
  const read: Read = (q) => {
    let r = memo.get(q);
    if (!r) memo.set(q, (r = parseQuestion(q, values)));
    return r;
  };
  const seen: Answers = {};
  for (const s of def.sections) Object.assign(seen, parsePage(s.questions, values, seen, true, read).answers);
  const result: ParsedPage = { answers: {}, errors: {} };
  for (const s of visibleSections(def, seen)) {
    const page = parsePage(questionsOnPage(s, result.answers), values, result.answers, false, read);
    Object.assign(result.answers, page.answers);
    Object.assign(result.errors, page.errors);
  }
  return result;
}

/** Where a question's error is shown and what the error summary links to: its first control. */
export function errorField(q: Question): string {
  if (q.type === 'matrix' && q.rows[0]) return field.row(q, q.rows[0].id);
  if (q.type === 'ranking' && q.options[0]) return field.rank(q, q.options[0].id);
  return field.question(q);
}

/** A draft's answers as the values of a page's form. */
export function answersToValues(questions: Question[], answers: Answers): FormValues {
  const values: FormValues = {};
  for (const q of questions) {
    const a = answers[String(q.id)];
    if (!a) continue;
    const name = field.question(q);
    if (a.optionIds?.length) values[name] = a.optionIds.join(',');
    if (a.other) values[field.other(q)] = a.other;
    if (a.text !== undefined) values[name] = a.text;
    if (a.number !== undefined) values[name] = String(a.number);
    if (a.date !== undefined) values[name] = a.date;
    for (const [rowId, columnId] of Object.entries(a.rows ?? {})) values[field.row(q, Number(rowId))] = String(columnId);
    for (const [optionId, rank] of Object.entries(a.ranks ?? {})) values[field.rank(q, Number(optionId))] = String(rank);
  }
  return values;
}

// ---- the start page's form, the preview's state ---------------------------------------------------------

export const codeSchema = z.object({
  code: z.string().trim().min(1, 'questionnaires.answer.errors.codeMissing').max(64, 'questionnaires.answer.errors.codeUnknown'),
});

/** The steps a page's buttons ask for. */
export const NAV = ['next', 'back', 'later', 'submit', 'start', 'resume'] as const;
export type Nav = (typeof NAV)[number];

export function navOf(values: FormValues): Nav {
  const v = values.nav;
  return (NAV as readonly string[]).includes(v ?? '') ? (v as Nav) : 'next';
}

/** The preview keeps its answers in a hidden field (nothing is stored): read them back defensively. */
export function readPreviewState(raw: string | undefined): Answers {
  if (!raw || raw.length > 100_000) return {};
  try {
    const value = JSON.parse(raw) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const answers: Answers = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (!/^\d+$/.test(k) || !v || typeof v !== 'object') continue;
      const a = v as Record<string, unknown>;
      const numbers = (o: unknown) => (o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).filter(([, n]) => typeof n === 'number')) as Record<string, number> : undefined);
      const clean: AnswerValue = {
        optionIds: Array.isArray(a.optionIds) ? a.optionIds.filter((n): n is number => typeof n === 'number') : undefined,
        other: typeof a.other === 'string' ? a.other : undefined,
        text: typeof a.text === 'string' ? a.text : undefined,
        number: typeof a.number === 'number' ? a.number : undefined,
        date: typeof a.date === 'string' ? a.date : undefined,
        rows: numbers(a.rows),
        ranks: numbers(a.ranks),
      };
      answers[k] = Object.fromEntries(Object.entries(clean).filter(([, x]) => x !== undefined)) as AnswerValue;
    }
    return answers;
  } catch {
    return {};
  }
}
