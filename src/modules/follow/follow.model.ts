// What a resident can follow, how often the digest comes, and when: daily digests go out every morning at 7 in
// Berlin, weekly ones on Monday morning. A digest is for a period (the day, or the ISO week), and one period's
// digest is sent once.
import { berlinInstant } from '../participation/index.js';
import { berlinDay } from '../../platform/views/format.js';

export const SUBJECT_TYPES = ['plan', 'field', 'measure', 'group', 'actor'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const FREQUENCIES = ['daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The hour (Berlin) the digests go out. */
export const DIGEST_TIME = '07:00';
/** Hours a subscription waits for its address to be confirmed before it is deleted. */
export const PENDING_HOURS = 72;

export const isSubjectType = (v: string): v is SubjectType => (SUBJECT_TYPES as readonly string[]).includes(v);

/** The ISO week of a day ("2026-11-27" → "2026-W48"). */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of its week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The period a digest sent at `now` is for. */
export function periodOf(frequency: Frequency, now: Date): string {
  const day = berlinDay(now);
  return frequency === 'daily' ? day : isoWeek(day);
}

/** Which digests are due at `now`: daily ones every day, weekly ones on Mondays (Berlin). */
export function dueFrequencies(now: Date): Frequency[] {
  const monday = new Date(`${berlinDay(now)}T12:00:00Z`).getUTCDay() === 1;
  return monday ? ['daily', 'weekly'] : ['daily'];
}

/** The next digest run after `now`: 7 o'clock of the next morning in Berlin (today's, if it is still to come). */
export function nextRun(now: Date): Date {
  const today = berlinInstant(berlinDay(now), DIGEST_TIME);
  if (Date.parse(today) > now.getTime()) return new Date(today);
  const tomorrow = berlinDay(new Date(Date.parse(berlinInstant(berlinDay(now), '12:00')) + 86_400_000));
  return new Date(berlinInstant(tomorrow, DIGEST_TIME));
}
