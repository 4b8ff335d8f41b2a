// Text in every interface language on a pdfkit page. pdfkit lays out one font per call, and no single Noto font
// holds Latin, Cyrillic and Arabic; pdfkit also breaks lines and orders words left to right only. So the text is
// laid out here: lines broken by width, each line split into runs of one font and one bidi level, the runs put in
// visual order by the Unicode bidi algorithm (bidi-js), and each run drawn on its own. fontkit shapes an Arabic
// run (joining forms, lam-alef) and reverses its glyphs into visual order.
//
// Text extraction: poppler and others rebuild the reading order from the glyph positions and the ToUnicode map.
// Noto Sans Arabic composes letters from shared dotless shapes and separate dots (ح and خ share one shape), and a
// PDF font maps each glyph number to one text: see mapEveryLetter.
//
// Reading order: the runs of a line are drawn in reading (logical) order at their visual places, and a
// right-to-left run's glyphs one by one from the right, so the tagged content, which a screen reader follows,
// holds "الإجراء 1.1 في عام 2026" as written. pdftotext has no bidi algorithm: it orders a line from the glyph
// positions by the page's main direction (more Arabic than Latin letters: right to left). On a page where Latin
// letters prevail (a catalogue of German plan text) it gives the runs of an Arabic line with figures from the
// left, each readable, in reverse order; poppler's word boxes (-bbox) of Arabic are single letters.
import bidiFactory from 'bidi-js';
import type PDFDocument from 'pdfkit';

type PdfDoc = InstanceType<typeof PDFDocument>;

export type TextDirection = 'ltr' | 'rtl';

export interface TextStyle {
  /** The registered Latin/Cyrillic font (PDF_FONTS.regular or .bold); Arabic takes its counterpart. */
  font: string;
  size: number;
  lineGap?: number;
}

export interface TextBox {
  x: number;
  y: number;
  width: number;
  /** Lines below this height are not drawn (a table cell's part on a page). */
  height?: number;
  /** Where lines sit: at the start of the direction (left in LTR, right in RTL), at its end, or centred. */
  align?: 'start' | 'end';
  /** One line only, cut with "…" when it does not fit. */
  ellipsis?: boolean;
}

interface FontSet {
  /** The Arabic counterpart of each Latin/Cyrillic font name, both registered. */
  arabicOf: Record<string, string>;
}

interface DocText {
  direction: TextDirection;
  fonts: FontSet;
}

const state = new WeakMap<PdfDoc, DocText>();
const bidi = bidiFactory();

/** Called by createTaggedPdf: the document's base direction and its fonts. */
export function setupText(doc: PdfDoc, direction: TextDirection, fonts: FontSet): void {
  state.set(doc, { direction, fonts });
  for (const name of Object.values(fonts.arabicOf)) mapEveryLetter(doc, name);
}

function docText(doc: PdfDoc): DocText {
  const found = state.get(doc);
  if (!found) throw new Error('PDF text used on a document not made by createTaggedPdf');
  return found;
}

export function directionOf(doc: PdfDoc): TextDirection {
  return docText(doc).direction;
}

// Arabic letters, marks, punctuation and presentation forms: the ranges Noto Sans Arabic covers.
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

interface Token {
  text: string;
  font: string;
  level: number;
  width: number;
  space?: boolean;
  /** Place in logical (reading) order. */
  index: number;
}

interface Line {
  tokens: Token[];
  width: number;
}

function fontOf(doc: PdfDoc, base: string, char: string): string {
  return ARABIC.test(char) ? (docText(doc).fonts.arabicOf[base] ?? base) : base;
}

function widthOf(doc: PdfDoc, font: string, size: number, text: string): number {
  return doc.font(font).fontSize(size).widthOfString(text);
}

/** Splits a word into runs of one font. */
function fontRuns(doc: PdfDoc, style: TextStyle, word: string): Array<{ text: string; font: string }> {
  const runs: Array<{ text: string; font: string }> = [];
  for (const char of word) {
    const font = fontOf(doc, style.font, char);
    const last = runs.at(-1);
    if (last && last.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}

function wordWidth(doc: PdfDoc, style: TextStyle, word: string): number {
  return fontRuns(doc, style, word).reduce((sum, run) => sum + widthOf(doc, run.font, style.size, run.text), 0);
}

/** A word wider than the line is cut between characters. */
function cutWord(doc: PdfDoc, style: TextStyle, word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && wordWidth(doc, style, piece + char) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** The lines of `text` in logical order, as words; "\n" breaks a line. */
function breakLines(doc: PdfDoc, text: string, style: TextStyle, width: number): string[][] {
  const space = widthOf(doc, style.font, style.size, ' ');
  const lines: string[][] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/[ \t]+/).filter(Boolean).flatMap((word) => (wordWidth(doc, style, word) > width ? cutWord(doc, style, word, width) : [word]));
    let line: string[] = [];
    let lineWidth = 0;
    for (const word of words) {
      const w = wordWidth(doc, style, word);
      if (line.length > 0 && lineWidth + space + w > width) {
        lines.push(line);
        line = [];
        lineWidth = 0;
      }
      lineWidth += (line.length > 0 ? space : 0) + w;
      line.push(word);
    }
    lines.push(line);
  }
  return lines;
}

/** One line's runs in visual order, left to right (rule L2 of the bidi algorithm, on runs instead of characters). */
function visualLine(doc: PdfDoc, words: string[], style: TextStyle, direction: TextDirection): Line {
  const text = words.join(' ');
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const tokens: Token[] = [];
  let offset = 0;
  words.forEach((word, index) => {
    if (index > 0) {
      tokens.push({ text: ' ', font: style.font, level: levels[offset], width: widthOf(doc, style.font, style.size, ' '), space: true, index: tokens.length });
      offset += 1;
    }
    let current: Token | undefined;
    for (const char of word) {
      const level = levels[offset];
      // A bracket in right-to-left text is shown mirrored; the Arabic font draws it, since its glyphs can say which
      // character they stand for (mapEveryLetter): "(" still reads "(" although it shows ")".
      const mirrored = level % 2 === 1 && bidi.getMirroredCharacter(char) !== null;
      const font = mirrored ? (docText(doc).fonts.arabicOf[style.font] ?? style.font) : fontOf(doc, style.font, char);
      if (current && current.font === font && current.level === level && !mirrored) current.text += char;
      else {
        current = { text: char, font, level, width: 0, index: tokens.length };
        tokens.push(current);
      }
      // A mirrored bracket is a run of its own: fontkit would mirror it once more inside an Arabic run.
      if (mirrored) current = undefined;
      offset += char.length;
    }
  });
  for (const token of tokens) if (!token.space) token.width = widthOf(doc, token.font, style.size, token.text);
  const highest = Math.max(0, ...tokens.map((t) => t.level));
  const lowestOdd = Math.min(...tokens.map((t) => t.level).filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    for (let start = 0; start < tokens.length; start++) {
      if (tokens[start].level < level) continue;
      let end = start;
      while (end + 1 < tokens.length && tokens[end + 1].level >= level) end++;
      tokens.splice(start, end - start + 1, ...tokens.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return { tokens, width: tokens.reduce((sum, t) => sum + t.width, 0) };
}

interface FontMetrics {
  ascent: number;
  lineHeight: number;
}

function metrics(doc: PdfDoc, font: string, size: number): FontMetrics {
  doc.font(font).fontSize(size);
  const f = (doc as unknown as { _font: { ascender: number } })._font;
  return { ascent: (f.ascender / 1000) * size, lineHeight: doc.currentLineHeight(true) };
}

/** The height of one line of `style` holding `fonts`. */
function lineMetrics(doc: PdfDoc, style: TextStyle, fonts: Iterable<string>): FontMetrics {
  let ascent = 0;
  let lineHeight = 0;
  for (const font of new Set([style.font, ...fonts])) {
    const m = metrics(doc, font, style.size);
    ascent = Math.max(ascent, m.ascent);
    lineHeight = Math.max(lineHeight, m.lineHeight);
  }
  return { ascent, lineHeight: lineHeight + (style.lineGap ?? 0) };
}

function fontsIn(doc: PdfDoc, style: TextStyle, words: readonly string[]): string[] {
  return words.some((word) => ARABIC.test(word)) ? [fontOf(doc, style.font, '\u0627')] : [];
}

/** The height `text` takes in a box of `width`. */
export function measureText(doc: PdfDoc, text: string, style: TextStyle, width: number): number {
  if (!text) return 0;
  return breakLines(doc, text, style, width).reduce((sum, words) => sum + lineMetrics(doc, style, fontsIn(doc, style, words)).lineHeight, 0);
}

/** The longest head of `text`, cut between words, that fits in `height`, and the rest; at least one line. */
export function splitText(doc: PdfDoc, text: string, style: TextStyle, width: number, height: number): [string, string] {
  const lines = breakLines(doc, text, style, width);
  let used = 0;
  let count = 0;
  for (const words of lines) {
    const h = lineMetrics(doc, style, fontsIn(doc, style, words)).lineHeight;
    if (count > 0 && used + h > height) break;
    used += h;
    count++;
  }
  const join = (part: string[][]) => part.map((words) => words.join(' ')).join('\n');
  return [join(lines.slice(0, count)), join(lines.slice(count))];
}

interface FontkitGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
interface FontkitFont {
  _glyphs: Record<number, unknown>;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph;
}
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  layout(text: string, features?: unknown): { glyphs: FontkitGlyph[]; positions: unknown[] };
  encode(text: string, features?: unknown, unicodes?: number[][]): [string[], unknown[]];
}

/**
 * Makes a registered font say, for every glyph it draws, the letters that glyph stands for there. fontkit keeps one
 * glyph object per glyph id, with the letters of the first text it was laid out for, so its glyphs are made afresh
 * for each layout; and a shape drawn for a second letter gets its own glyph number in the embedded subset (a copy
 * of the same outline), so that the font's ToUnicode map can name each letter.
 */
function mapEveryLetter(doc: PdfDoc, name: string): void {
  doc.font(name);
  const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
  const font = embedded.font;
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => {
    delete font._glyphs[id];
    return getGlyph(id, codePoints);
  };
  const numbers = new Map<string, number>();
  const used = new Set<number>();
  embedded.encode = (text, features, unicodes) => {
    const { glyphs, positions } = embedded.layout(text, features);
    // `unicodes`, one per glyph: the characters the glyphs stand for when they are not those laid out (mirrored).
    const said = unicodes?.length === glyphs.length ? unicodes : undefined;
    const codes = glyphs.map((glyph, index) => {
      const codePoints = said?.[index] ?? glyph.codePoints;
      const key = `${glyph.id}:${codePoints.join(',')}`;
      let number = numbers.get(key);
      if (number === undefined) {
        number = used.has(glyph.id) ? embedded.subset.glyphs.push(glyph.id) - 1 : embedded.subset.includeGlyph(glyph.id);
        used.add(glyph.id);
        numbers.set(key, number);
        embedded.widths[number] = glyph.advanceWidth * embedded.scale;
        embedded.unicode[number] = codePoints;
      }
      return `0000${number.toString(16)}`.slice(-4);
    });
    return [codes, positions];
  };
}

/** Draws `text` into the box in the document's direction; returns the height used. */
export function drawText(doc: PdfDoc, text: string, style: TextStyle, box: TextBox): number {
  // A text without a right-to-left letter (a German plan text in an Arabic document) keeps its own direction.
  const direction = docText(doc).direction === 'rtl' && RTL_LETTER.test(text) ? 'rtl' : 'ltr';
  let lines = breakLines(doc, text, style, box.ellipsis ? Infinity : box.width);
  if (box.ellipsis) lines = [ellipsize(doc, lines.flat(), style, box.width)];
  const { x: docX, y: docY } = doc;
  let y = box.y;
  for (const [index, words] of lines.entries()) {
    const m = lineMetrics(doc, style, fontsIn(doc, style, words));
    if (box.height !== undefined && y + m.lineHeight > box.y + box.height + 0.5 && y > box.y) break;
    const line = visualLine(doc, words, style, direction);
    const lineStart = atLineStart(box, direction, line.width);
    let x = lineStart;
    // The runs are drawn in visual order, each glyph mapped to its letters (mapEveryLetter); readers such as
    // poppler rebuild the reading order of right-to-left text from the positions.
    const page = doc.page as unknown as { height: number; fonts: Record<string, unknown> };
    doc.save();
    doc.transform(1, 0, 0, -1, 0, page.height);
    // Placed in visual order, drawn in reading order: tools that follow the content (the structure tree, text
    // extraction in content order) then meet the runs as they are read.
    const placed = mergeLeftToRight(line.tokens).map((token) => {
      const at = x;
      x += token.width;
      return { token, at };
    });
    // Spaces are drawn too (they show nothing): the text read in content order keeps its word breaks.
    for (const { token, at } of placed.sort((a, b) => a.token.index - b.token.index)) drawToken(doc, token, style.size, at, page.height - (y + m.ascent));
    // A line that the text goes on after ends with a space beyond its end, so that the words either side of the
    // break are not read as one ("Stadt" "leben", not "Stadtleben").
    if (index < lines.length - 1) {
      const space = { text: ' ', font: style.font, level: direction === 'rtl' ? 1 : 0, width: 0, space: true, index: 0 };
      drawToken(doc, space, style.size, direction === 'rtl' ? lineStart - widthOf(doc, style.font, style.size, ' ') : lineStart + line.width, page.height - (y + m.ascent));
    }
    doc.restore();
    y += m.lineHeight;
  }
  doc.x = docX;
  doc.y = docY;
  return y - box.y;
}

/** Where a line of `width` starts (its left end) in the box. */
function atLineStart(box: TextBox, direction: TextDirection, width: number): number {
  const atEnd = (box.align === 'end') !== (direction === 'rtl');
  return atEnd ? box.x + box.width - width : box.x;
}

/**
 * Neighbouring left-to-right runs of one font that also follow each other in reading order are drawn as one,
 * spaces included, so extraction keeps the spaces.
 */
function mergeLeftToRight(tokens: readonly Token[]): Token[] {
  const merged: Array<Token & { last: number }> = [];
  for (const token of tokens) {
    const last = merged.at(-1);
    if (last && last.font === token.font && last.level % 2 === 0 && token.level % 2 === 0 && token.index === last.last + 1) {
      merged[merged.length - 1] = { ...last, text: last.text + token.text, width: last.width + token.width, space: last.space && token.space, last: token.index };
    } else merged.push({ ...token, last: token.index });
  }
  return merged;
}

const num = (value: number): string => String(Math.round(value * 1000) / 1000);

interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/**
 * Shows one run's glyphs at (x, baseline) in PDF coordinates (the caller has undone pdfkit's flipped y axis), the
 * way pdfkit's own text drawing does, with one coordinate change for the whole line instead of one per run.
 */
function drawToken(doc: PdfDoc, token: Token, size: number, x: number, baseline: number): void {
  let { text } = token;
  let unicodes: number[][] | undefined;
  if (!ARABIC.test(text) && token.level % 2 === 1) {
    // Neutral characters inside right-to-left text: fontkit lays them out left to right, so they are put in
    // visual order here, with brackets mirrored; each glyph still stands for the character written.
    const visual = [...text].reverse();
    text = visual.map((char) => bidi.getMirroredCharacter(char) ?? char).join('');
    unicodes = visual.map((char) => [char.codePointAt(0)!]);
  }
  doc.font(token.font).fontSize(size);
  const font = (doc as unknown as { _font: { id: string; ref(): unknown; encode(text: string, features?: unknown, unicodes?: number[][]): [string[], GlyphPosition[]] } })._font;
  const fonts = (doc.page as unknown as { fonts: Record<string, unknown> }).fonts;
  fonts[font.id] ??= font.ref();
  const [codes, positions] = font.encode(text, undefined, unicodes);
  const scale = size / 1000;
  // Right-to-left runs are drawn from the right, so that the content holds them in reading order.
  if (token.level % 2 === 1) {
    drawRightToLeft(doc, font.id, size, codes, positions, x, baseline);
    return;
  }
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  let pen = x;
  const addSegment = (cur: number) => {
    if (last < cur) commands.push(`<${codes.slice(last, cur).join('')}> ${num(-(positions[cur - 1].xAdvance - positions[cur - 1].advanceWidth))}`);
    last = cur;
  };
  const flush = (cur: number) => {
    addSegment(cur);
    if (commands.length > 0) doc.addContent(`[${commands.join(' ')}] TJ`);
    commands.length = 0;
  };
  doc.addContent('BT');
  doc.addContent(`1 0 0 1 ${num(pen)} ${num(baseline)} Tm`);
  doc.addContent(`/${font.id} ${num(size)} Tf`);
  positions.forEach((pos, i) => {
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      doc.addContent(`1 0 0 1 ${num(pen + pos.xOffset * scale)} ${num(baseline + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        doc.addContent(`1 0 0 1 ${num(pen)} ${num(baseline)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    pen += pos.xAdvance * scale;
  });
  flush(positions.length);
  doc.addContent('ET');
}

/**
 * Shows a right-to-left run's glyphs (fontkit gives them in visual order, left to right) one by one from the right,
 * so that the content, and with it the structure tree and every tool that reads the text in content order, holds
 * the letters in reading order; each glyph is placed where the visual layout puts it.
 */
function drawRightToLeft(doc: PdfDoc, fontId: string, size: number, codes: readonly string[], positions: readonly GlyphPosition[], x: number, baseline: number): void {
  const scale = size / 1000;
  const pens: number[] = [];
  let pen = x;
  for (const pos of positions) {
    pens.push(pen);
    pen += pos.xAdvance * scale;
  }
  doc.addContent('BT');
  doc.addContent(`/${fontId} ${num(size)} Tf`);
  for (let i = positions.length - 1; i >= 0; i--) {
    const pos = positions[i];
    doc.addContent(`1 0 0 1 ${num(pens[i] + pos.xOffset * scale)} ${num(baseline + pos.yOffset * scale)} Tm`);
    doc.addContent(`<${codes[i]}> Tj`);
  }
  doc.addContent('ET');
}

function ellipsize(doc: PdfDoc, words: string[], style: TextStyle, width: number): string[] {
  const fits = (w: string[]) => wordWidth(doc, style, w.join(' ')) <= width;
  if (fits(words)) return words;
  const kept = [...words];
  while (kept.length > 1 && !fits([...kept, '…'])) kept.pop();
  return [...kept, '…'];
}

/** Characters that no font of the document can draw. */
export function uncoveredCharacters(doc: PdfDoc, text: string, base: string): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    if (/\s/u.test(char)) continue;
    doc.font(fontOf(doc, base, char));
    const font = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
    if (!font.hasGlyphForCodePoint(char.codePointAt(0)!)) missing.add(char);
  }
  return [...missing];
}
