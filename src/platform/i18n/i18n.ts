// Every user-visible string goes through i18next. German is the source language; English sits beside it.
import i18next, { type TFunction } from 'i18next';
import { locales } from './locales/index.js';

export const LANGUAGES = ['de', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type T = TFunction;

const instance = i18next.createInstance();
void instance.init({
  lng: 'de',
  fallbackLng: 'de',
  supportedLngs: [...LANGUAGES],
  resources: { de: { translation: locales.de }, en: { translation: locales.en } },
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function translator(lang: Lang): T {
  return instance.getFixedT(lang);
}

/** Picks the language: an explicit choice (query or cookie) first, then the browser's wish, then German. */
export function negotiateLang(explicit: string | undefined, acceptLanguage: string | undefined): Lang {
  if (isLang(explicit)) return explicit;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const code = part.split(';')[0].trim().slice(0, 2).toLowerCase();
    if (isLang(code)) return code;
  }
  return 'de';
}
