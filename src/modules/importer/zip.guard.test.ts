import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { openZip } from './zip.guard.js';

const limits = { maxTotalBytes: 1024 * 1024, maxRatio: 100, maxEntries: 10 };

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('zip guard', () => {
  it('returns the wanted entries of a sound archive', async () => {
    const result = openZip(await zipOf({ 'a.xml': '<a/>', 'b.xml': '<b/>' }), (name) => name === 'a.xml', limits);
    expect(result.ok && [...result.entries.keys()]).toEqual(['a.xml']);
    expect(result.ok && result.entries.get('a.xml')!.toString()).toBe('<a/>');
  });

  it('refuses archives whose declared size or ratio is too large, before inflating', async () => {
    const big = await zipOf({ 'x.xml': Buffer.alloc(2 * 1024 * 1024) });
    expect(openZip(big, () => false, limits)).toMatchObject({ ok: false, reason: 'bomb' });
    const many = await zipOf(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}`, 'x'])));
    expect(openZip(many, () => false, limits)).toMatchObject({ ok: false, reason: 'bomb' });
  });

  it('refuses an entry that inflates beyond the size it declared', async () => {
    const bytes = await zipOf({ 'x.xml': Buffer.alloc(100_000, 'a') });
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const central = bytes.readUInt32LE(end + 16);
    bytes.writeUInt32LE(10, central + 24);
    expect(openZip(bytes, () => true, limits)).toMatchObject({ ok: false, reason: 'bomb' });
  });

  it('reports truncated, damaged and encrypted archives', async () => {
    const bytes = await zipOf({ 'a.xml': 'x'.repeat(1000) });
    expect(openZip(bytes.subarray(0, 40), () => true, limits)).toMatchObject({ ok: false, reason: 'damaged' });
    expect(openZip(Buffer.alloc(10), () => true, limits)).toMatchObject({ ok: false, reason: 'damaged' });
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const central = bytes.readUInt32LE(end + 16);
    const encrypted = Buffer.from(bytes);
    encrypted.writeUInt16LE(1, central + 8);
    expect(openZip(encrypted, () => true, limits)).toMatchObject({ ok: false, reason: 'encrypted' });
  });
});
