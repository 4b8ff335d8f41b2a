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
