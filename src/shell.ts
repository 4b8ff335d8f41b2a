// The shell's strings and language: the `teilhabe` commands and the server's start-up lines, German first, in
// src/locales/<lang>.json (namespace `cli`). Registered by cli.ts and main.ts; the language is `--lang` (CLI
// only), else LANG, else German.
import { isLang, loadLocales, type Lang, type T } from './platform/i18n/i18n.js';

export const cliLocale = loadLocales(new URL('./locales/', import.meta.url));

/** The language of the command line: an explicit choice, else LANG ("en_GB.UTF-8" is English), else German. */
export function shellLang(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (isLang(explicit)) return explicit;
  return /^en(?![a-z])/i.test(env.LANG ?? '') ? 'en' : 'de';
}

/** What the server says after it started: the demo's sign-in, how to begin on an empty instance, or where to
 *  reset a forgotten password (the demo admin's address only when that account exists). */
export function startLines(
  t: T,
  s: { url: string; demo: { email: string; password: string | null } | null; municipalities: number; demoAdminEmail: string | null },
): string[] {
  if (s.demo) {
    const lines = [t('cli.start.demo', { url: `${s.url}/musterstadt` }), t('cli.start.signIn', { url: `${s.url}/anmelden`, email: s.demo.email })];
    if (s.demo.password) lines.push(t('cli.start.password', { password: s.demo.password }));
    return lines;
  }
  if (s.municipalities === 0) return [t('cli.start.empty'), t('cli.start.firstMunicipality'), t('cli.start.firstInstanceAdmin'), t('cli.start.demoHint')];
  return [s.demoAdminEmail ? t('cli.start.forgot', { email: s.demoAdminEmail }) : t('cli.start.forgotAny')];
}
