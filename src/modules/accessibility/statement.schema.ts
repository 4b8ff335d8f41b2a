// The forms of the accessibility statement: the officer's settings (the list of parts not yet accessible arrives
// as numbered fields item_<n>_…; a row without a description is dropped), the resident's feedback on a barrier
// (a honeypot people never see; name and e-mail only for an answer), and the feedback's retention days.
import { z } from 'zod';
import { LANGUAGES } from '../../platform/i18n/i18n.js';
import { checkbox, isIsoDate, optionalText, requiredText, tooLong } from '../../platform/validation/fields.js';
import type { FormValues } from '../../platform/views/page.js';
import { BODIES, METHODS, REASONS, STATUSES, type StatementItem } from './statement.model.js';

/** The honeypot's name: a field hidden from people (CSS), which only programs fill in. */
export const HONEYPOT = 'website';
/** Most rows the list of parts not yet accessible takes. */
export const MAX_ITEMS = 30;

const email = z.union([z.literal(''), z.string().trim().max(254, 'errors.emailInvalid').email('errors.emailInvalid')]).default('');
const day = (required: string) => z.string().trim().default('').refine((v) => v !== '', required).refine((v) => v === '' || isIsoDate(v), 'errors.dateInvalid');
const web = z.string().trim().max(500, tooLong(500)).default('').refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), 'errors.urlInvalid');

const settingsBase = z.object({
  status: z.enum(STATUSES, { message: 'errors.choiceInvalid' }),
  prepared_on: day('accessibility.errors.preparedRequired'),
  reviewed_on: day('accessibility.errors.reviewedRequired'),
  method: z.enum(METHODS, { message: 'errors.choiceInvalid' }),
  method_by: optionalText(200),
  contact_email: email,
  contact_phone: optionalText(100),
  contact_address: optionalText(500),
  contact_lang: z.enum(LANGUAGES, { message: 'errors.choiceInvalid' }),
  land: z.string().refine((v) => BODIES.some((b) => b.land === v), 'errors.choiceInvalid'),
  use_shipped: checkbox,
  body_name: optionalText(300),
  body_address: optionalText(500),
  body_web: web,
  body_email: email,
  body_phone: optionalText(100),
  retention_days: z.string().trim().refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 365, 'accessibility.errors.retentionInvalid').transform(Number),
});

export type StatementSettings = z.infer<typeof settingsBase> & { items: StatementItem[] };

const itemSchema = z.object({
  content: optionalText(500),
  reason: z.enum(REASONS, { message: 'errors.choiceInvalid' }),
  justification: optionalText(1000),
  alternative: optionalText(1000),
});

/** The numbers of the item rows the form posted, in order. */
export function itemIndexes(values: FormValues): number[] {
  const seen = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = /^item_(\d{1,2})_/.exec(key);
    if (m && Number(m[1]) < MAX_ITEMS) seen.add(Number(m[1]));
  }
  return [...seen].sort((a, b) => a - b);
}

export type SettingsResult = { ok: true; data: StatementSettings } | { ok: false; errors: Record<string, string> };

/** Validates the settings form; every error at its field (item fields as item_<n>_<name>). */
export function validateSettings(values: FormValues): SettingsResult {
  const errors: Record<string, string> = {};
  const base = settingsBase.safeParse(values);
  if (!base.success) for (const issue of base.error.issues) errors[issue.path.join('.') || '_form'] ??= issue.message;
  const items: StatementItem[] = [];
  for (const n of itemIndexes(values)) {
    const raw = { content: values[`item_${n}_content`] ?? '', reason: values[`item_${n}_reason`] ?? 'non_compliance', justification: values[`item_${n}_justification`] ?? '', alternative: values[`item_${n}_alternative`] ?? '' };
    const blank = !raw.content.trim() && !raw.justification.trim() && !raw.alternative.trim();
    if (blank) continue;
    const r = itemSchema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) errors[`item_${n}_${String(issue.path[0])}`] ??= issue.message;
      continue;
    }
    if (!r.data.content) {
      errors[`item_${n}_content`] = 'accessibility.errors.itemContentRequired';
      continue;
    }
    items.push(r.data);
  }
  // Rules between fields, read from what was typed, so that they show beside the other errors.
  const text = (name: string) => (values[name] ?? '').trim();
  const shipped = ['1', 'on', 'true'].includes(values.use_shipped ?? '');
  if (isIsoDate(text('prepared_on')) && isIsoDate(text('reviewed_on')) && text('reviewed_on') < text('prepared_on')) errors.reviewed_on ??= 'accessibility.errors.reviewedBeforePrepared';
  if (text('method') === 'external' && !text('method_by')) errors.method_by ??= 'accessibility.errors.methodByRequired';
  if (!shipped && !text('body_name')) errors.body_name ??= 'accessibility.errors.bodyNameRequired';
  if (Object.keys(errors).length > 0 || !base.success) return { ok: false, errors };
  return { ok: true, data: { ...base.data, items } };
}

export const feedbackSchema = z
  .object({
    page: optionalText(500),
    problem: requiredText(5000, 'accessibility.errors.problemRequired'),
    name: optionalText(120),
    email: z.union([z.literal(''), z.string().trim().toLowerCase().max(254, 'errors.emailInvalid').email('errors.emailInvalid')]).default(''),
    [HONEYPOT]: z.string().default(''),
  })
  .transform((v) => ({ page: v.page, problem: v.problem, name: v.name, email: v.email, honeypot: v[HONEYPOT].trim() !== '' }));

export type FeedbackInput = z.infer<typeof feedbackSchema>;
