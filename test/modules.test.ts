// The module list: every module has a manifest with a name of its own, its strings in every language, its
// navigation in order, and the app it makes answers; the locales of all modules together stay complete.
import { describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules.js';
import { platformLocales, translator } from '../src/platform/i18n/i18n.js';
import { createTestEnv } from './support.js';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

const { de: platformDe, en: platformEn } = platformLocales;

describe('modules', () => {
  it('each has a unique name', () => {
    const names = MODULES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['accounts', 'municipalities', 'plan', 'importer', 'exports', 'rounds', 'monitoring', 'editions', 'questionnaires', 'participation', 'groups', 'easy', 'accessibility', 'ideas', 'translations', 'follow', 'offers', 'opendata', 'sso', 'demo']);
  });

  it('every module locale has the same keys in English as in German, and no empty string', () => {
    for (const m of MODULES) {
      if (!m.locales) continue;
      expect(keys(m.locales.en).sort(), m.name).toEqual(keys(m.locales.de).sort());
      for (const [lang, locale] of Object.entries(m.locales)) {
        const empty = keys(locale).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], locale) === '');
        expect(empty, `${m.name} ${lang}`).toEqual([]);
      }
    }
  });

  it('module strings add to the platform strings and never replace one', () => {
    const platform = new Set(keys(platformDe));
    for (const m of MODULES) {
      if (!m.locales) continue;
      expect(keys(m.locales.de).filter((k) => platform.has(k)), m.name).toEqual([]);
    }
    expect(keys(platformEn).sort()).toEqual(keys(platformDe).sort());
  });

  it('the composed app translates module strings and keeps the platform strings of a deeply merged group', async () => {
    const env = await createTestEnv('sqlite');
    try {
      expect(translator('de')('roles.actor_rep')).toBe('Vertretung eines Akteurs');
      expect(translator('de')('roles.admin')).toBe((platformDe.roles as Record<string, string>).admin);
      expect(translator('en')('rounds.title')).not.toBe('rounds.title');
    } finally {
      await env.close();
    }
  });

  it('navigation entries are ordered and each names a translated label', () => {
    const nav = MODULES.flatMap((m) => m.nav ?? []);
    const orders = nav.map((n) => `${n.area}:${n.order}`);
    expect(new Set(orders).size).toBe(orders.length);
    for (const n of nav) expect(translator('de')(n.label), n.label).not.toBe(n.label);
  });
});
