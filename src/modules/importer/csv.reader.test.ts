import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from './csv.reader.js';
import { decodeText, looksBinary } from './text.decode.js';

describe('csv', () => {
  it('detects the delimiter, strictly for text that does not say it is CSV', () => {
    expect(detectDelimiter('Nr;Maßnahme;Status\n1;"A; B";offen\n2;C;offen', true)).toBe(';');
    expect(detectDelimiter('Nr,Maßnahme\n1,A\n2,B', true)).toBe(',');
    expect(detectDelimiter('Ein Satz, mit Komma.\nNoch einer, mit, zwei.\nUnd ohne.', true)).toBeNull();
  });

  it('keeps quoted multi-line cells and numbers rows by their first line', () => {
    expect(readCsv('a;b\n"x\ny";c\n\n1;2;;', ';')).toEqual([
      { row: 1, cells: ['a', 'b'], tabular: true },
      { row: 2, cells: ['x\ny', 'c'], tabular: true },
      { row: 4, cells: [''], tabular: true },
      { row: 5, cells: ['1', '2'], tabular: true },
    ]);
  });

  it('decodes UTF-8 with and without BOM and Windows-1252', () => {
    expect(decodeText(Buffer.from('\ufeffMaßnahme'))).toBe('Maßnahme');
    expect(decodeText(Buffer.from('Maßnahme'))).toBe('Maßnahme');
    expect(decodeText(iconv.encode('Maßnahme für Bürger – „Test“', 'win1252'))).toBe('Maßnahme für Bürger – „Test“');
    expect(looksBinary('Nr.\tMaßnahme\r\n')).toBe(false);
    expect(looksBinary('\u0001\u0002\u0003\u0004abc')).toBe(true);
  });
});
