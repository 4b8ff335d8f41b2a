import { describe, expect, it } from 'vitest';
import { negotiateLang, platformLocales, translator } from './i18n.js';

const { de, en } = platformLocales;

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('i18n', () => {
  it('the platform: every locale has the same keys as German', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });
  it('no string is empty', () => {
    for (const [name, locale] of Object.entries({ de, en })) {
      const empty = keys(locale).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], locale) === '');
      expect(empty, name).toEqual([]);
    }
  });
  it('pluralises and interpolates', () => {
    expect(translator('de')('search.resultCount', { count: 1 })).toBe('1 Ergebnis');
    expect(translator('de')('search.resultCount', { count: 4 })).toBe('4 Ergebnisse');
    expect(translator('en')('measure.numbered', { number: 7 })).toBe('Measure 7');
  });
  it('picks the language: explicit choice, then the browser, then German', () => {
    expect(negotiateLang('en', 'de-DE')).toBe('en');
    expect(negotiateLang(undefined, 'fr-FR,en;q=0.8')).toBe('en');
    expect(negotiateLang('xx', 'tr')).toBe('de');
  });
});
