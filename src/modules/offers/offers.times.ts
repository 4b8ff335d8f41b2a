// When an offer takes place: its recurrence (weekly, every other week, monthly on the nth weekday) as an RRULE
// (rrule), its days counted on the municipality's calendar (Europe/Berlin), without the cancelled days and, where
// the offer says so, without the public holidays of the municipality's Land (date-holidays). "Open now" is a
// day of the offer and a moment between its start and end, in Berlin.
import Holidays from 'date-holidays';
import { LRUCache } from 'lru-cache';
import rrule from 'rrule';
import { berlinDay, formatTime } from '../../platform/views/format.js';
import { berlinInstant } from '../participation/index.js';

const { RRule } = rrule;

export const FREQUENCIES = ['weekly', 'biweekly', 'monthly', 'appointment'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** The Länder whose public holidays date-holidays knows, by their ISO 3166-2 code after "DE-". */
export const LAENDER = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;

export interface Schedule {
  frequency: Frequency;
  weekdays: Weekday[];
  /** monthly: 1–4, or -1 for the last week of the month */
  monthWeek: number | null;
  /** "16:00" */
  startTime: string;
  endTime: string;
  /** the first day it may take place ("2026-01-01"); none: from any day */
  startsOn: string | null;
  endsOn: string | null;
  /** cancelled days */
  exceptions: string[];
  skipHolidays: boolean;
}

export interface Occurrence {
  day: string;
  start: string;
  end: string;
}

const RRULE_DAY = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU };
/** Where a recurrence without a first day is counted from: a Monday, so that "every other week" has a fixed rhythm. */
const EPOCH = '2024-01-01';

/** The recurrence as a rule of floating days (UTC midnight stands for the Berlin day), or null by appointment. */
export function ruleOf(s: Schedule): InstanceType<typeof RRule> | null {
  if (s.frequency === 'appointment' || s.weekdays.length === 0) return null;
  const days = s.weekdays.map((d) => RRULE_DAY[d]);
  const start = new Date(`${s.startsOn ?? EPOCH}T00:00:00Z`);
  const until = s.endsOn ? new Date(`${s.endsOn}T00:00:00Z`) : null;
  return new RRule({
    freq: s.frequency === 'monthly' ? RRule.MONTHLY : RRule.WEEKLY,
    interval: s.frequency === 'biweekly' ? 2 : 1,
    byweekday: s.frequency === 'monthly' ? days.map((d) => d.nth(s.monthWeek ?? 1)) : days,
    wkst: RRule.MO,
    dtstart: start,
    until,
  });
}

/** The RRULE text of a schedule (for the open data), or null by appointment. */
export function rruleText(s: Schedule): string | null {
  return ruleOf(s)?.toString() ?? null;
}

const holidayCache = new Map<string, Set<string>>();

/** The public holidays of a Land in a year, as ISO days. */
export function publicHolidays(region: string, year: number): Set<string> {
  const key = `${region}:${year}`;
  let days = holidayCache.get(key);
  if (!days) {
    const hd = new Holidays('DE', region);
    days = new Set((hd.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayCache.set(key, days);
  }
  return days;
}

export function isPublicHoliday(region: string, day: string): boolean {
  return publicHolidays(region, Number(day.slice(0, 4))).has(day);
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The days found so far, by schedule, region, first day and bounds: a pure function of these (a day's answer
 * holds all day), and walking a rule costs about a millisecond, several times per offer on a page.
 */
const found = new LRUCache<string, Occurrence[]>({ max: 5000 });

/** The days the offer takes place from `fromDay` on (inclusive), at most `limit`, within `horizonDays`. */
export function occurrences(s: Schedule, region: string, fromDay: string, limit: number, horizonDays = 400): Occurrence[] {
  const key = JSON.stringify([s, region, fromDay, limit, horizonDays]);
  let days = found.get(key);
  if (!days) {
    days = walk(s, region, fromDay, limit, horizonDays);
    found.set(key, days);
  }
  return days.map((o) => ({ ...o }));
}

function walk(s: Schedule, region: string, fromDay: string, limit: number, horizonDays: number): Occurrence[] {
  const rule = ruleOf(s);
  if (!rule) return [];
  const from = new Date(`${fromDay}T00:00:00Z`);
  const to = new Date(from.getTime() + horizonDays * 86_400_000);
  const cancelled = new Set(s.exceptions);
  const out: Occurrence[] = [];
  // The rule is walked only as far as needed: the iterator stops it once `limit` days are found.
  rule.between(from, to, true, (d) => {
    const day = isoDay(d);
    if (!cancelled.has(day) && !(s.skipHolidays && isPublicHoliday(region, day))) {
      out.push({ day, start: berlinInstant(day, s.startTime), end: berlinInstant(day, s.endTime) });
    }
    return out.length < limit;
  });
  return out;
}

/** Days in the next `days` it would take place but does not: cancelled, or a public holiday it skips. */
export function cancelledDays(s: Schedule, region: string, fromDay: string, days: number): string[] {
  const regular = occurrences({ ...s, exceptions: [], skipHolidays: false }, region, fromDay, 1000, days);
  const held = new Set(occurrences(s, region, fromDay, 1000, days).map((o) => o.day));
  return regular.map((o) => o.day).filter((d) => !held.has(d));
}

/** Whether the offer is on at this moment (Berlin): a day of it, between its start and its end. */
export function isOpenAt(s: Schedule, region: string, now: Date): boolean {
  if (!s.startTime || !s.endTime) return false;
  const today = berlinDay(now);
  const [first] = occurrences(s, region, today, 1, 1);
  if (!first || first.day !== today) return false;
  const time = formatTime(now.toISOString(), 'de');
  return time >= s.startTime && time < s.endTime;
}

/** The schedule of a stored offer row. */
export function scheduleOf(row: { frequency: string; weekdays: string; month_week: number | null; start_time: string; end_time: string; starts_on: string | null; ends_on: string | null; exceptions: string; skip_holidays: number }): Schedule {
  return {
    frequency: (FREQUENCIES as readonly string[]).includes(row.frequency) ? (row.frequency as Frequency) : 'appointment',
    weekdays: codesOf(row.weekdays).filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d)),
    monthWeek: row.month_week,
    startTime: row.start_time,
    endTime: row.end_time,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    exceptions: codesOf(row.exceptions),
    skipHolidays: row.skip_holidays === 1,
  };
}

/** A list of codes kept between commas (",de,ar,") as an array. */
export function codesOf(stored: string): string[] {
  return stored.split(',').map((c) => c.trim()).filter(Boolean);
}

/** An array of codes as kept: between commas, so that LIKE '%,ar,%' finds one. */
export function storedCodes(codes: readonly string[]): string {
  return codes.length ? `,${[...new Set(codes)].join(',')},` : '';
}
