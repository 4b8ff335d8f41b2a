// What readers see of a stored document (type, size) and the headers of its download.
import { describe, expect, it } from 'vitest';
import { downloadHeaders } from './download.js';
import { documentTypeLabel, fileFieldError, formatFileSize } from './upload.js';

describe('platform files', () => {
  it('names the type from the media type and the size in KB or MB, in the reader’s language', () => {
    expect(documentTypeLabel('application/pdf')).toBe('PDF');
    expect(documentTypeLabel('text/plain; charset=utf-8')).toBe('TXT');
    expect(documentTypeLabel('application/vnd.oasis.opendocument.text')).toBe('ODT');
    expect(formatFileSize(80, 'de')).toBe('1 KB');
    expect(formatFileSize(240 * 1024, 'de')).toBe('240 KB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'de')).toBe('1,5 MB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
  });

  it('refuses a missing and a too large file before reading it', () => {
    expect(fileFieldError(null)).toBe('noFile');
    expect(fileFieldError(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'gross.pdf'))).toBe('tooLarge');
    expect(fileFieldError(new File(['%PDF-'], 'klein.pdf'))).toBeNull();
  });

  it('sends a document only as an attachment nothing may run, with an ASCII and a UTF-8 name', () => {
    expect(downloadHeaders({ fileName: 'Übersicht März.pdf', mimeType: 'application/pdf' })).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Ubersicht Marz.pdf"; filename*=UTF-8''%C3%9Cbersicht%20M%C3%A4rz.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    });
  });
});
