// What the working-group forms accept: a group, a member, a request to join, a decision on one, a task.
import { z } from 'zod';
import { checkbox, optionalDate, optionalId, optionalText, requiredText } from '../../platform/validation/fields.js';

const optionalEmail = z.string().trim().toLowerCase().max(200, 'errors.tooLong').default('').refine((v) => v === '' || z.string().email().safeParse(v).success, 'errors.emailInvalid');
const email = z.string().trim().toLowerCase().min(1, 'errors.emailRequired').max(200, 'errors.tooLong').email('errors.emailInvalid');

/**
 * A working group. Its anchor is one choice: "field:3", "goal:7" or "priority:2" (a field of action, a guiding
 * goal or a yearly priority of the plan), or nothing.
 */
export const groupSchema = z.object({
  title: requiredText(200),
  purpose: optionalText(4000),
  contact_name: optionalText(200),
  contact_email: optionalEmail,
  how_to_join: optionalText(2000),
  anchor: z.string().trim().default('').refine((v) => v === '' || /^(field|goal|priority):[1-9]\d{0,9}$/.test(v), 'errors.choiceInvalid'),
  join_open: checkbox,
});
export type GroupInput = z.infer<typeof groupSchema>;

export const memberSchema = z.object({
  name: requiredText(200, 'errors.nameRequired'),
  email,
  role: z.enum(['lead', 'member'], { message: 'errors.choiceInvalid' }),
});
export type MemberInput = z.infer<typeof memberSchema>;

/** A resident's request to join; `website` is a field people do not see (filled only by robots). */
export const joinRequestSchema = z.object({
  name: requiredText(200, 'errors.nameRequired'),
  email,
  motivation: requiredText(2000, 'groups.groups.errors.motivationRequired'),
  website: z.string().default(''),
});
export type JoinRequestInput = z.infer<typeof joinRequestSchema>;

export const decisionSchema = z.object({
  decision: z.enum(['accept', 'decline'], { message: 'errors.choiceInvalid' }),
  note: optionalText(1000),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

export const taskSchema = z.object({
  title: requiredText(300),
  measure_id: optionalId,
  due_on: optionalDate,
});
export type TaskInput = z.infer<typeof taskSchema>;

export const taskStateSchema = z.object({ state: z.enum(['open', 'done'], { message: 'errors.choiceInvalid' }) });

export const archiveSchema = z.object({ archived: checkbox });
