import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { LONG_TEXT, smallInput } from '../../../test/fixtures/exports/plans.js';
import { exportDocx } from './docx.export.js';

async function unzip(buffer: Buffer): Promise<{ document: string; core: string; styles: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const read = (path: string): Promise<string> => zip.file(path)!.async('string');
  return { document: await read('word/document.xml'), core: await read('docProps/core.xml'), styles: await read('word/styles.xml') };
}

/** The paragraphs' text, one line each, with XML entities decoded. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1])
      .join('')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

describe('exportDocx', () => {
  it('writes the catalogue as Word tables with a repeated header row and goal cells merged down', async () => {
    const { document } = await unzip(await exportDocx(smallInput));
    expect(document.match(/<w:tbl>/g)).toHaveLength(3);
    expect(document.match(/<w:tblHeader\/>|<w:tblHeader [^>]*\/>/g)).toHaveLength(3);
    expect(document.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2);
    expect(document.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(2);
    expect(document).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
  });

  it('contains the plan, its date, visions, measures with notes, and further measures', async () => {
    const lines = paragraphs((await unzip(await exportDocx(smallInput))).document);
    expect(lines.slice(0, 3)).toEqual(['Integrationskonzept 2.0 der Stadt Musterstadt', 'Stadt Musterstadt', 'Stand: 31.03.2025']);
    expect(lines).toContain('Vision: Alle Menschen in Musterstadt können sich im Alltag auf Deutsch verständigen.');
    expect(lines).toContain('Arbeit, Ausbildung & Wirtschaft: [Teil 1]*');
    expect(lines).toContain(LONG_TEXT);
    expect(lines).toContain('Ziel');
    expect(lines).toContain('Akteurinnen und Akteure');
    expect(lines).toContain('Status der Umsetzung');
    const measure = lines.indexOf('Sprachkurse mit Kinderbetreuung anbieten');
    expect(lines[measure + 1]).toBe('→ Kurs wurde 2021/2022 durchgeführt (2022)');
    expect(lines).toContain('In Planung ab 2024 (Geplant)');
    expect(lines.indexOf('Weitere Maßnahmen')).toBeLessThan(lines.indexOf('Sprachcafé für Frauen im Stadtteil Süd'));
  });

  it('declares German as the document language and the plan title as its title', async () => {
    const { core, styles } = await unzip(await exportDocx(smallInput));
    expect(core).toContain('<dc:title>Integrationskonzept 2.0 der Stadt Musterstadt</dc:title>');
    expect(styles).toContain('<w:lang w:val="de-DE"/>');
  });

  it('marks a draft, and writes the added words in English when asked', async () => {
    const { document } = await unzip(await exportDocx({ ...smallInput, planState: 'draft', lang: 'en' }));
    const lines = paragraphs(document);
    expect(lines).toContain('As of: 31 March 2025 · Draft');
    expect(lines).toContain('Status of implementation');
    expect(document).toContain('<w:lang w:val="en-GB"/>');
  });

  it('lays an Arabic catalogue out right to left: Arabic paragraphs bidirectional, its words right-to-left runs, tables from the right', async () => {
    const { document } = await unzip(await exportDocx({ ...smallInput, planState: 'draft', lang: 'ar' }));
    const xml = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => p[0]);
    const paragraphOf = (text: string) => xml.find((p) => paragraphs(p)[0] === text)!;
    const state = paragraphs(document).find((line) => /2025/.test(line) && /\p{Script=Arabic}/u.test(line))!;
    expect(state).toBeDefined();
    expect(paragraphOf(state)).toContain('<w:bidi/>');
    expect(paragraphOf(state)).toMatch(/<w:rtl\/><w:lang w:val="ar" w:bidi="ar"\/>/);
    // The plan's German title stays left to right.
    expect(paragraphOf(smallInput.plan.plan.title)).not.toContain('<w:bidi/>');
    expect(document.match(/<w:bidiVisual\/>/g)).toHaveLength(document.match(/<w:tbl>/g)!.length);
    expect(document).not.toContain('-u-nu-');
  });

  it('keeps a German catalogue left to right', async () => {
    const { document } = await unzip(await exportDocx(smallInput));
    for (const mark of ['<w:bidi/>', '<w:rtl/>', '<w:bidiVisual/>']) expect(document).not.toContain(mark);
  });
});

