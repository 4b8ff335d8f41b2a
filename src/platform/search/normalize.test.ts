import { describe, expect, it } from 'vitest';
import { allowedTypos, editDistance, normalizeForSearch, queryWords, searchTextOf } from './normalize.js';

describe('search normal form', () => {
  it('folds case, umlauts, ß and gender marks', () => {
    expect(normalizeForSearch('Geflüchtete Akteur:innen GRÜSSE Straße')).toBe('gefluchtete akteurinnen grusse strasse');
  });
  it('keeps hyphenated compounds findable written together', () => {
    expect(searchTextOf('Sprach-Treffen der Helferkreise')).toContain('sprachtreffen');
    expect(searchTextOf('Sprach-Treffen der Helferkreise')).toContain('sprach treffen');
  });
  it('splits a query into distinct words', () => {
    expect(queryWords('  Sprachkurs, sprachkurs; VHS ')).toEqual(['sprachkurs', 'vhs']);
  });
  it('measures typos with transpositions and stops early', () => {
    expect(editDistance('sprahkurs', 'sprachkurs', 2)).toBe(1);
    expect(editDistance('jobcetner', 'jobcenter', 2)).toBe(1);
    expect(editDistance('abc', 'xyzxyz', 1)).toBe(2);
    expect(allowedTypos('vhs')).toBe(0);
    expect(allowedTypos('sprachkurs')).toBe(2);
  });
});
