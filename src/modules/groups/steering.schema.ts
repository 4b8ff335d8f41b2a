// Forms of the steering group: the group of a plan, a member with their seat, a comment, a review.
import { z } from 'zod';
import { optionalText, requiredText } from '../../platform/validation/fields.js';

/** The stakeholder groups a steering-group member represents (a seat); "other" for anyone else. */
export const SEATS = [
  'migrant_organisations', 'refugee_helpers', 'volunteers_interpreters', 'schools', 'youth_council', 'seniors_council',
  'clubs', 'religious_communities', 'authorities', 'offices', 'other',
] as const;
export type Seat = (typeof SEATS)[number];
export const isSeat = (v: unknown): v is Seat => typeof v === 'string' && (SEATS as readonly string[]).includes(v);

export const REVIEW_STATES = ['approved', 'changes_requested'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Plans in these states are drafts: their goals and measures may be commented on. */
export const DRAFT_STATES: readonly string[] = ['draft', 'in_review'];

export const LIMITS = { comment: 4000, represents: 200, name: 200 };

export const createGroupSchema = z.object({
  plan_id: z.string().trim().regex(/^[1-9]\d{0,9}$/, 'groups.steering.errors.planRequired').transform(Number),
});

export const memberSchema = z.object({
  name: requiredText(LIMITS.name, 'errors.nameRequired'),
  email: z.string().trim().toLowerCase().email('errors.emailInvalid'),
  seat: z.enum(SEATS, { message: 'groups.steering.errors.seatRequired' }),
  represents: optionalText(LIMITS.represents),
});
export type MemberInput = z.infer<typeof memberSchema>;

export const commentSchema = z.object({
  text: requiredText(LIMITS.comment, 'groups.steering.errors.commentRequired'),
});

export const reviewSchema = z
  .object({
    state: z.enum(REVIEW_STATES, { message: 'groups.steering.errors.reviewStateRequired' }),
    comment: optionalText(LIMITS.comment),
  })
  .refine((v) => v.state !== 'changes_requested' || v.comment !== '', { path: ['comment'], message: 'groups.steering.errors.changesNeedComment' });
export type ReviewInput = z.infer<typeof reviewSchema>;
