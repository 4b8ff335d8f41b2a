// Every user-visible string goes through i18next. German is the source language; English, Turkish, Arabic,
// Ukrainian and Russian sit beside it. A key a language lacks falls back to German.
// The strings live in JSON files, one per namespace and language, for translators: the platform's in
// src/platform/i18n/locales/<lang>.json, each module's in src/modules/<m>/locales/<lang>.json (loadLocales).
// The platform brings its own strings; each module adds its own under its own top-level keys when the app is
// composed (registerLocales), merged deeply so that a module may add entries to a shared group (roles …).
import fs from 'node:fs';
import i18next, { type TFunction } from 'i18next';

/** The interface languages, in the order the language switch lists them. */
export const LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type T = TFunction;

/** Each language in its own name, as the language switch shows it (never translated). */
export const LANGUAGE_NAMES: Record<Lang, string> = {
  de: 'Deutsch',
  en: 'English',
  tr: 'Türkçe',
  ar: 'العربية',
  uk: 'Українська',
  ru: 'Русский',
};

/** The writing direction of a language: Arabic runs right to left. */
export function dirOf(lang: Lang): 'ltr' | 'rtl' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}
/** The strings of one language: nested objects of strings. */
export type Locale = Record<string, unknown>;

/**
 * The strings of one namespace: `<lang>.json` of every language from a directory, read synchronously (at import
 * time, so that a manifest can carry them). A language without its file gets {} and so falls back to German.
 */
export function loadLocales(dirUrl: URL): Record<Lang, Locale> {
  const dir = dirUrl.href.endsWith('/') ? dirUrl : new URL(`${dirUrl.href}/`);
  return Object.fromEntries(
    LANGUAGES.map((lang) => {
      const file = new URL(`${lang}.json`, dir);
      return [lang, fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Locale) : {}];
    }),
  ) as Record<Lang, Locale>;
}

/** The platform's own strings (src/platform/i18n/locales/<lang>.json). */
export const platformLocales: Record<Lang, Locale> = loadLocales(new URL('./locales/', import.meta.url));

const instance = i18next.createInstance();
void instance.init({
  lng: 'de',
  fallbackLng: 'de',
  supportedLngs: [...LANGUAGES],
  // Copies: modules' strings are merged into these, never into the platform's own objects.
  resources: Object.fromEntries(LANGUAGES.map((lang) => [lang, { translation: structuredClone(platformLocales[lang]) }])),
  interpolation: { escapeValue: false },
  // Plural forms by Intl.PluralRules with the JSON v4 suffixes: `_one`/`_other` in German and English and Turkish,
  // `_one`/`_few`/`_many`/`_other` in Ukrainian and Russian, and also `_zero`/`_two` in Arabic. (Both are
  // i18next's defaults since v21; stated here so that an upgrade cannot silently change them.)
  compatibilityJSON: 'v4',
  pluralSeparator: '_',
  initAsync: false,
  showSupportNotice: false,
});

/** Adds a module's strings (deep merge; registering the same strings twice changes nothing). */
export function registerLocales(locales: Record<Lang, Locale>): void {
  for (const lang of LANGUAGES) instance.addResourceBundle(lang, 'translation', locales[lang], true, true);
  translators.clear();
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const translators = new Map<Lang, T>();

/**
 * The strings of one language. A key asked for without values is looked up once and remembered (a page asks
 * for a few hundred; i18next's resolution costs microseconds each); with values, i18next answers every time.
 */
export function translator(lang: Lang): T {
  let t = translators.get(lang);
  if (!t) {
    const fixed = instance.getFixedT(lang);
    const plain = new Map<string, string>();
    t = ((key: unknown, ...rest: unknown[]) => {
      if (rest.length > 0 || typeof key !== 'string') return (fixed as unknown as (...args: unknown[]) => unknown)(key, ...rest);
      let text = plain.get(key);
      if (text === undefined) plain.set(key, (text = fixed(key)));
      return text;
    }) as unknown as T;
    translators.set(lang, t);
  }
  return t;
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

/**
 * A validation message in the reader's language. A message key may carry values after a bar
 * ("errors.tooLongMax|max=300"), so that the message can state the limit.
 */
export function errorText(t: T, message: string): string {
  const bar = message.indexOf('|');
  if (bar < 0) return t(message);
  const values: Record<string, string | number> = Object.fromEntries(new URLSearchParams(message.slice(bar + 1)));
  // A count picks the plural form ("1 Antwort", "12 Antworten"); i18next does so only for a number.
  if (typeof values.count === 'string' && /^\d+$/.test(values.count)) values.count = Number(values.count);
  return t(message.slice(0, bar), values);
}

function deepMerge(into: Locale, from: Locale): Locale {
  const out: Locale = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const prev = out[key];
    out[key] =
      prev && typeof prev === 'object' && value && typeof value === 'object' ? deepMerge(prev as Locale, value as Locale) : value;
  }
  return out;
}

/** One module's strings from several files (each under the module's own keys), merged deeply. */
export function mergeLocales(...parts: Array<Record<Lang, Locale>>): Record<Lang, Locale> {
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, parts.reduce<Locale>((acc, p) => deepMerge(acc, p[lang]), {})])) as Record<Lang, Locale>;
}
