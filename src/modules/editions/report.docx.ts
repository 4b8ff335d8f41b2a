// The yearly report as a Word document: the same blocks as the PDF, with the tables and footer the plan export
// uses. Headings are Word's heading styles (the navigation pane and screen readers use them); charts are PNG
// images carrying their text alternative.
import {
  Document, HeadingLevel, ImageRun, Packer, PageOrientation, Paragraph, TableRow, convertMillimetersToTwip,
} from 'docx';
import { docxCell, docxHeaderRow, docxPageFooter, docxTable, docxTextParagraph, languageRun } from '../exports/index.js';
import { svgToPng } from './chart.png.js';
import type { ReportBlock, ReportDocument } from './report.document.js';

const MARGIN_MM = 20;
const TEXT_WIDTH = convertMillimetersToTwip(297 - 2 * MARGIN_MM);
// Charts are shown at most this wide (pixels at 96 dpi), about two thirds of the landscape text width.
const FIGURE_WIDTH_PX = 640;

function table(block: Extract<ReportBlock, { kind: 'table' }>, run: ReturnType<typeof languageRun>) {
  const widths = block.widths.map((share) => Math.round(share * TEXT_WIDTH));
  return docxTable(
    [
      docxHeaderRow(run, block.columns, widths),
      ...block.rows.map((cells) => new TableRow({ children: cells.map((text, i) => docxCell(text.split('\n'), widths[i], undefined, run.rtl)) })),
    ],
    widths,
    run.rtl,
  );
}

function figure(block: Extract<ReportBlock, { kind: 'figure' }>, index: number): Paragraph {
  const { png, width, height } = svgToPng(block.svg);
  const scale = Math.min(1, FIGURE_WIDTH_PX / width);
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
        altText: { name: `chart-${index + 1}`, title: block.title, description: block.alt },
      }),
    ],
  });
}

export async function renderReportDocx(report: ReportDocument): Promise<Buffer> {
  // The document has one language, so no run needs to be marked with another. An Arabic report runs right to
  // left: its paragraphs with Arabic words, its runs of them and its tables (docx.parts.ts).
  const rtl = /^ar\b/i.test(report.languageTag);
  const language = report.languageTag.replace(/-u-.*$/i, '');
  const run = languageRun(undefined, rtl);
  let figures = 0;
  const children = report.blocks.map((block) => {
    switch (block.kind) {
      case 'heading':
        // Kept on the page of what follows it (Word moves a heading down rather than leave it alone at the foot).
        return docxTextParagraph(block.text, rtl, { heading: block.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, keepLines: true });
      case 'paragraph':
        return docxTextParagraph(block.text, rtl);
      case 'table':
        return table(block, run);
      case 'figure':
        return figure(block, figures++);
    }
  });
  const margin = convertMillimetersToTwip(MARGIN_MM);
  const document = new Document({
    title: report.title,
    creator: 'Teilhabe',
    lastModifiedBy: 'Teilhabe',
    description: report.author,
    styles: { default: { document: { run: { language: { value: language, bidirectional: rtl ? language : undefined }, font: 'Arial', size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297), orientation: PageOrientation.LANDSCAPE },
            margin: { top: margin, bottom: margin, left: margin, right: margin },
          },
        },
        footers: { default: docxPageFooter(run, report.pageOf) },
        children: [
          docxTextParagraph(report.title, rtl, { heading: HeadingLevel.TITLE }),
          ...report.subtitle.map((line) => docxTextParagraph(line, rtl)),
          ...children,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
