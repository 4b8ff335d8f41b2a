// The forms of the access codes page. Messages are i18n keys (with their parameters after `|`).
import { z } from 'zod';
import { MAX_CODES_PER_BATCH } from './codes.model.js';

const E = 'questionnaires.codes.errors';

export const generateCodesSchema = z.object({
  count: z
    .string()
    .trim()
    .default('')
    .refine((v) => /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_CODES_PER_BATCH, `${E}.count|max=${MAX_CODES_PER_BATCH}`)
    .transform(Number),
});

/** Which codes the sheet prints: one batch or all (`batch` empty), and all or only the free ones. */
export const sheetSchema = z.object({
  batch: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^[1-9]\d{0,5}$/.test(v), `${E}.batch`)
    .transform((v) => (v === '' ? null : Number(v))),
  unused: z
    .string()
    .default('')
    .transform((v) => v === '1' || v === 'on'),
});
