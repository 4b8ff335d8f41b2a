// Chooses the reader by content first (zip, OLE, PDF, binary) and by file name second, because officers upload
// files with wrong or missing extensions. Every failure is a German message naming the file.
import { formatNumber } from '../../platform/views/format.js';
import { readCsv, detectDelimiter } from './csv.reader.js';
import { readDocxXml } from './docx.reader.js';
import type { ImportLimits } from './table.model.js';
import type { ReadResult, SourceDocument } from './table.model.js';
import { decodeText, looksBinary } from './text.decode.js';
import { readText } from './text.reader.js';
import { readXlsx } from './xlsx.reader.js';
import { openZip, type ZipResult } from './zip.guard.js';

type Input = { fileName: string; bytes: Buffer } | { text: string; fileName?: string };

function fail(file: string, message: string): ReadResult {
  return { ok: false, errors: [{ file, message }] };
}

function extension(file: string): string {
  return file.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
}

/** Text, whether typed, pasted or uploaded: delimited tables go through the CSV reader, the rest line by line. */
function readTextual(file: string, text: string, ext: string): ReadResult {
  if (!text.trim()) return fail(file, ext ? `Die Datei „${file}“ ist leer.` : 'Der eingefügte Text ist leer.');
  if (looksBinary(text)) return fail(file, `Die Datei „${file}“ enthält keinen lesbaren Text (Binärdaten). Erwartet werden .xlsx, .docx, .csv oder .txt.`);
  const hasTabs = /\t/.test(text);
  const delimiter = ext === 'csv' || !hasTabs ? detectDelimiter(text, ext !== 'csv') : null;
  if (delimiter && delimiter !== '\t') {
    const rows = readCsv(text, delimiter);
    return { ok: true, document: { file, sheets: [{ rows }] } };
  }
  return { ok: true, document: readText(file, text) };
}

function zipProblem(file: string, kind: string, result: Exclude<ZipResult, { ok: true }>): ReadResult {
  switch (result.reason) {
    case 'bomb':
      return fail(file, `Die Datei „${file}“ wurde abgelehnt: Sie würde entpackt ungewöhnlich groß (${result.detail}). Bitte speichern Sie die Datei neu oder teilen Sie sie auf.`);
    case 'encrypted':
      return fail(file, `Die Datei „${file}“ ist passwortgeschützt. Bitte speichern Sie sie ohne Kennwort.`);
    case 'unsupported':
      return fail(file, `Die Datei „${file}“ verwendet ein nicht unterstütztes Zip-Format (${result.detail}).`);
    default:
      return fail(file, `Die Datei „${file}“ ist keine gültige ${kind} (beschädigt oder unvollständig: ${result.detail}).`);
  }
}

async function readZip(file: string, bytes: Buffer, limits: ImportLimits): Promise<ReadResult> {
  const ext = extension(file);
  const kind = ext === 'docx' ? 'Word-Datei' : ext === 'xlsx' ? 'Excel-Datei' : 'Office-Datei';
  const everything = openZip(bytes, () => true);
  if (!everything.ok) return zipProblem(file, kind, everything);
  const entries = everything.entries;
  if (entries.has('word/document.xml')) {
    const rows = readDocxXml(entries.get('word/document.xml')!.toString('utf8'));
    if (!rows) return fail(file, `Die Datei „${file}“ ist keine gültige Word-Datei (beschädigt oder unvollständig).`);
    if (!rows.length) return fail(file, `Die Datei „${file}“ ist leer.`);
    return { ok: true, document: { file, sheets: [{ rows }] } };
  }
  if (entries.has('xl/workbook.xml')) {
    const sheets = await readXlsx(bytes, limits.maxRows).catch(() => null);
    if (!sheets) return fail(file, `Die Datei „${file}“ ist keine gültige Excel-Datei (beschädigt oder unvollständig).`);
    if ('tooManyRows' in sheets) {
      return fail(file, `Die Datei „${file}“ hat ${sheets.tooManyRows} Zeilen; erlaubt sind höchstens ${limits.maxRows}.`);
    }
    if (!sheets.some((sheet) => sheet.rows.some((row) => row.cells.some((cell) => cell.trim())))) {
      return fail(file, `Die Datei „${file}“ ist leer.`);
    }
    const document: SourceDocument = { file, sheets };
    return { ok: true, document };
  }
  if (entries.has('ppt/presentation.xml')) return fail(file, `Die Datei „${file}“ ist eine PowerPoint-Präsentation. Erwartet werden .xlsx, .docx, .csv oder .txt.`);
  return fail(file, `Die Datei „${file}“ ist ein Zip-Archiv, aber weder eine Excel- noch eine Word-Datei.`);
}

export async function readSource(input: Input, file: string, limits: ImportLimits): Promise<ReadResult> {
  if ('text' in input) {
    if (Buffer.byteLength(input.text, 'utf8') > limits.maxBytes) return tooLarge(file, limits);
    return readTextual(file, input.text, '');
  }
  const bytes = input.bytes;
  if (bytes.length > limits.maxBytes) return tooLarge(file, limits);
  if (!bytes.length || !bytes.toString('latin1').trim()) return fail(file, `Die Datei „${file}“ ist leer.`);
  const magic = bytes.subarray(0, 8);
  if (magic.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) || magic.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x05, 0x06]))) {
    return readZip(file, bytes, limits);
  }
  if (magic.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    return fail(file, `Die Datei „${file}“ ist passwortgeschützt oder im alten Office-Format (.xls/.doc). Bitte speichern Sie sie ohne Kennwort als .xlsx oder .docx.`);
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    return fail(file, `PDF-Dateien können nicht direkt eingelesen werden („${file}“). Bitte kopieren Sie den Text aus dem PDF und fügen Sie ihn ein.`);
  }
  const ext = extension(file);
  if (ext === 'xlsx' || ext === 'docx') {
    return fail(file, `Die Datei „${file}“ ist keine gültige ${ext === 'docx' ? 'Word' : 'Excel'}-Datei (beschädigt oder unvollständig).`);
  }
  return readTextual(file, decodeText(bytes), ext || 'txt');
}

function tooLarge(file: string, limits: ImportLimits): ReadResult {
  const mb = formatNumber(limits.maxBytes / 1024 / 1024, 'de', { maxDecimals: 1 });
  return fail(file, `Die Datei „${file}“ ist zu groß (erlaubt sind höchstens ${mb} MB).`);
}
