import { beforeAll, describe, expect, it } from 'vitest';
import { largePlan, smallInput, smallPlan } from '../../../test/fixtures/exports/plans.js';
import { pdfinfo, pdfPages, skipWithoutPoppler } from '../../../test/fixtures/exports/poppler.js';
import { exportPdf } from './pdf.export.js';

if (skipWithoutPoppler) console.warn('pdfinfo/pdftotext not found: the PDF checks are skipped here (CI installs poppler-utils)');

// Line breaks fall where the layout puts them, so texts are compared without whitespace.
const squash = (text: string): string => text.replace(/\s+/g, '');

describe.skipIf(skipWithoutPoppler)('exportPdf', () => {
  let small: Buffer;
  let large: Buffer;
  beforeAll(async () => {
    small = await exportPdf(smallInput);
    large = await exportPdf({ ...smallInput, plan: largePlan() });
  });

  it('is tagged, in German, and titled with the plan', () => {
    const info = pdfinfo(small);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Integrationskonzept 2\.0 der Stadt Musterstadt$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
  });

  it('tags headings and tables with header cells', () => {
    const structure = pdfinfo(small, '-struct-text');
    expect(structure).toMatch(/^ {2}H1/m);
    expect(structure.match(/^ {4}H2/gm)).toHaveLength(2);
    expect(structure.match(/^ {4}Table/gm)).toHaveLength(3);
    expect(structure.match(/^ {10}TH/gm)).toHaveLength(13);
    expect(structure).toContain('/Scope /Column');
    expect(structure).toContain('/RowSpan 2');
  });

  it('tags a header row once however many pages its table runs over', () => {
    const structure = pdfinfo(large, '-struct-text');
    expect(structure.match(/^ {4}Table/gm)).toHaveLength(10);
    expect(structure.match(/^ {12}"Akteurinnen und Akteure"$/gm)).toHaveLength(10);
    expect(structure.match(/^ {8}TR$/gm)).toHaveLength(10 + 250);
  });

  it('shows the date of the state, every measure, its notes, and page numbers', () => {
    const pages = pdfPages(small);
    const text = squash(pages.join(''));
    expect(pages[0]).toContain('Stand: 31.03.2025');
    for (const field of smallPlan.fields) {
      for (const measure of [...field.goals.flatMap((goal) => goal.measures), ...field.furtherMeasures]) {
        expect(text).toContain(squash(measure.text));
        for (const note of measure.notes) expect(text).toContain(squash(note.text));
      }
    }
    expect(text).toContain(squash('In Planung ab 2024 (Geplant)'));
    pages.forEach((page, index) => expect(page).toContain(`Seite ${index + 1} von ${pages.length}`));
  });

  it('runs a plan of 250 measures over many pages, with the header on every page', () => {
    const pages = pdfPages(large);
    expect(Number(pdfinfo(large).match(/^Pages:\s+(\d+)$/m)?.[1])).toBeGreaterThan(10);
    expect(pages.length).toBeGreaterThan(10);
    const numbers = new Set([...pages.join('').matchAll(/Maßnahme (\d+):/g)].map((match) => match[1]));
    expect(numbers.size).toBe(250);
    for (const page of pages.slice(1)) expect(page).toContain('Akteurinnen und Akteure');
    expect(pages.at(-1)).toContain(`Seite ${pages.length} von ${pages.length}`);
  });

  it('splits a row taller than a page without losing a word', async () => {
    const plan = structuredClone(smallPlan);
    plan.fields[0].goals[0].measures[1].text = 'Ein sehr langer Sachverhalt. '.repeat(300).trim();
    const pdf = await exportPdf({ ...smallInput, plan });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.join('').match(/Sachverhalt/g)).toHaveLength(300);
  });

  it('writes the added words in English when asked, and marks a draft', async () => {
    const pages = pdfPages(await exportPdf({ ...smallInput, lang: 'en', planState: 'draft' }));
    expect(pages[0]).toContain('As of: 31 March 2025 · Draft');
    expect(pages[0]).toContain('Status of implementation');
    expect(pages[0]).toContain('Page 1 of');
  });
});

describe('exportPdf without a reader', () => {
  it('declares the language, shows the title in the window, and marks the content as tagged', async () => {
    const raw = (await exportPdf(smallInput)).toString('latin1');
    expect(raw).toContain('/Lang (de-DE)');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain('/StructTreeRoot');
  });

  it('rejects a state date that is not an ISO date', async () => {
    await expect(exportPdf({ ...smallInput, stateDate: '31.03.2025' })).rejects.toThrow();
  });
});
