// Moves strings from TypeScript locale files into the JSON files translators work with (issue 12), one file per
// namespace and language:
//   src/platform/i18n/locales/<lang>.ts (exporting `<lang>`)   -> src/platform/i18n/locales/<lang>.json
//   src/modules/<m>/**/*.locale.ts ({ de: {...}, en: {...} })    -> src/modules/<m>/locales/<lang>.json
//   any other src/**/*.locale.ts (the shell's cli.locale.ts)     -> <its directory>/locales/<lang>.json
// Re-runnable: strings already in the JSON stay, a .ts file's strings are merged in deeply (the .ts wins for the
// keys it has), and the .ts file is deleted afterwards. Keys keep their order: the JSON's first, new ones after.
//
//   npx tsx scripts/locales-to-json.ts           convert and delete the .ts files
//   npx tsx scripts/locales-to-json.ts --keep    convert, keep the .ts files (to compare)
//
// After a run, an index.ts that still imports a deleted `*.locale.js` is listed: it should take its strings
// with `loadLocales(new URL('./locales/', import.meta.url))` from src/platform/i18n/i18n.ts instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Tree = Record<string, unknown>;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const PLATFORM_DIR = path.join(SRC, 'platform', 'i18n', 'locales');
const LANG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
const keep = process.argv.includes('--keep');

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `from` merged into `into`: objects deeply, anything else replaced by `from`. Reports a string replaced by another. */
function deepMerge(into: Tree, from: Tree, conflicts: string[], prefix = ''): Tree {
  const out: Tree = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const prev = out[key];
    if (isTree(prev) && isTree(value)) out[key] = deepMerge(prev, value, conflicts, `${prefix}${key}.`);
    else {
      if (prev !== undefined && prev !== value) conflicts.push(`${prefix}${key}`);
      out[key] = value;
    }
  }
  return out;
}

function readJson(file: string): Tree {
  if (!fs.existsSync(file)) return {};
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isTree(parsed)) throw new Error(`${file}: not a JSON object`);
  return parsed;
}

function writeJson(file: string, tree: Tree): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(tree, null, 2)}\n`, 'utf8');
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(full);
    return [full];
  });
}

/** The strings per language a locale file exports: every export shaped { <lang>: {...}, … }. */
async function stringsOf(file: string): Promise<Record<string, Tree[]>> {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const out: Record<string, Tree[]> = {};
  for (const value of Object.values(mod)) {
    if (!isTree(value)) continue;
    const entries = Object.entries(value);
    if (entries.length === 0 || !entries.every(([k, v]) => LANG.test(k) && isTree(v))) continue;
    for (const [lang, tree] of entries) (out[lang] ??= []).push(tree as Tree);
  }
  return out;
}

/** Merges the given locale files into `outDir/<lang>.json`; returns how many keys each language file has. */
async function convert(label: string, outDir: string, files: string[], platform: boolean): Promise<void> {
  const incoming: Record<string, Tree[]> = {};
  for (const file of files) {
    if (platform) {
      // src/platform/i18n/locales/de.ts exports `de`.
      const lang = path.basename(file, '.ts');
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const tree = mod[lang] ?? mod.default;
      if (!isTree(tree)) throw new Error(`${file}: no export named ${lang}`);
      (incoming[lang] ??= []).push(tree);
    } else {
      const found = await stringsOf(file);
      if (Object.keys(found).length === 0) throw new Error(`${file}: no export shaped { de: {...}, en: {...} }`);
      for (const [lang, trees] of Object.entries(found)) (incoming[lang] ??= []).push(...trees);
    }
  }
  const existing = fs.existsSync(outDir) ? fs.readdirSync(outDir).filter((f) => /\.json$/.test(f)).map((f) => f.slice(0, -5)) : [];
  const langs = [...new Set([...existing, ...Object.keys(incoming)])].filter((l) => LANG.test(l));
  for (const lang of langs) {
    const file = path.join(outDir, `${lang}.json`);
    const conflicts: string[] = [];
    // Between the .ts files themselves a repeated key is a mistake worth seeing; the .ts over the JSON is the point.
    const fromTs = (incoming[lang] ?? []).reduce<Tree>((acc, t) => deepMerge(acc, t, conflicts), {});
    if (conflicts.length) console.warn(`  ! ${label} ${lang}: set in two .ts files, the later wins: ${conflicts.join(', ')}`);
    const merged = deepMerge(readJson(file), fromTs, []);
    writeJson(file, merged);
    console.log(`  ${path.relative(ROOT, file)}: ${countKeys(merged)} keys`);
  }
  if (!keep) for (const file of files) fs.rmSync(file);
}

function countKeys(tree: Tree): number {
  return Object.values(tree).reduce<number>((n, v) => n + (isTree(v) ? countKeys(v) : 1), 0);
}

/** Module files first by the module's own name (plan.locale.ts before others), then alphabetically. */
function order(nsDir: string, files: string[]): string[] {
  const own = `${path.basename(nsDir)}.locale.ts`;
  return [...files].sort((a, b) => Number(path.basename(b) === own) - Number(path.basename(a) === own) || a.localeCompare(b));
}

async function main(): Promise<void> {
  const deleted: string[] = [];

  // The platform: locales/<lang>.ts.
  const platformTs = fs.existsSync(PLATFORM_DIR) ? fs.readdirSync(PLATFORM_DIR).filter((f) => /^[a-z]{2,3}\.ts$/.test(f)).sort() : [];
  // German first: en.ts may import de.ts's type only, but the order keeps the log readable.
  platformTs.sort((a, b) => Number(b === 'de.ts') - Number(a === 'de.ts'));
  if (platformTs.length) {
    console.log('platform');
    const files = platformTs.map((f) => path.join(PLATFORM_DIR, f));
    await convert('platform', PLATFORM_DIR, files, true);
    deleted.push(...files);
  }

  // Modules (one namespace each) and any other *.locale.ts (a namespace per directory).
  const groups = new Map<string, string[]>();
  for (const file of walk(SRC).filter((f) => f.endsWith('.locale.ts'))) {
    const rel = path.relative(SRC, file).split(path.sep);
    const nsDir = rel[0] === 'modules' && rel.length > 2 ? path.join(SRC, 'modules', rel[1]) : path.dirname(file);
    groups.set(nsDir, [...(groups.get(nsDir) ?? []), file]);
  }
  for (const [nsDir, files] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const label = path.relative(SRC, nsDir) || 'src';
    console.log(`${label}: ${files.map((f) => path.relative(nsDir, f)).join(', ')}`);
    await convert(label, path.join(nsDir, 'locales'), order(nsDir, files), false);
    deleted.push(...files);
  }
  if (deleted.length === 0) console.log('No *.locale.ts or platform <lang>.ts left: nothing to convert.');

  if (keep || deleted.length === 0) return;
  // Who still imports a deleted file?
  const names = deleted.map((f) => path.basename(f, '.ts'));
  const sources = [...walk(SRC), ...(fs.existsSync(path.join(ROOT, 'test')) ? walk(path.join(ROOT, 'test')) : [])].filter((f) => /\.(ts|tsx)$/.test(f));
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    const hits = names.filter((n) => new RegExp(`/${n.replace('.', '\\.')}\\.js['"]`).test(text));
    if (hits.length) console.warn(`  ! ${path.relative(ROOT, file)} still imports ${hits.map((n) => `${n}.js`).join(', ')}: use loadLocales`);
  }
}

await main();
