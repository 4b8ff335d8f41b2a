// The yearly report as a tagged PDF (PDF/UA structure): the blocks of report.document.ts laid out on the frame
// and with the table the plan export uses. Each H2 opens a section; charts are Figures with their text alternative.
import { createTaggedPdf, drawSvgChart, drawTable, keepWithNext, pdfBlock, pdfFooters, PDF_FONTS, tableStartHeight, type PdfDoc, type PdfStruct } from '../exports/index.js';
import type { ReportBlock, ReportDocument } from './report.document.js';

// A heading is moved to the next page with the start of what follows (a figure whole, a table's header and first
// row, a paragraph's first lines) rather than left alone at the foot of a page.
const PARAGRAPH_LINES_KEPT = 3;
const HEADING_SIZE = { 2: 15, 3: 12 } as const;
// Charts are drawn at most this share of the text width, so that their labels stay the size of the text.
const FIGURE_WIDTH = 0.7;

function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(open)?.[1] ?? 640);
  const height = Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(open)?.[1] ?? 320);
  return { width, height };
}

function textWidthOf(doc: PdfDoc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function figureHeight(doc: PdfDoc, block: Extract<ReportBlock, { kind: 'figure' }>): number {
  const size = svgSize(block.svg);
  return size.height * Math.min(1, (textWidthOf(doc) * FIGURE_WIDTH) / size.width);
}

function textBlockHeight(doc: PdfDoc, text: string, font: string, size: number): number {
  return doc.font(font).fontSize(size).heightOfString(text, { width: textWidthOf(doc), lineGap: 2 }) + doc.currentLineHeight(true) * 0.4;
}

/** The room a heading needs below the page's current line: itself, the headings right after it, and the start of what they head. */
function keptWithHeading(doc: PdfDoc, blocks: readonly ReportBlock[], at: number): number {
  let height = 0;
  for (const block of blocks.slice(at)) {
    switch (block.kind) {
      case 'heading':
        height += textBlockHeight(doc, block.text, PDF_FONTS.bold, HEADING_SIZE[block.level]) + (block.level === 2 ? doc.currentLineHeight(true) * 0.5 : 0);
        continue;
      case 'paragraph': {
        doc.font(PDF_FONTS.regular).fontSize(10);
        const lines = doc.currentLineHeight(true) * PARAGRAPH_LINES_KEPT + 2 * PARAGRAPH_LINES_KEPT;
        return height + Math.min(textBlockHeight(doc, block.text, PDF_FONTS.regular, 10), lines);
      }
      case 'table':
        return height + tableStartHeight(doc, PDF_FONTS, { headers: block.columns, widths: block.widths, rows: block.rows.slice(0, 1).map((cells) => ({ cells })) });
      case 'figure':
        return height + figureHeight(doc, block) + 10;
    }
  }
  return height;
}

function figure(doc: PdfDoc, parent: PdfStruct, block: Extract<ReportBlock, { kind: 'figure' }>): void {
  const left = doc.page.margins.left;
  const size = svgSize(block.svg);
  const scale = Math.min(1, (textWidthOf(doc) * FIGURE_WIDTH) / size.width);
  const height = figureHeight(doc, block);
  keepWithNext(doc, height + 10);
  const y = doc.y;
  // The chart's own words are drawn as part of the figure; its alternative text is what a screen reader reads.
  // svg-to-pdfkit draws an SVG at the size its own width and height say, so the chart is scaled around it.
  parent.add(
    doc.struct('Figure', { alt: block.alt }, () => {
      doc.save().translate(left, y).scale(scale);
      drawSvgChart(doc, block.svg);
      doc.restore();
    }),
  );
  doc.x = left;
  doc.y = y + height + 6;
}

export async function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  const { doc, done } = await createTaggedPdf({ title: report.title, author: report.author, lang: report.languageTag, layout: 'landscape' });
  const root = doc.struct('Document');
  doc.addStructure(root);
  pdfBlock(doc, root, 'H1', report.title, PDF_FONTS.bold, 20);
  for (const [i, line] of report.subtitle.entries()) pdfBlock(doc, root, 'P', line, PDF_FONTS.regular, 11, report.subtitleLangs[i]);
  doc.moveDown(0.6);

  let section: PdfStruct | null = null;
  for (const [at, block] of report.blocks.entries()) {
    const parent = section ?? root;
    switch (block.kind) {
      case 'heading':
        if (block.level === 2) {
          section?.end();
          section = doc.struct('Sect');
          root.add(section);
        }
        keepWithNext(doc, keptWithHeading(doc, report.blocks, at));
        if (block.level === 2) doc.moveDown(0.5);
        pdfBlock(doc, section ?? root, `H${block.level}`, block.text, PDF_FONTS.bold, HEADING_SIZE[block.level], block.lang);
        break;
      case 'paragraph':
        pdfBlock(doc, parent, 'P', block.text, PDF_FONTS.regular, 10);
        break;
      case 'table':
        drawTable(doc, parent, PDF_FONTS, { headers: block.columns, widths: block.widths, columnLangs: block.columnLangs, rows: block.rows.map((cells) => ({ cells })) });
        break;
      case 'figure':
        figure(doc, parent, block);
        break;
    }
  }
  section?.end();
  root.end();

  pdfFooters(doc, report.footer, report.pageOf);
  doc.end();
  return done;
}
