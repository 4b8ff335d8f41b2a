// A time series from a CSV file: two columns, the period (a year, an ISO date or a German date) and the
// value (German decimal comma or a decimal point), separated by semicolons or commas, with or without a
// header row. Every bad row is reported with its line number; one bad row means nothing is taken.
import { parse } from 'csv-parse/sync';
import { parseGermanNumber } from './number.js';

export const MAX_CSV_ROWS = 5000;

export interface SeriesPoint {
  period: string;
  value: number;
}

export interface CsvProblem {
  /** line in the file, counted from 1; 0 for the file as a whole */
  line: number;
  /** i18n key under monitoring.csv */
  message: string;
  /** values for the message: the offending cell, the earlier line … */
  params?: Record<string, string | number>;
}

export type CsvResult = { ok: true; points: SeriesPoint[] } | { ok: false; problems: CsvProblem[] };

const YEAR = /^(19|20|21)\d{2}$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "2024" stays; "2024-06-30" and "30.06.2024" become "2024-06-30"; anything else is null. */
export function parsePeriod(input: string): string | null {
  const text = input.trim();
  if (YEAR.test(text)) return text;
  const iso = ISO_DAY.exec(text);
  if (iso) return validDay(+iso[1], +iso[2], +iso[3]) ? text : null;
  const de = GERMAN_DAY.exec(text);
  if (de && validDay(+de[3], +de[2], +de[1])) return `${de[3]}-${de[2].padStart(2, '0')}-${de[1].padStart(2, '0')}`;
  return null;
}

/** Semicolon when the first line has one outside quotes, else comma (German decimals then come quoted). */
function delimiterOf(text: string): ';' | ',' {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  let quoted = false;
  for (const ch of first) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ';' && !quoted) return ';';
  }
  return ',';
}

export function parseSeriesCsv(input: string): CsvResult {
  const text = input.replace(/^\ufeff/, '');
  if (!text.trim()) return { ok: false, problems: [{ line: 0, message: 'monitoring.csv.empty' }] };
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter: delimiterOf(text), relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as typeof records;
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 0;
    return { ok: false, problems: [{ line, message: 'monitoring.csv.unreadable' }] };
  }
  const problems: CsvProblem[] = [];
  const points: SeriesPoint[] = [];
  const seen = new Map<string, number>();
  let previousEnd = 0;
  for (const [index, { record, info }] of records.entries()) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    const cells = record.map((c) => c.trim());
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) continue;
    // A first row whose value is no number is the header.
    if (index === 0 && parseGermanNumber(cells[1] ?? '') === null && parsePeriod(cells[0]) === null) continue;
    if (cells.length !== 2) {
      problems.push({ line, message: 'monitoring.csv.columns' });
      continue;
    }
    const period = parsePeriod(cells[0]);
    const value = parseGermanNumber(cells[1]);
    if (period === null) problems.push({ line, message: 'monitoring.csv.period', params: { cell: cells[0] } });
    if (value === null) problems.push({ line, message: 'monitoring.csv.value', params: { cell: cells[1] } });
    if (period === null || value === null) continue;
    const earlier = seen.get(period);
    if (earlier !== undefined) {
      problems.push({ line, message: 'monitoring.csv.duplicate', params: { cell: period, other: earlier } });
      continue;
    }
    seen.set(period, line);
    points.push({ period, value });
  }
  if (points.length + problems.length > MAX_CSV_ROWS) return { ok: false, problems: [{ line: 0, message: 'monitoring.csv.tooMany' }] };
  if (problems.length) return { ok: false, problems };
  if (points.length === 0) return { ok: false, problems: [{ line: 0, message: 'monitoring.csv.empty' }] };
  return { ok: true, points };
}
