// Chooses the reader by content first (zip, OLE, binary) and by file name second, because officers upload files
// with wrong or missing extensions.
import type { ImportLimits } from './parse.catalogue.js';
import type { ReadResult } from './table.model.js';
import { readText } from './text.reader.js';

type Input = { fileName: string; bytes: Buffer } | { text: string; fileName?: string };

export async function readSource(input: Input, file: string, limits: ImportLimits): Promise<ReadResult> {
  if ('text' in input) {
    if (Buffer.byteLength(input.text, 'utf8') > limits.maxBytes) return tooLarge(file, limits);
    if (!input.text.trim()) return { ok: false, errors: [{ file, message: 'Der eingefügte Text ist leer.' }] };
    return { ok: true, document: readText(file, input.text) };
  }
  if (input.bytes.length > limits.maxBytes) return tooLarge(file, limits);
  return { ok: true, document: readText(file, input.bytes.toString('utf8')) };
}

function tooLarge(file: string, limits: ImportLimits): ReadResult {
  const mb = (limits.maxBytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 });
  return { ok: false, errors: [{ file, message: `Die Datei „${file}“ ist zu groß (höchstens ${mb} MB).` }] };
}
