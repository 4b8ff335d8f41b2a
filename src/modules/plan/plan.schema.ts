// One zod schema per form; the importer and the API validate with the same ones.
import { z } from 'zod';
import { checkbox, idList, optionalDate, optionalId, optionalText, optionalYear, requiredText, whenValid } from '../../platform/validation/fields.js';
import { STATUS_CATEGORIES } from './status.js';

/** The longest number a measure or goal may carry ("7.1.2", "A.3", "M 12"). */
export const NUMBER_MAX = 20;

/** The longest texts the forms take, in characters: the schemas check them, the forms state them (`maxlength`). */
export const LIMITS = {
  number: NUMBER_MAX,
  title: 300,
  edition: 50,
  intro: 5000,
  description: 5000,
  vision: 2000,
  guidingGoal: 2000,
  goal: 3000,
  measure: 10000,
  statusLabel: 300,
  timeframeLabel: 300,
  targetGroups: 500,
  note: 5000,
} as const;

/** "2024" or "2024-03": the precision plans actually give. */
const optionalMonth = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || /^(19|20|21)\d{2}(-(0[1-9]|1[0-2]))?$/.test(v), 'errors.monthInvalid')
  .transform((v) => (v === '' ? null : v));
const optionalCategory = z
  .union([z.literal(''), z.enum(STATUS_CATEGORIES, { message: 'errors.choiceInvalid' })])
  .default('')
  .transform((v) => (v === '' ? null : v));

export const planSchema = z
  .object({
    title: requiredText(LIMITS.title, 'errors.titleRequired'),
    edition: optionalText(LIMITS.edition),
    period_start: optionalYear,
    period_end: optionalYear,
    intro: optionalText(LIMITS.intro),
  })
  .refine((p) => p.period_start === null || p.period_end === null || p.period_start <= p.period_end, {
    message: 'errors.periodOrder',
    path: ['period_end'],
    ...whenValid('period_start', 'period_end'),
  });

export const PLAN_STATES = ['draft', 'in_review', 'published', 'archived'] as const;
export type PlanState = (typeof PLAN_STATES)[number];
export const planStateSchema = z.object({ state: z.enum(PLAN_STATES, { message: 'errors.choiceInvalid' }) });

export const fieldSchema = z.object({ title: requiredText(LIMITS.title, 'errors.titleRequired'), description: optionalText(LIMITS.description) });
export const visionSchema = z.object({ text: requiredText(LIMITS.vision) });
export const guidingGoalSchema = z.object({ text: requiredText(LIMITS.guidingGoal), target_year: optionalYear });
/** A number as the plan writes it: free text up to NUMBER_MAX characters on one line, or empty (no number). */
const optionalNumber = z
  .string()
  .trim()
  .default('')
  .refine((v) => v.length <= NUMBER_MAX && !/[\r\n\t]/.test(v), 'errors.numberInvalid')
  .transform((v) => (v === '' ? null : v));

export const goalSchema = z.object({ text: requiredText(LIMITS.goal), number: optionalNumber, guiding_goal_id: optionalId });
export { moveSchema } from '../../platform/validation/fields.js';

export const measureSchema = z
  .object({
    text: requiredText(LIMITS.measure),
    number: optionalNumber,
    is_further: checkbox,
    field_id: optionalId,
    goal_id: optionalId,
    status_label: optionalText(LIMITS.statusLabel),
    status_category: optionalCategory,
    timeframe_label: optionalText(LIMITS.timeframeLabel).transform((v) => v.replace(/\s+/g, ' ')),
    timeframe_start: optionalMonth,
    timeframe_end: optionalMonth,
    target_groups: optionalText(LIMITS.targetGroups).transform((v) =>
      [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))].join(', '),
    ),
    lead_actor_id: optionalId,
    partner_actor_ids: idList,
  })
  .refine((m) => m.is_further || m.goal_id !== null, { message: 'errors.goalRequired', path: ['goal_id'] })
  .refine((m) => !m.is_further || m.number === null, { message: 'errors.furtherHasNoNumber', path: ['number'] })
  .refine((m) => m.timeframe_start === null || m.timeframe_end === null || m.timeframe_start <= m.timeframe_end, {
    message: 'errors.timeframeOrder',
    path: ['timeframe_end'],
    ...whenValid('timeframe_start', 'timeframe_end'),
  });

export const statusChangeSchema = z.object({
  status_label: requiredText(LIMITS.statusLabel, 'errors.statusRequired'),
  status_category: optionalCategory,
  note: optionalText(LIMITS.note),
  /** The note stays in the admin area (the status itself is public). */
  note_internal: checkbox,
});

export const progressNoteSchema = z.object({ text: requiredText(LIMITS.note), note_date: optionalDate, internal: checkbox });

export type PlanInput = z.infer<typeof planSchema>;
export type FieldInput = z.infer<typeof fieldSchema>;
export type VisionInput = z.infer<typeof visionSchema>;
export type GuidingGoalInput = z.infer<typeof guidingGoalSchema>;
export type GoalInput = z.infer<typeof goalSchema>;
/** The form's fields; a caller that does not know the timeframe's wording (a round, a test) leaves it out. */
export type MeasureInput = Omit<z.infer<typeof measureSchema>, 'timeframe_label'> & { timeframe_label?: string };
/** A note is public unless `note_internal` (the form's checkbox, or a note the system writes). */
export type StatusChangeInput = Omit<z.infer<typeof statusChangeSchema>, 'note_internal'> & { note_internal?: boolean };
export type ProgressNoteInput = Omit<z.infer<typeof progressNoteSchema>, 'internal'> & { internal?: boolean };
