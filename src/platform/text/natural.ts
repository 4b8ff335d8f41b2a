// Numbers of measures and goals are text as the plan writes them ("1.1", "7.1.2", "A.3"); they sort naturally:
// "1.2" before "1.10" before "2", "A.3" before "A.10", and a missing number after every number.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Natural order of two numbers as written; null (no number) goes last. */
export function compareNumbers(a: string | null | undefined, b: string | null | undefined): number {
  const x = a?.trim() ?? '';
  const y = b?.trim() ?? '';
  if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
  // Ties of the collator ("1.01" and "1.1", "a.3" and "A.3") still get one order, so that sorting is stable.
  return collator.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0);
}

/** The same number as written, whatever spaces surround it (" 1.1" is "1.1", "1.01" is not). */
export function sameNumber(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = a?.trim() ?? '';
  return x !== '' && x === (b?.trim() ?? '');
}

/** A number as stored: trimmed, and null when empty; an integer of an older file becomes its text. */
export function numberText(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** True when every given number is a plain integer ("1", "12"), so that renumbering 1…n loses nothing. */
export function plainIntegers(numbers: Array<string | null>): boolean {
  return numbers.every((n) => n === null || /^\d+$/.test(n.trim()));
}
