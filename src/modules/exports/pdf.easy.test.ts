// The Leichte Sprache layout: large type, one sentence per line, each a tagged paragraph, German, left-aligned.
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawsNotdef } from '../../../test/fixtures/exports/notdef.js';
import { pdfBoxes, pdfinfo, pdfPages, skipWithoutPoppler } from '../../../test/fixtures/exports/poppler.js';
import { easyReadPdf, EASY_READ_SIZES } from './pdf.easy.js';

const INPUT = {
  title: 'Der Integrations-Plan',
  author: 'Stadt Musterstadt',
  paragraphs: [
    ['Die Stadt hat einen Plan.', 'Der Plan hilft neuen Menschen in der Stadt.'],
    ['Es gibt Sprach-Kurse.', 'Die Kurse sind am Abend.', 'Sie können mit Kind kommen.'],
  ],
};

/** The font sizes set in the page's content (the size operand of every Tf). */
function fontSizes(pdf: Buffer): number[] {
  const sizes: number[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at);
    if (start < 0) return sizes;
    const end = pdf.indexOf('endstream', start);
    try {
      const text = inflateSync(pdf.subarray(pdf[start + 6] === 0x0d ? start + 8 : start + 7, end)).toString('latin1');
      for (const m of text.matchAll(/\/F\d+ ([\d.]+) Tf/g)) sizes.push(Number(m[1]));
    } catch {
      // not a content stream
    }
    at = end + 9;
  }
}

describe.skipIf(skipWithoutPoppler)('easyReadPdf', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await easyReadPdf(INPUT);
  });

  it('is tagged and German, with the title as H1 and every sentence as its own P', () => {
    expect(pdfinfo(pdf)).toMatch(/^Tagged:\s+yes$/m);
    expect(pdf.toString('latin1')).toContain('/Lang (de-DE)');
    const structure = pdfinfo(pdf, '-struct-text');
    expect(structure.match(/^ {2}H1/gm)).toHaveLength(1);
    expect(structure.match(/^ {2}P/gm)).toHaveLength(5);
    for (const sentence of INPUT.paragraphs.flat()) expect(structure).toContain(`"${sentence}"`);
  });

  it('writes one sentence per line, all starting at the left margin', () => {
    const lines = pdfPages(pdf)[0].split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual([INPUT.title, ...INPUT.paragraphs.flat()]);
    const starts = new Set(pdfBoxes(pdf).filter((b) => ['Die', 'Der', 'Es', 'Sie'].includes(b.text)).map((b) => Math.round(b.xMin)));
    expect([...starts]).toEqual([50]);
  });

  it('uses large type: body at least 14 pt, the title larger', () => {
    const sizes = fontSizes(pdf);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    expect(Math.max(...sizes)).toBe(EASY_READ_SIZES.title);
    expect(EASY_READ_SIZES.title).toBeGreaterThan(EASY_READ_SIZES.body);
    expect(drawsNotdef(pdf)).toBe(false);
  });
});
