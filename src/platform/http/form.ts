// Reading a posted form and validating it with the form's zod schema into values + field errors.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { FieldErrors, FormState, FormValues } from '../views/page.js';

export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true });
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    // Several values under one name (checkboxes) arrive joined by commas; ids never contain one.
    const strings = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (strings.length > 0) values[key.replace(/\[\]$/, '')] = strings.join(',');
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    errors[key] ??= issue.message;
  }
  return errors;
}

export type Validated<T> = { ok: true; data: T } | { ok: false; form: FormState };

export function validate<S extends z.ZodType>(schema: S, values: FormValues): Validated<z.infer<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, form: { values, errors: fieldErrorsOf(result.error) } };
}

/** Positive integer id from a route parameter; anything else is an unknown resource. */
export function idParam(value: string | undefined): number | null {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const n = Number(value);
  return n <= 2_147_483_647 ? n : null;
}
