// Access codes: what one looks like and how a typed one is read. Eight characters from an alphabet without
// the look-alikes 0/O, 1/I/L, shown in two groups ("K7QM-3XWR") so that it is read and typed without errors.
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
/** The most codes one batch makes. */
export const MAX_CODES_PER_BATCH = 2000;

/** A new random code (crypto random), grouped: `K7QM-3XWR`. */
export function generateCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return formatCode(raw);
}

export function formatCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/**
 * A code as typed or scanned, in the form it is stored (`K7QM-3XWR`), or null if it cannot be one: case,
 * blanks and dashes do not matter; the look-alikes O, I, L are read as 0, 1, 1 and then do not match.
 */
export function normalizeCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== CODE_LENGTH) return null;
  for (const ch of raw) if (!CODE_ALPHABET.includes(ch)) return null;
  return formatCode(raw);
}

/** Counts of a questionnaire's codes, per batch and in all. */
export interface CodeBatch {
  batch: number;
  generated: number;
  used: number;
}

export interface CodeSummary {
  batches: CodeBatch[];
  generated: number;
  used: number;
}
