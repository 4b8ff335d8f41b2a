import { describe, expect, it } from 'vitest';
import { parseTimeframe } from './timeframe.js';

describe('a timeframe as the plan words it', () => {
  it.each([
    ['2025', '2025', null, false],
    ['2025–2027', '2025', '2027', false],
    ['2025 - 2027', '2025', '2027', false],
    ['2023/2024', '2023', '2024', false],
    ['Q3/2025 – Q2/2027', '2025-07', '2027-06', false],
    ['Q1 2026', '2026-01', '2026-03', false],
    ['2. Halbjahr 2026', '2026-07', '2026-12', false],
    ['bis 12/2025', null, '2025-12', false],
    ['Umsetzung bis 12/2025', null, '2025-12', false],
    ['bis 2026', null, '2026', false],
    ['seit 2024', '2024', null, false],
    ['ab 2024', '2024', null, false],
    ['ab Herbst 2025', '2025-09', null, false],
    ['März 2025', '2025-03', null, false],
    ['2024-03', '2024-03', null, false],
    ['laufend', null, null, true],
    ['fortlaufend', null, null, true],
    ['dauerhaft', null, null, true],
    ['jährlich', null, null, true],
    ['laufend seit 2020', '2020', null, true],
    ['kurzfristig', null, null, false],
    ['mittelfristig', null, null, false],
    ['langfristig', null, null, false],
  ])('„%s“ → start %s, end %s, ongoing %s', (text, start, end, ongoing) => {
    expect(parseTimeframe(text)).toEqual({ label: text, start, end, ongoing });
  });

  it('keeps the wording verbatim, on one line', () => {
    expect(parseTimeframe('  ab Herbst\n2025 ').label).toBe('ab Herbst 2025');
    expect(parseTimeframe(null)).toEqual({ label: '', start: null, end: null, ongoing: false });
  });

  it('gives no end before its start', () => {
    expect(parseTimeframe('2027 – 2025')).toMatchObject({ start: '2027', end: null });
  });

  it('derives dates in the precision the measure form and the overdue check read', () => {
    for (const text of ['Q3/2025 – Q2/2027', 'bis 12/2025', 'ab Herbst 2025', '2025–2027']) {
      const { start, end } = parseTimeframe(text);
      for (const value of [start, end]) if (value !== null) expect(value).toMatch(/^(19|20|21)\d{2}(-(0[1-9]|1[0-2]))?$/);
    }
  });
});
