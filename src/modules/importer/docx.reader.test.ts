import { describe, expect, it } from 'vitest';
import { readDocxXml } from './docx.reader.js';

const p = (text: string, list = false) => `<w:p>${list ? '<w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr>' : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${content}</w:tc>`;

describe('docx body', () => {
  it('keeps paragraphs and table rows in reading order, with merged cells repeated', () => {
    const xml = `<w:document><w:body>${p('Handlungsfeld &quot;Arbeit&quot;')}<w:tbl>
      <w:tr>${tc(p('Ziel'))}${tc(p('Maßnahme'))}${tc(p('Akteure'))}</w:tr>
      <w:tr>${tc(p('Ein Ziel'), '<w:vMerge w:val="restart"/>')}${tc(p('Eins') + p('Punkt', true))}${tc(p('VHS'))}</w:tr>
      <w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p('Zwei'))}${tc(p('Jobcenter'))}</w:tr>
      <w:tr>${tc(p('Weitere'), '<w:gridSpan w:val="3"/>')}</w:tr>
    </w:tbl>${p('Ende')}</w:body></w:document>`;
    expect(readDocxXml(xml)).toEqual([
      { row: 1, cells: ['Handlungsfeld "Arbeit"'], tabular: false },
      { row: 2, cells: ['Ziel', 'Maßnahme', 'Akteure'], tabular: true, part: 0, table: 1, tableRow: 1 },
      { row: 3, cells: ['Ein Ziel', 'Eins\n• Punkt', 'VHS'], tabular: true, part: 0, table: 1, tableRow: 2 },
      { row: 4, cells: ['Ein Ziel', 'Zwei', 'Jobcenter'], tabular: true, part: 0, table: 1, tableRow: 3 },
      { row: 5, cells: ['Weitere', 'Weitere', 'Weitere'], tabular: true, part: 0, table: 1, tableRow: 4 },
      { row: 6, cells: ['Ende'], tabular: false },
    ]);
  });

  it('flattens a nested table into its cell and survives broken XML', () => {
    const nested = `<w:tbl><w:tr>${tc(p('a'))}${tc(p('b'))}</w:tr></w:tbl>`;
    const xml = `<w:tbl><w:tr>${tc(p('x'))}${tc(nested)}</w:tr></w:tbl>`;
    expect(readDocxXml(xml)).toEqual([{ row: 1, cells: ['x', 'a – b'], tabular: true, part: 0, table: 1, tableRow: 1 }]);
    expect(() => readDocxXml('<w:tbl><w:tr><w:tc><w:p><w:t>offen')).not.toThrow();
  });
});

// document.xml as XML. Comments, CDATA, references to invalid characters, text boxes with their fallback copy,
// tracked property changes and broken tags were read wrongly while document.xml was tokenized with a regular
// expression; DOCTYPE entities, tab stops, content controls and nested tables were right there because it ignored
// structure, and must stay right in a walk over the tree.
describe('docx body as XML', () => {
  const run = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;
  const cells = (xml: string) => readDocxXml(`<w:document><w:body>${xml}</w:body></w:document>`)?.map((row) => row.cells);

  it('decodes the predefined entities and numeric references once, so escaped markup stays text', () => {
    expect(cells(p('Wohnen &amp; Arbeit &#8222;Zukunft&#x201C; 2024&#x2013;2030'))).toEqual([['Wohnen & Arbeit „Zukunft“ 2024–2030']]);
    expect(cells(p('&lt;w:t&gt;kein Tag&lt;/w:t&gt; &amp;lt; &amp;#65; &apos;a&apos;'))).toEqual([['<w:t>kein Tag</w:t> &lt; &#65; \'a\'']]);
    // Not XML characters, not XML entities: left as written rather than turned into a lone surrogate or guessed.
    expect(cells(p('a&#0;b&#xD800;c&nbsp;d'))).toEqual([['a&#0;b&#xD800;c&nbsp;d']]);
  });

  it('reads w:t with any attributes, CDATA as text, and keeps digits as written', () => {
    const t = `<w:p><w:r><w:t xml:space="preserve" w14:paraId="1A>2B" data-x='a/b'>Ziel </w:t></w:r><w:r><w:t><![CDATA[a < b & c]]></w:t></w:r></w:p>`;
    expect(cells(t)).toEqual([['Ziel a < b & c']]);
    expect(cells(p('007') + p('1e5') + p('true'))).toEqual([['007'], ['1e5'], ['true']]);
  });

  it('ignores comments, processing instructions, deleted text and field codes', () => {
    const xml = `<!-- <w:p><w:r><w:t>auskommentiert</w:t></w:r></w:p> --><?mso-application progid="Word.Document"?>
      <w:p>${run('Maßnahme')}<w:del><w:r><w:delText>gelöscht</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r>${run(' 1')}</w:p>`;
    expect(cells(xml)).toEqual([['Maßnahme 1']]);
  });

  it('never expands entities declared in a DOCTYPE', () => {
    const xml = `<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document><w:body>${p('&lol2;')}</w:body></w:document>`;
    expect(readDocxXml(xml)).toEqual([{ row: 1, cells: ['&lol2;'], tabular: false }]);
  });

  it('turns tabs and breaks into spaces and line breaks, but not tab stops of the paragraph', () => {
    const xml = `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${run('a')}<w:r><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r></w:p>`;
    expect(cells(xml)).toEqual([['a b\nc\nd']]);
  });

  it('keeps the text of a paragraph around a text box and reads the text box once, not its fallback copy', () => {
    const box = `<w:txbxContent>${p('Im Kasten')}</w:txbxContent>`;
    const xml = `<w:p>${run('Vor dem Kasten ')}<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>${run('danach')}</w:p>`;
    expect(cells(xml)).toEqual([['Vor dem Kasten danach'], ['Im Kasten']]);
  });

  it('takes list numbering and cell merges from the current properties, not from tracked changes', () => {
    const formerListItem = `<w:p><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:pPrChange></w:pPr>${run('kein Punkt mehr')}</w:p>`;
    const wasWider = `<w:gridSpan w:val="2"/><w:tcPrChange w:id="2"><w:tcPr><w:gridSpan w:val="3"/></w:tcPr></w:tcPrChange>`;
    const xml = `${formerListItem}<w:tbl><w:tr>${tc(p('A'))}${tc(p('B'))}${tc(p('C'))}</w:tr><w:tr>${tc(p('AB'), wasWider)}${tc(p('C2'))}</w:tr></w:tbl>`;
    expect(cells(xml)).toEqual([['kein Punkt mehr'], ['A', 'B', 'C'], ['AB', 'AB', 'C2']]);
  });

  it('finds rows and cells inside content controls and under any namespace prefix', () => {
    const sdt = (content: string) => `<w:sdt><w:sdtPr><w:alias w:val="Wiederholung"/></w:sdtPr><w:sdtContent>${content}</w:sdtContent></w:sdt>`;
    const xml = `<w:tbl><w:tr>${tc(p('Ziel'))}${tc(p('Maßnahme'))}</w:tr>${sdt(`<w:tr>${tc(p('Z1'))}${sdt(tc(p('M1')))}</w:tr>`)}</w:tbl>
      <ns0:p xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><ns0:r><ns0:t>Andere Vorsilbe</ns0:t></ns0:r></ns0:p>`;
    expect(cells(xml)).toEqual([['Ziel', 'Maßnahme'], ['Z1', 'M1'], ['Andere Vorsilbe']]);
  });

  it('reads content nested deeper than the parser allows by default, and refuses absurd depths', () => {
    const nested = (depth: number) => '<w:sdt><w:sdtContent>'.repeat(depth) + p('tief') + '</w:sdtContent></w:sdt>'.repeat(depth);
    expect(cells(nested(60))).toEqual([['tief']]);
    expect(readDocxXml(`<w:document><w:body>${nested(300)}</w:body></w:document>`)).toBeNull();
  });

  it('flattens nested tables without shifting the columns or merges of the outer table', () => {
    const nested = `<w:tbl><w:tr>${tc(p('n1'))}${tc(p('n2'), '<w:vMerge w:val="restart"/>')}</w:tr><w:tr>${tc(p('n3'))}${tc(p(''), '<w:vMerge/>')}</w:tr></w:tbl>`;
    const xml = `<w:tbl>
      <w:tr>${tc(p('Ziel'))}${tc(p('Maßnahme'))}${tc(p('Akteure'))}</w:tr>
      <w:tr>${tc(p('Z'), '<w:vMerge w:val="restart"/>')}${tc(p('vorher') + nested + p('nachher'))}${tc(p('VHS'))}</w:tr>
      <w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p('M2'))}${tc(p('Jobcenter'))}</w:tr>
    </w:tbl>`;
    expect(cells(xml)).toEqual([
      ['Ziel', 'Maßnahme', 'Akteure'],
      ['Z', 'vorher\nn1 – n2\nn3\nnachher', 'VHS'],
      ['Z', 'M2', 'Jobcenter'],
    ]);
  });

  it('refuses XML that is not well-formed instead of guessing where a broken tag ends', () => {
    expect(readDocxXml(`<w:document><w:body>${p('Ziel')}<w:p><w:r w:rsidR="00A1><w:t>x</w:t></w:r></w:p></w:body></w:document>`)).toBeNull();
    expect(readDocxXml(`<w:document><w:body>${p('Ziel')}<ul><w:tbl></w:tbl></w:body></w:document>`)).toBeNull();
    expect(readDocxXml(`<w:document><w:body>${p('Ziel')}</w:body></w:document>`)).toEqual([{ row: 1, cells: ['Ziel'], tabular: false }]);
  });
});
