import { describe, expect, it } from 'vitest';
import { sheetNames } from './sheet.names.js';

describe('sheetNames', () => {
  it('drops the characters Excel forbids and cuts to 31 characters', () => {
    const [name] = sheetNames(['Arbeit/Ausbildung: [Teil 1]* und Wirtschaft?'], []);
    expect(name).toBe('Arbeit Ausbildung Teil 1 und Wi');
    expect(name.length).toBeLessThanOrEqual(31);
  });

  it('keeps names unique, case-insensitively and against names already taken', () => {
    expect(sheetNames(['Übersicht', 'Sprache', 'sprache', 'x'.repeat(40), 'x'.repeat(40)], ['Übersicht'])).toEqual([
      'Übersicht (2)',
      'Sprache',
      'sprache (2)',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
    ]);
  });

  it('names a field whose title has nothing left, and avoids the reserved "History"', () => {
    expect(sheetNames(['[*]', "'History'"], [])).toEqual(['Handlungsfeld 1', 'History (2)']);
  });
});
