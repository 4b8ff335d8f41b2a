// The frame every tagged PDF of Teilhabe shares: a pdfkit document marked up for PDF/UA (structure tree, language,
// title shown in the window), Noto Sans embedded, headings and paragraphs as tagged blocks, and page footers as
// artifacts. The plan export and the yearly report both build on it.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { PdfTableFonts } from './pdf.table.js';
import { woffToSfnt } from './woff.js';

export type PdfDoc = InstanceType<typeof PDFDocument>;
export type PdfStruct = PDFKit.PDFStructureElement;

// Noto Sans from the design system, embedded so the file looks the same everywhere and text extraction works.
// KERN ships it as WOFF and WOFF2 only; pdfkit cannot read WOFF2 and reads WOFF slowly (see woff.ts).
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve('@kern-ux/native/dist/fonts/noto-sans/NotoSans-Regular.woff'),
  bold: require.resolve('@kern-ux/native/dist/fonts/noto-sans/NotoSans-Bold.woff'),
};
export const PDF_FONTS: PdfTableFonts = { regular: 'NotoSans', bold: 'NotoSans-Bold', size: 9 };
let fontData: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

function loadFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
  fontData ??= Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]).then(([regular, bold]) => ({
    regular: woffToSfnt(regular),
    bold: woffToSfnt(bold),
  }));
  return fontData;
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
    lang: options.lang,
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
  doc.registerFont(PDF_FONTS.regular, fonts.regular);
  doc.registerFont(PDF_FONTS.bold, fonts.bold);
  return { doc, done };
}

/** A heading or paragraph as one tagged element, at the left margin. */
export function pdfBlock(doc: PdfDoc, parent: PdfStruct, tag: string, text: string, font: string, size: number, lang?: string): void {
  parent.add(
    doc.struct(tag, { lang }, () => {
      doc.font(font).fontSize(size).fillColor('black').text(text, doc.page.margins.left, doc.y, { lineGap: 2 });
    }),
  );
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
    doc.font(PDF_FONTS.regular).fontSize(8).fillColor('#404040');
    doc.text(text, left, y, { width: width * 0.75, lineBreak: false, ellipsis: true });
    const [before, between] = pageOf;
    doc.text(`${before}${index - range.start + 1}${between}${range.count}`, left, y, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
