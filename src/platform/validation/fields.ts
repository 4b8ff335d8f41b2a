// Form field types every schema shares. Forms post strings; these turn them into typed values, with the
// message keys of src/platform/i18n (translated where the message is shown).
import { z } from 'zod';

/** The message for a text over its limit: the key carries the limit, which the form states (see errorText). */
export const tooLong = (max: number) => `errors.tooLongMax|max=${max}`;

export const requiredText = (max: number, message = 'errors.textRequired') => z.string().trim().min(1, message).max(max, tooLong(max));

export const optionalText = (max: number) => z.string().trim().max(max, tooLong(max)).default('');

const isYear = (v: string) => /^\d{4}$/.test(v) && Number(v) >= 1990 && Number(v) <= 2100;

export const requiredYear = (message: string) => z.string().trim().default('').refine(isYear, message).transform(Number);

export const optionalYear = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || isYear(v), 'errors.yearInvalid')
  .transform((v) => (v === '' ? null : Number(v)));

export const optionalId = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || /^[1-9]\d{0,9}$/.test(v), 'errors.choiceInvalid')
  .transform((v) => (v === '' ? null : Number(v)));

/** Several ids from checkboxes, arriving joined by commas (see readForm). */
export const idList = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || /^[1-9]\d{0,9}(,[1-9]\d{0,9})*$/.test(v), 'errors.choiceInvalid')
  .transform((v) => (v === '' ? [] : [...new Set(v.split(',').map(Number))]));

export const checkbox = z
  .string()
  .default('')
  .transform((v) => v === '1' || v === 'on' || v === 'true');

/** A calendar date "2026-02-28" that exists (not "2026-02-30"). */
export function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export const optionalDate = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || isIsoDate(v), 'errors.dateInvalid')
  .transform((v) => (v === '' ? null : v));

/** Moving an item up or down in its list (fields, goals, measures …). */
export const moveSchema = z.object({ direction: z.enum(['up', 'down'], { message: 'errors.choiceInvalid' }) });

/**
 * The options of a refinement that compares two fields (start before end): it runs only when both fields are
 * valid themselves, so that a person sees one message per mistake ("not a year"), not a second one about the
 * order that follows from the first.
 */
export function whenValid(...fields: string[]) {
  return { when: (payload: { issues: ReadonlyArray<{ path?: ReadonlyArray<PropertyKey> }> }) => !payload.issues.some((i) => fields.includes(String(i.path?.[0]))) };
}
