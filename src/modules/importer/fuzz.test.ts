// Thousands of malformed inputs: parseCatalogue must answer every one with a value, never throw or hang.
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogue } from './index.js';

// A fixed seed keeps failures reproducible.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fixtures = ['per-sheet.xlsx', 'one-sheet.xlsx', 'per-table.docx', 'one-table.docx', 'windows-1252.csv', 'flattened.txt', 'seed-003.txt'].map(
  (name) => ({ name, bytes: readFileSync(new URL(`../../../test/fixtures/import/${name}`, import.meta.url)) }),
);

const PIECES = ['\t', ';', ',', '\n', '\r\n', '"', 'Nr.', 'Maßnahme', 'Ziel', 'Status', 'Akteure', 'Vision:', 'Handlungsfeld 1: ', '→', '•', '<ul>', '(', ')', 'und', 'Amt für ', 'Weitere Maßnahmen', '- + ', '7.1', '12', 'Maßnahme 3: ', 'Verantwortlich: ', '„', '“', 'ä', '\u0000', ''];

// Valid archives with damaged XML inside reach the xlsx and docx readers themselves, past the zip guard.
async function damagedArchives(next: () => number, count: number): Promise<Array<{ fileName: string; bytes: Buffer }>> {
  const int = (n: number) => Math.floor(next() * n);
  const archives = fixtures.filter(({ name }) => /\.(xlsx|docx)$/.test(name));
  const out: Array<{ fileName: string; bytes: Buffer }> = [];
  for (let i = 0; i < count; i++) {
    const { name, bytes } = archives[i % archives.length];
    const zip = await JSZip.loadAsync(bytes);
    const xmlNames = Object.keys(zip.files).filter((entry) => entry.endsWith('.xml'));
    const target = xmlNames[int(xmlNames.length)];
    let xml = await zip.file(target)!.async('string');
    for (let cuts = 1 + int(4); cuts > 0; cuts--) {
      const at = int(xml.length);
      xml = next() < 0.5 ? xml.slice(0, at) + xml.slice(at + 1 + int(40)) : xml.slice(0, at) + PIECES[int(PIECES.length)] + '<' + xml.slice(at);
    }
    zip.file(target, xml);
    out.push({ fileName: name, bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) });
  }
  return out;
}

function* inputs(next: () => number): Generator<{ fileName: string; bytes: Buffer } | { text: string }> {
  const int = (n: number) => Math.floor(next() * n);
  for (let i = 0; i < 700; i++) {
    const bytes = Buffer.alloc(int(2048));
    for (let j = 0; j < bytes.length; j++) bytes[j] = int(256);
    if (i % 5 === 0 && bytes.length > 4) bytes.write('PK\u0003\u0004', 0, 'latin1');
    yield { fileName: ['x.xlsx', 'x.docx', 'x.csv', 'x.txt', 'x'][i % 5], bytes };
  }
  for (let i = 0; i < 1200; i++) {
    const parts: string[] = [];
    for (let j = int(120); j > 0; j--) parts.push(PIECES[int(PIECES.length)] + (next() < 0.3 ? 'Text'.repeat(int(5)) : ''));
    const text = parts.join('');
    yield i % 2 ? { text } : { fileName: i % 4 ? 'x.csv' : 'x.tsv', bytes: Buffer.from(text, i % 3 ? 'utf8' : 'latin1') };
  }
  for (let i = 0; i < 700; i++) {
    const { name, bytes } = fixtures[i % fixtures.length];
    const copy = Buffer.from(i % 3 === 0 ? bytes.subarray(0, int(bytes.length)) : bytes);
    for (let flips = 1 + int(8); flips > 0 && copy.length; flips--) copy[int(copy.length)] = int(256);
    yield { fileName: name, bytes: copy };
  }
}

describe('fuzzing parseCatalogue', () => {
  let archives: Array<{ fileName: string; bytes: Buffer }>;
  beforeAll(async () => {
    archives = await damagedArchives(random(7), 400);
  });

  it('answers thousands of malformed inputs with ok or errors', async () => {
    let ok = 0;
    let failed = 0;
    for (const input of [...inputs(random(20240501)), ...archives]) {
      const result = await parseCatalogue(input, { limits: { maxBytes: 1024 * 1024, maxRows: 2000 } });
      if (result.ok) ok++;
      else {
        failed++;
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.errors.every((error) => typeof error.message === 'string' && error.message.length > 0)).toBe(true);
      }
    }
    expect(ok + failed).toBe(3000);
  }, 60_000);

  it('reads pathological cells in linear time', async () => {
    const cells = [
      'A' + 'a'.repeat(300_000),
      'für ' + Array.from({ length: 20_000 }, (_, i) => `Abc${i}`).join(', '),
      '('.repeat(100_000) + ')'.repeat(100_000),
      '„a '.repeat(50_000),
      'Ab: '.repeat(50_000),
      '<a '.repeat(50_000),
      'M → ' + 'Mai und '.repeat(50_000),
      'Handlungsfeld' + ' '.repeat(100_000) + 'x',
      'Xinnen und '.repeat(30_000),
    ];
    const started = Date.now();
    for (const cell of cells) {
      const result = await parseCatalogue({ text: `Ziel\tMaßnahme\tAkteure\tStatus\nZ\t${cell}\t${cell}\t${cell}\n${cell}` });
      expect(typeof result.ok).toBe('boolean');
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
