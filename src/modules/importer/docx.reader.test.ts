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
      { row: 2, cells: ['Ziel', 'Maßnahme', 'Akteure'], tabular: true },
      { row: 3, cells: ['Ein Ziel', 'Eins\n• Punkt', 'VHS'], tabular: true },
      { row: 4, cells: ['Ein Ziel', 'Zwei', 'Jobcenter'], tabular: true },
      { row: 5, cells: ['Weitere', 'Weitere', 'Weitere'], tabular: true },
      { row: 6, cells: ['Ende'], tabular: false },
    ]);
  });

  it('flattens a nested table into its cell and survives broken XML', () => {
    const nested = `<w:tbl><w:tr>${tc(p('a'))}${tc(p('b'))}</w:tr></w:tbl>`;
    const xml = `<w:tbl><w:tr>${tc(p('x'))}${tc(nested)}</w:tr></w:tbl>`;
    expect(readDocxXml(xml)).toEqual([{ row: 1, cells: ['x', 'a – b'], tabular: true }]);
    expect(() => readDocxXml('<w:tbl><w:tr><w:tc><w:p><w:t>offen')).not.toThrow();
  });
});
