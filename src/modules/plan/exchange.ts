// The exchange format: what the importer produces, what the JSON export writes, and what the demo data is.
// Documented as JSON Schema in docs/exchange-format.schema.json; field names are part of the public contract.
import { z } from 'zod';
import { numberText } from '../../platform/text/natural.js';
import { STATUS_CATEGORIES } from './status.js';

/**
 * A number as the plan writes it ("7", "1.10", "A.3"), trimmed, or null. Files of older versions wrote an
 * integer; it is read as its text.
 */
const exchangeNumberSchema = z
  .union([z.string(), z.number().int().nonnegative(), z.null()])
  .transform((v) => numberText(v));

export const exchangeActorSchema = z.object({
  name: z.string().trim().min(1),
  role: z.enum(['lead', 'partner']),
  parent: z.string().trim().min(1).nullable(),
});

export const exchangeStatusSchema = z.object({
  category: z.enum(STATUS_CATEGORIES),
  label: z.string(),
  date: z.string().nullable(),
});

export const exchangeNoteSchema = z.object({
  text: z.string().trim().min(1),
  date: z.string().nullable(),
});

/** A fact of a measure its catalogue gives under its own label ("Kosten", "Zielgruppe"). */
export const exchangeAttributeSchema = z.object({
  label: z.string().trim().min(1),
  value: z.string(),
});

export const exchangeMeasureSchema = z.object({
  number: exchangeNumberSchema,
  text: z.string().trim().min(1),
  actors: z.array(exchangeActorSchema),
  status: exchangeStatusSchema,
  notes: z.array(exchangeNoteSchema),
  /** Optional extras; importers fill them where the source has them. The timeframe as the plan words it ("ab Herbst 2025", "laufend"). */
  timeframe: z.string().nullable().optional(),
  /** Start and end as "2025" or "2025-07", where known; without them they are derived from `timeframe`. */
  timeframeStart: z.string().regex(/^(19|20|21)\d{2}(-(0[1-9]|1[0-2]))?$/).nullable().optional(),
  timeframeEnd: z.string().regex(/^(19|20|21)\d{2}(-(0[1-9]|1[0-2]))?$/).nullable().optional(),
  targetGroups: z.array(z.string()).optional(),
  /** Further facts under their labels, in the catalogue's order. */
  attributes: z.array(exchangeAttributeSchema).optional(),
});

export const exchangeGoalSchema = z.object({
  /** The goal's number as the plan writes it ("1.1"); optional. */
  number: exchangeNumberSchema.optional(),
  text: z.string().trim(),
  measures: z.array(exchangeMeasureSchema),
});

export const exchangeFieldSchema = z.object({
  title: z.string().trim().min(1),
  visions: z.array(z.string().trim().min(1)),
  goals: z.array(exchangeGoalSchema),
  furtherMeasures: z.array(exchangeMeasureSchema),
});

export const exchangePlanSchema = z.object({
  plan: z.object({
    title: z.string().trim().min(1),
    period: z.string().nullable().optional(),
    edition: z.string().nullable().optional(),
  }),
  fields: z.array(exchangeFieldSchema),
});

export type ExchangeActor = z.infer<typeof exchangeActorSchema>;
export type ExchangeAttribute = z.infer<typeof exchangeAttributeSchema>;
export type ExchangeStatus = z.infer<typeof exchangeStatusSchema>;
export type ExchangeNote = z.infer<typeof exchangeNoteSchema>;
export type ExchangeMeasure = z.infer<typeof exchangeMeasureSchema>;
export type ExchangeGoal = z.infer<typeof exchangeGoalSchema>;
export type ExchangeField = z.infer<typeof exchangeFieldSchema>;
export type ExchangePlan = z.infer<typeof exchangePlanSchema>;

/** The exchange format as JSON Schema (draft 2020-12), published in docs/exchange-format.schema.json. */
export function exchangeJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://teilhabe.example/schemas/exchange-format.schema.json',
    title: 'Teilhabe: Austauschformat eines Integrationsplans',
    description: 'Ein Maßnahmenkatalog mit Handlungsfeldern, Visionen, Zielen, Maßnahmen, Akteuren, Status und Sachstand.',
    // What a file may contain (the input side: a number may still be an integer of an older file).
    ...z.toJSONSchema(exchangePlanSchema, { target: 'draft-2020-12', io: 'input' }),
  };
}

/** A problem found in an imported file, with the place it was found. */
export interface ImportProblem {
  file: string;
  sheet?: string;
  /** PDF only: the page; `row` is then the line on that page. */
  page?: number;
  /** Word only: the table's ordinal; `row` is then the row within that table. */
  table?: number;
  row?: number;
  column?: string;
  message: string;
}
