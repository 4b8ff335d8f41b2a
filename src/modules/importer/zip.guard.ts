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

export type ZipResult =
  | { ok: true; entries: Map<string, Buffer> }
  | { ok: false; reason: 'damaged' | 'bomb' | 'encrypted' | 'unsupported'; detail: string };

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

function damaged(detail: string): ZipResult {
  return { ok: false, reason: 'damaged', detail };
}

/** Reads and verifies every entry of a zip; `wanted` limits inflation to the entries a reader needs. */
export function openZip(bytes: Buffer, wanted: (name: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipResult {
  if (bytes.length < 22) return damaged('zu kurz');
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return damaged('Inhaltsverzeichnis fehlt');
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) return { ok: false, reason: 'unsupported', detail: 'ZIP64' };
  if (count > limits.maxEntries) return { ok: false, reason: 'bomb', detail: `${count} Einträge` };
  if (directoryOffset + directorySize > end) return damaged('Inhaltsverzeichnis außerhalb der Datei');

  const entries: Entry[] = [];
  let at = directoryOffset;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) return damaged('Inhaltsverzeichnis beschädigt');
    const entry: Entry = {
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, Math.min(end, at + 46 + bytes.readUInt16LE(at + 28))),
    };
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (entry.flags & 0x1) return { ok: false, reason: 'encrypted', detail: entry.name };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return { ok: false, reason: 'unsupported', detail: 'ZIP64' };
    declaredTotal += entry.size;
    if (declaredTotal > limits.maxTotalBytes) return { ok: false, reason: 'bomb', detail: `mehr als ${limits.maxTotalBytes} Bytes entpackt` };
    if (entry.size > 1024 * 1024 && entry.size > Math.max(1, entry.compressedSize) * limits.maxRatio) {
      return { ok: false, reason: 'bomb', detail: `${entry.name}: Verhältnis ${Math.round(entry.size / Math.max(1, entry.compressedSize))}:1` };
    }
    entries.push(entry);
  }

  const out = new Map<string, Buffer>();
  let inflatedTotal = 0;
  for (const entry of entries) {
    if (!wanted(entry.name) || entry.name.endsWith('/')) continue;
    const local = entry.localOffset;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) return damaged(`Eintrag ${entry.name}`);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + entry.compressedSize > bytes.length) return damaged(`Eintrag ${entry.name} abgeschnitten`);
    const raw = bytes.subarray(start, start + entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) data = Buffer.from(raw);
    else if (entry.method === 8) {
      try {
        // The declared size is the limit: an entry that inflates beyond what it declared is a lie, not a file.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(entry.size, limits.maxTotalBytes)) });
      } catch (error) {
        const code = (error as { code?: string }).code;
        return code === 'ERR_BUFFER_TOO_LARGE' ? { ok: false, reason: 'bomb', detail: entry.name } : damaged(`Eintrag ${entry.name}`);
      }
    } else return { ok: false, reason: 'unsupported', detail: `Kompressionsverfahren ${entry.method}` };
    inflatedTotal += data.length;
    if (inflatedTotal > limits.maxTotalBytes) return { ok: false, reason: 'bomb', detail: 'Gesamtgröße' };
    out.set(entry.name, data);
  }
  return { ok: true, entries: out };
}
