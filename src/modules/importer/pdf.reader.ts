// PDF catalogues (the council paper, a word processor's or spreadsheet's "export as PDF"): the text layer is read
// with pdf.js, with the position of every piece of text, and turned into the same rows every other reader gives.
//
// - Tables are found by their rules (the lines a word processor draws around cells): vertical rules give the
//   column boundaries, horizontal rules the row boundaries, so a cell with several lines stays one cell and a goal
//   merged across the table repeats its text over the columns it spans, as the Word reader does. A table without
//   rules is found by its header row ("Nr.", "Maßnahme", …): its cells' left edges are the columns.
// - Running headers and footers (a line at the same place on most pages) and page numbers ("3", "- 3 -",
//   "Seite 3 von 12") are dropped; a table that goes on at the top of the next page continues the table before it,
//   without its repeated header, and a row cut by the page break is joined to its first half.
// - A word hyphenated at a line end is mended ("Bevölke-" + "rung"), a hyphen that means "and" is kept
//   ("Sprach- und Kulturmittler"), as is a hyphen in a compound ("Baden-" + "Württemberg").
// - Every row knows its page and its line on that page, so a warning says where a person finds it.
//
// pdf.js runs in this thread (its "fake worker", loaded from the package), reads nothing from the network and
// renders nothing; fonts are not loaded, as only the text is wanted.
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { matchHeader } from './columns.detect.js';
import type { SourceRow } from './table.model.js';

export type PdfRead = { ok: true; rows: SourceRow[] } | { ok: false; reason: 'encrypted' | 'damaged' | 'noText' | 'tooManyRows' | 'tooComplex'; rows?: number };

/** The most a PDF's compressed streams other than images may unpack to, by default: a "PDF bomb" stops here. */
export const MAX_PDF_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Images larger than this many pixels are not decoded (only the text is wanted). */
const MAX_IMAGE_PIXELS = 16 * 1024 * 1024;

/**
 * Whether the Flate-compressed streams of the file (content, fonts, object streams; images aside) unpack to more
 * than `max` bytes. Each stream is unpacked with a ceiling, so a bomb costs at most `max` bytes of memory, before
 * pdf.js (which has no such limit) sees the file. A stream that does not unpack is left to pdf.js to judge.
 */
export function unpacksTooLarge(bytes: Buffer, max: number): boolean {
  const text = bytes.toString('latin1');
  const starts = /\bstream(?:\r\n|\n|\r)/g;
  let total = 0;
  for (let match = starts.exec(text); match; match = starts.exec(text)) {
    const begin = match.index + match[0].length;
    const end = text.indexOf('endstream', begin);
    if (end < 0) break;
    const dictionary = text.slice(Math.max(0, text.lastIndexOf('obj', match.index)), match.index);
    starts.lastIndex = end;
    if (!/\/FlateDecode\b/.test(dictionary) || /\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    try {
      total += inflateSync(bytes.subarray(begin, end), { maxOutputLength: max - total + 1 }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return true;
      continue;
    }
    if (total > max) return true;
  }
  return false;
}

interface Item {
  text: string;
  x: number;
  /** Baseline, in PDF units from the bottom of the page. */
  y: number;
  width: number;
  size: number;
}

interface Rule {
  /** Position across the rule (x of a vertical, y of a horizontal) and its extent along it. */
  at: number;
  from: number;
  to: number;
}

/** Content of one page in reading order: free lines and table rows, each with the line it starts on. */
interface Block {
  top: number;
  line: number;
  kind: 'text' | 'row';
  cells: string[];
  /** The column boundaries of the table a row belongs to (for continuing it on the next page). */
  table?: number[];
  size: number;
  /** Left and right end of a free line, for telling a wrapped line from a short one. */
  left?: number;
  right?: number;
  /** A free line with wide gaps in it is laid out in columns: never part of a paragraph. */
  spread?: boolean;
}

const TOLERANCE = 2;
const BULLET = /^(?:[•▪◦●■‣*→]|[-–](?=\s))/u;
/** Words after "Sprach-" that show the hyphen stands for a shared word ("Sprach- und Kulturmittler"). */
const CONJUNCTION = /^(?:und|oder|bzw\.?|sowie|als auch|wie|bis|noch|u\.|o\.)(?=\s|$)/u;
const PAGE_NUMBER = [
  /^[-–—]?\s*\d{1,4}\s*[-–—]?$/u,
  /^(?:seite|page|s\.|blatt)\s*\d{1,4}(?:\s*(?:von|aus|of|\/)\s*\d{1,4})?$/iu,
  /^\d{1,4}\s*(?:\/|von|of)\s*\d{1,4}$/iu,
];

/** Joins a line to the text before it: a word broken at the line end is made whole again. */
export function joinLines(before: string, after: string): string {
  const a = before.replace(/\s+$/, '');
  const b = after.replace(/^\s+/, '');
  if (!a) return b;
  if (!b) return a;
  if (/\p{L}\u00ad$/u.test(a)) return a.slice(0, -1) + b;
  if (/\p{L}-$/u.test(a)) {
    if (/^\p{Ll}/u.test(b) && !CONJUNCTION.test(b)) return a.slice(0, -1) + b;
    return CONJUNCTION.test(b) ? `${a} ${b}` : a + b;
  }
  return BULLET.test(b) ? `${a}\n${b}` : `${a} ${b}`;
}

function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const value of sorted) if (!out.length || value - out[out.length - 1] > tolerance) out.push(value);
  return out;
}

/** Items on the same baseline, left to right, as one line of text. */
function lineText(items: Item[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  for (const item of sorted) {
    const gap = item.x - end;
    text += text && gap > item.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text) ? ` ${item.text}` : item.text;
    end = item.x + item.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Groups items into lines by baseline, top to bottom. */
function linesOf(items: Item[]): Item[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - item.y) <= Math.max(TOLERANCE, item.size * 0.3)) line.push(item);
    else lines.push([item]);
  }
  return lines;
}

/** The text of a table cell: its lines joined, wrapped lines with a space, list items on lines of their own. */
function cellText(items: Item[]): string {
  return linesOf(items).map(lineText).reduce((text, line) => joinLines(text, line), '');
}

/** Splits an item pdf.js merged across a column boundary (it joins text closer than about half a letter). */
function splitAt(item: Item, boundary: number): [Item, Item] | null {
  if (!(item.x + 1 < boundary && boundary < item.x + item.width - 1)) return null;
  const perChar = item.width / Math.max(1, item.text.length);
  let best = -1;
  for (let i = 0; i < item.text.length; i++) {
    if (item.text[i] !== ' ') continue;
    if (best < 0 || Math.abs(item.x + i * perChar - boundary) < Math.abs(item.x + best * perChar - boundary)) best = i;
  }
  if (best <= 0) return null;
  const left = { ...item, text: item.text.slice(0, best), width: best * perChar };
  const rightX = Math.max(boundary + 0.5, item.x + (best + 1) * perChar);
  return [left, { ...item, text: item.text.slice(best + 1), x: rightX, width: item.x + item.width - rightX }];
}

interface Region {
  top: number;
  bottom: number;
  columns: number[];
  verticals: Rule[];
  rows: number[];
}

/** Tables drawn with rules: groups of vertical rules that overlap in height, with the horizontal rules among them. */
function regionsOf(verticals: Rule[], horizontals: Rule[]): Region[] {
  const groups: Rule[][] = [];
  for (const rule of [...verticals].sort((a, b) => b.to - a.to)) {
    const group = groups.find((g) => g.some((r) => rule.from <= r.to + TOLERANCE && rule.to >= r.from - TOLERANCE));
    if (group) group.push(rule);
    else groups.push([rule]);
  }
  const regions: Region[] = [];
  for (const group of groups) {
    const columns = cluster(group.map((r) => r.at), TOLERANCE);
    if (columns.length < 3) continue;
    const top = Math.max(...group.map((r) => r.to));
    const bottom = Math.min(...group.map((r) => r.from));
    const left = columns[0];
    const right = columns[columns.length - 1];
    const rows = cluster(
      [top, bottom, ...horizontals.filter((h) => h.at <= top + TOLERANCE && h.at >= bottom - TOLERANCE && h.from < right && h.to > left).map((h) => h.at)],
      TOLERANCE,
    ).reverse();
    regions.push({ top, bottom, columns, verticals: group, rows });
  }
  return regions;
}

function tableBlocks(region: Region, items: Item[], lineOf: (y: number) => number): Block[] {
  const { columns } = region;
  const blocks: Block[] = [];
  for (let band = 0; band + 1 < region.rows.length; band++) {
    const top = region.rows[band];
    const bottom = region.rows[band + 1];
    const middle = (top + bottom) / 2;
    const inBand = items.filter((item) => item.y + item.size * 0.3 <= top && item.y + item.size * 0.3 > bottom);
    if (!inBand.length) continue;
    // The boundaries of this row: a rule missing here means a cell spanning columns.
    const active = cluster(region.verticals.filter((r) => r.from <= middle + TOLERANCE && r.to >= middle - TOLERANCE).map((r) => r.at), TOLERANCE);
    const pieces: Item[] = [];
    for (const item of inBand) {
      let rest: Item | null = item;
      for (const boundary of active) {
        const split: [Item, Item] | null = rest ? splitAt(rest, boundary) : null;
        if (split) {
          pieces.push(split[0]);
          rest = split[1];
        }
      }
      if (rest) pieces.push(rest);
    }
    const cells: string[] = columns.slice(1).map(() => '');
    const byCell = new Map<number, { end: number; items: Item[] }>();
    for (const piece of pieces) {
      const at = piece.x + 0.5;
      let left = active.filter((b) => b <= at).pop();
      let right = active.find((b) => b > at);
      left ??= columns[0];
      right ??= columns[columns.length - 1];
      const start = Math.max(0, columns.findIndex((c) => Math.abs(c - left) <= TOLERANCE));
      let end = columns.findIndex((c) => Math.abs(c - right) <= TOLERANCE);
      if (end <= start) end = start + 1;
      const cell = byCell.get(start) ?? { end, items: [] };
      cell.items.push(piece);
      byCell.set(start, cell);
    }
    for (const [start, cell] of byCell) {
      const text = cellText(cell.items);
      for (let i = start; i < Math.min(cell.end, cells.length); i++) cells[i] = text;
    }
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    const first = Math.max(...inBand.map((item) => item.y));
    blocks.push({ top: first, line: lineOf(first), kind: 'row', cells, table: columns, size: Math.max(...inBand.map((item) => item.size)) });
  }
  return blocks;
}

/**
 * A table without rules, found by its header line: the header cells' left edges are the column starts, a line whose
 * pieces all start at column starts belongs to the table, and a row starts where the first column has text (or
 * after a wider gap).
 */
function unruledTables(lines: Item[][], lineOf: (y: number) => number, carry: number[] | null): { blocks: Block[]; used: Set<Item[]> } {
  const blocks: Block[] = [];
  const used = new Set<Item[]>();
  const segments = (line: Item[]) => {
    const out: Item[][] = [];
    for (const item of [...line].sort((a, b) => a.x - b.x)) {
      const last = out[out.length - 1];
      const end = last ? Math.max(...last.map((i) => i.x + i.width)) : -Infinity;
      if (last && item.x - end < item.size * 1.2) last.push(item);
      else out.push([item]);
    }
    return out;
  };
  /** Lines from `from` on that fit the columns starting at `starts`: rows of the table, until a line does not fit. */
  const follow = (from: number, starts: number[], size: number, previous: number) => {
    const columnOf = (x: number) => starts.findLastIndex((s) => s <= x + TOLERANCE);
    const rowOf = (line: Item[]) => {
      const cells: Item[][] = starts.map(() => []);
      for (const segment of segments(line)) {
        const at = columnOf(segment[0].x);
        if (at < 0 || !starts.some((s) => Math.abs(s - segment[0].x) <= TOLERANCE * 2)) return null;
        cells[at].push(...segment);
      }
      return cells;
    };
    let current: { cells: Item[][]; top: number } | null = null;
    const flush = () => {
      if (!current) return;
      const cells = current.cells.map((items) => (items.length ? cellText(items) : ''));
      while (cells.length && !cells[cells.length - 1]) cells.pop();
      blocks.push({ top: current.top, line: lineOf(current.top), kind: 'row', cells, table: starts, size });
      current = null;
    };
    let previousY = previous;
    for (let j = from; j < lines.length; j++) {
      const line = lines[j];
      const cells = rowOf(line);
      const gap = previousY - line[0].y;
      if (!cells || gap > size * 3 || Math.abs(line[0].size - size) > 1) break;
      if (!current || cells[0].length || gap > size * 1.6) {
        flush();
        current = { cells: starts.map(() => []), top: line[0].y };
      }
      cells.forEach((items, k) => current!.cells[k].push(...items));
      used.add(line);
      previousY = line[0].y;
    }
    flush();
  };
  // A table without rules that ended the page before goes on at the top of this one, without a header.
  if (carry && lines.length) follow(0, carry, lines[0][0].size, lines[0][0].y + lines[0][0].size);
  for (let i = 0; i < lines.length; i++) {
    const header = segments(lines[i]);
    if (header.length < 3 || used.has(lines[i])) continue;
    const match = matchHeader(header.map(lineText));
    if (!match || match.roles.measure === undefined) continue;
    const starts = header.map((segment) => segment[0].x);
    const size = lines[i][0].size;
    used.add(lines[i]);
    blocks.push({ top: lines[i][0].y, line: lineOf(lines[i][0].y), kind: 'row', cells: header.map(lineText), table: starts, size });
    follow(i + 1, starts, size, lines[i][0].y);
  }
  return { blocks, used };
}

function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.some((pattern) => pattern.test(text.trim()));
}

interface Page {
  height: number;
  blocks: Block[];
}

/**
 * The items of running headers and footers and of page numbers: lines in the top or bottom margin that are page
 * numbers, or that repeat (digits aside) at the same height on at least half of the pages.
 */
function runningItems(pages: Array<{ height: number; lines: Item[][] }>): Set<Item> {
  const margin = (height: number, line: Item[]) => line[0].y > height * 0.85 || line[0].y < height * 0.15;
  const key = (line: Item[]) => `${lineText(line).replace(/\d+/g, '#')}@${Math.round(line[0].y / 4)}`;
  const seen = new Map<string, number>();
  for (const page of pages) {
    for (const id of new Set(page.lines.filter((line) => margin(page.height, line)).map(key))) seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.5));
  const running = new Set<Item>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!margin(page.height, line)) continue;
      if (isPageNumber(lineText(line)) || (pages.length >= 2 && (seen.get(key(line)) ?? 0) >= needed)) for (const item of line) running.add(item);
    }
  }
  return running;
}

/** The width of a line's first word, estimated from the line's average character width. */
function firstWord(block: Block): number {
  const text = block.cells[0];
  const perChar = ((block.right ?? 0) - (block.left ?? 0)) / Math.max(1, text.length);
  return (text.match(/^\S+/)?.[0].length ?? 0) * perChar;
}

/** Consecutive free lines of the same size, the first filling the line: one wrapped paragraph. */
function joinParagraphs(blocks: Block[]): Block[] {
  const lines = blocks.filter((block) => block.kind === 'text');
  const right = Math.max(0, ...lines.map((block) => block.right ?? 0));
  const out: Block[] = [];
  let previous: Block | null = null;
  for (const block of blocks) {
    const wrapped =
      previous &&
      block.kind === 'text' &&
      previous.kind === 'text' &&
      !previous.spread &&
      !block.spread &&
      Math.abs(previous.size - block.size) < 0.5 &&
      previous.top - block.top <= block.size * 1.5 &&
      // The line before is full: the first word of this one would not have fitted at its end.
      (previous.right ?? 0) + block.size * 0.3 + firstWord(block) >= right - block.size * 0.5 &&
      !/:$/.test(previous.cells[0]) &&
      !BULLET.test(block.cells[0]);
    if (wrapped && previous) {
      previous.cells = [joinLines(previous.cells[0], block.cells[0])];
      previous.top = block.top;
      previous.right = block.right;
      continue;
    }
    const copy = { ...block };
    out.push(copy);
    previous = copy;
  }
  return out;
}

function sameColumns(a: number[] | undefined, b: number[] | undefined): boolean {
  return Boolean(a && b && a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) <= TOLERANCE * 2));
}

/** A first row on a new page that only goes on with the row before the page break. */
function continues(row: Block): boolean {
  if (row.cells[0]?.trim()) return false;
  const filled = row.cells.filter((cell) => cell.trim());
  return filled.length <= 1 || filled.some((cell) => /^\p{Ll}/u.test(cell.trim()));
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

/** The lines drawn on a page (table rules), from the bounding boxes of its paths. */
async function rulesOf(page: PdfPage, OPS: PdfJs['OPS'], toPage: Matrix): Promise<{ verticals: Rule[]; horizontals: Rule[] }> {
  const list = await page.getOperatorList();
  const verticals: Rule[] = [];
  const horizontals: Rule[] = [];
  let ctm: Matrix = toPage;
  const stack: Matrix[] = [];
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath) {
      const box = args?.[2] as ArrayLike<number> | undefined;
      if (!box || box.length !== 4 || ![...Array.from(box)].every(Number.isFinite)) return;
      const xs = [box[0], box[2]].flatMap((x) => [box[1], box[3]].map((y) => ctm[0] * x + ctm[2] * y + ctm[4]));
      const ys = [box[0], box[2]].flatMap((x) => [box[1], box[3]].map((y) => ctm[1] * x + ctm[3] * y + ctm[5]));
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (x1 - x0 <= 2.5 && y1 - y0 >= 5) verticals.push({ at: (x0 + x1) / 2, from: y0, to: y1 });
      else if (y1 - y0 <= 2.5 && x1 - x0 >= 10) horizontals.push({ at: (y0 + y1) / 2, from: x0, to: x1 });
    }
  });
  return { verticals, horizontals };
}

let pdfjs: Promise<PdfJs> | null = null;
const packageDir = () => path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function readPdf(bytes: Buffer, maxRows: number, maxUnpacked = MAX_PDF_UNPACKED_BYTES): Promise<PdfRead> {
  // A file cut off in transfer lacks its end marker; pdf.js would patch up what is left and lose pages silently.
  if (!bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1').includes('%%EOF')) return { ok: false, reason: 'damaged' };
  if (unpacksTooLarge(bytes, maxUnpacked)) return { ok: false, reason: 'tooComplex' };
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument, OPS, VerbosityLevel } = await pdfjs;
  const dir = packageDir();
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    wasmUrl: path.join(dir, 'wasm') + path.sep,
    maxImageSize: MAX_IMAGE_PIXELS,
  });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      return { ok: false, reason: (error as Error)?.name === 'PasswordException' ? 'encrypted' : 'damaged' };
    }
    const read: Array<{ height: number; items: Item[]; lines: Item[][]; verticals: Rule[]; horizontals: Rule[] }> = [];
    for (let p = 1; p <= document.numPages; p++) {
      const page = await document.getPage(p);
      // Positions as the reader sees the page: a rotated page (/Rotate 90) or a crop box away from the origin is
      // turned upright, with y counted up from the bottom edge.
      const viewport = page.getViewport({ scale: 1 });
      const height = viewport.height;
      const toPage = multiply([1, 0, 0, -1, 0, height], viewport.transform as Matrix);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str.trim()) continue;
        const [a, b, c, d, tx, ty] = raw.transform as number[];
        const x = toPage[0] * tx + toPage[2] * ty + toPage[4];
        const y = toPage[1] * tx + toPage[3] * ty + toPage[5];
        items.push({ text: raw.str, x, y, width: raw.width, size: Math.hypot(c, d) || Math.hypot(a, b) || raw.height || 10 });
      }
      // A page without text (a scan) has nothing to draw tables from: its images are not even decoded.
      const rules = items.length ? await rulesOf(page, OPS, toPage) : { verticals: [], horizontals: [] };
      read.push({ height, items, lines: linesOf(items), ...rules });
      page.cleanup();
    }
    if (!read.some((page) => page.items.length)) return { ok: false, reason: 'noText' };
    const running = runningItems(read);

    const pages: Page[] = [];
    let count = 0;
    let carry: number[] | null = null;
    for (const { height, items, lines, verticals, horizontals } of read) {
      const lineOf = (y: number) => 1 + Math.max(0, lines.findIndex((line) => Math.abs(line[0].y - y) <= Math.max(TOLERANCE, line[0].size * 0.3)));
      const regions = regionsOf(verticals, horizontals);
      const inRegion = (item: Item, region: Region) =>
        item.y + item.size * 0.3 <= region.top + TOLERANCE &&
        item.y + item.size * 0.3 >= region.bottom - TOLERANCE &&
        item.x >= region.columns[0] - TOLERANCE &&
        item.x <= region.columns[region.columns.length - 1] + TOLERANCE;
      const blocks: Block[] = [];
      const free: Item[] = [];
      const byRegion = regions.map(() => [] as Item[]);
      for (const item of items) {
        if (running.has(item)) continue;
        const at = regions.findIndex((region) => inRegion(item, region));
        if (at >= 0) byRegion[at].push(item);
        else free.push(item);
      }
      regions.forEach((region, i) => blocks.push(...tableBlocks(region, byRegion[i], lineOf)));
      const freeLines = linesOf(free);
      const unruled = unruledTables(freeLines, lineOf, carry);
      blocks.push(...unruled.blocks);
      for (const line of freeLines) {
        if (unruled.used.has(line)) continue;
        const top = Math.max(...line.map((item) => item.y));
        blocks.push({
          top,
          line: lineOf(top),
          kind: 'text',
          cells: [lineText(line)],
          size: Math.max(...line.map((item) => item.size)),
          left: Math.min(...line.map((item) => item.x)),
          right: Math.max(...line.map((item) => item.x + item.width)),
          spread: line.some((item, k) => k > 0 && item.x - (line[k - 1].x + line[k - 1].width) > item.size * 1.2),
        });
      }
      blocks.sort((a, b) => b.top - a.top);
      const lastBlock = blocks.at(-1);
      carry = lastBlock && unruled.blocks.includes(lastBlock) ? lastBlock.table! : null;
      pages.push({ height, blocks });
      count += blocks.length;
      if (count > maxRows) return { ok: false, reason: 'tooManyRows', rows: count };
    }

    const rows: SourceRow[] = [];
    let last: { page: number; table?: number[]; out: SourceRow } | null = null;
    let tableHeader: string | null = null;
    pages.forEach((page, index) => {
      const number = index + 1;
      const blocks = joinParagraphs(page.blocks);
      blocks.forEach((block, i) => {
        if (block.kind === 'row') {
          const key = block.cells.join('\u0001');
          const sameTable = Boolean(last?.table) && sameColumns(last!.table, block.table);
          // The table goes on from the page before: its repeated header is dropped, a cut row joined to its start.
          if (sameTable && last!.page === number - 1 && blocks.slice(0, i).every((b) => b.kind === 'row')) {
            if (key === tableHeader) return;
            if (continues(block)) {
              const out = last!.out;
              block.cells.forEach((cell, k) => {
                while (out.cells.length <= k) out.cells.push('');
                if (cell.trim()) out.cells[k] = joinLines(out.cells[k], cell);
              });
              last = { page: number, table: block.table, out };
              return;
            }
          }
          if (!sameTable) tableHeader = key;
        }
        const out: SourceRow = { row: rows.length + 1, page: number, line: block.line, cells: block.cells, tabular: block.kind === 'row' && block.cells.length > 1 };
        rows.push(out);
        last = { page: number, table: block.kind === 'row' ? block.table : undefined, out };
      });
    });
    return { ok: true, rows };
  } catch {
    return { ok: false, reason: 'damaged' };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
