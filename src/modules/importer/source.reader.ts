// Chooses the reader by content first (zip, OLE, PDF, binary) and by file name second, because officers upload
// files with wrong or missing extensions. Every failure is a message naming the file, in the language of `t`.
import type { T } from '../../platform/i18n/i18n.js';
import { readCsv, detectDelimiter } from './csv.reader.js';
import { docxParts, readDocxXml } from './docx.reader.js';
import { readPdf } from './pdf.reader.js';
import type { ImportLimits } from './table.model.js';
import type { ReadResult, SourceDocument, SourcePart } from './table.model.js';
import { decodeText, looksBinary } from './text.decode.js';
import { readText } from './text.reader.js';
import { readXlsx } from './xlsx.reader.js';
import { openZip, type ZipDetail, type ZipResult } from './zip.guard.js';

type Input = { fileName: string; bytes: Buffer } | { text: string; fileName?: string };

function fail(file: string, message: string): ReadResult {
  return { ok: false, errors: [{ file, message }] };
}

function extension(file: string): string {
  return file.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
}

/** Text, whether typed, pasted or uploaded: delimited tables go through the CSV reader, the rest line by line. */
function readTextual(file: string, text: string, ext: string, t: T): ReadResult {
  if (!text.trim()) return fail(file, ext ? t('importer.read.empty', { file }) : t('importer.read.emptyText'));
  if (looksBinary(text)) return fail(file, t('importer.read.binary', { file }));
  const hasTabs = /\t/.test(text);
  const delimiter = ext === 'csv' || !hasTabs ? detectDelimiter(text, ext !== 'csv') : null;
  if (delimiter && delimiter !== '\t') {
    const rows = readCsv(text, delimiter);
    return { ok: true, document: { file, sheets: [{ rows }] } };
  }
  return { ok: true, document: readText(file, text) };
}

function zipDetail(detail: ZipDetail, t: T): string {
  return detail.key ? t(`importer.zip.${detail.key}`, detail.values) : (detail.text ?? '');
}

function zipProblem(file: string, kind: string, result: Exclude<ZipResult, { ok: true }>, t: T): ReadResult {
  const detail = zipDetail(result.detail, t);
  switch (result.reason) {
    case 'bomb':
      return fail(file, t('importer.read.bomb', { file, detail }));
    case 'encrypted':
      return fail(file, t('importer.read.encrypted', { file }));
    case 'unsupported':
      return fail(file, t('importer.read.unsupportedZip', { file, detail }));
    default:
      return fail(file, t('importer.read.damagedDetail', { file, kind, detail }));
  }
}

/** How much text a catalogue may unpack to before a parser holds it in memory: a Word document's body, or a
 *  workbook's sheets and shared strings. A real catalogue of the largest allowed size needs a fraction of it. */
export const MAX_OFFICE_XML_BYTES = 8 * 1024 * 1024;
/** Cells of a workbook per allowed row: exceljs holds every cell as an object, so they are counted before it loads. */
export const CELLS_PER_ROW = 20;

const isSheetPart = (name: string) => /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(name);

/** Occurrences of `tag` followed by white space, '>' or '/' (`<c r=…>`, `<c>`, `<c/>`), not `<col`. */
function countTags(xml: Buffer, tag: string): number {
  const needle = Buffer.from(tag, 'latin1');
  let n = 0;
  for (let at = xml.indexOf(needle); at >= 0; at = xml.indexOf(needle, at + needle.length)) {
    const next = xml[at + needle.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

/**
 * Refuses a Word document or workbook whose XML would make its parser hold hundreds of megabytes and block the
 * server for seconds, before that parser sees it: a file well under the upload limit can unpack to 50 MB of
 * tiny paragraphs or cells.
 */
export function checkOfficeSize(entries: Map<string, Buffer>, limits: ImportLimits): { key: 'tooComplex'; values: Record<string, number> } | null {
  const maxXml = limits.maxXmlBytes ?? MAX_OFFICE_XML_BYTES;
  const mb = maxXml / 1024 / 1024;
  const document = entries.get('word/document.xml');
  if (document && document.length > maxXml) return { key: 'tooComplex', values: { mb } };
  if (!entries.has('xl/workbook.xml')) return null;
  const parts = [...entries].filter(([name]) => isSheetPart(name));
  if (parts.reduce((sum, [, xml]) => sum + xml.length, 0) > maxXml) return { key: 'tooComplex', values: { mb } };
  const sheets = parts.filter(([name]) => !/sharedStrings/i.test(name)).map(([, xml]) => xml);
  const cells = sheets.reduce((sum, xml) => sum + countTags(xml, '<c'), 0);
  if (cells > limits.maxRows * CELLS_PER_ROW) return { key: 'tooComplex', values: { mb } };
  return null;
}

async function readZip(file: string, bytes: Buffer, limits: ImportLimits, t: T): Promise<ReadResult> {
  const ext = extension(file);
  const kind = t(`importer.read.kind.${ext === 'docx' || ext === 'xlsx' ? ext : 'office'}`);
  // Only the parts a reader looks at are inflated (pictures and the like stay packed).
  const everything = openZip(bytes, (name) => /\.(xml|rels)$/i.test(name));
  if (!everything.ok) return zipProblem(file, kind, everything, t);
  const entries = everything.entries;
  const tooComplex = checkOfficeSize(entries, limits);
  if (tooComplex) return fail(file, t(`importer.read.${tooComplex.key}`, { file, ...tooComplex.values }));
  if (entries.has('word/document.xml')) {
    const rows = readDocxXml(entries.get('word/document.xml')!.toString('utf8'));
    if (!rows) return fail(file, t('importer.read.damaged', { file, kind: t('importer.read.kind.docx') }));
    if (!rows.length) return fail(file, t('importer.read.empty', { file }));
    return { ok: true, document: { file, sheets: [{ rows }], parts: docxParts(rows), paragraphRows: true } };
  }
  if (entries.has('xl/workbook.xml')) {
    const sheets = await readXlsx(bytes, limits.maxRows).catch(() => null);
    if (!sheets) return fail(file, t('importer.read.damaged', { file, kind: t('importer.read.kind.xlsx') }));
    if ('tooManyRows' in sheets) {
      return fail(file, t('importer.read.tooManyRows', { file, rows: sheets.tooManyRows, max: limits.maxRows }));
    }
    if (!sheets.some((sheet) => sheet.rows.some((row) => row.cells.some((cell) => cell.trim())))) {
      return fail(file, t('importer.read.empty', { file }));
    }
    // Every sheet is a part the officer can leave out; a sheet's rows say where they are by name and row.
    const parts: SourcePart[] = sheets.map((sheet, id) => ({ id, kind: 'sheet', ordinal: id + 1, name: sheet.name, rows: sheet.rows.filter((row) => row.cells.some((cell) => cell.trim())).length }));
    const document: SourceDocument = { file, sheets, parts };
    return { ok: true, document };
  }
  if (entries.has('ppt/presentation.xml')) return fail(file, t('importer.read.powerpoint', { file }));
  return fail(file, t('importer.read.otherZip', { file }));
}

export async function readSource(input: Input, file: string, limits: ImportLimits, t: T): Promise<ReadResult> {
  if ('text' in input) {
    if (Buffer.byteLength(input.text, 'utf8') > limits.maxBytes) return tooLarge(file, limits, t);
    return readTextual(file, input.text, '', t);
  }
  const bytes = input.bytes;
  if (bytes.length > limits.maxBytes) return tooLarge(file, limits, t);
  if (!bytes.length || !bytes.toString('latin1').trim()) return fail(file, t('importer.read.empty', { file }));
  const magic = bytes.subarray(0, 8);
  if (magic.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || magic.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]))) {
    return readZip(file, bytes, limits, t);
  }
  if (magic.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return fail(file, t('importer.read.oldOffice', { file }));
  }
  if (bytes.subarray(0, 1024).toString('latin1').trimStart().startsWith('%PDF-')) return readPdfFile(file, bytes, limits, t);
  const ext = extension(file);
  if (ext === 'xlsx' || ext === 'docx') {
    return fail(file, t('importer.read.damaged', { file, kind: t(`importer.read.kind.${ext}`) }));
  }
  return readTextual(file, decodeText(bytes), ext || 'txt', t);
}

async function readPdfFile(file: string, bytes: Buffer, limits: ImportLimits, t: T): Promise<ReadResult> {
  const read = await readPdf(bytes, limits.maxRows);
  if (read.ok) return { ok: true, document: { file, sheets: [{ rows: read.rows }] } };
  switch (read.reason) {
    case 'encrypted':
      return fail(file, t('importer.read.encrypted', { file }));
    case 'noText':
      return fail(file, t('importer.read.pdfNoText', { file }));
    case 'tooManyRows':
      return fail(file, t('importer.read.tooManyRows', { file, rows: read.rows, max: limits.maxRows }));
    case 'tooComplex':
      return fail(file, t('importer.read.pdfTooComplex', { file }));
    default:
      return fail(file, t('importer.read.damaged', { file, kind: t('importer.read.kind.pdf') }));
  }
}

function tooLarge(file: string, limits: ImportLimits, t: T): ReadResult {
  // The number is formatted in the language of t ("0,5" / "0.5").
  return fail(file, t('importer.read.tooLarge', { file, mb: limits.maxBytes / 1024 / 1024 }));
}
