import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableRow,
  TextRun,
  VerticalMergeType,
  convertMillimetersToTwip,
} from 'docx';
import type { ExchangeField, ExchangeMeasure } from '../plan/index.js';
import { goalLabel } from './catalogue.js';
import { measureCells, stateLine } from './document.cells.js';
import { documentLabels, type DocumentLabels } from './export.labels.js';
import { parseExportInput, type ExportInput } from './export.model.js';
import { docxCell as cell, docxHeaderRow, docxPageFooter, docxParagraph, docxTable as table, languageRun, type Run } from './docx.parts.js';
import { directionOfLang } from './pdf.document.js';

// The plan's text is German whatever the interface language; only the words the export adds follow `lang`.
const CONTENT_LANGUAGE = 'de-DE';
const MARGIN_MM = 20;
// A4 landscape: the five columns of a catalogue are unreadable on a portrait page.
const TEXT_WIDTH = convertMillimetersToTwip(297 - 2 * MARGIN_MM);
const MAIN_COLUMNS = [0.2, 0.05, 0.33, 0.2, 0.22].map((share) => Math.round(share * TEXT_WIDTH));
const FURTHER_COLUMNS = [0.53, 0.25, 0.22].map((share) => Math.round(share * TEXT_WIDTH));

/** The words the export adds around the plan, tagged with their language when it is not the plan's. */
interface Chrome {
  labels: DocumentLabels;
  run: Run;
}

function chromeFor(labels: DocumentLabels, rtl: boolean): Chrome {
  return { labels, run: languageRun(labels.languageTag === CONTENT_LANGUAGE ? undefined : labels.languageTag, rtl) };
}

const headerRow = (chrome: Chrome, headers: readonly string[], widths: readonly number[]): TableRow => docxHeaderRow(chrome.run, headers, widths);

// A goal's cell is merged down over its measures, as municipalities lay out their catalogues; a goal without
// measures still gets its row so that no goal disappears from the council paper.
function goalRows(goal: ExchangeField['goals'][number], chrome: Chrome): TableRow[] {
  if (goal.measures.length === 0) {
    return [new TableRow({ children: [goalLabel(goal, chrome.labels.goal), '', '', '', ''].map((text, i) => cell([text], MAIN_COLUMNS[i], undefined, chrome.run.rtl)) })];
  }
  return goal.measures.map((measure, index) => {
    const cells = measureCells(measure, chrome.labels);
    const merge = goal.measures.length === 1 ? undefined : index === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE;
    return new TableRow({
      children: [
        cell([goalLabel(goal, chrome.labels.goal)], MAIN_COLUMNS[0], merge, chrome.run.rtl),
        cell([cells.number], MAIN_COLUMNS[1], undefined, chrome.run.rtl),
        cell(cells.text, MAIN_COLUMNS[2], undefined, chrome.run.rtl),
        cell([cells.actors], MAIN_COLUMNS[3], undefined, chrome.run.rtl),
        cell([cells.status], MAIN_COLUMNS[4], undefined, chrome.run.rtl),
      ],
    });
  });
}

function furtherRows(measures: readonly ExchangeMeasure[], chrome: Chrome): TableRow[] {
  return measures.map((measure) => {
    const cells = measureCells(measure, chrome.labels);
    return new TableRow({
      children: [cell(cells.text, FURTHER_COLUMNS[0], undefined, chrome.run.rtl), cell([cells.actors], FURTHER_COLUMNS[1], undefined, chrome.run.rtl), cell([cells.status], FURTHER_COLUMNS[2], undefined, chrome.run.rtl)],
    });
  });
}

function fieldBlocks(field: ExchangeField, chrome: Chrome): Array<Paragraph | Table> {
  const { labels } = chrome;
  const blocks: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(field.title)] }),
    ...field.visions.map((vision) => docxParagraph(labels.vision, [chrome.run(`${labels.vision}: `, true), new TextRun(vision)], chrome.run.rtl)),
  ];
  if (field.goals.length > 0) {
    const headers = [labels.goal, labels.number, labels.measure, labels.actors, labels.status];
    blocks.push(table([headerRow(chrome, headers, MAIN_COLUMNS), ...field.goals.flatMap((goal) => goalRows(goal, chrome))], MAIN_COLUMNS, chrome.run.rtl));
  }
  if (field.furtherMeasures.length > 0) {
    blocks.push(
      docxParagraph(labels.furtherMeasures, [chrome.run(labels.furtherMeasures)], chrome.run.rtl, { heading: HeadingLevel.HEADING_2 }),
      table([headerRow(chrome, [labels.measure, labels.actors, labels.status], FURTHER_COLUMNS), ...furtherRows(field.furtherMeasures, chrome)], FURTHER_COLUMNS, chrome.run.rtl),
    );
  }
  return blocks;
}

export async function exportDocx(input: ExportInput): Promise<Buffer> {
  const { plan, municipalityName, stateDate, planState, lang } = parseExportInput(input);
  const labels = documentLabels(lang);
  const chrome = chromeFor(labels, directionOfLang(labels.languageTag) === 'rtl');
  const margin = convertMillimetersToTwip(MARGIN_MM);
  const document = new Document({
    title: plan.plan.title,
    creator: 'Teilhabe',
    lastModifiedBy: 'Teilhabe',
    description: municipalityName,
    styles: { default: { document: { run: { language: { value: CONTENT_LANGUAGE }, font: 'Arial', size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297), orientation: PageOrientation.LANDSCAPE },
            margin: { top: margin, bottom: margin, left: margin, right: margin },
          },
        },
        footers: { default: docxPageFooter(chrome.run, chrome.labels.pageOf) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(plan.plan.title)] }),
          new Paragraph({ children: [new TextRun(municipalityName)] }),
          docxParagraph(stateLine(chrome.labels, stateDate, planState), [chrome.run(stateLine(chrome.labels, stateDate, planState))], chrome.run.rtl),
          ...plan.fields.flatMap((field) => fieldBlocks(field, chrome)),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
