// The plan export in every interface language: Arabic laid out right to left and extracted back in reading order,
// Russian, Turkish and Ukrainian letters present, the document's language declared and the plan's German text
// tagged as German, and no character drawn as an empty box.
import { beforeAll, describe, expect, it } from 'vitest';
import { drawsNotdef } from '../../../test/fixtures/exports/notdef.js';
import { smallInput, smallPlan } from '../../../test/fixtures/exports/plans.js';
import { pdfBoxes, pdfinfo, pdfPages, skipWithoutPoppler } from '../../../test/fixtures/exports/poppler.js';
import { translator } from '../../platform/i18n/i18n.js';
import { exportPdf } from './pdf.export.js';
import type { ExportLang } from './export.model.js';

// pdftotext marks right-to-left stretches with embedding characters and breaks lines where the layout does.
const plain = (text: string): string => text.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/\s+/g, ' ');
const word = (lang: ExportLang, key: string): string => translator(lang)(key);

const TURKISH = 'Gençlik işleri: ağ, şehir, ılık, İzmir';
const UKRAINIAN = 'Ґанок, єдність, історія, їжа';

function planWith(text: string) {
  const plan = structuredClone(smallPlan);
  plan.fields[0].goals[0].measures[0].text = text;
  return plan;
}

describe.skipIf(skipWithoutPoppler)('exportPdf in the interface languages', () => {
  const pdfs = new Map<ExportLang, Buffer>();
  beforeAll(async () => {
    for (const lang of ['ar', 'ru', 'tr', 'uk'] as const) {
      const text = lang === 'tr' ? TURKISH : lang === 'uk' ? UKRAINIAN : undefined;
      pdfs.set(lang, await exportPdf({ ...smallInput, lang, planState: 'draft', plan: text ? planWith(text) : smallPlan }));
    }
  });

  it("declares the reader's language, is tagged, and tags the German plan text as German", () => {
    for (const [lang, pdf] of pdfs) {
      expect(pdfinfo(pdf)).toMatch(/^Tagged:\s+yes$/m);
      expect(pdf.toString('latin1')).toContain(`/Lang (${{ ar: 'ar', ru: 'ru-RU', tr: 'tr-TR', uk: 'uk-UA' }[lang as 'ar']})`);
      expect(pdfinfo(pdf, '-struct-text')).toMatch(/^ {2}H1/m);
      expect(pdf.toString('latin1')).toContain('/Lang (de-DE)');
    }
  });

  it('extracts the Arabic headings, status names and dates back in reading order', () => {
    const text = plain(pdfPages(pdfs.get('ar')!).join('\n'));
    for (const key of ['goal', 'measure', 'actors', 'status', 'vision', 'state']) expect(text).toContain(word('ar', `export.document.${key}`));
    expect(text).toContain(word('ar', 'status.planned'));
    expect(text).toContain(word('ar', 'status.completed'));
    // A line mixing Arabic and figures comes back run by run (poppler orders the runs of a mostly left-to-right
    // page from the left); each run reads right.
    for (const run of ['الوضع في', 'مارس', '2025', word('ar', 'export.document.planStates.draft')]) expect(text).toContain(run);
    // The plan's German text stays readable left to right beside it.
    expect(text).toContain('Sprachkurse mit Kinderbetreuung anbieten');
  });

  it("lays Arabic out right to left: the table's first column is the rightmost, and tagged first", () => {
    const boxes = pdfBoxes(pdfs.get('ar')!);
    // -bbox gives the glyph runs as drawn, left to right: pieces of a heading, reversed.
    const x = (key: string) => {
      const label = word('ar', `export.document.${key}`);
      const pieces = boxes.filter((b) => b.text.length > 1 && label.includes([...b.text].reverse().join('')));
      return pieces.length ? pieces.reduce((sum, b) => sum + b.xMin, 0) / pieces.length : Number.NaN;
    };
    const columns = ['goal', 'measure', 'status'].map(x);
    expect(columns.every(Number.isFinite)).toBe(true);
    expect([...columns].sort((a, b) => b - a)).toEqual(columns);
    const structure = pdfinfo(pdfs.get('ar')!, '-struct-text');
    expect(structure.match(/^ {10}TH/gm)).toHaveLength(13);
  });

  it('extracts the Russian headings and status names in order', () => {
    const text = plain(pdfPages(pdfs.get('ru')!).join('\n'));
    for (const key of ['goal', 'measure', 'actors', 'status']) expect(text).toContain(word('ru', `export.document.${key}`));
    expect(text).toContain(`${word('ru', 'export.document.state')}: 31 марта 2025 г. · ${word('ru', 'export.document.planStates.draft')}`);
    expect(text).toContain(word('ru', 'status.planned'));
    expect(text).toMatch(/Страница 1 из \d/);
  });

  it('holds the Turkish and Ukrainian letters', () => {
    expect(plain(pdfPages(pdfs.get('tr')!).join('\n'))).toContain(TURKISH);
    expect(plain(pdfPages(pdfs.get('uk')!).join('\n'))).toContain(UKRAINIAN);
  });

  it('draws no character as an empty box', () => {
    for (const pdf of pdfs.values()) expect(drawsNotdef(pdf)).toBe(false);
  });

  it('stays small: the fonts are embedded as subsets', () => {
    for (const pdf of pdfs.values()) expect(pdf.length).toBeLessThan(120_000);
  });
});
