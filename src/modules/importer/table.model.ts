// The common model every reader produces: whatever the source (pasted text, CSV, Excel, Word), the layout
// interpreter only ever sees sheets of rows of cell strings, so header detection, field headings, visions,
// goal carry-over and actor splitting exist once.

export interface SourceRow {
  /** 1-based position in the source (line, sheet row or paragraph/table-row ordinal) for messages. */
  row: number;
  cells: string[];
  /**
   * True when the row came from a table (spreadsheet or Word table row), where a single filled cell still has a
   * column position; false for free lines (text, paragraphs), which are headings, visions or labels.
   */
  tabular: boolean;
  /** Word only: the paragraph has a heading style, so it is a heading by the document's own say, not a guess. */
  heading?: boolean;
  /** PDF only: the page, and the line on that page, where the row starts (messages say "Seite 3, Zeile 12"). */
  page?: number;
  line?: number;
  /** The part (a Word table, a workbook sheet) the row belongs to: its index in `SourceDocument.parts`. */
  part?: number;
  /** Word tables only: the table's ordinal in the document and the row within it ("Tabelle 2, Zeile 5"). */
  table?: number;
  tableRow?: number;
}

export interface SourceSheet {
  /** The sheet name of a workbook; readers of single-sheet sources leave it undefined. */
  name?: string;
  rows: SourceRow[];
}

/**
 * A part of a document that the officer can leave out of an import: a table of a Word document or a sheet of a
 * workbook. `id` is its index in `SourceDocument.parts`, stable for the same file.
 */
export interface SourcePart {
  id: number;
  kind: 'table' | 'sheet';
  /** The table's ordinal (1-based) or the sheet's name. */
  ordinal: number;
  name?: string;
  /** The last line before a Word table (a heading), so the officer can find it. */
  after?: string;
  rows: number;
}

export interface SourceDocument {
  file: string;
  sheets: SourceSheet[];
  /** The parts that can be excluded; none for text, CSV and PDF. */
  parts?: SourcePart[];
  /** Word: a row outside a table is a paragraph, whose ordinal no one can find; warnings on it quote its text instead. */
  paragraphRows?: boolean;
}

export type { ImportProblem } from '../plan/index.js';
import type { ImportProblem } from '../plan/index.js';

export type ReadResult = { ok: true; document: SourceDocument } | { ok: false; errors: ImportProblem[] };

/** How much an import may read: bytes of the file and rows of all its tables. */
export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
  /** The most XML a Word document's body or a workbook's sheets may unpack to (default: MAX_OFFICE_XML_BYTES). */
  maxXmlBytes?: number;
}
