// The printed A4 sheet of an offer, for a notice board or to hand out: its title, what, when (with the next
// dates), where, languages, cost, accessibility and contact, and a QR code of the offer's page. The interface's
// words are in the reader's language (Arabic right to left); the offer's own texts are German and tagged so.
// Tagged like every PDF of Teilhabe; the QR code is an artifact, its address stands beside it as text.
import QRCode from 'qrcode';
import { createTaggedPdf, pdfBlock, pdfFooters, PDF_FONTS, type PdfDoc } from '../exports/index.js';

export interface SheetRow {
  label: string;
  value: string;
  /** the value is a German content text (in a sheet in another language) */
  german?: boolean;
}

export interface SheetInput {
  lang: string;
  title: string;
  /** the title and the description are German (no reviewed translation in the sheet's language) */
  titleGerman: boolean;
  descriptionGerman: boolean;
  category: string;
  actor: string;
  description: string;
  rows: SheetRow[];
  nextDatesTitle: string;
  nextDates: string[];
  qrCaption: string;
  url: string;
  footer: string;
  author: string;
}

const QR_SIZE = 130;

function drawQr(doc: PdfDoc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 3;
  const cell = size / (n + 2 * quiet);
  doc.markContent('Artifact', { type: 'Layout' });
  doc.save().fillColor('white').rect(x, y, size, size).fill().fillColor('black');
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
  doc.endMarkedContent();
}

export async function offerSheetPdf(input: SheetInput): Promise<Buffer> {
  const { doc, done } = await createTaggedPdf({ title: input.title, author: input.author, lang: input.lang, layout: 'portrait' });
  const german = /^de\b/i.test(input.lang) ? undefined : 'de-DE';
  const rtl = /^ar\b/i.test(input.lang);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const { left, right } = doc.page.margins;
  const width = doc.page.width - left - right;
  // the QR code stands at the top, at the side the reading ends (right in German, left in Arabic)
  const qrX = rtl ? left : left + width - QR_SIZE;
  const qrY = doc.page.margins.top;
  drawQr(doc, input.url, qrX, qrY, QR_SIZE);
  // the text beside the QR code is narrower: the margins are moved for it, then set back
  if (rtl) doc.page.margins.left = left + QR_SIZE + 16;
  else doc.page.margins.right = right + QR_SIZE + 16;
  doc.y = qrY;
  pdfBlock(doc, root, 'P', input.category, PDF_FONTS.regular, 11);
  pdfBlock(doc, root, 'H1', input.title, PDF_FONTS.bold, 20, input.titleGerman ? german : undefined);
  if (input.actor) pdfBlock(doc, root, 'P', input.actor, PDF_FONTS.regular, 11, german);
  pdfBlock(doc, root, 'P', input.qrCaption, PDF_FONTS.regular, 8);
  pdfBlock(doc, root, 'P', input.url, PDF_FONTS.regular, 8, 'en');
  doc.page.margins.left = left;
  doc.page.margins.right = right;
  doc.y = Math.max(doc.y, qrY + QR_SIZE) + 12;
  if (input.description) pdfBlock(doc, root, 'P', input.description, PDF_FONTS.regular, 11, input.descriptionGerman ? german : undefined);
  doc.moveDown(0.5);
  for (const row of input.rows) {
    if (!row.value) continue;
    pdfBlock(doc, root, 'H2', row.label, PDF_FONTS.bold, 12);
    pdfBlock(doc, root, 'P', row.value, PDF_FONTS.regular, 11, row.german ? german : undefined);
  }
  // a sheet for the notice board is one page: as many next dates as fit on it (the QR code leads to all)
  const room = (lines: number) => doc.y + lines * 18 <= doc.page.height - doc.page.margins.bottom;
  if (input.nextDates.length && room(2) && doc.bufferedPageRange().count === 1) {
    pdfBlock(doc, root, 'H2', input.nextDatesTitle, PDF_FONTS.bold, 12);
    for (const d of input.nextDates) {
      if (!room(1)) break;
      pdfBlock(doc, root, 'P', d, PDF_FONTS.regular, 11);
    }
  }
  root.end();
  pdfFooters(doc, input.footer, ['', ' / ']);
  doc.end();
  return done;
}
