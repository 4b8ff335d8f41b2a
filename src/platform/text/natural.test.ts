import { describe, expect, it } from 'vitest';
import { compareNumbers, numberText, plainIntegers, sameNumber } from './natural.js';

describe('natural order of numbers as written', () => {
  it('puts 1.2 before 1.10 before 2, and A.3 before A.10', () => {
    expect(['2', '1.10', '1.2', '1.1', '10', '1'].sort(compareNumbers)).toEqual(['1', '1.1', '1.2', '1.10', '2', '10']);
    expect(['A.10', 'A.3', 'B.1', '7.1.2', '7.1'].sort(compareNumbers)).toEqual(['7.1', '7.1.2', 'A.3', 'A.10', 'B.1']);
  });
  it('puts measures without a number last', () => {
    expect([null, '3', '', '1'].sort(compareNumbers)).toEqual(['1', '3', null, '']);
    expect(compareNumbers(null, null)).toBe(0);
  });
  it('treats spaces around a number as the same number, nothing else', () => {
    expect(sameNumber(' 1.1 ', '1.1')).toBe(true);
    expect(sameNumber('1.01', '1.1')).toBe(false);
    expect(compareNumbers('1.01', '1.1')).not.toBe(0);
    expect(sameNumber('1.1', '1.10')).toBe(false);
    expect(sameNumber(null, null)).toBe(false);
  });
  it('stores a number trimmed, an integer as its text, nothing as null', () => {
    expect(numberText(7)).toBe('7');
    expect(numberText(' 1.10 ')).toBe('1.10');
    expect(numberText('  ')).toBeNull();
    expect(numberText(null)).toBeNull();
  });
  it('knows when renumbering 1…n would lose a scheme', () => {
    expect(plainIntegers(['1', '2', null, '12'])).toBe(true);
    expect(plainIntegers(['1', '1.1'])).toBe(false);
    expect(plainIntegers(['A.3'])).toBe(false);
  });
});
