import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { ExchangeField } from '../importer/exchange.js';
import { measureCells, stateLine } from './document.cells.js';
import { documentLabels, type DocumentLabels } from './export.labels.js';
import { parseExportInput, type ExportInput } from './export.model.js';
import { drawTable, type PdfTableFonts, type PdfTableRow } from './pdf.table.js';
import { woffToSfnt } from './woff.js';

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = PDFKit.PDFStructureElement;

// The plan's text is German whatever the interface language; only the words the export adds follow `lang`.
const CONTENT_LANGUAGE = 'de-DE';

// Noto Sans from the design system, embedded so the file looks the same everywhere and text extraction works.
// KERN ships it as WOFF and WOFF2 only; pdfkit cannot read WOFF2 and reads WOFF slowly (see woff.ts).
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve('@kern-ux/native/dist/fonts/noto-sans/NotoSans-Regular.woff'),
  bold: require.resolve('@kern-ux/native/dist/fonts/noto-sans/NotoSans-Bold.woff'),
};
const FONTS: PdfTableFonts = { regular: 'NotoSans', bold: 'NotoSans-Bold', size: 9 };
let fontData: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

function loadFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
  fontData ??= Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]).then(([regular, bold]) => ({
    regular: woffToSfnt(regular),
    bold: woffToSfnt(bold),
  }));
  return fontData;
}

// This Noto Sans has no arrows: "→" would print as an empty box. The triangular bullet reads the same way here.
const NOTE_MARK = '‣';

const MARGIN = 50;
// The footer sits in the bottom margin, this far below the text area.
const FOOTER_GAP = 15;
const MAIN_WIDTHS = [0.2, 0.05, 0.33, 0.2, 0.22];
const FURTHER_WIDTHS = [0.53, 0.25, 0.22];
// A heading is moved to the next page with its table rather than left alone at the foot of a page.
const KEEP_WITH_HEADING = 120;

interface Context {
  doc: Doc;
  labels: DocumentLabels;
  /** Set on elements holding the export's own words when they are not German. */
  chromeLang?: string;
}

function block(ctx: Context, parent: StructElement, tag: string, text: string, font: string, size: number, lang?: string): void {
  const { doc } = ctx;
  parent.add(
    doc.struct(tag, { lang }, () => {
      doc.font(font).fontSize(size).fillColor('black').text(text, doc.page.margins.left, doc.y, { lineGap: 2 });
    }),
  );
  doc.moveDown(0.4);
}

function keepWithNext(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function goalRows(ctx: Context, goal: ExchangeField['goals'][number]): PdfTableRow[] {
  if (goal.measures.length === 0) return [{ cells: [goal.text, '', '', '', ''] }];
  return goal.measures.map((measure, index) => {
    const cells = measureCells(measure, ctx.labels, NOTE_MARK);
    const rest = [cells.number, cells.text.join('\n'), cells.actors, cells.status];
    return index === 0 ? { cells: [goal.text, ...rest], firstCellRowSpan: goal.measures.length } : { cells: rest, spannedText: goal.text };
  });
}

function field(ctx: Context, root: StructElement, exchangeField: ExchangeField): void {
  const { doc, labels } = ctx;
  const section = doc.struct('Sect');
  root.add(section);
  keepWithNext(doc, KEEP_WITH_HEADING);
  block(ctx, section, 'H2', exchangeField.title, FONTS.bold, 14);
  for (const vision of exchangeField.visions) block(ctx, section, 'P', `${labels.vision}: ${vision}`, FONTS.regular, 10);
  if (exchangeField.goals.length > 0) {
    drawTable(doc, section, FONTS, {
      headers: [labels.goal, labels.number, labels.measure, labels.actors, labels.status],
      headerLang: ctx.chromeLang,
      widths: MAIN_WIDTHS,
      rows: exchangeField.goals.flatMap((goal) => goalRows(ctx, goal)),
    });
  }
  if (exchangeField.furtherMeasures.length > 0) {
    keepWithNext(doc, KEEP_WITH_HEADING);
    block(ctx, section, 'H3', labels.furtherMeasures, FONTS.bold, 11, ctx.chromeLang);
    drawTable(doc, section, FONTS, {
      headers: [labels.measure, labels.actors, labels.status],
      headerLang: ctx.chromeLang,
      widths: FURTHER_WIDTHS,
      rows: exchangeField.furtherMeasures.map((measure) => {
        const cells = measureCells(measure, labels, NOTE_MARK);
        return { cells: [cells.text.join('\n'), cells.actors, cells.status] };
      }),
    });
  }
  section.end();
}

// Written once every page exists, since "of M" needs the count; marked as artifacts so that screen readers skip
// the repetition.
function footers(ctx: Context, title: string, state: string): void {
  const { doc, labels } = ctx;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { left, right } = doc.page.margins;
    const width = doc.page.width - left - right;
    const y = doc.page.height - MARGIN + FOOTER_GAP;
    // Without this pdfkit would see text below the bottom margin and start a new page.
    const { bottom } = doc.page.margins;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(FONTS.regular).fontSize(8).fillColor('#404040');
    doc.text(`${title} · ${state}`, left, y, { width: width * 0.75, lineBreak: false, ellipsis: true });
    const [before, between] = labels.pageOf;
    doc.text(`${before}${index - range.start + 1}${between}${range.count}`, left, y, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}

export async function exportPdf(input: ExportInput): Promise<Buffer> {
  const { plan, municipalityName, stateDate, planState, lang } = parseExportInput(input);
  const labels = documentLabels(lang);
  const title = plan.plan.title;
  const fonts = await loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    tagged: true,
    pdfVersion: '1.7',
    lang: CONTENT_LANGUAGE,
    displayTitle: true,
    bufferPages: true,
    info: { Title: title, Author: municipalityName, Creator: 'Teilhabe' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONTS.regular, fonts.regular);
  doc.registerFont(FONTS.bold, fonts.bold);

  const ctx: Context = { doc, labels, chromeLang: labels.languageTag === CONTENT_LANGUAGE ? undefined : labels.languageTag };
  const state = stateLine(labels, stateDate, planState);
  const root = doc.struct('Document');
  doc.addStructure(root);
  block(ctx, root, 'H1', title, FONTS.bold, 20);
  block(ctx, root, 'P', municipalityName, FONTS.regular, 11);
  block(ctx, root, 'P', state, FONTS.regular, 11, ctx.chromeLang);
  doc.moveDown(0.6);
  for (const exchangeField of plan.fields) field(ctx, root, exchangeField);
  root.end();

  footers(ctx, title, state);
  doc.end();
  return done;
}
