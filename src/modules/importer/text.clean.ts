// Cell text as municipalities paste it: HTML residue from web editors, inline bullets, hyphenation from PDF
// export, non-breaking spaces. Everything is reduced to plain lines, lists as "• " lines.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '' };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function stripHtml(text: string): string {
  // [^<>] rather than [^>]: an unclosed "<" must not make every later "<" scan to the end of the text.
  if (!/<\/?[a-z][^<>]*>/i.test(text)) return text;
  return text
    .replace(/<\s*li[^<>]*>/gi, '\n• ')
    .replace(/<\s*(br|\/p|\/div|\/li|\/ul|\/ol|p|div)\b[^<>]*>/gi, '\n')
    .replace(/<\/?[a-z][^<>]*>/gi, ' ');
}

const BULLET = /\s*[•▪◦●■‣]\s*/;

/** Inline bullets ("Einleitung: • A • B") become an intro line and one "• " line per item. */
function bulletLines(line: string): string[] {
  if (!BULLET.test(line)) return [line];
  const [intro, ...items] = line.split(BULLET).map((part) => part.trim());
  return [...(intro ? [intro] : []), ...items.filter(Boolean).map((item) => `• ${item}`)];
}

// Characters that look blank but are not whitespace to a regular expression: Braille and Hangul fillers that
// web editors and chat apps use as "empty" text, zero-width spaces and joiners, the word joiner and a stray BOM.
// The zero-width joiner stands apart: inside a character class it would join its neighbours.
const INVISIBLE = /[\u2800\u200b\u200c\u2060\ufeff\u3164\u115f\u1160\uffa0]|\u200d/g;

/** Removes invisible blank characters and turns non-breaking spaces into spaces, leaving everything else as is. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(/[\u00a0\u2007\u202f]/g, ' ');
}

/** Clean text for a cell: plain lines, single spaces, lists as "\n• " lines. */
export function cleanText(raw: string): string {
  const text = stripHtml(stripInvisible(raw).replace(/\r\n?/g, '\n'));
  const spaced = stripInvisible(decodeEntities(text)).replace(/\u00ad/g, '');
  // A word split at a line end by hyphenation: "Bevölke-\nrung" → "Bevölkerung" (only text with "-\n" has one).
  const decoded = spaced.includes('-\n') ? spaced.replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2') : spaced;
  const lines = decoded
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .flatMap(bulletLines)
    .map((line) => line.replace(/^[-*–]\s+(?=\S)/, '• '))
    .filter(Boolean);
  return lines.join('\n');
}

/** Cell text as one line, for headers, statuses and actor lists. */
export function oneLine(raw: string): string {
  return cleanText(raw).replace(/\n•?\s*/g, ' ').replace(/^•\s*/, '').trim();
}
