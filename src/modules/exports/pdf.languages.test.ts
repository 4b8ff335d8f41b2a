// The plan export in every interface language: Arabic laid out right to left and extracted back in reading order,
// Russian, Turkish and Ukrainian letters present, the document's language declared and the plan's German text
// tagged as German, and no character drawn as an empty box.
import { beforeAll, describe, expect, it } from 'vitest';
import { drawsNotdef } from '../../../test/fixtures/exports/notdef.js';
import { smallInput, smallPlan } from '../../../test/fixtures/exports/plans.js';
import { pdfinfo, pdfLines, pdfPages, skipWithoutPoppler } from '../../../test/fixtures/exports/poppler.js';
import { translator } from '../../platform/i18n/i18n.js';
import { stateLine } from './document.cells.js';
import { documentLabels } from './export.labels.js';
import { exportPdf } from './pdf.export.js';
import type { ExportLang } from './export.model.js';

// pdftotext marks right-to-left stretches with embedding characters and breaks lines where the layout does.
const plain = (text: string): string => text.replace(/[\u202a-\u202e\u200e\u200f]/g, '').replace(/\s+/g, ' ');
const word = (lang: ExportLang, key: string): string => translator(lang)(key);

/** Arabic words and the figures in them (as a text stored in Arabic would bring): a measure number, a year, a share, brackets. */
const ARABIC_WITH_FIGURES = 'الإجراء 1.1 في عام 2026 بنسبة 45% (مخطط له)';

/** The words and figures of a text, in the order extraction gives them (punctuation aside). */
const tokens = (text: string): string[] => text.replace(/[\u202a-\u202e\u200e\u200f]/g, '').match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? [];

const TURKISH = 'Gençlik işleri: ağ, şehir, ılık, İzmir';
const UKRAINIAN = 'Ґанок, єдність, історія, їжа';

function planWith(text: string, goal = 0) {
  const plan = structuredClone(smallPlan);
  plan.fields[0].goals[goal].measures[0].text = text;
  return plan;
}

describe.skipIf(skipWithoutPoppler)('exportPdf in the interface languages', () => {
  const pdfs = new Map<ExportLang, Buffer>();
  beforeAll(async () => {
    for (const lang of ['ar', 'ru', 'tr', 'uk'] as const) {
      const text = lang === 'tr' ? TURKISH : lang === 'uk' ? UKRAINIAN : lang === 'ar' ? ARABIC_WITH_FIGURES : undefined;
      pdfs.set(lang, await exportPdf({ ...smallInput, lang, planState: 'draft', plan: text ? planWith(text, lang === 'ar' ? 1 : 0) : smallPlan }));
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

  it('keeps Arabic lines with figures in reading order: the structure tree word for word, pdftotext where Arabic prevails', async () => {
    const pdf = pdfs.get('ar')!;
    const state = stateLine(documentLabels('ar'), smallInput.stateDate, 'draft');
    expect(state).toMatch(/\d/);
    // What a screen reader reads: the tagged content, in the order it is drawn.
    const structure = pdfinfo(pdf, '-struct-text').replace(/[\u202a-\u202e]/g, '');
    for (const line of [state, ARABIC_WITH_FIGURES]) expect(structure).toContain(`"${line}"`);
    // pdftotext rebuilds the order from the positions, right to left on a page where Arabic letters outnumber Latin
    // ones (poppler's rule); this catalogue's pages are mostly German, so the line is checked on a page of its own.
    const single = await exportPdf({ ...smallInput, lang: 'ar', planState: 'draft', plan: { plan: { ...smallPlan.plan, title: 'خطة الاندماج' }, fields: [] } });
    const text = tokens(pdfPages(single)[0]).join(' ');
    expect(text).toContain(tokens(state).join(' '));
    const [before, between] = documentLabels('ar').pageOf;
    expect(text).toContain(tokens(`${before}1${between}1`).join(' '));
  });

  it("lays Arabic out right to left: the table's first column is the rightmost, and tagged first", () => {
    const lines = pdfLines(pdfs.get('ar')!);
    // A heading's line, its letters as they stand from left to right: the heading backwards.
    const x = (key: string) => {
      const label = word('ar', `export.document.${key}`).replace(/\s/g, '');
      const line = lines.find((l) => [...l.visual].reverse().join('') === label);
      return line ? line.xMin : Number.NaN;
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
