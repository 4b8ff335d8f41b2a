// Building blocks every Word document of Teilhabe shares: table cells and header rows, the page footer with
// "page N of M", and the text runs of the document's own words tagged with their language. The plan export and
// the yearly report both build on them.
import {
  AlignmentType, Footer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';

/** A run of the words the document adds around the content, tagged with their language where it differs. */
export type Run = (text: string, bold?: boolean) => TextRun;

export function languageRun(languageTag: string | undefined): Run {
  const language = languageTag ? { value: languageTag } : undefined;
  return (text, bold) => new TextRun({ text, bold, language });
}

function lines(texts: readonly string[]): Paragraph[] {
  return texts.map((text) => new Paragraph({ children: [new TextRun(text)] }));
}

export function docxCell(texts: readonly string[], width: number, verticalMerge?: 'restart' | 'continue'): TableCell {
  return new TableCell({
    children: verticalMerge === 'continue' ? [new Paragraph({})] : lines(texts),
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
          children: [new Paragraph({ children: [run(header, true)] })],
          width: { size: widths[index], type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: 'E7E7E7', color: 'auto' },
        }),
    ),
  });
}

export function docxTable(rows: TableRow[], widths: readonly number[]): Table {
  return new Table({ rows, columnWidths: [...widths], width: { size: 100, type: WidthType.PERCENTAGE } });
}

export function docxPageFooter(run: Run, pageOf: readonly [before: string, between: string]): Footer {
  const [before, between] = pageOf;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [run(before), new TextRun({ children: [PageNumber.CURRENT] }), run(between), new TextRun({ children: [PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}
