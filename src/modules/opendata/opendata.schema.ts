// The officer's forms: the open data settings (licence, attribution, embed origins, GovData ids) and a new token.
import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/validation/fields.js';
import { LICENCE_CODES, originOf, TOKEN_DAYS, TOKEN_ROLES } from './opendata.model.js';

export const settingsSchema = z.object({
  licence: z.enum(LICENCE_CODES, { message: 'errors.choiceInvalid' }),
  attribution: optionalText(300),
  embed_origins: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const origins: string[] = [];
      for (const line of v.split(/\s+/).map((s) => s.trim()).filter(Boolean)) {
        const origin = originOf(line);
        if (!origin) {
          ctx.addIssue({ code: 'custom', message: 'opendata.errors.originInvalid' });
          return z.NEVER;
        }
        if (!origins.includes(origin)) origins.push(origin);
      }
      if (origins.length > 20) {
        ctx.addIssue({ code: 'custom', message: 'opendata.errors.tooManyOrigins' });
        return z.NEVER;
      }
      return origins;
    }),
  contributor_id: optionalText(300).refine((v) => v === '' || /^https?:\/\/\S+$/.test(v), 'opendata.errors.contributorInvalid'),
  regional_key: optionalText(12).refine((v) => v === '' || /^(\d{8}|\d{12})$/.test(v), 'opendata.errors.regionalKeyInvalid'),
});

export const tokenSchema = z.object({
  name: requiredText(80),
  role: z.enum(TOKEN_ROLES, { message: 'errors.choiceInvalid' }),
  days: z.enum(TOKEN_DAYS.map(String) as [string, ...string[]], { message: 'errors.choiceInvalid' }).transform(Number),
});
