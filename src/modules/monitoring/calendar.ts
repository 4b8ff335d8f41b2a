// Calendar days as the municipality counts them: Europe/Berlin. Plans give dates with the precision they
// have ("2024", "2024-03", "2024-03-15"); a deadline given that way is met as long as its last day has not
// passed, so "2024" is due on 31 December 2024 and "2024-03" on 31 March 2024.
import { berlinDay } from '../../platform/views/format.js';

export { berlinDay };

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(value: string): boolean {
  const m = DAY.exec(value);
  return !!m && Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2]));
}

/** A day, a month, a year or a timestamp, reduced to the Berlin day an instant falls on; null if unreadable. */
export function asDay(value: Date | string): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : berlinDay(value);
  if (validDay(value)) return value;
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : berlinDay(d);
  }
  return null;
}

/** The last day a period ("2024", "2024-03", "2024-03-15" or a timestamp) covers; null if unreadable. */
export function lastDayOf(period: string): string | null {
  const value = period.trim();
  const y = YEAR.exec(value);
  if (y) return `${y[1]}-12-31`;
  const m = MONTH.exec(value);
  if (m) return `${m[1]}-${m[2]}-${String(daysInMonth(Number(m[1]), Number(m[2]))).padStart(2, '0')}`;
  return asDay(value);
}

/** The first day a period covers; null if unreadable. */
export function firstDayOf(period: string): string | null {
  const value = period.trim();
  if (YEAR.test(value)) return `${value}-01-01`;
  if (MONTH.test(value)) return `${value}-01`;
  return asDay(value);
}

const utc = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** Whole days from `from` to `to` (negative when `to` lies before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return new Date(utc(day) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "2026-03" for a day; and the `count` months ending with the month of `day`, oldest first. */
export function monthsEndingWith(day: string, count: number): string[] {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}
