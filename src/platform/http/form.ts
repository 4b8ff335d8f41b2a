// Reading a posted form and validating it with the form's zod schema into values + field errors.
import type { Context } from 'hono';
import type { z } from 'zod';
import type { FieldErrors, FormState, FormValues } from '../views/page.js';

const fieldsOf = new WeakMap<Request, Promise<Map<string, Array<string | File>>>>();

/**
 * The posted fields, each name with all its values, read once per request (the CSRF check and the route share
 * them). A url-encoded form is read with URLSearchParams (the FormData parser Hono uses costs several times as
 * much per request); a multipart form through Hono.
 */
export function postedFields(c: Context): Promise<Map<string, Array<string | File>>> {
  const raw = c.req.raw;
  let fields = fieldsOf.get(raw);
  if (!fields) {
    fields = (async () => {
      const out = new Map<string, Array<string | File>>();
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
      if (type === 'application/x-www-form-urlencoded') {
        for (const [key, value] of new URLSearchParams(await c.req.text())) out.set(key, [...(out.get(key) ?? []), value]);
        return out;
      }
      for (const [key, value] of Object.entries(await c.req.parseBody({ all: true }))) out.set(key, Array.isArray(value) ? value : [value]);
      return out;
    })();
    fieldsOf.set(raw, fields);
  }
  return fields;
}

export async function readForm(c: Context): Promise<FormValues> {
  const values: FormValues = {};
  for (const [key, value] of await postedFields(c)) {
    if (key === '_csrf') continue;
    // Several values under one name (checkboxes) arrive joined by commas; ids never contain one.
    const strings = value.filter((v): v is string => typeof v === 'string');
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
