import { z } from 'zod';
import { LANGUAGES, type Lang } from '../../platform/i18n/i18n.js';

export const actorSchema = z.object({
  name: z.string().trim().min(1, 'errors.nameRequired').max(300, 'errors.tooLong'),
  parent_id: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^[1-9]\d{0,9}$/.test(v), 'errors.choiceInvalid')
    .transform((v) => (v === '' ? null : Number(v))),
  description: z.string().trim().max(5000, 'errors.tooLong').default(''),
  contact_email: z.union([z.literal(''), z.string().trim().email('errors.emailInvalid')]).default(''),
  website: z.union([z.literal(''), z.string().trim().url('errors.urlInvalid').refine((u) => /^https?:\/\//.test(u), 'errors.urlInvalid')]).default(''),
  /** The language of the mails the actor gets (update rounds). */
  lang: z.enum(LANGUAGES, { error: 'errors.choiceInvalid' }).default('de'),
});

/** An actor as the form gives it; the language may be left out (German, the database's default). */
export type ActorInput = Omit<z.infer<typeof actorSchema>, 'lang'> & { lang?: Lang };
