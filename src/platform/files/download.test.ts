import { describe, expect, it } from 'vitest';
import { parseRange } from './download.js';
import { checkVideoUpload, sniffVideo } from './upload.js';

describe('a media file’s byte range', () => {
  it('reads one range, an open end and a suffix, clamped to the size', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });
  it('no range, several ranges or nonsense: the whole file; past the end or backwards: unsatisfiable', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-9', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange('bytes=-', 1000)).toBeNull();
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=50-10', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });
});

describe('a video by its content', () => {
  const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42', 'latin1'), Buffer.alloc(20)]);
  const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84]), Buffer.from('webm', 'latin1'), Buffer.alloc(20)]);
  it('knows MP4 and WebM, and nothing else', () => {
    expect(sniffVideo(mp4)?.ext).toBe('mp4');
    expect(sniffVideo(webm)?.ext).toBe('webm');
    expect(sniffVideo(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(sniffVideo(Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('matroska', 'latin1')]))).toBeNull();
  });
  it('the extension must agree, the size must fit', () => {
    expect(checkVideoUpload('dgs.mp4', mp4, 1000)).toMatchObject({ ok: true });
    expect(checkVideoUpload('dgs.webm', mp4, 1000)).toEqual({ ok: false, error: 'type' });
    expect(checkVideoUpload('dgs.mp4', mp4, 10)).toEqual({ ok: false, error: 'tooLarge' });
    expect(checkVideoUpload('dgs.mp4', Buffer.alloc(0), 1000)).toEqual({ ok: false, error: 'empty' });
  });
});
