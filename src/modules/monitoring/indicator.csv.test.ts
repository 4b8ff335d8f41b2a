// German numbers and indicator series from CSV files: good files, bad rows with their line numbers.
import { describe, expect, it } from 'vitest';
import { parsePeriod, parseSeriesCsv } from './indicator.csv.js';
import { formatEuroInput, parseEuroCents, parseGermanNumber } from './number.js';

describe('German numbers', () => {
  it.each([
    ['1.076,5', 1076.5], ['12.500,00', 12500], ['12.500', 12500], ['1.000.000', 1000000], ['-3,25', -3.25], ['0,5', 0.5],
    ['42', 42], ['1076.5', 1076.5], ['12,5 %'.replace(' %', ''), 12.5], [' 7 ', 7], ['1 076,5', 1076.5], ['12.500,00 €', 12500], ['99 EUR', 99],
  ])('%s is %d', (text, value) => expect(parseGermanNumber(text)).toBe(value));
  it.each(['', 'abc', '1,2,3', '1.2.3', '12.50,0', '1,076.5', '--1', '1e5', ','])('%s is no number', (text) => expect(parseGermanNumber(text)).toBeNull());
  it('reads euro amounts to the cent and no finer', () => {
    expect(parseEuroCents('12.500,00')).toBe(1250000);
    expect(parseEuroCents('0,10')).toBe(10);
    expect(parseEuroCents('19,99')).toBe(1999);
    expect(parseEuroCents('1,005')).toBeNull();
    expect(parseEuroCents('-5')).toBeNull();
    expect(formatEuroInput(1250000)).toBe('12.500,00');
  });
});

describe('periods', () => {
  it.each([
    ['2024', '2024'], ['2024-06-30', '2024-06-30'], ['30.06.2024', '2024-06-30'], ['1.7.2024', '2024-07-01'], ['29.02.2024', '2024-02-29'],
  ])('%s is %s', (text, period) => expect(parsePeriod(text)).toBe(period));
  it.each(['24', '2024-06', '31.06.2024', '29.02.2023', '2024-13-01', 'Sommer 2024', ''])('%s is no period', (text) => expect(parsePeriod(text)).toBeNull());
});

describe('series from CSV', () => {
  it('reads semicolons with a header and German decimals', () => {
    expect(parseSeriesCsv('Jahr;Wert\n2021;1.000\n2022;1.076,5\n\n2024;1200\n')).toEqual({
      ok: true,
      points: [{ period: '2021', value: 1000 }, { period: '2022', value: 1076.5 }, { period: '2024', value: 1200 }],
    });
  });
  it('reads commas, quoted German decimals, dates and a byte order mark', () => {
    expect(parseSeriesCsv('\ufeff30.06.2024,"1.076,5"\r\n2025-06-30,12.5\r\n')).toEqual({
      ok: true,
      points: [{ period: '2024-06-30', value: 1076.5 }, { period: '2025-06-30', value: 12.5 }],
    });
  });
  it('reports every bad row with its line number', () => {
    const result = parseSeriesCsv('Jahr;Wert\n2021;1.000\nzwanzig;5\n2023;viel\n2024;1;2\n2021;3\n');
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 3, message: 'monitoring.csv.period', params: { cell: 'zwanzig' } },
        { line: 4, message: 'monitoring.csv.value', params: { cell: 'viel' } },
        { line: 5, message: 'monitoring.csv.columns' },
        { line: 6, message: 'monitoring.csv.duplicate', params: { cell: '2021', other: 2 } },
      ],
    });
  });
  it('counts lines of quoted multi-line cells as the file has them', () => {
    const result = parseSeriesCsv('Jahr;"Wert\n(Personen)"\n2021;5\n2022;x\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.line)).toEqual([4]);
  });
  it('refuses an empty file, a header alone and an unreadable file', () => {
    expect(parseSeriesCsv('')).toEqual({ ok: false, problems: [{ line: 0, message: 'monitoring.csv.empty' }] });
    expect(parseSeriesCsv('Jahr;Wert\n')).toEqual({ ok: false, problems: [{ line: 0, message: 'monitoring.csv.empty' }] });
    const broken = parseSeriesCsv('2021;"1.000\n');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0].message).toBe('monitoring.csv.unreadable');
  });
  it('refuses more than 5,000 rows', () => {
    const text = Array.from({ length: 5001 }, (_, i) => `${String(i % 9000).padStart(2, '0')}.01.2000;1`).join('\n');
    const result = parseSeriesCsv(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ line: 0, message: 'monitoring.csv.tooMany' }]);
  });
});
