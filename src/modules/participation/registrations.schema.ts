// The forms of event registration: the public registration form (name, e-mail, needs, consent, and a honeypot
// that people never see) and the officer's retention setting. Messages are keys, translated where shown.
import { z } from 'zod';
import { checkbox, optionalText, requiredText } from '../../platform/validation/fields.js';

/** What a registrant may need to take part. Stored as needs_json. */
export interface Needs {
  /** the language to interpret into */
  interpreter?: string;
  sign_language?: true;
  /** number of children to look after */
  childcare?: number;
  step_free?: true;
  other?: string;
}

/** The honeypot's name: a field hidden from people (CSS), which only programs fill in. */
export const HONEYPOT = 'website';

export const registrationSchema = z
  .object({
    name: requiredText(120, 'errors.nameRequired'),
    email: z.string().trim().toLowerCase().min(1, 'errors.emailRequired').max(254, 'errors.emailInvalid').email('errors.emailInvalid'),
    need_interpreter: checkbox,
    interpreter_language: optionalText(60),
    need_sign_language: checkbox,
    need_childcare: checkbox,
    children: z.string().trim().default(''),
    need_step_free: checkbox,
    need_other: optionalText(300),
    consent: checkbox,
    [HONEYPOT]: z.string().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.need_interpreter && !v.interpreter_language) ctx.addIssue({ code: 'custom', path: ['interpreter_language'], message: 'participation.registrations.errors.languageRequired' });
    if (v.need_childcare && !/^([1-9]|1[0-9]|20)$/.test(v.children)) ctx.addIssue({ code: 'custom', path: ['children'], message: 'participation.registrations.errors.childrenInvalid' });
    if (!v.need_childcare && v.children !== '' && !/^([1-9]|1[0-9]|20)$/.test(v.children)) ctx.addIssue({ code: 'custom', path: ['children'], message: 'participation.registrations.errors.childrenInvalid' });
    if (!v.consent) ctx.addIssue({ code: 'custom', path: ['consent'], message: 'participation.registrations.errors.consentRequired' });
  })
  .transform((v) => {
    const needs: Needs = {};
    if (v.need_interpreter) needs.interpreter = v.interpreter_language;
    if (v.need_sign_language) needs.sign_language = true;
    if (v.need_childcare) needs.childcare = Number(v.children);
    if (v.need_step_free) needs.step_free = true;
    if (v.need_other) needs.other = v.need_other;
    return { name: v.name, email: v.email, needs, honeypot: v[HONEYPOT].trim() !== '' };
  });

export type RegistrationInput = z.infer<typeof registrationSchema>;

export const retentionSchema = z.object({
  days: z
    .string()
    .trim()
    .refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 365, 'participation.registrations.errors.retentionInvalid')
    .transform(Number),
});

/** needs_json as stored, read defensively. */
export function parseNeeds(json: string): Needs {
  try {
    const v = JSON.parse(json) as Record<string, unknown>;
    const needs: Needs = {};
    if (typeof v.interpreter === 'string' && v.interpreter.trim()) needs.interpreter = v.interpreter.trim();
    if (v.sign_language === true) needs.sign_language = true;
    if (typeof v.childcare === 'number' && v.childcare > 0) needs.childcare = v.childcare;
    if (v.step_free === true) needs.step_free = true;
    if (typeof v.other === 'string' && v.other.trim()) needs.other = v.other.trim();
    return needs;
  } catch {
    return {};
  }
}
