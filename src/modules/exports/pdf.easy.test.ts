// The Leichte Sprache layout: large type, one sentence per line, each a tagged paragraph, headings bold and tagged
// H2, lists tagged as lists, German, left-aligned.
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawsNotdef } from '../../../test/fixtures/exports/notdef.js';
import { pdfBoxes, pdfinfo, pdfPages, skipWithoutPoppler } from '../../../test/fixtures/exports/poppler.js';
import { easyReadPdf, EASY_READ_SIZES } from './pdf.easy.js';

const INPUT = {
  title: 'Der Integrations-Plan',
  author: 'Stadt Musterstadt',
  blocks: [
    { sentences: ['Die Stadt hat einen Plan.', 'Der Plan hilft neuen Menschen in der Stadt.'] },
    { heading: 'Sprach-Kurse' },
    { sentences: ['Es gibt Sprach-Kurse.', 'Die Kurse sind am Abend.', 'Sie können mit Kind kommen.'] },
    { items: ['Kurs am Montag', 'Kurs am Mittwoch'] },
  ],
};
const SENTENCES = INPUT.blocks.flatMap((b) => ('sentences' in b ? b.sentences : []));
const LINES = INPUT.blocks.flatMap((b) => ('heading' in b ? [b.heading] : 'sentences' in b ? b.sentences : b.items.map((item) => `– ${item}`)));

/** The fonts set in the page's content (the font resource and size of every Tf), in order. */
function fontsSet(pdf: Buffer): Array<{ font: string; size: number }> {
  const sizes: Array<{ font: string; size: number }> = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at);
    if (start < 0) return sizes;
    const end = pdf.indexOf('endstream', start);
    try {
      const text = inflateSync(pdf.subarray(pdf[start + 6] === 0x0d ? start + 8 : start + 7, end)).toString('latin1');
      for (const m of text.matchAll(/\/(F\d+) ([\d.]+) Tf/g)) sizes.push({ font: m[1], size: Number(m[2]) });
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

  it('is tagged and German: the title H1, the heading H2, every sentence its own P, the list L with an LI per item', () => {
    expect(pdfinfo(pdf)).toMatch(/^Tagged:\s+yes$/m);
    expect(pdf.toString('latin1')).toContain('/Lang (de-DE)');
    const structure = pdfinfo(pdf, '-struct-text');
    expect(structure.match(/^ {2}H1/gm)).toHaveLength(1);
    expect(structure.match(/^ {2}H2/gm)).toHaveLength(1);
    expect(structure).toMatch(/^ {2}H2 \(block\)\n {4}"Sprach-Kurse"$/m);
    expect(structure.match(/^ {2}P/gm)).toHaveLength(SENTENCES.length);
    expect(structure.match(/^ {4}LI/gm)).toHaveLength(2);
    for (const sentence of SENTENCES) expect(structure).toContain(`"${sentence}"`);
  });

  it('writes one sentence per line, all starting at the left margin', () => {
    const lines = pdfPages(pdf)[0].split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual([INPUT.title, ...LINES]);
    const starts = new Set(pdfBoxes(pdf).filter((b) => ['Die', 'Der', 'Es', 'Sie', 'Sprach-Kurse', '–'].includes(b.text)).map((b) => Math.round(b.xMin)));
    expect([...starts]).toEqual([50]);
  });

  it('uses large type: body at least 14 pt, headings larger and bold as the title', () => {
    const fonts = fontsSet(pdf);
    const sizes = fonts.map((f) => f.size);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    expect(Math.max(...sizes)).toBe(EASY_READ_SIZES.title);
    expect(EASY_READ_SIZES.title).toBeGreaterThan(EASY_READ_SIZES.heading);
    expect(EASY_READ_SIZES.heading).toBeGreaterThan(EASY_READ_SIZES.body);
    const fontOf = (size: number) => new Set(fonts.filter((f) => f.size === size).map((f) => f.font));
    // The title and the heading share the bold font; the sentences are in the regular one.
    expect(fontOf(EASY_READ_SIZES.heading)).toEqual(fontOf(EASY_READ_SIZES.title));
    expect([...fontOf(EASY_READ_SIZES.body)].some((f) => fontOf(EASY_READ_SIZES.title).has(f))).toBe(false);
    expect(drawsNotdef(pdf)).toBe(false);
  });

  it('keeps the words either side of a line break apart in what a screen reader reads', async () => {
    const long = 'Im Sprach-Kurs lernen Sie zusammen mit anderen Menschen aus der Stadt jeden Abend neue deutsche Wörter.';
    const wrapped = await easyReadPdf({ title: 'Kurse', author: 'Stadt', blocks: [{ sentences: [long] }] });
    expect(pdfPages(wrapped)[0].split('\n').filter((l) => l.trim()).length).toBeGreaterThan(2);
    expect(pdfinfo(wrapped, '-struct-text')).toContain(`"${long}"`);
  });
});
