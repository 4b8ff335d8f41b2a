// Numbers as people in German offices type them: "1.076,5", "12.500,00 €", "-3,2". A value with only dots is
// read the German way when the dots group thousands ("12.500" is twelve thousand five hundred) and as a
// decimal point otherwise ("1076.5", as spreadsheets export it). Shown again through the one formatter.
import { formatNumber } from '../../platform/views/format.js';

const GERMAN = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const THOUSANDS_ONLY = /^[+-]?\d{1,3}(\.\d{3})+$/;
const POINT_DECIMAL = /^[+-]?\d+\.\d+$/;

/** The number a text stands for, or null when it is none. */
export function parseGermanNumber(input: string): number | null {
  const text = input.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|EUR)$/i, '');
  if (!text) return null;
  let normalized: string;
  if (THOUSANDS_ONLY.test(text)) normalized = text.replace(/\./g, '');
  else if (GERMAN.test(text)) normalized = text.replace(/\./g, '').replace(',', '.');
  else if (POINT_DECIMAL.test(text)) normalized = text;
  else return null;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}

/** An amount in euros as whole cents; null when it is no amount, has more than two decimals or is negative. */
export function parseEuroCents(input: string): number | null {
  const n = parseGermanNumber(input);
  if (n === null || n < 0) return null;
  const cents = Math.round(n * 100);
  if (Math.abs(cents - n * 100) > 1e-6 || cents > Number.MAX_SAFE_INTEGER) return null;
  return cents;
}

/** "12.500,00" for 1250000 cents, as a German form shows it again. */
export function formatEuroInput(cents: number): string {
  return formatNumber(cents / 100, 'de', { minDecimals: 2 });
}

/** How a stored value is shown again in a German form field. */
export function formatNumberInput(value: number | null): string {
  return value === null ? '' : formatNumber(value, 'de', { maxDecimals: 6, grouping: false });
}
