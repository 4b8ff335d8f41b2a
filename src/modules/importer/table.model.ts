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
  /** PDF only: the page, and the line on that page, where the row starts (messages say "Seite 3, Zeile 12"). */
  page?: number;
  line?: number;
}

export interface SourceSheet {
  /** The sheet name of a workbook; readers of single-sheet sources leave it undefined. */
  name?: string;
  rows: SourceRow[];
}

export interface SourceDocument {
  file: string;
  sheets: SourceSheet[];
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
