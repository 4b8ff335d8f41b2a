// The one formatter, in German and English: the exact strings pages, charts and documents show.
// Intl puts a no-break space (\u00a0) between a figure and "%" or "€" in German.
import { describe, expect, it } from 'vitest';
import { berlinDay, formatDate, formatEuro, formatMonth, formatNumber, formatPercent, formatShortDate, formatWeekday, localeOf } from './format.js';

describe('localeOf', () => {
  it('maps each language to its locale, and an unknown one to German, the source language', () => {
    expect(localeOf('de')).toBe('de-DE');
    expect(localeOf('en')).toBe('en-GB');
    expect(localeOf('fr')).toBe('de-DE');
    expect(localeOf('toString')).toBe('de-DE');
  });
});

describe('formatDate', () => {
  it('leaves nothing empty and a year as it is', () => {
    expect(formatDate(null, 'de')).toBe('');
    expect(formatDate('', 'en')).toBe('');
    expect(formatDate('2025', 'de')).toBe('2025');
    expect(formatDate('2025', 'en')).toBe('2025');
  });

  it('writes a month and a day in words', () => {
    expect(formatDate('2025-03', 'de')).toBe('März 2025');
    expect(formatDate('2025-03', 'en')).toBe('March 2025');
    expect(formatDate('2025-03-14', 'de')).toBe('14. März 2025');
    expect(formatDate('2025-03-14', 'en')).toBe('14 March 2025');
  });

  it('shows a timestamp in Berlin time, which may be the next day', () => {
    expect(formatDate('2025-03-14T08:30:00Z', 'de')).toBe('14. März 2025 um 09:30');
    expect(formatDate('2025-03-14T08:30:00Z', 'en')).toBe('14 March 2025 at 09:30');
    expect(formatDate('2024-12-31T23:30:00Z', 'de')).toBe('1. Januar 2025 um 00:30');
    expect(formatDate('2024-06-30T22:15:00.000Z', 'en')).toBe('1 July 2024 at 00:15');
  });

  it('shows what it cannot read as it is', () => {
    expect(formatDate('demnächst', 'de')).toBe('demnächst');
    expect(formatDate('2025-13', 'en')).toBe('2025-13');
  });
});

describe('formatMonth', () => {
  it('names the month and the year', () => {
    expect(formatMonth('2026-03', 'de')).toBe('März 2026');
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatMonth('2025-12', 'de')).toBe('Dezember 2025');
    expect(formatMonth('2025-12', 'en')).toBe('December 2025');
  });
});

describe('formatShortDate', () => {
  it('writes a day in figures, padded', () => {
    expect(formatShortDate('2025-03-04', 'de')).toBe('04.03.2025');
    expect(formatShortDate('2025-03-04', 'en')).toBe('04/03/2025');
  });

  it('leaves day and month unpadded with numeric, where the language does', () => {
    expect(formatShortDate('2025-03-04', 'de', 'numeric')).toBe('4.3.2025');
    expect(formatShortDate('2025-03-04', 'en', 'numeric')).toBe('04/03/2025');
  });

  it('shows a timestamp as the day it was in Berlin', () => {
    expect(formatShortDate('2024-12-31T23:30:00Z', 'de')).toBe('01.01.2025');
    expect(formatShortDate('2024-12-31T22:59:59Z', 'en')).toBe('31/12/2024');
    expect(formatShortDate('2025-03-04T10:00:00.000Z', 'de', 'numeric')).toBe('4.3.2025');
  });

  it('shows what it cannot read as it is', () => {
    expect(formatShortDate('irgendwann', 'de')).toBe('irgendwann');
    expect(formatShortDate('someday', 'en')).toBe('someday');
  });
});

describe('berlinDay', () => {
  it('is the calendar day an instant falls on in Berlin, in winter and in summer time', () => {
    expect(berlinDay(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(berlinDay(new Date('2024-12-31T22:59:59Z'))).toBe('2024-12-31');
    expect(berlinDay(new Date('2024-06-30T21:59:59Z'))).toBe('2024-06-30');
    expect(berlinDay(new Date('2024-06-30T22:00:00Z'))).toBe('2024-07-01');
  });
});

describe('formatPercent', () => {
  it('writes a share as a whole percentage', () => {
    expect(formatPercent(0.4, 'de')).toBe('40\u00a0%');
    expect(formatPercent(0.4, 'en')).toBe('40%');
    expect(formatPercent(0.426, 'de')).toBe('43\u00a0%');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(1, 'de')).toBe('100\u00a0%');
  });
});

describe('formatNumber', () => {
  it('groups thousands and keeps up to two decimals', () => {
    expect(formatNumber(1000, 'de')).toBe('1.000');
    expect(formatNumber(1000, 'en')).toBe('1,000');
    expect(formatNumber(1076.5, 'de')).toBe('1.076,5');
    expect(formatNumber(1076.5, 'en')).toBe('1,076.5');
    expect(formatNumber(2.125, 'de')).toBe('2,13');
    expect(formatNumber(-3.2, 'en')).toBe('-3.2');
  });

  it('writes a fixed number of decimals', () => {
    expect(formatNumber(12500, 'de', { minDecimals: 2 })).toBe('12.500,00');
    expect(formatNumber(12500, 'en', { minDecimals: 2 })).toBe('12,500.00');
    expect(formatNumber(0.5, 'de', { minDecimals: 3 })).toBe('0,500');
  });

  it('keeps fewer or more decimals, and leaves out the grouping when told', () => {
    expect(formatNumber(2.56, 'de', { maxDecimals: 1 })).toBe('2,6');
    expect(formatNumber(2.5, 'en', { maxDecimals: 1 })).toBe('2.5');
    expect(formatNumber(1076.1234567, 'de', { maxDecimals: 6, grouping: false })).toBe('1076,123457');
    expect(formatNumber(1076.1234567, 'en', { maxDecimals: 6, grouping: false })).toBe('1076.123457');
  });
});

describe('formatEuro', () => {
  it('writes whole cents as euros', () => {
    expect(formatEuro(1250000, 'de')).toBe('12.500,00\u00a0€');
    expect(formatEuro(1250000, 'en')).toBe('€12,500.00');
    expect(formatEuro(98050, 'de')).toBe('980,50\u00a0€');
    expect(formatEuro(5, 'en')).toBe('€0.05');
  });

  it('names the weekday of a day in the reader\'s language', () => {
    expect(formatWeekday('2026-03-28', 'de')).toBe('Samstag');
    expect(formatWeekday('2026-03-28', 'en')).toBe('Saturday');
    expect(formatWeekday('kein Tag', 'de')).toBe('kein Tag');
  });
});

describe('the other interface languages', () => {
  // Intl separates with (narrow) no-break spaces; compared as plain spaces.
  const plain = (s: string) => s.replace(/\s/g, ' ');

  it('map to their locales; Arabic with Latin digits', () => {
    expect(['tr', 'ar', 'uk', 'ru'].map(localeOf)).toEqual(['tr-TR', 'ar-u-nu-latn', 'uk-UA', 'ru-RU']);
  });

  it('format dates in Russian, Ukrainian, Turkish and Arabic, timestamps in Berlin time', () => {
    expect(formatDate('2026-03-14', 'ru')).toBe('14 марта 2026 г.');
    expect(plain(formatDate('2026-03-14T08:30:00Z', 'ru'))).toBe('14 марта 2026 г. в 09:30');
    expect(formatDate('2026-03-14', 'uk')).toBe('14 березня 2026 р.');
    expect(formatDate('2026-03-14', 'tr')).toBe('14 Mart 2026');
    expect(formatDate('2026-03-14', 'ar')).toBe('14 مارس 2026');
    expect(formatShortDate('2026-03-14', 'ru')).toBe('14.03.2026');
    expect(formatWeekday('2026-03-28', 'ru')).toBe('суббота');
    expect(formatMonth('2026-03', 'tr')).toBe('Mart 2026');
  });

  it('format numbers per locale; Arabic keeps the digits 0–9', () => {
    expect(plain(formatNumber(1076.5, 'ru'))).toBe('1 076,5');
    expect(formatNumber(1076.5, 'tr')).toBe('1.076,5');
    expect(formatNumber(1076.5, 'ar')).toBe('1,076.5');
    expect(formatPercent(0.42, 'ar')).toMatch(/^\D*42\D*$/);
    expect(formatEuro(1250000, 'ar')).toMatch(/12,500\.00/);
    expect(formatDate('2026-03-14', 'ar')).not.toMatch(/[\u0660-\u0669]/);
  });
});
