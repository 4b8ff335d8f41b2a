// A tagged table for pdfkit: Table > THead/TBody > TR > TH/TD, cells that wrap, rows that move to the next page
// whole when they fit there, and the header row repeated on every page. pdfkit's own doc.table() neither repeats
// the header nor keeps a row together, so the layout is done here.
import type PDFDocument from 'pdfkit';
import { directionOf, drawText as drawTextInBox, measureText, splitText } from './pdf.text.js';

type Doc = InstanceType<typeof PDFDocument>;
type StructElement = PDFKit.PDFStructureElement;

export interface PdfTableFonts {
  regular: string;
  bold: string;
  size: number;
}

export interface PdfTableRow {
  cells: string[];
  /** Rows the first cell spans, this one included: a goal over its measures. */
  firstCellRowSpan?: number;
  /**
   * Set on a row whose first cell is covered by a span from above (`cells` then lacks it). Printed again, untagged,
   * when the row opens a page, so a goal running over a page break is named there too.
   */
  spannedText?: string;
}

export interface PdfTableSpec {
  headers: string[];
  /** Shares of the text width, one per column. */
  widths: number[];
  rows: PdfTableRow[];
  /** Language of the header words when it differs from the document's. */
  headerLang?: string;
  /** Language of the body cells when it differs from the document's (the plan's German text in an Arabic document). */
  bodyLang?: string;
  /** Language of a column's body cells when it differs from the document's; before `bodyLang`. */
  columnLangs?: ReadonlyArray<string | undefined>;
}

const PADDING = 4;
const LINE_GAP = 1;
const HEADER_FILL = '#e7e7e7';
const RULE_COLOR = '#808080';
// Below this much room a row is started on the next page rather than split: a line or two alone helps nobody.
const MIN_SPLIT_HEIGHT = 60;

interface Layout {
  doc: Doc;
  fonts: PdfTableFonts;
  x: number[];
  widths: number[];
  headers: string[];
  headerLang?: string;
  headerHeight: number;
}

/** The attribute dictionary pdfkit builds for a structure element; its typings leave it out. */
interface WithAttributes {
  dictionary: { data: { A?: Record<string, string | number> } };
}

const bottom = (doc: Doc): number => doc.page.height - doc.page.margins.bottom;

const styleOf = (layout: Layout, bold = false) => ({ font: bold ? layout.fonts.bold : layout.fonts.regular, size: layout.fonts.size, lineGap: LINE_GAP });

function textHeight(layout: Layout, text: string, column: number, bold = false): number {
  return measureText(layout.doc, text, styleOf(layout, bold), layout.widths[column] - 2 * PADDING);
}

/** `cells` holds one text per column; a covered column holds the text that may be printed there. */
function rowHeight(layout: Layout, cells: readonly string[], bold = false): number {
  return Math.max(...cells.map((text, column) => textHeight(layout, text, column, bold))) + 2 * PADDING;
}

/** The longest head of `text`, cut between words, that fits in `height`; at least one word so that a row always moves on. */
function splitToHeight(layout: Layout, text: string, column: number, height: number): [string, string] {
  return splitText(layout.doc, text, styleOf(layout), layout.widths[column] - 2 * PADDING, height);
}

function artifact(doc: Doc, draw: () => void, type?: 'Pagination'): void {
  doc.markContent('Artifact', type ? { type } : undefined);
  draw();
  doc.endMarkedContent();
}

/** The table's outer edges, whichever side its first column is on. */
function edges(layout: Layout): { left: number; right: number } {
  return { left: Math.min(...layout.x), right: Math.max(...layout.x.map((x, column) => x + layout.widths[column])) };
}

/** Cell walls and top lines; a covered first cell gets no top line, so the span reads as one cell. */
function drawRules(layout: Layout, y: number, height: number, firstCovered = false, fill?: string): void {
  const { doc, x, widths } = layout;
  const { left, right } = edges(layout);
  artifact(doc, () => {
    doc.save();
    if (fill) doc.rect(left, y, right - left, height).fill(fill);
    doc.lineWidth(0.5).strokeColor(RULE_COLOR);
    if (!firstCovered) doc.moveTo(left, y).lineTo(right, y).stroke();
    else if (x[0] === left) doc.moveTo(x[0] + widths[0], y).lineTo(right, y).stroke();
    else doc.moveTo(left, y).lineTo(x[0], y).stroke();
    for (const wall of [...x, ...x.map((at, column) => at + widths[column])]) doc.moveTo(wall, y).lineTo(wall, y + height).stroke();
    doc.restore();
  });
}

function closeTable(layout: Layout, y: number): void {
  const { doc } = layout;
  const { left, right } = edges(layout);
  artifact(doc, () => {
    doc.save().lineWidth(0.5).strokeColor(RULE_COLOR);
    doc.moveTo(left, y).lineTo(right, y).stroke();
    doc.restore();
  });
}

function drawText(layout: Layout, text: string, column: number, y: number, height: number, bold = false): void {
  layout.doc.fillColor('black');
  drawTextInBox(layout.doc, text, styleOf(layout, bold), { x: layout.x[column] + PADDING, y: y + PADDING, width: layout.widths[column] - 2 * PADDING, height: height - PADDING + 1 });
}

/** The header row: tagged the first time, an artifact when repeated so screen readers announce it once. */
function drawHeader(layout: Layout, y: number, thead?: StructElement): void {
  const { doc } = layout;
  drawRules(layout, y, layout.headerHeight, false, HEADER_FILL);
  if (!thead) {
    artifact(doc, () => layout.headers.forEach((text, column) => drawText(layout, text, column, y, layout.headerHeight, true)), 'Pagination');
    return;
  }
  const row = doc.struct('TR');
  thead.add(row);
  layout.headers.forEach((text, column) => {
    // pdfkit writes `scope` as the Table attribute Scope, which its typings do not list.
    const options: PDFKit.Mixins.StructureElementOptions & { scope: string } = { lang: layout.headerLang, scope: 'Column' };
    const cell = doc.struct('TH', options);
    row.add(cell);
    cell.add(() => drawText(layout, text, column, y, layout.headerHeight, true));
  });
  row.end();
}

function newPage(layout: Layout, y: number): number {
  closeTable(layout, y);
  layout.doc.addPage();
  const top = layout.doc.page.margins.top;
  drawHeader(layout, top);
  return top + layout.headerHeight;
}

interface RowStructure {
  row: StructElement;
  /** One per column; none for a first cell covered by a span from above. */
  cells: Array<StructElement | undefined>;
}

function rowStructure(doc: Doc, tbody: StructElement, row: PdfTableRow, spec: PdfTableSpec): RowStructure {
  const tr = doc.struct('TR');
  tbody.add(tr);
  // A row under a spanned first cell starts at the second column.
  const first = row.spannedText === undefined ? 0 : 1;
  const cells = row.cells.map((_, index) => {
    const cell = doc.struct('TD', { lang: spec.columnLangs?.[first + index] ?? spec.bodyLang });
    tr.add(cell);
    return cell;
  });
  if (row.firstCellRowSpan && row.firstCellRowSpan > 1) {
    (cells[0] as unknown as WithAttributes).dictionary.data.A = { O: 'Table', RowSpan: row.firstCellRowSpan };
  }
  return { row: tr, cells: row.spannedText === undefined ? cells : [undefined, ...cells] };
}

/** Draws one page's part of a row; a covered first cell is printed untagged, and only when the row opens a page. */
function drawRowPart(layout: Layout, structs: Array<StructElement | undefined>, texts: readonly string[], y: number, height: number): void {
  drawRules(layout, y, height, structs[0] === undefined);
  texts.forEach((text, column) => {
    if (!text) return;
    const struct = structs[column];
    if (struct) struct.add(() => drawText(layout, text, column, y, height));
    else artifact(layout.doc, () => drawText(layout, text, column, y, height), 'Pagination');
  });
}

function tableLayout(doc: Doc, fonts: PdfTableFonts, spec: PdfTableSpec): Layout {
  const left = doc.page.margins.left;
  const textWidth = doc.page.width - left - doc.page.margins.right;
  const widths = spec.widths.map((share) => share * textWidth);
  // Right to left, the first column is the rightmost.
  const before = (column: number) => widths.slice(0, column).reduce((sum, w) => sum + w, 0);
  const x = widths.map((w, column) => (directionOf(doc) === 'rtl' ? left + textWidth - before(column) - w : left + before(column)));
  const layout: Layout = { doc, fonts, x, widths, headers: spec.headers, headerLang: spec.headerLang, headerHeight: 0 };
  layout.headerHeight = rowHeight(layout, spec.headers, true);
  return layout;
}

/** What a table needs on the page it starts on: its header and its first row (a long row as far as a page holds). */
function startHeight(layout: Layout, spec: PdfTableSpec): number {
  const pageTop = layout.doc.page.margins.top + layout.headerHeight;
  return layout.headerHeight + Math.min(rowHeight(layout, spec.rows[0]?.cells ?? []), bottom(layout.doc) - pageTop);
}

/** The height `drawTable` keeps together at the table's start; a heading above it keeps this much below itself. */
export function tableStartHeight(doc: Doc, fonts: PdfTableFonts, spec: PdfTableSpec): number {
  return startHeight(tableLayout(doc, fonts, spec), spec);
}

export function drawTable(doc: Doc, parent: StructElement, fonts: PdfTableFonts, spec: PdfTableSpec): void {
  const layout = tableLayout(doc, fonts, spec);
  const pageTop = doc.page.margins.top + layout.headerHeight;

  let y = doc.y;
  if (y + startHeight(layout, spec) > bottom(doc)) {
    doc.addPage();
    y = doc.page.margins.top;
  }

  const table = doc.struct('Table');
  parent.add(table);
  const thead = doc.struct('THead');
  table.add(thead);
  drawHeader(layout, y, thead);
  thead.end();
  y += layout.headerHeight;

  const tbody = doc.struct('TBody');
  table.add(tbody);
  for (const row of spec.rows) {
    const structure = rowStructure(doc, tbody, row, spec);
    const structs = structure.cells;
    let texts = row.spannedText === undefined ? row.cells : ['', ...row.cells];
    for (;;) {
      if (row.spannedText !== undefined) texts = [y === pageTop ? row.spannedText : '', ...texts.slice(1)];
      const height = rowHeight(layout, texts);
      if (y + height <= bottom(doc)) {
        drawRowPart(layout, structs, texts, y, height);
        y += height;
        break;
      }
      const room = bottom(doc) - y;
      if (height <= bottom(doc) - pageTop || room < MIN_SPLIT_HEIGHT) {
        y = newPage(layout, y);
        continue;
      }
      // Taller than a whole page: fill this page with the head of every cell and carry the rest over.
      const parts = texts.map((text, column) => (text ? splitToHeight(layout, text, column, room - 2 * PADDING) : ['', '']));
      drawRowPart(layout, structs, parts.map(([head]) => head), y, room);
      texts = parts.map(([, tail]) => tail);
      y = newPage(layout, bottom(doc));
    }
    structure.row.end();
  }
  closeTable(layout, y);
  tbody.end();
  table.end();
  doc.x = doc.page.margins.left;
  doc.y = y + fonts.size;
}
