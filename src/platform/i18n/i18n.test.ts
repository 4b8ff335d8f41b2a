import { describe, expect, it } from 'vitest';
import { dirOf, LANGUAGE_NAMES, LANGUAGES, negotiateLang, platformLocales, registerLocales, translator } from './i18n.js';

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
    expect(negotiateLang('xx', 'tr')).toBe('tr');
    expect(negotiateLang('xx', 'fr')).toBe('de');
  });
  it('knows six languages, each with its own name and direction', () => {
    expect([...LANGUAGES]).toEqual(['de', 'en', 'tr', 'ar', 'uk', 'ru']);
    expect(negotiateLang('ar', 'de-DE')).toBe('ar');
    expect(negotiateLang(undefined, 'uk-UA,uk;q=0.9,en;q=0.5')).toBe('uk');
    expect(negotiateLang(undefined, 'ru-RU')).toBe('ru');
    expect(negotiateLang(undefined, 'tr-TR')).toBe('tr');
    expect(LANGUAGE_NAMES.ar).toBe('العربية');
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('ru')).toBe('ltr');
  });
  it('uses the plural forms of each language (_zero, _two, _few, _many) and falls back to German', () => {
    const forms = (words: Record<string, string>) => ({ pluralTest: words });
    registerLocales({
      de: forms({ n_one: '{{count}} Antwort', n_other: '{{count}} Antworten' }),
      en: forms({ n_one: '{{count}} answer', n_other: '{{count}} answers' }),
      tr: {},
      ar: forms({ n_zero: 'zero {{count}}', n_one: 'one {{count}}', n_two: 'two {{count}}', n_few: 'few {{count}}', n_many: 'many {{count}}', n_other: 'other {{count}}' }),
      uk: {},
      ru: forms({ n_one: '{{count}} ответ', n_few: '{{count}} ответа', n_many: '{{count}} ответов', n_other: '{{count}} ответа' }),
    });
    const ru = translator('ru');
    expect([1, 3, 5, 21, 1.5].map((count) => ru('pluralTest.n', { count }))).toEqual(['1 ответ', '3 ответа', '5 ответов', '21 ответ', '1.5 ответа']);
    const ar = translator('ar');
    expect([0, 1, 2, 3, 11, 100].map((count) => ar('pluralTest.n', { count }))).toEqual(['zero 0', 'one 1', 'two 2', 'few 3', 'many 11', 'other 100']);
    // Ukrainian lacks the key: German's forms, picked by German's rule.
    expect(translator('uk')('pluralTest.n', { count: 3 })).toBe('3 Antworten');
    expect(translator('tr')('pluralTest.n', { count: 1 })).toBe('1 Antwort');
  });
});
