// A stored document sent back: only ever as a download. Never shown inline, never sniffed by the browser,
// nothing in it may run (a sandboxing policy that allows nothing), and no cache keeps it.
import type { Context } from 'hono';
import { asciiName } from './upload.js';

export interface DownloadFile {
  /** the name the browser saves it under (already safe: safeFileName) */
  fileName: string;
  mimeType: string;
  content: Buffer | Uint8Array;
}

/** The headers of a document download: attachment with its name, nosniff, a sandboxing CSP, no-store. */
export function downloadHeaders(file: Pick<DownloadFile, 'fileName' | 'mimeType'>): Record<string, string> {
  const name = file.fileName;
  return {
    'content-type': file.mimeType.startsWith('text/plain') ? 'text/plain; charset=utf-8' : file.mimeType,
    'content-disposition': `attachment; filename="${asciiName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  };
}

/** The response of a document download. */
export function fileDownload(c: Context, file: DownloadFile): Response {
  return c.body(new Uint8Array(file.content), 200, downloadHeaders(file));
}

/** A media file played in the page (a sign-language video): its type, its size, and a reader of a byte range. */
export interface MediaFile {
  mimeType: string;
  size: number;
  /** bytes [start, end] inclusive */
  read(start: number, end: number): Promise<Buffer | Uint8Array>;
}

/**
 * A media file answered with HTTP Range support, so that a browser can seek in a video: a single range
 * "bytes=a-b", "bytes=a-" or "bytes=-n" answers 206 with Content-Range; an unsatisfiable range 416; no range
 * (or several, which we do not split) the whole file. Shown inline but sandboxed and never sniffed.
 */
export async function mediaResponse(c: Context, file: MediaFile): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': file.mimeType,
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, max-age=3600',
  };
  const range = parseRange(c.req.header('range'), file.size);
  if (range === 'unsatisfiable') return c.body(null, 416, { ...headers, 'content-range': `bytes */${file.size}` });
  if (!range) return c.body(new Uint8Array(await file.read(0, file.size - 1)), 200, { ...headers, 'content-length': String(file.size) });
  const bytes = await file.read(range.start, range.end);
  return c.body(new Uint8Array(bytes), 206, { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${file.size}`, 'content-length': String(range.end - range.start + 1) });
}

/** One byte range of a Range header, clamped to the size; null for none or several; 'unsatisfiable' past the end. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
