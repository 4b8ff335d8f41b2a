// The forms of residents' comments and ideas and of the officer's moderation: plain text only (a tag is refused,
// and every text is shown escaped), length limits, links counted, a honeypot; the blocked words are the
// municipality's and checked by the service.
import { z } from 'zod';
import { optionalText, requiredText, tooLong } from '../../platform/validation/fields.js';

export const HONEYPOT = 'website';
export const LIMITS = { comment: 2000, ideaTitle: 120, idea: 4000, name: 80, answer: 4000, reason: 300, blockedWords: 5000 };
/** Most links a comment or idea may carry. */
export const MAX_LINKS = 2;

const TAG = /<\s*\/?\s*[a-z!?][^>]*>?/i;
const LINK = /\bhttps?:\/\/|\bwww\./gi;

export function countLinks(text: string): number {
  return (text.match(LINK) ?? []).length;
}

export function looksLikeHtml(text: string): boolean {
  return TAG.test(text);
}

/** Whether the text contains one of the blocked words or phrases (case-insensitive, whole words). */
export function blockedWordIn(text: string, blocked: string[]): string | null {
  const lower = text.toLocaleLowerCase('de');
  for (const word of blocked) {
    const w = word.trim().toLocaleLowerCase('de');
    if (!w) continue;
    const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(lower)) return word.trim();
  }
  return null;
}

const plain = (schema: z.ZodString) => schema.refine((v) => !looksLikeHtml(v), 'ideas.errors.noHtml');
const withFewLinks = (schema: z.ZodType<string>) => schema.refine((v) => countLinks(v) <= MAX_LINKS, `ideas.errors.tooManyLinks|max=${MAX_LINKS}`);
const email = z.union([z.literal(''), z.string().trim().toLowerCase().max(254, 'errors.emailInvalid').email('errors.emailInvalid')]).default('');

const common = {
  name: optionalText(LIMITS.name).pipe(plain(z.string())),
  email,
  [HONEYPOT]: z.string().default(''),
};

export const commentSchema = z
  .object({ body: withFewLinks(requiredText(LIMITS.comment, 'ideas.errors.bodyRequired').pipe(plain(z.string()))), ...common })
  .transform((v) => ({ title: '', body: v.body, name: v.name, email: v.email, honeypot: v[HONEYPOT].trim() !== '' }));

export const ideaSchema = z
  .object({
    title: withFewLinks(requiredText(LIMITS.ideaTitle, 'ideas.errors.titleRequired').pipe(plain(z.string()))),
    body: withFewLinks(requiredText(LIMITS.idea, 'ideas.errors.bodyRequired').pipe(plain(z.string()))),
    ...common,
  })
  .transform((v) => ({ title: v.title, body: v.body, name: v.name, email: v.email, honeypot: v[HONEYPOT].trim() !== '' }));

export type PostInput = z.infer<typeof commentSchema>;

export const hideSchema = z.object({ reason: requiredText(LIMITS.reason, 'ideas.errors.reasonRequired') });
export const answerSchema = z.object({ answer: requiredText(LIMITS.answer, 'ideas.errors.answerRequired') });
/** The field of a plan in preparation an idea becomes a draft measure in. */
export const draftMeasureSchema = z.object({ field_id: z.coerce.number().int().positive('ideas.errors.notInPreparation') });
export const linkSchema = z.object({ measure_number: z.string().trim().min(1, 'ideas.errors.measureRequired').max(20, 'ideas.errors.measureUnknown') });

export const settingsSchema = z.object({
  moderation: z.enum(['pre', 'post'], { message: 'errors.choiceInvalid' }),
  blocked_words: z.string().max(LIMITS.blockedWords, tooLong(LIMITS.blockedWords)).default(''),
  email_retention_days: z.string().trim().regex(/^[1-9][0-9]{0,3}$/, 'ideas.errors.daysInvalid').transform(Number),
});
export type IdeaSettingsInput = z.infer<typeof settingsSchema>;
