// Forms of the participation process and its events: the process, a phase, a phase's questionnaire or link,
// an event (entered in Europe/Berlin), a programme item.
import { z } from 'zod';
import { checkbox, isIsoDate, optionalDate, optionalId, optionalText, requiredText, whenValid } from '../../platform/validation/fields.js';

export const PHASE_KINDS = ['kickoff', 'inventory', 'questionnaire', 'workshops', 'draft', 'steering_review', 'council', 'implementation', 'next_edition', 'other'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];
export const EVENT_KINDS = ['kickoff', 'workshop', 'video', 'info_evening', 'group_meeting'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_STATES = ['draft', 'published', 'cancelled'] as const;
export type EventState = (typeof EVENT_STATES)[number];

const TIME = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;
/** "9:30", "09.30" → "09:30"; anything else stays as typed (and fails). */
export const normalTime = (v: string) => (/^\d[:.]\d\d$/.test(v) ? `0${v}` : v).replace('.', ':');

const requiredTime = (message: string) =>
  z.string().trim().default('').transform(normalTime).refine((v) => TIME.test(v), message);
const optionalTime = z.string().trim().default('').transform(normalTime).refine((v) => v === '' || TIME.test(v), 'participation.process.errors.timeInvalid');

const optionalUrl = z
  .string()
  .trim()
  .max(1000, 'errors.tooLongMax|max=1000')
  .default('')
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'participation.process.errors.urlInvalid');

const optionalCount = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || (/^\d{1,5}$/.test(v) && Number(v) > 0), 'participation.process.errors.capacityInvalid')
  .transform((v) => (v === '' ? null : Number(v)));

export const processSchema = z.object({
  title: requiredText(300, 'errors.titleRequired'),
  description: optionalText(5000),
});
export type ProcessInput = z.infer<typeof processSchema>;

export const processStateSchema = z.object({ state: z.enum(['draft', 'published'], { message: 'errors.choiceInvalid' }) });

export const phaseSchema = z
  .object({
    kind: z.enum(PHASE_KINDS, { message: 'errors.choiceInvalid' }),
    title: requiredText(300, 'errors.titleRequired'),
    description: optionalText(5000),
    starts_on: optionalDate,
    ends_on: optionalDate,
  })
  .refine((p) => !p.starts_on || !p.ends_on || p.starts_on <= p.ends_on, { message: 'participation.process.errors.endBeforeStart', path: ['ends_on'], ...whenValid('starts_on', 'ends_on') })
  .refine((p) => !p.ends_on || p.starts_on, { message: 'participation.process.errors.startRequired', path: ['starts_on'], ...whenValid('starts_on', 'ends_on') });
export type PhaseInput = z.infer<typeof phaseSchema>;

/** A phase's questionnaire (chosen) or a link (title and address). */
export const phaseItemSchema = z
  .object({
    questionnaire_id: optionalId,
    title: optionalText(300),
    url: optionalUrl,
  })
  .refine((i) => i.questionnaire_id !== null || (i.title !== '' && i.url !== ''), { message: 'participation.process.errors.itemRequired', path: ['questionnaire_id'], ...whenValid('questionnaire_id', 'title', 'url') });
export type PhaseItemInput = z.infer<typeof phaseItemSchema>;

export const eventSchema = z
  .object({
    kind: z.enum(EVENT_KINDS, { message: 'errors.choiceInvalid' }),
    title: requiredText(300, 'errors.titleRequired'),
    description: optionalText(5000),
    date: z.string().trim().default('').refine(isIsoDate, 'participation.process.errors.dateRequired'),
    starts: requiredTime('participation.process.errors.timeRequired'),
    ends: requiredTime('participation.process.errors.timeRequired'),
    online: checkbox,
    online_url: optionalUrl,
    place_name: optionalText(300),
    address: optionalText(1000),
    accessibility: optionalText(2000),
    capacity: optionalCount,
    registration: checkbox,
    registration_deadline: optionalDate,
    phase_id: optionalId,
    group_id: optionalId,
  })
  .refine((e) => e.starts < e.ends, { message: 'participation.process.errors.endBeforeStartTime', path: ['ends'], ...whenValid('starts', 'ends') })
  .refine((e) => !e.online || e.online_url !== '', { message: 'participation.process.errors.onlineUrlRequired', path: ['online_url'], ...whenValid('online_url') })
  .refine((e) => e.online || e.place_name !== '' || e.address !== '', { message: 'participation.process.errors.placeRequired', path: ['place_name'], ...whenValid('place_name', 'address') })
  .refine((e) => !e.registration_deadline || e.registration_deadline <= e.date, { message: 'participation.process.errors.deadlineAfterEvent', path: ['registration_deadline'], ...whenValid('date', 'registration_deadline') });
export type EventInput = z.infer<typeof eventSchema>;

export const eventStateSchema = z.object({ state: z.enum(EVENT_STATES, { message: 'errors.choiceInvalid' }) });

export const programmeItemSchema = z.object({
  starts_at: optionalTime,
  title: requiredText(300, 'errors.titleRequired'),
  speaker: optionalText(300),
});
export type ProgrammeItemInput = z.infer<typeof programmeItemSchema>;
