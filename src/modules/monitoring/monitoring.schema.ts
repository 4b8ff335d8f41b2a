// Forms of the monitoring module: yearly priorities, indicators and their values, funding of a measure.
// Numbers may be typed the German way ("1.076,5", "12.500,00").
import { z } from 'zod';
import { idList, optionalDate, optionalId, optionalText, optionalYear, requiredText, requiredYear, whenValid } from '../../platform/validation/fields.js';
import { parsePeriod } from './indicator.csv.js';
import { parseEuroCents, parseGermanNumber } from './number.js';

const optionalNumber = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || parseGermanNumber(v) !== null, 'monitoring.errors.numberInvalid')
  .transform((v) => (v === '' ? null : parseGermanNumber(v)));
export const prioritySchema = z.object({
  year: requiredYear('monitoring.errors.yearRequired'),
  title: requiredText(300, 'errors.titleRequired'),
  description: optionalText(5000),
  guiding_goal_id: optionalId,
  goal_ids: idList,
  measure_ids: idList,
});

/** Where an indicator hangs: "goal:12" or "guiding:3". */
const anchor = z
  .string()
  .trim()
  .default('')
  .refine((v) => /^(goal|guiding):[1-9]\d{0,9}$/.test(v), 'monitoring.errors.anchorRequired')
  .transform((v) => {
    const [kind, id] = v.split(':');
    return { kind: kind as 'goal' | 'guiding', id: Number(id) };
  });

export const indicatorSchema = z
  .object({
    name: requiredText(300, 'errors.nameRequired'),
    anchor,
    unit: optionalText(50),
    source: optionalText(500),
    baseline_value: optionalNumber,
    baseline_year: optionalYear,
    target_value: optionalNumber,
    target_year: optionalYear,
  })
  .refine((i) => (i.baseline_value === null) === (i.baseline_year === null), {
    message: 'monitoring.errors.valueAndYear',
    path: ['baseline_year'],
  })
  .refine((i) => i.target_value === null || i.target_year !== null, { message: 'monitoring.errors.valueAndYear', path: ['target_year'] })
  .refine((i) => i.baseline_year === null || i.target_year === null || i.baseline_year <= i.target_year, {
    message: 'monitoring.errors.targetBeforeBaseline',
    path: ['target_year'],
  });

export const indicatorValueSchema = z.object({
  period: z
    .string()
    .trim()
    .default('')
    .refine((v) => parsePeriod(v) !== null, 'monitoring.errors.periodInvalid')
    .transform((v) => parsePeriod(v)!),
  value: z
    .string()
    .trim()
    .default('')
    .refine((v) => parseGermanNumber(v) !== null, 'monitoring.errors.numberInvalid')
    .transform((v) => parseGermanNumber(v)!),
});

export const fundingSchema = z
  .object({
    programme: requiredText(300, 'monitoring.errors.programmeRequired'),
    amount: z
      .string()
      .trim()
      .default('')
      .refine((v) => v === '' || parseEuroCents(v) !== null, 'monitoring.errors.amountInvalid')
      .transform((v) => (v === '' ? null : parseEuroCents(v))),
    start_date: optionalDate,
    end_date: optionalDate,
  })
  .refine((f) => f.start_date === null || f.end_date === null || f.start_date <= f.end_date, { message: 'errors.periodOrder', path: ['end_date'], ...whenValid('start_date', 'end_date') });

export type PriorityInput = z.infer<typeof prioritySchema>;
export type IndicatorInput = z.infer<typeof indicatorSchema>;
export type IndicatorValueInput = z.infer<typeof indicatorValueSchema>;
export type FundingInput = z.infer<typeof fundingSchema>;
