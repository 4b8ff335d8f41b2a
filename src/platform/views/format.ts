// The one formatter for dates and numbers: every page, chart, mail and document formats through these, per locale.
// Stored dates are ISO: a year "2025", a month "2025-03", a day "2025-03-14" or a timestamp (shown in Berlin time).
// The Intl formatters are made once per locale and options, and kept.
import type { Lang } from '../i18n/i18n.js';

export const MUNICIPALITY_TIME_ZONE = 'Europe/Berlin';

/** The BCP 47 locale each language formats with: a new language is one more line here. */
const LOCALES: Record<Lang, string> = {
  de: 'de-DE',
  en: 'en-GB',
  tr: 'tr-TR',
  // Arabic with Latin digits (the numbering system "latn"): the plan's figures, measure numbers and dates read
  // the same as in the German plan and in its documents; Arabic words, months and direction stay Arabic.
  ar: 'ar-u-nu-latn',
  uk: 'uk-UA',
  ru: 'ru-RU',
};

/** The BCP 47 locale a language formats with; German, the source language, for a language it does not know. */
export function localeOf(lang: string): string {
  return Object.hasOwn(LOCALES, lang) ? LOCALES[lang as Lang] : LOCALES.de;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/**
 * A stored date in words: a year stays ("2025"), a month is "März 2025", a day "14. März 2025" and a timestamp
 * "14. März 2025 um 09:30" in Berlin time. Empty for none; an unreadable value is shown as it is.
 */
export function formatDate(value: string | null, lang: string): string {
  if (!value) return '';
  if (/^\d{4}$/.test(value)) return value;
  if (MONTH.test(value)) return formatMonth(value, lang);
  const day = value.length === 10;
  const d = new Date(day ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  return day
    ? dateFormat(localeOf(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(d)
    : dateFormat(localeOf(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: MUNICIPALITY_TIME_ZONE }).format(d);
}

/** "März 2026" ("March 2026") for the month "2026-03"; an unreadable value as it is. */
export function formatMonth(month: string, lang: string): string {
  const d = new Date(`${month}-01T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return dateFormat(localeOf(lang), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
}

/**
 * A day in figures: "14.03.2025" ("14/03/2025"); with `numeric`, day and month are not padded where the
 * language does not pad them ("14.3.2025"). A timestamp is shown as the day it was in Berlin; an unreadable
 * value as it is.
 */
export function formatShortDate(value: string, lang: string, digits: '2-digit' | 'numeric' = '2-digit'): string {
  const day = DAY.test(value);
  // A day at noon UTC, the same day in every time zone.
  const d = new Date(day ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return value;
  return dateFormat(localeOf(lang), { day: digits, month: digits, year: 'numeric', timeZone: day ? 'UTC' : MUNICIPALITY_TIME_ZONE }).format(d);
}

/** The weekday of a day ("2026-03-28") in words: "Samstag" ("Saturday"); an unreadable value as it is. */
export function formatWeekday(day: string, lang: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  if (!DAY.test(day) || Number.isNaN(d.getTime())) return day;
  return dateFormat(localeOf(lang), { weekday: 'long', timeZone: 'UTC' }).format(d);
}

/** The calendar day ("2025-01-01") an instant falls on in Berlin. */
export function berlinDay(instant: Date): string {
  // Canadian English writes days the ISO way.
  return dateFormat('en-CA', { timeZone: MUNICIPALITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** A share between 0 and 1 as a whole percentage ("42 %", "42%"). */
export function formatPercent(share: number, lang: string): string {
  return numberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export interface NumberStyle {
  /** at least this many decimals (0) */
  minDecimals?: number;
  /** at most this many decimals (2, or `minDecimals` when that is more) */
  maxDecimals?: number;
  /** false: no thousands separators ("1076,5"), as a form field shows a number again */
  grouping?: boolean;
}

/** A number grouped per locale, with up to two decimals unless told otherwise ("1.076,5", "1,076.5"). */
export function formatNumber(value: number, lang: string, style: NumberStyle = {}): string {
  const options: Intl.NumberFormatOptions = {};
  if (style.minDecimals !== undefined) options.minimumFractionDigits = style.minDecimals;
  options.maximumFractionDigits = Math.max(style.maxDecimals ?? 2, style.minDecimals ?? 0);
  if (style.grouping === false) options.useGrouping = false;
  return numberFormat(localeOf(lang), options).format(value);
}

/** An amount of whole cents in euros ("12.500,00 €", "€12,500.00"). */
export function formatEuro(cents: number, lang: string): string {
  return numberFormat(localeOf(lang), { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** The time of day an instant shows in Berlin: "09:30". */
export function formatTime(instant: string, lang: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return dateFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: MUNICIPALITY_TIME_ZONE }).format(d);
}
