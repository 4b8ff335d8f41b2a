// CSV exports: comma or semicolon (German Excel writes semicolons), quoted multi-line cells. The delimiter is
// the one that splits the first lines most consistently.
import { parse } from 'csv-parse/sync';
import type { SourceRow } from './table.model.js';

const CANDIDATES = [';', ',', '\t'] as const;

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count++;
  }
  return count;
}

/**
 * The delimiter used by most of the first lines, or null when the text is not delimited at all. For text that
 * does not say it is CSV (`strict`), most lines must have the same number of delimiters, because prose has
 * commas too.
 */
export function detectDelimiter(text: string, strict: boolean): string | null {
  const lines = text.split(/\r?\n/).filter((line) => line.trim()).slice(0, 30);
  let best: { delimiter: string; score: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter)).filter((count) => count > 0);
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    const same = Math.max(0, ...frequency.values());
    const score = (strict ? same : counts.length) / Math.max(1, lines.length);
    if (counts.length >= 2 && score >= (strict ? 0.7 : 0.5) && (!best || score > best.score)) best = { delimiter, score };
  }
  return best?.delimiter ?? null;
}

export function readCsv(text: string, delimiter: string): SourceRow[] {
  const records = parse(text.replace(/^\ufeff/, ''), {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  // csv-parse reports the line a record ends on; a quoted multi-line cell starts the record earlier.
  let previousEnd = 0;
  return records.map(({ record, info }) => {
    // A leading apostrophe before =, +, -, @, tab or CR is how exports keep a cell from being a formula.
    const cells = record.map((cell) => cell.replace(/^'(?=[=+\-@\t\r])/, ''));
    while (cells.length > 1 && !cells[cells.length - 1].trim()) cells.pop();
    const row = previousEnd + 1;
    previousEnd = info.lines;
    return { row, cells, tabular: true };
  });
}
