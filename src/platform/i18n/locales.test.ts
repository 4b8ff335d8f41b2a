// The translators' files: every namespace's <lang>.json parses, holds only strings, and every language has
// exactly the keys of German, no more, with the same {{interpolation}} names. A German plural (`x_one`,
// `x_other`) asks for the plural forms of the other language (Intl.PluralRules: Russian _one/_few/_many/_other,
// Arabic also _zero/_two); `x_zero` is always allowed (i18next uses it for a count of 0). Where German writes the
// singular as the bare key (`x` beside `x_other`), the language needs `x` too and may leave out `x_one`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './i18n.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

/** Every directory with translators' files: the platform's, the shell's and each module's `locales/`. */
function namespaces(): string[] {
  const dirs = [path.join(SRC, 'platform/i18n/locales'), path.join(SRC, 'locales')];
  for (const m of fs.readdirSync(path.join(SRC, 'modules'))) dirs.push(path.join(SRC, 'modules', m, 'locales'));
  return dirs.filter((d) => fs.existsSync(path.join(d, 'de.json')));
}

function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  // A list (a question's options, read with returnObjects) counts item by item: `options.0`, `options.1` …
  if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  } else out.set(prefix.slice(0, -1), tree);
  return out;
}

function names(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*-?\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]))].sort();
}

/** German's keys as a language needs them: German plural groups expanded to the language's plural categories. */
function expectedKeys(german: Map<string, unknown>, lang: string): { required: Map<string, string[]>; optional: Set<string>; plural: Set<string> } {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const groups = new Map<string, string[]>(); // plural base -> interpolation names over all German forms
  for (const key of german.keys()) {
    const m = PLURAL.exec(key);
    if (m && german.has(`${m[1]}_other`)) groups.set(m[1], [...new Set([...(groups.get(m[1]) ?? []), ...names(String(german.get(key)))])].sort());
  }
  // The bare key as singular: required as it is, and it stands in for `_one`.
  for (const [base, vars] of groups) if (german.has(base)) groups.set(base, [...new Set([...vars, ...names(String(german.get(base)))])].sort());
  const required = new Map<string, string[]>();
  const optional = new Set<string>();
  const plural = new Set<string>();
  for (const [key, value] of german) {
    const m = PLURAL.exec(key);
    if (m && groups.has(m[1])) continue;
    required.set(key, names(String(value)));
  }
  for (const [base, vars] of groups) {
    const bare = german.has(base);
    for (const c of categories) {
      if (bare && c === 'one') optional.add(`${base}_${c}`);
      else required.set(`${base}_${c}`, vars);
    }
    if (!categories.includes('zero')) optional.add(`${base}_zero`);
    for (const c of [...categories, 'zero']) plural.add(`${base}_${c}`);
  }
  return { required, optional, plural };
}

describe('translation files', () => {
  const dirs = namespaces();

  it('are found for the platform, the shell and the modules', () => {
    expect(dirs.length).toBeGreaterThan(10);
    for (const lang of LANGUAGES) for (const dir of dirs) expect(fs.existsSync(path.join(dir, `${lang}.json`)), `${dir} ${lang}`).toBe(true);
  });

  it('every file parses and holds only strings', () => {
    for (const dir of dirs) {
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const where = path.relative(SRC, path.join(dir, file));
        let tree: unknown;
        expect(() => (tree = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))), where).not.toThrow();
        const notString = [...flatten(tree)].filter(([, v]) => typeof v !== 'string').map(([k]) => k);
        expect(notString, where).toEqual([]);
      }
    }
  });

  it('every language has exactly the keys of German (plural forms by language) and the same {{names}}', () => {
    for (const dir of dirs) {
      const german = flatten(JSON.parse(fs.readFileSync(path.join(dir, 'de.json'), 'utf8')));
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'de.json')) {
        const lang = file.slice(0, -5);
        const where = `${path.relative(SRC, dir)} ${lang}`;
        const strings = flatten(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
        const { required, optional, plural } = expectedKeys(german, lang);
        expect([...required.keys()].filter((k) => !strings.has(k)), `${where}: missing`).toEqual([]);
        expect([...strings.keys()].filter((k) => !required.has(k) && !optional.has(k)), `${where}: not in German`).toEqual([]);
        const mismatched = [...required]
          .filter(([k]) => strings.has(k))
          .filter(([k, vars]) => {
            const got = names(String(strings.get(k)));
            // A plural form may leave out the count ("One answer") but add no name German lacks.
            return plural.has(k) ? got.some((n) => !vars.includes(n)) : got.join() !== vars.join();
          })
          .map(([k, vars]) => `${k}: ${names(String(strings.get(k))).join(',')} ≠ ${vars.join(',')}`);
        expect(mismatched, `${where}: {{names}}`).toEqual([]);
      }
    }
  });

  it('expands a German plural to the forms of the target language', () => {
    const german = new Map<string, unknown>([
      ['x_one', '{{count}} Antwort'],
      ['x_other', '{{count}} Antworten'],
      ['y', 'Hallo {{name}}'],
    ]);
    expect([...expectedKeys(german, 'ru').required.keys()].sort()).toEqual(['x_few', 'x_many', 'x_one', 'x_other', 'y']);
    expect([...expectedKeys(german, 'en').required.keys()].sort()).toEqual(['x_one', 'x_other', 'y']);
    expect(expectedKeys(german, 'tr').required.get('y')).toEqual(['name']);
    const bare = new Map<string, unknown>([
      ['z', 'Plan archivieren'],
      ['z_other', 'Pläne archivieren'],
    ]);
    expect([...expectedKeys(bare, 'uk').required.keys()].sort()).toEqual(['z', 'z_few', 'z_many', 'z_other']);
  });
});
