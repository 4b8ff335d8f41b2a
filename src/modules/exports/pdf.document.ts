// The frame every tagged PDF of Teilhabe shares: a pdfkit document marked up for PDF/UA (structure tree, language,
// title shown in the window), the Noto fonts embedded (pdf.text.ts lays out text in any interface language), headings and paragraphs as tagged blocks, and page footers as
// artifacts. The plan export and the yearly report both build on it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { PdfTableFonts } from './pdf.table.js';
import { directionOf, drawText, measureText, setupText, splitText, type TextDirection } from './pdf.text.js';

export type PdfDoc = InstanceType<typeof PDFDocument>;
export type PdfStruct = PDFKit.PDFStructureElement;

// Noto Sans (Latin, with Turkish, and Cyrillic, with Ukrainian) and Noto Sans Arabic, full TrueType files shipped
// with their packages and embedded as subsets, so the file looks the same everywhere and text extraction works.
const require = createRequire(import.meta.url);
export const PDF_FONT_FILES = {
  NotoSans: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  'NotoSans-Bold': require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  NotoSansArabic: require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
  'NotoSansArabic-Bold': require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
};
type FontName = keyof typeof PDF_FONT_FILES;
export const PDF_FONTS: PdfTableFonts = { regular: 'NotoSans', bold: 'NotoSans-Bold', size: 9 };
const ARABIC_OF: Record<string, string> = { NotoSans: 'NotoSansArabic', 'NotoSans-Bold': 'NotoSansArabic-Bold' };
let fontData: Promise<Record<FontName, Buffer>> | undefined;

function loadFonts(): Promise<Record<FontName, Buffer>> {
  fontData ??= Promise.all(
    (Object.keys(PDF_FONT_FILES) as FontName[]).map(async (name) => [name, await readFile(PDF_FONT_FILES[name])] as const),
  ).then((entries) => Object.fromEntries(entries) as Record<FontName, Buffer>);
  return fontData;
}

/** The languages written right to left among the interface's. */
export function directionOfLang(lang: string): TextDirection {
  return /^ar\b/i.test(lang) ? 'rtl' : 'ltr';
}

export const PDF_MARGIN = 50;
// The footer sits in the bottom margin, this far below the text area.
const FOOTER_GAP = 15;

export interface TaggedPdfOptions {
  title: string;
  author: string;
  /** BCP 47 tag of the document's content. */
  lang: string;
  layout: 'portrait' | 'landscape';
}

/** A tagged A4 document with the fonts registered, and the finished file once `doc.end()` was called. */
export async function createTaggedPdf(options: TaggedPdfOptions): Promise<{ doc: PdfDoc; done: Promise<Buffer> }> {
  const fonts = await loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout,
    margins: { top: PDF_MARGIN, bottom: PDF_MARGIN, left: PDF_MARGIN, right: PDF_MARGIN },
    tagged: true,
    pdfVersion: '1.7',
    // A language tag without Unicode extensions ("ar", not the formatting locale "ar-u-nu-latn").
    lang: options.lang.replace(/-u-.*$/i, ''),
    displayTitle: true,
    bufferPages: true,
    info: { Title: options.title, Author: options.author, Creator: 'Teilhabe' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, data] of Object.entries(fonts)) doc.registerFont(name, data);
  setupText(doc, directionOfLang(options.lang), { arabicOf: ARABIC_OF });
  return { doc, done };
}

const BLOCK_LINE_GAP = 2;

/** The height pdfBlock gives `text` over the text width, spacing below included. */
export function pdfBlockHeight(doc: PdfDoc, text: string, font: string, size: number, lineGap = BLOCK_LINE_GAP): number {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  return measureText(doc, text, { font, size, lineGap }, width) + doc.font(font).fontSize(size).currentLineHeight(true) * 0.4;
}

/**
 * A heading or paragraph as one tagged element over the text width, starting at the side the document's direction
 * starts at (right in Arabic). A block taller than the rest of the page goes on, line by line, on the next.
 */
export function pdfBlock(doc: PdfDoc, parent: PdfStruct, tag: string, text: string, font: string, size: number, lang?: string, lineGap = BLOCK_LINE_GAP): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const style = { font, size, lineGap };
  const element = doc.struct(tag, { lang });
  parent.add(element);
  let rest = text;
  while (rest) {
    const room = doc.page.height - doc.page.margins.bottom - doc.y;
    if (measureText(doc, rest, style, width) <= room) {
      const y = doc.y;
      const part = rest;
      element.add(doc.markStructureContent(tag, { lang }));
      doc.fillColor('black');
      const height = drawText(doc, part, style, { x: left, y, width });
      doc.endMarkedContent();
      doc.y = y + height;
      rest = '';
      break;
    }
    const [head, tail] = splitText(doc, rest, style, width, room);
    if (measureText(doc, head, style, width) > room) {
      doc.addPage();
      continue;
    }
    const y = doc.y;
    element.add(doc.markStructureContent(tag, { lang }));
    doc.fillColor('black');
    drawText(doc, head, style, { x: left, y, width });
    doc.endMarkedContent();
    rest = tail;
    doc.addPage();
  }
  element.end();
  doc.x = left;
  doc.moveDown(0.4);
}

/** Starts a new page unless `height` still fits: a heading is not left alone at the foot of a page. */
export function keepWithNext(doc: PdfDoc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

// Written once every page exists, since "of M" needs the count; marked as artifacts so that screen readers skip
// the repetition.
export function pdfFooters(doc: PdfDoc, text: string, pageOf: readonly [before: string, between: string]): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { left, right } = doc.page.margins;
    const width = doc.page.width - left - right;
    const y = doc.page.height - PDF_MARGIN + FOOTER_GAP;
    // Without this pdfkit would see text below the bottom margin and start a new page.
    const { bottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    const style = { font: PDF_FONTS.regular, size: 8 };
    doc.fillColor('#404040');
    const pageText = `${pageOf[0]}${index - range.start + 1}${pageOf[1]}${range.count}`;
    const pageWidth = doc.font(style.font).fontSize(style.size).widthOfString(pageText) * 1.2 + 10;
    const titleWidth = Math.min(width * 0.75, width - pageWidth);
    drawText(doc, text, style, { x: directionOf(doc) === 'rtl' ? left + width - titleWidth : left, y, width: titleWidth, ellipsis: true });
    drawText(doc, pageText, style, { x: left, y, width, align: 'end' });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
