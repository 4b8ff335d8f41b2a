// Excel refuses a workbook whose sheet names are longer than 31 characters, contain []:*?/\, start or end with
// an apostrophe, repeat (case-insensitively) or are called "History".
const MAX_LENGTH = 31;

function clean(title: string): string {
  return title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
}

function fit(base: string, suffix: string): string {
  return `${base.slice(0, MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
}

/** One valid, unique sheet name per title, in order; `taken` holds names already used in the workbook. */
export function sheetNames(titles: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  used.add('history');
  return titles.map((title, index) => {
    const base = clean(title) || `Handlungsfeld ${index + 1}`;
    let name = fit(base, '');
    for (let n = 2; used.has(name.toLowerCase()); n++) name = fit(base, ` (${n})`);
    used.add(name.toLowerCase());
    return name;
  });
}
