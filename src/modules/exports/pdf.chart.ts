// A chart (SVG) drawn on a tagged PDF page. svg-to-pdfkit draws each text of an SVG with one font and left to right;
// neither Noto Sans nor its PDF layout knows Arabic. A chart with Arabic words is therefore first laid out by resvg
// (Arabic shaped and ordered right to left, with the same Noto fonts the PDF embeds) and drawn as outlines; the
// Figure's alternative text is what a screen reader reads.
import { Resvg } from '@resvg/resvg-js';
import SVGtoPDF from 'svg-to-pdfkit';
import { PDF_FONT_FILES, PDF_FONTS, type PdfDoc } from './pdf.document.js';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** The SVG with its text shaped and turned into outlines, at its own size. */
export function svgTextToOutlines(svg: string): string {
  return new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: Object.values(PDF_FONT_FILES), defaultFontFamily: 'Noto Sans' } }).toString();
}

/** Draws `svg` at the current transformation, its text as text unless it holds Arabic. */
export function drawSvgChart(doc: PdfDoc, svg: string): void {
  SVGtoPDF(doc, ARABIC.test(svg) ? svgTextToOutlines(svg) : svg, 0, 0, { assumePt: true, fontCallback: (_family, bold) => (bold ? PDF_FONTS.bold : PDF_FONTS.regular) });
}
