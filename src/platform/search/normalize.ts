// Search text is stored and queried in one normal form on both engines: lower case, without diacritics,
// ß as ss, gender marks removed ("Akteur:innen" → "akteurinnen"), so a German query meets German text.
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[:*_·](?=innen|in\b)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The stored form of a document: normalised, plus its hyphenated compounds written together, so that
 * "Sprachtreffen" finds "Sprach-Treffen" (and "Sprach Treffen" finds it too).
 */
export function searchTextOf(text: string): string {
  const joined = [...text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)].map((m) => m[0].replace(/-/g, ''));
  return normalizeForSearch([text, ...joined].join(' '));
}

export function queryWords(query: string): string[] {
  return [...new Set(normalizeForSearch(query).split(' ').filter((w) => w.length > 0))].slice(0, 8);
}

/** Damerau–Levenshtein distance (optimal string alignment), cut off early once above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = new Array(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
  }
  return prev[b.length];
}

/** How many typos a word of this length may carry and still count as meant. */
export function allowedTypos(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}
