// The forms of the Wegweiser: an offer (shared by the officer's and the actor representative's form, and by a
// token-authenticated API later), the residents' filters, and the officer's settings. Times are checked as a
// whole: a regular offer needs a weekday and a start before its end; by appointment needs none.
import { z } from 'zod';
import { checkbox, idList, isIsoDate, optionalDate, optionalId, optionalText, requiredText, tooLong, whenValid } from '../../platform/validation/fields.js';
import type { FormValues } from '../../platform/views/page.js';
import type { OfferRow } from './offers.repository.js';
import { codesOf, FREQUENCIES, LAENDER, WEEKDAYS, type Schedule } from './offers.times.js';

export const CATEGORIES = ['language_course', 'language_cafe', 'counselling', 'childcare', 'sport', 'culture', 'volunteering', 'homework', 'meeting', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const TARGET_GROUPS = ['everyone', 'children', 'youth', 'families', 'women', 'men', 'seniors', 'refugees', 'newcomers'] as const;
/** Languages an offer can be held in (ISO 639-1, and "prs" Dari); their names come from Intl.DisplayNames. */
export const OFFER_LANGUAGES = ['de', 'en', 'ar', 'tr', 'uk', 'ru', 'fa', 'prs', 'ps', 'ku', 'ti', 'so', 'fr', 'es', 'it', 'pl', 'ro', 'bg', 'sq', 'sr', 'hr', 'el', 'vi', 'zh', 'ta', 'ur', 'dgs'] as const;
export const OFFER_STATES = ['draft', 'published'] as const;

export const LIMITS = { title: 160, description: 4000, text: 300, note: 500, exceptions: 2000 };
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Several codes from checkboxes (joined by commas in readForm), each one of `allowed`. */
const codeList = <T extends string>(allowed: readonly T[]) =>
  z
    .string()
    .trim()
    .default('')
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
    .refine((list) => list.every((c) => (allowed as readonly string[]).includes(c)), 'errors.choiceInvalid')
    .transform((list) => list as T[]);

/** Cancelled days: one a line (or between commas), as "2026-03-10" or "10.03.2026". */
const dayList = z
  .string()
  .max(LIMITS.exceptions, tooLong(LIMITS.exceptions))
  .default('')
  .transform((v) => v.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean).map((s) => (/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(s) ? s.split('.').reverse().map((p) => p.padStart(2, '0')).join('-') : s)))
  .refine((list) => list.every(isIsoDate), 'offers.errors.exceptionsInvalid')
  .transform((list) => [...new Set(list)].sort());

const time = z.string().trim().default('').refine((v) => v === '' || TIME.test(v), 'offers.errors.timeInvalid');
const url = z.union([z.literal(''), z.string().trim().max(LIMITS.text, tooLong(LIMITS.text)).url('errors.urlInvalid').refine((u) => /^https?:\/\//.test(u), 'errors.urlInvalid')]).default('');

/**
 * A JSON body (the API) gives lists as arrays, flags as booleans and numbers as numbers; the form gives strings.
 * Both are read as the form's strings, so that one schema checks both.
 */
function asFormValues(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => [key, Array.isArray(value) ? value.map(String).join(',') : typeof value === 'boolean' ? (value ? '1' : '') : typeof value === 'number' ? String(value) : value === null ? '' : value]),
  );
}

const offerObject = z
  .object({
    title: requiredText(LIMITS.title, 'offers.errors.titleRequired'),
    description: optionalText(LIMITS.description),
    category: z.enum(CATEGORIES, { message: 'offers.errors.categoryRequired' }),
    actor_id: optionalId,
    street: optionalText(LIMITS.text),
    postcode: z.string().trim().default('').refine((v) => v === '' || /^\d{5}$/.test(v), 'offers.errors.postcodeInvalid'),
    town: optionalText(LIMITS.text),
    district: optionalText(LIMITS.text),
    frequency: z.enum(FREQUENCIES, { message: 'errors.choiceInvalid' }).default('appointment'),
    weekdays: codeList(WEEKDAYS),
    month_week: z.string().trim().default('').refine((v) => v === '' || ['1', '2', '3', '4', '-1'].includes(v), 'errors.choiceInvalid').transform((v) => (v === '' ? null : Number(v))),
    start_time: time,
    end_time: time,
    starts_on: optionalDate,
    ends_on: optionalDate,
    exceptions: dayList,
    skip_holidays: checkbox,
    times_note: optionalText(LIMITS.note),
    languages: codeList(OFFER_LANGUAGES),
    target_groups: codeList(TARGET_GROUPS),
    free_of_charge: checkbox,
    cost: optionalText(LIMITS.text),
    accessibility: optionalText(LIMITS.note),
    phone: z.string().trim().max(40, tooLong(40)).default('').refine((v) => v === '' || /^[+0-9][0-9 ()/-]{3,}$/.test(v), 'offers.errors.phoneInvalid'),
    email: z.union([z.literal(''), z.string().trim().toLowerCase().max(254, 'errors.emailInvalid').email('errors.emailInvalid')]).default(''),
    website: url,
    measure_ids: idList,
    field_ids: idList,
    state: z.enum(OFFER_STATES, { message: 'errors.choiceInvalid' }).default('draft'),
  })
  .refine((v) => v.frequency === 'appointment' || v.weekdays.length > 0, { path: ['weekdays'], message: 'offers.errors.weekdayRequired', ...whenValid('frequency', 'weekdays') })
  .refine((v) => v.frequency === 'appointment' || (v.start_time !== '' && v.end_time !== ''), { path: ['start_time'], message: 'offers.errors.timesRequired', ...whenValid('frequency', 'start_time', 'end_time') })
  .refine((v) => v.frequency === 'appointment' || v.start_time < v.end_time, { path: ['end_time'], message: 'offers.errors.endBeforeStart', ...whenValid('frequency', 'start_time', 'end_time') })
  .refine((v) => v.frequency !== 'monthly' || v.month_week !== null, { path: ['month_week'], message: 'offers.errors.monthWeekRequired', ...whenValid('frequency', 'month_week') })
  .refine((v) => !v.starts_on || !v.ends_on || v.starts_on <= v.ends_on, { path: ['ends_on'], message: 'offers.errors.endsBeforeStarts', ...whenValid('starts_on', 'ends_on') });

/** An offer from the form, or from a JSON body with arrays, booleans and numbers (the write API). */
export const offerSchema = z.preprocess(asFormValues, offerObject);

export type OfferInput = z.infer<typeof offerObject>;

/** The schedule the form describes (by appointment keeps no weekdays or times). */
export function scheduleOfInput(v: OfferInput): Schedule {
  const regular = v.frequency !== 'appointment';
  return {
    frequency: v.frequency,
    weekdays: regular ? v.weekdays : [],
    monthWeek: v.frequency === 'monthly' ? v.month_week : null,
    startTime: regular ? v.start_time : '',
    endTime: regular ? v.end_time : '',
    startsOn: v.starts_on,
    endsOn: v.ends_on,
    exceptions: regular ? v.exceptions : [],
    skipHolidays: regular && v.skip_holidays,
  };
}

/** What residents filter by (GET parameters, German words in the address). */
export interface OfferFilters {
  q: string;
  category: string;
  language: string;
  group: string;
  district: string;
  free: boolean;
  openNow: boolean;
}

export const NO_FILTERS: OfferFilters = { q: '', category: '', language: '', group: '', district: '', free: false, openNow: false };

/** The filters of a request's query: unknown codes are dropped, texts cut short. */
export function filtersOf(query: (name: string) => string | undefined): OfferFilters {
  const text = (name: string) => (query(name) ?? '').trim().slice(0, 120);
  const one = (name: string, allowed: readonly string[]) => (allowed.includes(text(name)) ? text(name) : '');
  return {
    q: text('q'),
    category: one('kategorie', CATEGORIES),
    language: one('sprache', OFFER_LANGUAGES),
    group: one('zielgruppe', TARGET_GROUPS),
    district: text('stadtteil'),
    free: text('kostenlos') === '1',
    openNow: text('jetzt') === '1',
  };
}

export const settingsSchema = z.object({
  map_url_template: z
    .union([z.literal(''), z.string().trim().max(LIMITS.text, tooLong(LIMITS.text)).refine((v) => /^https:\/\/[^\s]+$/.test(v) && v.includes('{address}'), 'offers.errors.mapTemplateInvalid')])
    .default(''),
  stale_days: z.string().trim().regex(/^[1-9][0-9]{0,3}$/, 'offers.errors.daysInvalid').transform(Number),
  holiday_region: z.enum(LAENDER, { message: 'errors.choiceInvalid' }),
  reminder_email: z.union([z.literal(''), z.string().trim().toLowerCase().max(254, 'errors.emailInvalid').email('errors.emailInvalid')]).default(''),
});
export type OfferSettingsInput = z.infer<typeof settingsSchema>;

/** An offer row as the form shows it again. */
export function valuesOf(row: OfferRow, measureIds: number[], fieldIds: number[]): FormValues {
  return {
    title: row.title, description: row.description, category: row.category, actor_id: row.actor_id ? String(row.actor_id) : '',
    street: row.street, postcode: row.postcode, town: row.town, district: row.district,
    frequency: row.frequency, weekdays: codesOf(row.weekdays).join(','), month_week: row.month_week !== null ? String(row.month_week) : '',
    start_time: row.start_time, end_time: row.end_time, starts_on: row.starts_on ?? '', ends_on: row.ends_on ?? '',
    exceptions: codesOf(row.exceptions).join('\n'), skip_holidays: row.skip_holidays ? '1' : '', times_note: row.times_note,
    languages: codesOf(row.languages).join(','), target_groups: codesOf(row.target_groups).join(','), free_of_charge: row.free_of_charge ? '1' : '',
    cost: row.cost, accessibility: row.accessibility, phone: row.phone, email: row.email, website: row.website,
    measure_ids: measureIds.join(','), field_ids: fieldIds.join(','), state: row.state,
  };
}
