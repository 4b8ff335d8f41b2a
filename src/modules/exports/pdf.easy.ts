// The Leichte Sprache layout of a PDF: large type, one sentence per line, left-aligned, wide spacing, no
// justification and no italics; a title (H1) and paragraphs whose every sentence is its own tagged P.
import { createTaggedPdf, pdfBlock, PDF_FONTS } from './pdf.document.js';

export interface EasyReadPdfInput {
  title: string;
  author: string;
  /** Paragraphs, each a list of sentences; every sentence starts a line of its own. */
  paragraphs: string[][];
}

export const EASY_READ_SIZES = { title: 24, body: 15 } as const;
// Line spacing of about 1.5 and a blank line's room between paragraphs, as Leichte Sprache guides ask.
const LINE_GAP = 0.5;
const PARAGRAPH_GAP = 1;

export async function easyReadPdf(input: EasyReadPdfInput): Promise<Buffer> {
  const { doc, done } = await createTaggedPdf({ title: input.title, author: input.author, lang: 'de-DE', layout: 'portrait' });
  const root = doc.struct('Document');
  doc.addStructure(root);
  pdfBlock(doc, root, 'H1', input.title, PDF_FONTS.bold, EASY_READ_SIZES.title, undefined, EASY_READ_SIZES.title * LINE_GAP);
  doc.moveDown(PARAGRAPH_GAP);
  for (const paragraph of input.paragraphs) {
    for (const sentence of paragraph) pdfBlock(doc, root, 'P', sentence.trim(), PDF_FONTS.regular, EASY_READ_SIZES.body, undefined, EASY_READ_SIZES.body * LINE_GAP);
    doc.moveDown(PARAGRAPH_GAP);
  }
  root.end();
  doc.end();
  return done;
}
