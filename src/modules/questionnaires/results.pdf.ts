// The results summary as a tagged PDF (the frame, fonts and table of the plan export and the yearly report):
// per section a heading, per question its text, its chart as a Figure with its sentence as alternative text,
// and its figures as a table. Free-text answers appear as counts only.
import type { T } from '../../platform/i18n/i18n.js';
import { formatDate, formatNumber } from '../../platform/views/format.js';
import { createTaggedPdf, drawSvgChart, drawTable, keepWithNext, pdfBlock, pdfFooters, PDF_FONTS, type PdfDoc, type PdfStruct } from '../exports/index.js';
import { questionChart, questionTable, type QuestionChart } from './results.charts.js';
import { MIN_GROUP_SIZE, type QuestionResult } from './results.model.js';
import type { ResultsView } from './results.service.js';

// The questionnaire's texts (sections, questions, options) are German whatever the reader's language: in a summary
// in another language their headings and the options' column carry lang de-DE, as pages mark German fallback.
const contentLang = (lang: string): string | undefined => (/^de\b/i.test(lang) ? undefined : 'de-DE');

// Charts are drawn at most this share of the text width, so that their labels stay the size of the text.
const FIGURE_WIDTH = 0.75;

function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(open)?.[1] ?? 640), height: Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(open)?.[1] ?? 320) };
}

function figure(doc: PdfDoc, parent: PdfStruct, chart: QuestionChart): void {
  const left = doc.page.margins.left;
  const textWidth = doc.page.width - left - doc.page.margins.right;
  const size = svgSize(chart.svg);
  const scale = Math.min(1, (textWidth * FIGURE_WIDTH) / size.width);
  const height = size.height * scale;
  keepWithNext(doc, height + 10);
  const y = doc.y;
  parent.add(
    doc.struct('Figure', { alt: chart.summary }, () => {
      doc.save().translate(left, y).scale(scale);
      drawSvgChart(doc, chart.svg);
      doc.restore();
    }),
  );
  doc.x = left;
  doc.y = y + height + 6;
}

function question(doc: PdfDoc, parent: PdfStruct, r: QuestionResult, t: T, lang: string): void {
  keepWithNext(doc, 80);
  pdfBlock(doc, parent, 'H3', r.question.text, PDF_FONTS.bold, 11, contentLang(lang));
  if (r.suppressed && r.answered > 0) return pdfBlock(doc, parent, 'P', t('questionnaires.results.suppressed', { min: MIN_GROUP_SIZE }), PDF_FONTS.regular, 10);
  if (r.answered === 0) return pdfBlock(doc, parent, 'P', t('questionnaires.results.noResponses'), PDF_FONTS.regular, 10);
  if (r.kind === 'text') return pdfBlock(doc, parent, 'P', t('questionnaires.results.freeTexts', { count: r.answered }), PDF_FONTS.regular, 10);
  if (r.kind !== 'number') pdfBlock(doc, parent, 'P', t('questionnaires.results.answered', { count: r.answered }), PDF_FONTS.regular, 10);
  if (r.kind === 'date') {
    pdfBlock(doc, parent, 'P', `${t('questionnaires.results.earliest')}: ${r.earliest ? formatDate(r.earliest, lang) : '–'} · ${t('questionnaires.results.latest')}: ${r.latest ? formatDate(r.latest, lang) : '–'}`, PDF_FONTS.regular, 10);
    return;
  }
  const chart = questionChart(r, t, lang, 'pdf');
  if (chart) figure(doc, parent, chart);
  const table = questionTable(r, t, lang);
  if (table) {
    const first = table.columns.length > 3 ? 0.34 : 0.5;
    const rest = (1 - first) / (table.columns.length - 1);
    // The first column names the options or items (the questionnaire's text), except for scale points and figures.
    const columnLangs = r.kind === 'scale' || r.kind === 'number' ? undefined : [contentLang(lang)];
    drawTable(doc, parent, PDF_FONTS, { headers: table.columns, widths: [first, ...table.columns.slice(1).map(() => rest)], columnLangs, rows: table.rows.map((cells) => ({ cells })) });
    doc.moveDown(0.6);
  }
}

export async function resultsPdf(view: ResultsView, fieldTitles: Record<number, string>, context: { municipality: string; day: string; t: T; lang: string }): Promise<Buffer> {
  const { t, lang } = context;
  const q = view.def.questionnaire;
  const title = t('questionnaires.results.pageTitle', { title: q.title });
  const { doc, done } = await createTaggedPdf({ title, author: context.municipality, lang, layout: 'portrait' });
  const root = doc.struct('Document');
  doc.addStructure(root);
  pdfBlock(doc, root, 'H1', title, PDF_FONTS.bold, 18);
  pdfBlock(doc, root, 'P', t('questionnaires.results.pdf.subtitle', { municipality: context.municipality, date: formatDate(context.day, lang) }), PDF_FONTS.regular, 10);
  const r = view.results;
  pdfBlock(
    doc, root, 'P',
    `${t('questionnaires.results.responses', { count: r.total })}${r.total ? `, ${t('questionnaires.results.sourceSplit', { online: formatNumber(r.online, lang), paper: formatNumber(r.paper, lang) })}` : ''}`,
    PDF_FONTS.bold, 11,
  );
  for (const s of r.sections) {
    const section = doc.struct('Sect');
    root.add(section);
    keepWithNext(doc, 120);
    doc.moveDown(0.5);
    pdfBlock(doc, section, 'H2', s.section.title, PDF_FONTS.bold, 14, contentLang(lang));
    if (s.section.fieldId && fieldTitles[s.section.fieldId]) pdfBlock(doc, section, 'P', t('questionnaires.results.field', { field: fieldTitles[s.section.fieldId] }), PDF_FONTS.regular, 10);
    for (const result of s.questions) question(doc, section, result, t, lang);
    section.end();
  }
  root.end();
  pdfFooters(doc, `${q.title} – ${t('questionnaires.results.pdf.generated')}`, [t('questionnaires.results.pdf.page'), t('questionnaires.results.pdf.pageOf')]);
  doc.end();
  return done;
}
