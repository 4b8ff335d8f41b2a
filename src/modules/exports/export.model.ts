// What every export receives: the plan in the exchange format plus the context a reader needs around it.
import { z } from 'zod';
import { LANGUAGES } from '../../platform/i18n/i18n.js';
import { exchangePlanSchema } from '../plan/index.js';

export const PLAN_STATES = ['draft', 'in_review', 'published', 'archived'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

/** Every interface language: the documents' own words follow the reader's. */
export const EXPORT_LANGUAGES = LANGUAGES;
export type ExportLang = (typeof EXPORT_LANGUAGES)[number];

export const exportInputSchema = z.object({
  plan: exchangePlanSchema,
  municipalityName: z.string().trim().min(1),
  /** ISO date of the state the export shows, e.g. "2025-03-31". */
  stateDate: z.iso.date(),
  planState: z.enum(PLAN_STATES),
  lang: z.enum(EXPORT_LANGUAGES),
});

export type ExportInput = z.infer<typeof exportInputSchema>;

/** Callers build the input from stored data, so a bad one is a programming error: fail loudly, never write a half file. */
export function parseExportInput(input: ExportInput): ExportInput {
  return exportInputSchema.parse(input);
}
