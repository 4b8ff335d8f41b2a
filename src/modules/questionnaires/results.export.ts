// The responses as a table for the officer's own analysis: one row per response, one column per answer option
// (multiple choice: a 0/1 column per option and a text column for "other"; matrix: a column per row; ranking: a
// column per item with its rank; text, number, date: one column), plus the day, source and language.
// Column names are built from the ids of questions and options, so they stay the same however the questionnaire
// is reordered or its texts are corrected; the codebook says what each one means.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { T } from '../../platform/i18n/i18n.js';
import { scalePoints, type Question } from './questionnaire.model.js';
import type { StoredAnswer } from './results.model.js';
import type { ExportData } from './results.service.js';

type Value = string | number | null;

export interface ExportColumn {
  name: string;
  section: string;
  question: string;
  type: string;
  option: string;
  meaning: string;
  value(row: { nr: number; day: string; source: string; lang: string; answers: StoredAnswer[] }): Value;
}

const of = (answers: StoredAnswer[], q: Question) => answers.filter((a) => a.questionId === q.id);

/** The columns of the export, in the questionnaire's order, with what the codebook says about each. */
export function exportColumns(data: ExportData, t: T): ExportColumn[] {
  const c = (k: string, o?: Record<string, unknown>) => t(`questionnaires.results.codebook.${k}`, o);
  const general = c('general');
  const columns: ExportColumn[] = [
    { name: 'nr', section: general, question: '', type: '', option: '', meaning: c('nr'), value: (r) => r.nr },
    { name: 'tag', section: general, question: '', type: '', option: '', meaning: c('day'), value: (r) => r.day },
    { name: 'quelle', section: general, question: '', type: '', option: '', meaning: c('source'), value: (r) => (r.source === 'paper' ? 'papier' : 'online') },
    { name: 'sprache', section: general, question: '', type: '', option: '', meaning: c('lang'), value: (r) => r.lang },
  ];
  for (const section of data.def.sections) {
    for (const q of section.questions) {
      const base = { section: section.title, question: q.text, type: t(`questionnaires.type.${q.type}`) };
      const own = (name: string, option: string, meaning: string, value: ExportColumn['value']) => columns.push({ ...base, name, option, meaning, value });
      const answered = (r: { answers: StoredAnswer[] }) => of(r.answers, q).length > 0;
      switch (q.type) {
        case 'single':
          own(`q${q.id}`, q.options.map((o) => o.label).join(' | '), c('single'), (r) => {
            const a = of(r.answers, q)[0];
            return q.options.find((o) => o.id === a?.optionId)?.label ?? null;
          });
          break;
        case 'multiple':
          for (const o of q.options) own(`q${q.id}_o${o.id}`, o.label, c('multiple'), (r) => (answered(r) ? (of(r.answers, q).some((a) => a.optionId === o.id) ? 1 : 0) : null));
          break;
        case 'scale': {
          const points = scalePoints(q);
          own(`q${q.id}`, [q.config.minLabel, q.config.maxLabel].filter(Boolean).join(' … '), c('scale', { min: points[0], max: points[points.length - 1] }), (r) => of(r.answers, q)[0]?.valueNumber ?? null);
          break;
        }
        case 'matrix':
          for (const row of q.rows) {
            own(`q${q.id}_z${row.id}`, row.label, c('matrix', { columns: q.columns.map((col) => col.label).join(' | ') }), (r) => {
              const a = of(r.answers, q).find((x) => x.rowOptionId === row.id);
              return q.columns.find((col) => col.id === a?.optionId)?.label ?? null;
            });
          }
          break;
        case 'ranking':
          for (const o of q.options) own(`q${q.id}_o${o.id}`, o.label, c('ranking'), (r) => of(r.answers, q).find((a) => a.optionId === o.id)?.valueNumber ?? null);
          break;
        case 'short_text':
        case 'long_text':
          own(`q${q.id}`, '', c('text'), (r) => of(r.answers, q)[0]?.valueText ?? null);
          break;
        case 'number':
          own(`q${q.id}`, '', c('number'), (r) => of(r.answers, q)[0]?.valueNumber ?? null);
          break;
        case 'date':
          own(`q${q.id}`, '', c('date'), (r) => of(r.answers, q)[0]?.valueText ?? null);
          break;
      }
      if (q.type === 'single' || q.type === 'multiple') {
        for (const o of q.options.filter((x) => x.isOther)) {
          own(`q${q.id}_sonst`, o.label, c('other', { option: o.label }), (r) => of(r.answers, q).find((a) => a.optionId === o.id)?.valueText ?? null);
        }
      }
    }
  }
  return columns;
}

/** One row per response, in the order they came in. */
export function exportRows(data: ExportData, columns: ExportColumn[]): Value[][] {
  const byResponse = new Map<number, StoredAnswer[]>();
  for (const a of data.answers) byResponse.set(a.responseId, [...(byResponse.get(a.responseId) ?? []), a]);
  return data.responses.map((r, i) => {
    const row = { nr: i + 1, day: r.submittedOn, source: r.source, lang: r.lang, answers: byResponse.get(r.id) ?? [] };
    return columns.map((col) => col.value(row));
  });
}

/** A cell a spreadsheet would read as a formula ("=…", "+…") keeps its text behind an apostrophe. */
function neutralise(value: Value): Value {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Semicolons, CRLF and a byte-order mark: what German Excel opens correctly on a double click. */
export function responsesCsv(data: ExportData, t: T): Buffer {
  const columns = exportColumns(data, t);
  const text = stringify(exportRows(data, columns).map((row) => row.map(neutralise)), {
    header: true,
    columns: columns.map((c) => c.name),
    delimiter: ';',
    record_delimiter: '\r\n',
    bom: true,
  });
  return Buffer.from(text, 'utf8');
}

/** The responses sheet and the codebook sheet (column → section, question, type, option, meaning). */
export async function responsesXlsx(data: ExportData, t: T): Promise<Buffer> {
  const columns = exportColumns(data, t);
  const c = (k: string) => t(`questionnaires.results.codebook.${k}`);
  const book = new ExcelJS.Workbook();
  book.creator = 'Teilhabe';
  const sheet = book.addWorksheet(c('answersSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map((col) => col.name)).font = { bold: true };
  for (const row of exportRows(data, columns)) sheet.addRow(row.map(neutralise));
  sheet.columns.forEach((col, i) => {
    col.width = i < 4 ? 10 : 16;
  });
  const codebook = book.addWorksheet(c('sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  codebook.addRow([c('column'), c('section'), c('question'), c('type'), c('option'), c('meaning')]).font = { bold: true };
  for (const col of columns) codebook.addRow([col.name, col.section, col.question, col.type, col.option, col.meaning].map(neutralise));
  [14, 24, 48, 18, 32, 56].forEach((w, i) => {
    codebook.getColumn(i + 1).width = w;
    codebook.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
