// An uploaded document (a group's minutes, a phase's draft …): what it really is, from its first bytes (not its
// name): PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG or plain text. The extension must agree with the content; anything
// else is refused. Nothing is ever opened, converted or executed: the bytes are stored as they came and served
// only as a download (download.ts). Also the reading of the multipart form that carries it.
import type { Context } from 'hono';

export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The file input's accept list: the extensions checkUpload takes. */
export const DOCUMENT_ACCEPT = '.pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg,.txt';

export interface DocumentType {
  ext: string;
  mime: string;
}

const TYPES: Record<string, DocumentType> = {
  pdf: { ext: 'pdf', mime: 'application/pdf' },
  docx: { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  odt: { ext: 'odt', mime: 'application/vnd.oasis.opendocument.text' },
  ods: { ext: 'ods', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
  png: { ext: 'png', mime: 'image/png' },
  jpg: { ext: 'jpg', mime: 'image/jpeg' },
  txt: { ext: 'txt', mime: 'text/plain; charset=utf-8' },
};

const startsWith = (b: Buffer, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
const contains = (b: Buffer, text: string) => b.includes(Buffer.from(text, 'latin1'));

/** The type the content shows, or null. A ZIP container is told apart by the entries it names. */
export function sniff(content: Buffer): DocumentType | null {
  if (startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return TYPES.pdf; // %PDF-
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (startsWith(content, [0xff, 0xd8, 0xff])) return TYPES.jpg;
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the media type.
    const head = content.subarray(30, 30 + 8 + 60).toString('latin1');
    if (head.startsWith('mimetype')) {
      if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument.text')) return TYPES.odt;
      if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return TYPES.ods;
      return null;
    }
    if (contains(content, '[Content_Types].xml')) {
      if (contains(content, 'word/document.xml')) return TYPES.docx;
      if (contains(content, 'xl/workbook.xml')) return TYPES.xlsx;
    }
    return null;
  }
  return isPlainText(content) ? TYPES.txt : null;
}

/** UTF-8 text without control characters other than tab, line feed, carriage return and form feed. */
function isPlainText(content: Buffer): boolean {
  if (content.length === 0) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f) return false;
  }
  return true;
}

const EXTENSIONS: Record<string, string> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', odt: 'odt', ods: 'ods', png: 'png', jpg: 'jpg', jpeg: 'jpg', txt: 'txt' };

/** The file name's extension as a known type ("jpeg" counts as "jpg"), or null. */
export function extensionType(fileName: string): string | null {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(fileName.trim());
  return m ? EXTENSIONS[m[1].toLowerCase()] ?? null : null;
}

/**
 * A file name safe to store and send: no path, no control or reserved characters, no leading dots, at most
 * 120 characters, with the extension of the sniffed type.
 */
export function safeFileName(fileName: string, type: DocumentType): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .split('').filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('')
    .replace(/["*:<>?|\\/;%]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s]+$/g, '')
    .slice(0, 110);
  return `${base || 'dokument'}.${type.ext}`;
}

/** The ASCII form of a name for the header's plain filename= (the full name goes in filename*=). */
export function asciiName(fileName: string): string {
  return fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^A-Za-z0-9._ -]+/g, '_');
}

/** Checks an upload: its size and that its content is of an accepted type its extension agrees with. */
export function checkUpload(fileName: string, content: Buffer): { ok: true; type: DocumentType; name: string } | { ok: false; error: 'empty' | 'tooLarge' | 'type' } {
  if (content.length === 0) return { ok: false, error: 'empty' };
  if (content.length > DOCUMENT_MAX_BYTES) return { ok: false, error: 'tooLarge' };
  const type = sniff(content);
  const ext = extensionType(fileName);
  if (!type || !ext || ext !== type.ext) return { ok: false, error: 'type' };
  return { ok: true, type, name: safeFileName(fileName, type) };
}

/** Why a file field is refused before its content is read: nothing chosen, or more than the limit. */
export type FileFieldError = 'noFile' | 'tooLarge';

/** A multipart form: its text fields (trimmed by the caller as it needs) and its one file, if one was chosen. */
export interface UploadForm {
  text: (name: string) => string;
  /** the chosen file, or null when none was chosen (or it was empty) */
  file: File | null;
}

/** Reads a multipart form with one file field (`file` unless named). */
export async function readUploadForm(c: Context, fileField = 'file'): Promise<UploadForm> {
  const body = await c.req.parseBody();
  const value = body[fileField];
  return {
    text: (name) => (typeof body[name] === 'string' ? (body[name] as string) : ''),
    file: value instanceof File && value.size > 0 ? value : null,
  };
}

/** The file field's error before its content is read, or null. */
export function fileFieldError(file: File | null): FileFieldError | null {
  if (!file) return 'noFile';
  return file.size > DOCUMENT_MAX_BYTES ? 'tooLarge' : null;
}

/** A chosen file's name (at most 300 characters; checkUpload makes it safe) and bytes. */
export async function uploadedFile(file: File): Promise<{ fileName: string; content: Buffer }> {
  return { fileName: file.name.slice(0, 300), content: Buffer.from(await file.arrayBuffer()) };
}

/** The type a stored document shows to readers: "PDF", "DOCX" … "TXT", from its media type. */
export function documentTypeLabel(mime: string): string {
  return (documentTypeOf(mime)?.ext ?? 'bin').toUpperCase();
}

/** The accepted type of a stored document's media type, or null. */
export function documentTypeOf(mime: string): DocumentType | null {
  return Object.values(TYPES).find((x) => mime.split(';')[0] === x.mime.split(';')[0]) ?? null;
}

/** A size as readers see it: "240 KB", "1,2 MB" (German) or "1.2 MB" (English); at least 1 KB. */
export function formatFileSize(bytes: number, lang: string): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 })} MB`;
}

/** A video the platform takes (a sign-language video): MP4 or WebM, by content. */
export const VIDEO_TYPES = {
  mp4: { ext: 'mp4', mime: 'video/mp4' },
  webm: { ext: 'webm', mime: 'video/webm' },
} as const satisfies Record<string, DocumentType>;

export const VIDEO_ACCEPT = '.mp4,.webm,video/mp4,video/webm';

/** The video type the content shows: an ISO media file ("ftyp" box first) or a WebM (EBML header naming "webm"). */
export function sniffVideo(content: Buffer): DocumentType | null {
  if (content.length >= 12 && content.subarray(4, 8).toString('latin1') === 'ftyp') return VIDEO_TYPES.mp4;
  if (startsWith(content, [0x1a, 0x45, 0xdf, 0xa3]) && content.subarray(0, 64).includes(Buffer.from('webm', 'latin1'))) return VIDEO_TYPES.webm;
  return null;
}

/** Checks a video upload: not empty, at most `maxBytes`, MP4 or WebM by content, and the extension agrees. */
export function checkVideoUpload(fileName: string, content: Buffer, maxBytes: number): { ok: true; type: DocumentType } | { ok: false; error: 'empty' | 'tooLarge' | 'type' } {
  if (content.length === 0) return { ok: false, error: 'empty' };
  if (content.length > maxBytes) return { ok: false, error: 'tooLarge' };
  const type = sniffVideo(content);
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(fileName.trim())?.[1].toLowerCase();
  if (!type || ext !== type.ext) return { ok: false, error: 'type' };
  return { ok: true, type };
}
