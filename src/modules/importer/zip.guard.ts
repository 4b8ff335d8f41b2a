// .xlsx and .docx are zip archives, and a zip is the classic way to make a small upload expand to gigabytes.
// The central directory is read by hand before anything is inflated: declared sizes and compression ratios are
// checked first, and every entry is then inflated with a hard output limit, so an archive that lies about its
// sizes fails as well. Readers get the verified entries and never touch the raw archive.
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Total uncompressed size of all entries. */
  maxTotalBytes: number;
  /** Compressed-to-uncompressed ratio above which an entry counts as a bomb (for entries above 1 MB). */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 50 * 1024 * 1024, maxRatio: 200, maxEntries: 2000 };

/** What exactly is wrong, as a key of `importer.zip` and its values, for the reader to put into its message. */
export interface ZipDetail {
  key: 'tooShort' | 'noDirectory' | 'directoryOutside' | 'directoryDamaged' | 'entries' | 'totalDeclared' | 'ratio' | 'entry' | 'entryTruncated' | 'method' | 'totalSize' | null;
  /** Without a key, `text` is the detail itself (an entry's name, "ZIP64"). */
  text?: string;
  values?: Record<string, string | number>;
}

export type ZipResult =
  | { ok: true; entries: Map<string, Buffer> }
  | { ok: false; reason: 'damaged' | 'bomb' | 'encrypted' | 'unsupported'; detail: ZipDetail };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) if (bytes.readUInt32LE(at) === EOCD) return at;
  return -1;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function damaged(key: ZipDetail['key'], values?: ZipDetail['values']): ZipResult {
  return { ok: false, reason: 'damaged', detail: { key, values } };
}

const plain = (text: string): ZipDetail => ({ key: null, text });

/** Reads and verifies every entry of a zip; `wanted` limits inflation to the entries a reader needs. */
export function openZip(bytes: Buffer, wanted: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipResult {
  if (bytes.length < 22) return damaged('tooShort');
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return damaged('noDirectory');
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: 'unsupported', detail: plain('ZIP64') };
  if (count > limits.maxEntries) return { ok: false, reason: 'bomb', detail: { key: 'entries', values: { n: count } } };
  if (directoryOffset + directorySize > end) return damaged('directoryOutside');

  const entries: Entry[] = [];
  let at = directoryOffset;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) return damaged('directoryDamaged');
    const entry: Entry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, Math.min(end, at + 46 + bytes.readUInt16LE(at + 28))),
    };
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (entry.flags & 0x1) return { ok: false, reason: 'encrypted', detail: plain(entry.name) };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return { ok: false, reason: 'unsupported', detail: plain('ZIP64') };
    declaredTotal += entry.size;
    if (declaredTotal > limits.maxTotalBytes) return { ok: false, reason: 'bomb', detail: { key: 'totalDeclared', values: { bytes: limits.maxTotalBytes } } };
    if (entry.size > 1024 * 1024 && entry.size > Math.max(1, entry.compressedSize) * limits.maxRatio) {
      return { ok: false, reason: 'bomb', detail: { key: 'ratio', values: { name: entry.name, ratio: Math.round(entry.size / Math.max(1, entry.compressedSize)) } } };
    }
    entries.push(entry);
  }

  const out = new Map<string, Buffer>();
  let inflatedTotal = 0;
  for (const entry of entries) {
    if (!wanted(entry.name) || entry.name.endsWith('/')) continue;
    const local = entry.localOffset;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) return damaged('entry', { name: entry.name });
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + entry.compressedSize > bytes.length) return damaged('entryTruncated', { name: entry.name });
    const raw = bytes.subarray(start, start + entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) data = Buffer.from(raw);
    else if (entry.method === 8) {
      try {
        // The declared size is the limit: an entry that inflates beyond what it declared is a lie, not a file.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(entry.size, limits.maxTotalBytes)) });
      } catch (error) {
        const code = (error as { code?: string }).code;
        return code === 'ERR_BUFFER_TOO_LARGE' ? { ok: false, reason: 'bomb', detail: plain(entry.name) } : damaged('entry', { name: entry.name });
      }
    } else return { ok: false, reason: 'unsupported', detail: { key: 'method', values: { method: entry.method } } };
    inflatedTotal += data.length;
    if (inflatedTotal > limits.maxTotalBytes) return { ok: false, reason: 'bomb', detail: { key: 'totalSize' } };
    out.set(entry.name, data);
  }
  return { ok: true, entries: out };
}
