// The forms of the questionnaire builder. Messages are i18n keys; a count or limit travels after a bar
// ("…|count=12", see errorText). Times are entered as a Berlin date and time and stored as UTC instants.
import { z } from 'zod';
import { checkbox, idList, isIsoDate, optionalId, optionalText, requiredText, whenValid } from '../../platform/validation/fields.js';
import { MUNICIPALITY_TIME_ZONE } from '../../platform/views/format.js';
import { DEMOGRAPHICS, QUESTION_TYPES, type QuestionType } from './questionnaire.model.js';
import type { FormValues } from '../../platform/views/page.js';

const E = 'questionnaires.builder.errors';

export const TITLE_MAX = 300;
export const LONG_TEXT_MAX = 5000;
export const PRIVACY_MAX = 20000;
export const QUESTION_MAX = 1000;
export const HELP_MAX = 2000;
export const OPTION_MAX = 300;
export const TRANSLATION_MAX = 20000;

// ---- Berlin wall time ⇄ UTC -------------------------------------------------------------------------------

const parts = new Intl.DateTimeFormat('en-GB', { timeZone: MUNICIPALITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function berlinFields(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The UTC instant of a Berlin date and time ("2026-03-29", "02:30" in a gap becomes the hour after). */
export function berlinToUtc(date: string, time: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const seen = berlinFields(new Date(guess));
    const shown = Date.parse(`${seen.date}T${seen.time}:00Z`);
    if (shown === wall) break;
    guess += wall - shown;
  }
  return new Date(guess).toISOString();
}

/** A stored instant as the Berlin date and time a form shows. */
export function utcToBerlin(iso: string | null): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  return berlinFields(new Date(iso));
}

const isTime = (v: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

const dateField = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || isIsoDate(v), `${E}.dateInvalid`);
const timeField = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || isTime(v), `${E}.timeInvalid`);

// ---- settings -----------------------------------------------------------------------------------------------

export const settingsSchema = z
  .object({
    plan_id: optionalId,
    title: requiredText(TITLE_MAX, `${E}.titleRequired`),
    welcome: optionalText(LONG_TEXT_MAX),
    thanks: optionalText(LONG_TEXT_MAX),
    opens_date: dateField,
    opens_time: timeField,
    closes_date: dateField,
    closes_time: timeField,
    access: z.enum(['open', 'codes'], { message: `${E}.choiceInvalid` }),
    results_public: checkbox,
    privacy: optionalText(PRIVACY_MAX),
  })
  .refine((v) => v.opens_date !== '' || v.opens_time === '', { message: `${E}.timeWithoutDate`, path: ['opens_date'] })
  .refine((v) => v.closes_date !== '' || v.closes_time === '', { message: `${E}.timeWithoutDate`, path: ['closes_date'] })
  .transform((v) => ({
    ...v,
    opensAt: v.opens_date ? berlinToUtc(v.opens_date, v.opens_time || '00:00') : null,
    closesAt: v.closes_date ? berlinToUtc(v.closes_date, v.closes_time || '23:59') : null,
  }))
  .refine((v) => !v.opensAt || !v.closesAt || v.closesAt > v.opensAt, { message: `${E}.closesBeforeOpens`, path: ['closes_date'], ...whenValid('opens_date', 'opens_time', 'closes_date', 'closes_time') });

export type SettingsInput = z.infer<typeof settingsSchema>;

// ---- sections -----------------------------------------------------------------------------------------------

export const sectionSchema = z.object({
  title: requiredText(TITLE_MAX, `${E}.titleRequired`),
  description: optionalText(HELP_MAX),
  field_id: optionalId,
  condition: idList,
});

export type SectionInput = z.infer<typeof sectionSchema>;

// ---- questions ----------------------------------------------------------------------------------------------

/** What the officer picks when adding a question: a type, or a demographic question ("demographic:age"). */
export const QUESTION_KINDS = [...QUESTION_TYPES, ...DEMOGRAPHICS.map((d) => `demographic:${d}` as const)] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const isChoice = (type: QuestionType) => type === 'single' || type === 'multiple' || type === 'ranking';

const number = (message: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^-?\d{1,9}(\.\d{1,4})?$/.test(v.replace(',', '.')), message)
    .transform((v) => (v === '' ? null : Number(v.replace(',', '.'))));

const baseQuestion = z.object({
  type: z.enum(QUESTION_TYPES, { message: `${E}.choiceInvalid` }),
  text: requiredText(QUESTION_MAX, `${E}.questionRequired`),
  help: optionalText(HELP_MAX),
  required: checkbox,
  condition: idList,
  scale_min: number(`${E}.numberInvalid`),
  scale_max: number(`${E}.numberInvalid`),
  min_label: optionalText(OPTION_MAX),
  max_label: optionalText(OPTION_MAX),
  number_min: number(`${E}.numberInvalid`),
  number_max: number(`${E}.numberInvalid`),
  integer: checkbox,
  max_length: number(`${E}.numberInvalid`),
  other: checkbox,
});

/** A list edited without JavaScript: each existing entry its own input, a remove box, new ones one per line. */
export interface ListEdit {
  /** Existing entries by id with their (perhaps corrected) label. */
  keep: Array<{ id: number; label: string }>;
  remove: number[];
  add: string[];
}

export interface QuestionInput {
  type: QuestionType;
  text: string;
  help: string;
  required: boolean;
  condition: number[];
  config: { min?: number; max?: number; minLabel?: string; maxLabel?: string; integer?: boolean; maxLength?: number };
  other: boolean;
  options: ListEdit;
  rows: ListEdit;
  columns: ListEdit;
}

function listEdit(values: FormValues, prefix: string, errors: Record<string, string>): ListEdit {
  const keep: ListEdit['keep'] = [];
  const remove: number[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const m = new RegExp(`^${prefix}_(\\d{1,10})$`).exec(key);
    if (m) {
      const id = Number(m[1]);
      const label = raw.trim();
      if (values[`remove_${prefix}_${id}`]) remove.push(id);
      else if (!label) errors[key] = `${E}.optionEmpty`;
      else if (label.length > OPTION_MAX) errors[key] = `errors.tooLongMax|max=${OPTION_MAX}`;
      else keep.push({ id, label });
    }
  }
  const add = (values[`new_${prefix}`] ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (add.some((l) => l.length > OPTION_MAX)) errors[`new_${prefix}`] = `errors.tooLongMax|max=${OPTION_MAX}`;
  return { keep, remove, add };
}

export type QuestionParse = { ok: true; data: QuestionInput } | { ok: false; errors: Record<string, string> };

/** The question form: its fixed fields through zod, its lists of options, rows and columns by hand. */
export function parseQuestionForm(values: FormValues): QuestionParse {
  const errors: Record<string, string> = {};
  const base = baseQuestion.safeParse(values);
  if (!base.success) for (const issue of base.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message;
  const options = listEdit(values, 'option', errors);
  const rows = listEdit(values, 'row', errors);
  const columns = listEdit(values, 'column', errors);
  if (!base.success) return { ok: false, errors };
  const v = base.data;
  const config: QuestionInput['config'] = {};
  if (v.type === 'scale') {
    const min = v.scale_min ?? 1;
    const max = v.scale_max ?? 5;
    if (!Number.isInteger(min) || min < 0 || min > 1) errors.scale_min = `${E}.scaleMin`;
    if (!Number.isInteger(max) || max < 3 || max > 11) errors.scale_max = `${E}.scaleMax`;
    Object.assign(config, { min, max }, v.min_label ? { minLabel: v.min_label } : {}, v.max_label ? { maxLabel: v.max_label } : {});
  }
  if (v.type === 'number') {
    if (v.number_min !== null && v.number_max !== null && v.number_max <= v.number_min) errors.number_max = `${E}.maxNotAboveMin`;
    Object.assign(config, v.number_min !== null ? { min: v.number_min } : {}, v.number_max !== null ? { max: v.number_max } : {}, v.integer ? { integer: true } : {});
  }
  if (v.type === 'short_text' || v.type === 'long_text') {
    if (v.max_length !== null && (!Number.isInteger(v.max_length) || v.max_length < 1 || v.max_length > 20000)) errors.max_length = `${E}.maxLengthInvalid`;
    if (v.max_length !== null) config.maxLength = v.max_length;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    data: { type: v.type, text: v.text, help: v.help, required: v.required, condition: v.condition, config, other: v.other && (v.type === 'single' || v.type === 'multiple'), options, rows, columns },
  };
}

// ---- the rest -----------------------------------------------------------------------------------------------

export const deleteSchema = z.object({ confirm: checkbox });

export const newQuestionKindSchema = z.object({ kind: z.enum(QUESTION_KINDS, { message: `${E}.choiceInvalid` }) });
