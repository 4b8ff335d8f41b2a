import type { ExchangeField } from '../plan/index.js';
import { goalLabel } from './catalogue.js';
import { measureCells, stateLine } from './document.cells.js';
import { documentLabels, type DocumentLabels } from './export.labels.js';
import { parseExportInput, type ExportInput } from './export.model.js';
import { createTaggedPdf, keepWithNext, pdfBlock, pdfFooters, PDF_FONTS as FONTS, type PdfDoc as Doc, type PdfStruct as StructElement } from './pdf.document.js';
import { drawTable, type PdfTableRow } from './pdf.table.js';

// The plan's text is German whatever the interface language (a translation layer would hand in translated texts
// with their language); the document and the words the export adds follow `lang`.
const CONTENT_LANGUAGE = 'de-DE';

// This Noto Sans has no arrows: "→" would print as an empty box. The triangular bullet reads the same way here.
const NOTE_MARK = '‣';

const MAIN_WIDTHS = [0.2, 0.05, 0.33, 0.2, 0.22];
const FURTHER_WIDTHS = [0.53, 0.25, 0.22];
// A heading is moved to the next page with its table rather than left alone at the foot of a page.
const KEEP_WITH_HEADING = 120;

interface Context {
  doc: Doc;
  labels: DocumentLabels;
  /** Set on elements holding the plan's own (German) text when the document's words are in another language. */
  contentLang?: string;
}

function block(ctx: Context, parent: StructElement, tag: string, text: string, font: string, size: number, lang?: string): void {
  pdfBlock(ctx.doc, parent, tag, text, font, size, lang);
}

function goalRows(ctx: Context, goal: ExchangeField['goals'][number]): PdfTableRow[] {
  const goalText = goalLabel(goal, ctx.labels.goal);
  if (goal.measures.length === 0) return [{ cells: [goalText, '', '', '', ''] }];
  return goal.measures.map((measure, index) => {
    const cells = measureCells(measure, ctx.labels, NOTE_MARK);
    const rest = [cells.number, cells.text.join('\n'), cells.actors, cells.status];
    return index === 0 ? { cells: [goalText, ...rest], firstCellRowSpan: goal.measures.length } : { cells: rest, spannedText: goalText };
  });
}

function field(ctx: Context, root: StructElement, exchangeField: ExchangeField): void {
  const { doc, labels } = ctx;
  const section = doc.struct('Sect');
  root.add(section);
  keepWithNext(doc, KEEP_WITH_HEADING);
  block(ctx, section, 'H2', exchangeField.title, FONTS.bold, 14, ctx.contentLang);
  for (const vision of exchangeField.visions) block(ctx, section, 'P', `${labels.vision}: ${vision}`, FONTS.regular, 10, ctx.contentLang);
  if (exchangeField.goals.length > 0) {
    drawTable(doc, section, FONTS, {
      headers: [labels.goal, labels.number, labels.measure, labels.actors, labels.status],
      bodyLang: ctx.contentLang,
      widths: MAIN_WIDTHS,
      rows: exchangeField.goals.flatMap((goal) => goalRows(ctx, goal)),
    });
  }
  if (exchangeField.furtherMeasures.length > 0) {
    keepWithNext(doc, KEEP_WITH_HEADING);
    block(ctx, section, 'H3', labels.furtherMeasures, FONTS.bold, 11);
    drawTable(doc, section, FONTS, {
      headers: [labels.measure, labels.actors, labels.status],
      bodyLang: ctx.contentLang,
      widths: FURTHER_WIDTHS,
      rows: exchangeField.furtherMeasures.map((measure) => {
        const cells = measureCells(measure, labels, NOTE_MARK);
        return { cells: [cells.text.join('\n'), cells.actors, cells.status] };
      }),
    });
  }
  section.end();
}

export async function exportPdf(input: ExportInput): Promise<Buffer> {
  const { plan, municipalityName, stateDate, planState, lang } = parseExportInput(input);
  const labels = documentLabels(lang);
  const title = plan.plan.title;
  const { doc, done } = await createTaggedPdf({ title, author: municipalityName, lang: labels.languageTag, layout: 'landscape' });

  const ctx: Context = { doc, labels, contentLang: labels.languageTag === CONTENT_LANGUAGE ? undefined : CONTENT_LANGUAGE };
  const state = stateLine(labels, stateDate, planState);
  const root = doc.struct('Document');
  doc.addStructure(root);
  block(ctx, root, 'H1', title, FONTS.bold, 20, ctx.contentLang);
  block(ctx, root, 'P', municipalityName, FONTS.regular, 11, ctx.contentLang);
  block(ctx, root, 'P', state, FONTS.regular, 11);
  doc.moveDown(0.6);
  for (const exchangeField of plan.fields) field(ctx, root, exchangeField);
  root.end();

  pdfFooters(doc, `${title} · ${state}`, labels.pageOf);
  doc.end();
  return done;
}
