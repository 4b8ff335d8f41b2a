// The printed sheet of access codes: A4, eight cut-out cards a page (two columns, four rows, dashed cut
// lines), each with the questionnaire's title, the short address, the code in large type and a QR code of the
// link that opens the questionnaire with the code filled in. Tagged like every PDF of Teilhabe; the QR code
// and the cut lines are artifacts, the card's texts are its content.
import QRCode from 'qrcode';
import { createTaggedPdf, drawText, measureText, PDF_FONTS, type PdfDoc } from '../exports/index.js';

export interface CodeSheetTexts {
  /** The document's title (window title, metadata). */
  documentTitle: string;
  author: string;
  lang: string;
  /** "Take part at" before the short address. */
  takePart: string;
  /** "Your access code" above the code. */
  yourCode: string;
  /** One sentence under the code: single use, anonymous. */
  note: string;
}

export interface CodeCard {
  code: string;
  /** The link in the QR code: the questionnaire's address with `?code=`. */
  link: string;
}

const COLUMNS = 2;
const ROWS = 4;
const MARGIN = 28;
const PADDING = 14;
const QR_SIZE = 104;

/** Draws the QR code of `text` as filled squares (vector: sharp at any print size), with its quiet zone. */
function drawQr(doc: PdfDoc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  doc.markContent('Artifact', { type: 'Layout' });
  doc.save().fillColor('black');
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
  doc.endMarkedContent();
}

/** The PDF of the cards, in the order given. */
export async function codeSheetPdf(title: string, shortAddress: string, cards: CodeCard[], texts: CodeSheetTexts): Promise<Buffer> {
  const { doc, done } = await createTaggedPdf({ title: texts.documentTitle, author: texts.author, lang: texts.lang, layout: 'portrait' });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const rtl = /^ar\b/i.test(texts.lang);
  const cardWidth = (doc.page.width - 2 * MARGIN) / COLUMNS;
  const cardHeight = (doc.page.height - 2 * MARGIN) / ROWS;
  // texts are placed at fixed positions: without this pdfkit would start a new page near the bottom margin
  doc.page.margins.bottom = 0;
  for (const [i, card] of cards.entries()) {
    const onPage = i % (COLUMNS * ROWS);
    if (i > 0 && onPage === 0) {
      doc.addPage();
      doc.page.margins.bottom = 0;
    }
    const x = MARGIN + (onPage % COLUMNS) * cardWidth;
    const y = MARGIN + Math.floor(onPage / COLUMNS) * cardHeight;
    // cut lines
    doc.markContent('Artifact', { type: 'Layout' });
    doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor('#808080').rect(x, y, cardWidth, cardHeight).stroke().undash().restore();
    doc.endMarkedContent();

    const textWidth = cardWidth - 3 * PADDING - QR_SIZE;
    const section = doc.struct('Sect');
    root.add(section);
    let ty = y + PADDING;
    // Laid out by pdf.text.ts, as every PDF text: any interface language, Arabic shaped and right to left.
    const para = (text: string, font: string, size: number, width: number, tag = 'P', height?: number, lang?: string) => {
      const style = { font, size, lineGap: 1 };
      // In a right-to-left sheet the text stands at the card's right, beside the QR code on its left.
      const left = rtl && width === textWidth ? x + 2 * PADDING + QR_SIZE : x + PADDING;
      let used = 0;
      section.add(
        doc.struct(tag, { lang }, () => {
          doc.fillColor('black');
          used = drawText(doc, text, style, { x: left, y: ty, width, height });
        }),
      );
      ty += Math.min(used, height ?? measureText(doc, text, style, width)) + 4;
    };
    // The questionnaire's title is its German text: tagged as German in a sheet in another language.
    para(title, PDF_FONTS.bold, 11, textWidth, 'H2', 42, /^de\b/i.test(texts.lang) ? undefined : 'de-DE');
    para(texts.takePart, PDF_FONTS.regular, 8.5, textWidth);
    ty -= 3;
    para(shortAddress, PDF_FONTS.bold, 8.5, textWidth);
    ty = Math.max(ty + 4, y + PADDING + QR_SIZE - 4);
    para(texts.yourCode, PDF_FONTS.regular, 9, cardWidth - 2 * PADDING);
    ty -= 2;
    para(card.code, PDF_FONTS.bold, 26, cardWidth - 2 * PADDING);
    para(texts.note, PDF_FONTS.regular, 7.5, cardWidth - 2 * PADDING);
    section.end();
    drawQr(doc, card.link, rtl ? x + PADDING : x + cardWidth - PADDING - QR_SIZE, y + PADDING - 4, QR_SIZE);
  }
  root.end();
  doc.end();
  return done;
}
