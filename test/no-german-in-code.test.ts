// No user-visible German in code: every word a reader sees comes from the translators' files
// (src/**/locales/<lang>.json), so that all six languages can carry it. This scans the source (not tests, not
// the locale files, not migrations or the demo's seed data, not comments) for JSX text and string literals that
// read as German (an umlaut or ß, or a German function word in a phrase). What may stay is listed below with its
// reason: stored content (German like all content), the importer's readers of German catalogues, proper names.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

/** Files that hold German on purpose, with why. */
const ALLOWED_FILES: Array<[RegExp, string]> = [
  [/\.test\.tsx?$/, 'tests'],
  [/\/locales\//, 'the translators’ files'],
  [/\/db\/migrations\//, 'migrations: stored content'],
  [/\/demo\//, 'the demo municipality’s seed data: content'],
  [/demo[^/]*\.ts$/, 'the demo municipality’s seed data: content'],
  [/\/modules\/importer\//, 'reads German catalogues: the words it looks for'],
  [/\/modules\/plan\/status\.ts$/, 'reads German status labels of imported catalogues'],
  [/\/modules\/plan\/wordings?[^/]*\.ts$/, 'default wordings: stored content a municipality edits'],
  [/\.fixtures?\.ts$/, 'sample content for the demo and the tests'],
  [/\/modules\/exports\/(table\.columns|actors\.format|xlsx\.export)\.ts$/, 'CSV/XLSX columns and marks stay German: the update import reads them back'],
  [/\/platform\/config\.ts$/, 'the operator’s start-up messages in the log, before any request has a language'],
  [/\/modules\/easy\/checker\.ts$/, 'the Leichte Sprache checker: the German words and forms it looks for'],
];

/** Literals that may stay: proper names and stored-content defaults. */
const ALLOWED_TEXT: RegExp[] = [
  /^Teilhabe/,
  /Kommandozeile/, // the audit log's name for the CLI: stored content
  /^Anmeldung \(öffentlich\)$/, // the audit log's name for the public registration form: stored content
  /^Ziel noch nicht benannt$/, // the goal an imported catalogue without goals gets: stored content
  /^Teilhabe: Austauschformat|^Ein Maßnahmenkatalog mit/, // the exchange format's published JSON Schema (German docs)
  /^SMTP ist nicht eingerichtet/, // an operator's log message
  /^(Deutsch|English|Türkçe|العربية|Українська|Русский)$/, // each language in its own name
  /^(Leichte Sprache|Gebärdensprache)$/, // Leichte Sprache and German Sign Language in their own names (layout)
];

const GERMAN = /[äöüÄÖÜß]|\b(und|oder|der|die|das|nicht|mit|für|Sie|ist|eine?|den|dem|des|wird|werden|bitte|keine?)\b/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return files(p);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [p] : [];
  });
}

function isIgnoredContext(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
  // Object keys, and t('key') / errors like 'errors.required' are keys, not words.
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  // Patterns that read German input (RegExp sources) are not shown.
  if (ts.isNewExpression(parent) && parent.expression.getText() === 'RegExp') return true;
  return false;
}

/** The German a reader could see in one file: [line, text]. */
function germanIn(file: string): Array<[number, string]> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const hits: Array<[number, string]> = [];
  const visit = (node: ts.Node) => {
    let text: string | null = null;
    if (ts.isJsxText(node)) text = node.text.trim();
    else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = isIgnoredContext(node) ? null : node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    if (text && /[A-Za-zÄÖÜäöüß]{2}/.test(text) && GERMAN.test(text) && !ALLOWED_TEXT.some((a) => a.test(text))) {
      // A phrase with an umlaut, or a sentence of words: not a key, a path or an identifier.
      if (/\s/.test(text) || /[äöüÄÖÜß]/.test(text)) hits.push([source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text.slice(0, 80)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return hits;
}

describe('no German in code', () => {
  it('every user-visible string comes from the locale files', () => {
    const found: string[] = [];
    for (const file of files(SRC)) {
      const rel = path.relative(SRC, file);
      if (ALLOWED_FILES.some(([re]) => re.test(`/${rel}`))) continue;
      for (const [line, text] of germanIn(file)) found.push(`${rel}:${line} ${text}`);
    }
    expect(found).toEqual([]);
  });

  it('finds German in JSX text and string literals, not in comments or keys', () => {
    const file = path.join(import.meta.dirname, '..', 'node_modules', '.no-german-probe.tsx');
    fs.writeFileSync(file, "// Straße und Weg\nconst a = <p>Bitte wählen</p>;\nconst b = { 'für': t('x.y') };\nconst c = 'Plan archivieren und schließen';\n");
    try {
      expect(germanIn(file).map(([line]) => line)).toEqual([2, 4]);
    } finally {
      fs.rmSync(file);
    }
  });
});
