// A measure's timeframe as a plan words it: "2025–2027", "Q3/2025 – Q2/2027", "bis 12/2025", "ab Herbst 2025",
// "laufend", "mittelfristig". The wording is kept as written; a start and an end ("2025" or "2025-07", the
// precision monitoring's overdue check reads) are derived only where the words give them.

export interface Timeframe {
  /** The wording, on one line, as written. */
  label: string;
  start: string | null;
  end: string | null;
  /** A standing task ("laufend", "jährlich"): no end to pass. */
  ongoing: boolean;
}

const ONGOING = /(?<!\p{L})(?:fort)?laufend|dauerhaft|daueraufgabe|jährlich|jaehrlich|regelmäßig|kontinuierlich|fortwährend|ständig|permanent|stetig/iu;

const MONTHS: Record<string, number> = {
  januar: 1, jan: 1, februar: 2, feb: 2, märz: 3, maerz: 3, mär: 3, april: 4, apr: 4, mai: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, oktober: 10, okt: 10, november: 11, nov: 11, dezember: 12, dez: 12,
};
const SEASONS: Record<string, [number, number]> = {
  frühjahr: [3, 5], frühling: [3, 5], sommer: [6, 8], herbst: [9, 11], winter: [12, 12], jahresbeginn: [1, 3], jahresanfang: [1, 3],
  jahresmitte: [6, 7], jahresende: [10, 12],
};

const YEAR = String.raw`((?:19|20|21)\d{2})`;
const TOKEN = new RegExp(
  [
    String.raw`Q\s*([1-4])\s*[/.\s]?\s*${YEAR}`,
    String.raw`([1-4])\.\s*Quartal\s*${YEAR}`,
    String.raw`([12])\.\s*(?:Halbjahr|Hj\.?)\s*${YEAR}`,
    String.raw`(0?[1-9]|1[0-2])\s*[/.]\s*${YEAR}`,
    String.raw`${YEAR}-(0[1-9]|1[0-2])(?!\d)`,
    String.raw`(\p{L}+)\.?\s+${YEAR}`,
    String.raw`(?<!\d)${YEAR}(?!\d)`,
  ].join('|'),
  'giu',
);

const pad = (month: number) => String(month).padStart(2, '0');
const month = (year: string, m: number) => `${year}-${pad(m)}`;

interface Span {
  from: string;
  to: string;
  at: number;
}

function spanOf(match: RegExpMatchArray): Span | null {
  const g = match.slice(1);
  const at = match.index ?? 0;
  if (g[0]) return { from: month(g[1], Number(g[0]) * 3 - 2), to: month(g[1], Number(g[0]) * 3), at };
  if (g[2]) return { from: month(g[3], Number(g[2]) * 3 - 2), to: month(g[3], Number(g[2]) * 3), at };
  if (g[4]) return { from: month(g[5], g[4] === '1' ? 1 : 7), to: month(g[5], g[4] === '1' ? 6 : 12), at };
  if (g[6]) return { from: month(g[7], Number(g[6])), to: month(g[7], Number(g[6])), at };
  if (g[8]) return { from: `${g[8]}-${g[9]}`, to: `${g[8]}-${g[9]}`, at };
  if (g[10]) {
    const word = g[10].toLowerCase();
    const m = MONTHS[word];
    if (m) return { from: month(g[11], m), to: month(g[11], m), at };
    const season = SEASONS[word];
    if (season) return { from: month(g[11], season[0]), to: month(g[11], season[1]), at };
    // "ab 2025", "Umsetzung 2026": a word before the year that names no month is not part of the date.
    return { from: g[11], to: g[11], at: at + match[0].length - 4 };
  }
  if (g[12]) return { from: g[12], to: g[12], at };
  return null;
}

export function parseTimeframe(text: string | null | undefined): Timeframe {
  const label = (text ?? '').replace(/\s+/g, ' ').trim();
  const ongoing = ONGOING.test(label);
  const spans = [...label.matchAll(TOKEN)].map(spanOf).filter((span): span is Span => span !== null);
  if (!spans.length) return { label, start: null, end: null, ongoing };
  const first = spans[0];
  const last = spans[spans.length - 1];
  const before = label.slice(0, first.at).toLowerCase();
  let start: string | null;
  let end: string | null;
  if (spans.length > 1) {
    start = first.from;
    end = last.to;
  } else if (/(?<!\p{L})(?:bis|spätestens|until|by)(?!\p{L})/u.test(before)) {
    start = null;
    end = first.to;
  } else if (/(?<!\p{L})(?:seit|ab|von|beginnend|beginn|start|since|from)(?!\p{L})/u.test(before)) {
    start = first.from;
    end = null;
  } else {
    start = first.from;
    end = first.to !== first.from ? first.to : null;
  }
  if (start !== null && end !== null && start > end) end = null;
  return { label, start, end, ongoing };
}
