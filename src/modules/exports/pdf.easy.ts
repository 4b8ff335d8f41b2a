// The Leichte Sprache layout of a PDF: large type, one sentence per line, left-aligned, wide spacing, no
// justification and no italics; a title (H1), headings in bold and larger (H2), paragraphs whose every sentence is
// its own tagged P, and lists (L, LI, LBody) whose every item starts a line.
import { createTaggedPdf, keepWithNext, pdfBlock, pdfBlockHeight, PDF_FONTS, type PdfDoc, type PdfStruct } from './pdf.document.js';

/** A part of a Leichte Sprache text: a heading, a paragraph of sentences, or a list. */
export type EasyReadBlock = { heading: string } | { sentences: string[] } | { items: string[] };

export interface EasyReadPdfInput {
  title: string;
  author: string;
  /** In order; every sentence and every item starts a line of its own. */
  blocks: EasyReadBlock[];
}

export const EASY_READ_SIZES = { title: 24, heading: 18, body: 15 } as const;
// Line spacing of about 1.5 and a blank line's room between paragraphs, as Leichte Sprache guides ask.
const LINE_GAP = 0.5;
const PARAGRAPH_GAP = 1;
// A list item starts with a dash; the dash is part of the line, read as a list mark.
const ITEM_MARK = '–';

function sentence(doc: PdfDoc, parent: PdfStruct, text: string, tag = 'P'): void {
  pdfBlock(doc, parent, tag, text.trim(), PDF_FONTS.regular, EASY_READ_SIZES.body, undefined, EASY_READ_SIZES.body * LINE_GAP);
}

export async function easyReadPdf(input: EasyReadPdfInput): Promise<Buffer> {
  const { doc, done } = await createTaggedPdf({ title: input.title, author: input.author, lang: 'de-DE', layout: 'portrait' });
  const root = doc.struct('Document');
  doc.addStructure(root);
  pdfBlock(doc, root, 'H1', input.title, PDF_FONTS.bold, EASY_READ_SIZES.title, undefined, EASY_READ_SIZES.title * LINE_GAP);
  doc.moveDown(PARAGRAPH_GAP);
  for (const block of input.blocks) {
    if ('heading' in block) {
      // A heading is not left alone at the foot of a page: it keeps the room of its own and two lines below it.
      keepWithNext(doc, pdfBlockHeight(doc, block.heading, PDF_FONTS.bold, EASY_READ_SIZES.heading) + 3 * EASY_READ_SIZES.body * (1 + LINE_GAP));
      pdfBlock(doc, root, 'H2', block.heading.trim(), PDF_FONTS.bold, EASY_READ_SIZES.heading, undefined, EASY_READ_SIZES.heading * LINE_GAP);
      doc.moveDown(PARAGRAPH_GAP / 2);
      continue;
    }
    if ('items' in block) {
      const list = doc.struct('L');
      root.add(list);
      for (const item of block.items) {
        const li = doc.struct('LI');
        list.add(li);
        sentence(doc, li, `${ITEM_MARK} ${item}`, 'LBody');
        li.end();
      }
      list.end();
    } else for (const text of block.sentences) sentence(doc, root, text);
    doc.moveDown(PARAGRAPH_GAP);
  }
  root.end();
  doc.end();
  return done;
}
