// Building blocks every Word document of Teilhabe shares: table cells and header rows, the page footer with
// "page N of M", and the text runs of the document's own words tagged with their language. The plan export and
// the yearly report both build on them.
//
// Right to left (an Arabic document): paragraphs that hold a right-to-left letter are bidirectional (they start on
// the right and Word orders their words by the bidi algorithm), the document's own words are right-to-left runs
// tagged with their language, and tables run from the right. A paragraph of German plan text keeps left to right.
import {
  AlignmentType, Footer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type IParagraphOptions,
} from 'docx';

/** A run of the words the document adds around the content, tagged with their language where it differs. */
export type Run = ((text: string, bold?: boolean) => TextRun) & { rtl?: boolean };

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/** Whether `text` is laid out right to left in a document whose direction is right to left. */
export const isRightToLeft = (text: string, rtl: boolean | undefined): boolean => !!rtl && RTL_LETTER.test(text);

/** The document's own words; `rtl` for a right-to-left document, whose words are then right-to-left runs. */
export function languageRun(languageTag: string | undefined, rtl = false): Run {
  // A language tag without Unicode extensions ("ar", not the formatting locale "ar-u-nu-latn").
  const tag = languageTag?.replace(/-u-.*$/i, '');
  const language = tag ? (rtl ? { value: tag, bidirectional: tag } : { value: tag }) : undefined;
  const run: Run = (text, bold) => new TextRun({ text, bold, boldComplexScript: rtl ? bold : undefined, language, rightToLeft: rtl || undefined });
  run.rtl = rtl;
  return run;
}

/** A paragraph of runs: bidirectional in a right-to-left document when its text holds a right-to-left letter. */
export function docxParagraph(text: string, children: TextRun[], rtl: boolean | undefined, options: Omit<IParagraphOptions, 'children' | 'bidirectional' | 'text'> = {}): Paragraph {
  return new Paragraph({ ...options, children, bidirectional: isRightToLeft(text, rtl) || undefined });
}

/** A text as a paragraph of one run, the run right to left where the paragraph is. */
export function docxTextParagraph(text: string, rtl: boolean | undefined, options: Omit<IParagraphOptions, 'children' | 'bidirectional' | 'text'> = {}): Paragraph {
  return docxParagraph(text, [new TextRun({ text, rightToLeft: isRightToLeft(text, rtl) || undefined })], rtl, options);
}

function lines(texts: readonly string[], rtl?: boolean): Paragraph[] {
  return texts.map((text) => docxTextParagraph(text, rtl));
}

export function docxCell(texts: readonly string[], width: number, verticalMerge?: 'restart' | 'continue', rtl?: boolean): TableCell {
  return new TableCell({
    children: verticalMerge === 'continue' ? [new Paragraph({})] : lines(texts, rtl),
    width: { size: width, type: WidthType.DXA },
    verticalMerge,
  });
}

// Marked as table header so Word repeats it on every page and screen readers announce the column names.
export function docxHeaderRow(run: Run, headers: readonly string[], widths: readonly number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    children: headers.map(
      (header, index) =>
        new TableCell({
          children: [docxParagraph(header, [run(header, true)], run.rtl)],
          width: { size: widths[index], type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: 'E7E7E7', color: 'auto' },
        }),
    ),
  });
}

/** A table over the text width; in a right-to-left document its first column is the rightmost. */
export function docxTable(rows: TableRow[], widths: readonly number[], rtl = false): Table {
  return new Table({ rows, columnWidths: [...widths], width: { size: 100, type: WidthType.PERCENTAGE }, visuallyRightToLeft: rtl || undefined });
}

export function docxPageFooter(run: Run, pageOf: readonly [before: string, between: string]): Footer {
  const [before, between] = pageOf;
  return new Footer({
    children: [
      new Paragraph({
        // At the end of the line: the left in a right-to-left document.
        alignment: AlignmentType.END,
        bidirectional: run.rtl || undefined,
        children: [run(before), new TextRun({ children: [PageNumber.CURRENT] }), run(between), new TextRun({ children: [PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}
