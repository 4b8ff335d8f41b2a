// The Leichte Sprache checker: the rules a program can check in a German text written one sentence per line.
// It helps the writer and never replaces the test readers. Pure: text and thresholds in, hints out; the
// explanations are i18n keys (easy.rules.<rule>.explain), so the writer reads them in their interface language.
import type { EasyReadBlock } from '../exports/index.js';

export const EASY_RULES = [
  'sentenceLength',
  'subordinate',
  'multipleSentences',
  'passive',
  'subjunctive',
  'genitive',
  'negation',
  'abbreviation',
  'softHyphen',
  'longWord',
  'hyphenCase',
  'foreignWord',
  'specialCharacter',
  'numberWord',
  'largeNumber',
  'date',
  'time',
  'pastTense',
  'question',
] as const;
export type EasyRule = (typeof EASY_RULES)[number];

export interface CheckOptions {
  /** A sentence with more words than this gets a hint (10 by default). */
  maxWords: number;
  /** A word with more letters than this and without a hyphen or mid-dot gets a hint (15 by default). */
  maxWordLength: number;
  /** Words the municipality has explained (its glossary): they are no longer foreign or technical words. */
  glossary: readonly string[];
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = { maxWords: 10, maxWordLength: 15, glossary: [] };

export interface Hint {
  rule: EasyRule;
  /** 1-based line of the text */
  line: number;
  /** the sentence (or heading) the hint is about */
  sentence: string;
  /** where in the sentence: [start, end) in characters */
  start: number;
  end: number;
  /** what was found (the span's text) */
  found: string;
  /** what the rule compares against (the sentence's word count, the word's length), where it has one */
  count?: number;
}

export interface CheckResult {
  hints: Hint[];
  /** hints per rule, only rules with at least one */
  summary: Partial<Record<EasyRule, number>>;
  sentences: number;
}

interface Sentence {
  line: number;
  text: string;
  /** a heading line ("## …"): checked for words, not as a sentence */
  heading: boolean;
}

// Abbreviations that end in a dot do not end a sentence; they are masked while splitting.
const ABBREVIATIONS = [/\bz\.\s?B\./g, /\bd\.\s?h\./g, /\bu\.\s?a\./g, /\bbzw\./g, /\busw\./g, /\bggf\./g, /\bca\./g, /\betc\./g, /\bevtl\./g, /\bu\.\s?U\./g, /\bv\.\s?a\./g, /\bs\.\s?o\./g, /\bs\.\s?u\./g, /\binsb\./g, /\bsog\./g, /\bNr\./g, /\bStr\./g, /\bdt\./g];
const ABBREVIATION = /\b(?:z\.\s?B\.|d\.\s?h\.|u\.\s?a\.|bzw\.|usw\.|ggf\.|ca\.|etc\.|evtl\.|u\.\s?U\.|v\.\s?a\.|s\.\s?o\.|s\.\s?u\.|insb\.|sog\.|Nr\.|Str\.|dt\.)/g;

const WORD = /[\p{L}\p{N}]+(?:[-·‐][\p{L}\p{N}]+)*/gu;

const SUBORDINATORS = ['dass', 'weil', 'wenn', 'obwohl', 'damit', 'ob', 'nachdem', 'während', 'falls', 'sodass', 'bevor', 'indem', 'sofern', 'solange', 'sobald'];
// A relative clause: a comma, then a relative pronoun and a small word (", die im Rathaus arbeiten"); with a
// capital word after it, it is an article in a list (", die Volks·hoch·schule und Vereine").
const RELATIVE = /,\s+(?:der|die|das|dem|den|deren|dessen|denen|welche|welcher|welches|welchem|welchen|wo|was)\b(?=\s+\p{Ll})/gu;

const WERDEN = new Set(['werde', 'wirst', 'wird', 'werden', 'werdet', 'wurde', 'wurden', 'wurdest', 'wurdet', 'worden', 'würde', 'würden']);
// Infinitives that look like participles (ge…en): "Wir werden helfen und geben" is future, not passive.
const GE_INFINITIVES = new Set(['geben', 'gehen', 'gelten', 'gewinnen', 'genießen', 'gehören', 'gefallen', 'gelingen', 'geschehen', 'gewöhnen', 'gestalten', 'gebrauchen', 'gedenken', 'genehmigen', 'gestehen', 'gewähren', 'gestatten', 'gewährleisten', 'gerne', 'gegen', 'gestern', 'genau', 'genug', 'gemeinsam', 'gesetzt']);

const SUBJUNCTIVE = /\b(?:hätte|hättest|hätten|hättet|könnte|könntest|könnten|könntet|würde|würdest|würden|würdet|wäre|wärst|wärest|wären|wärt|müsste|müsstest|müssten|müsstet|sollte|solltest|sollten|solltet|dürfte|dürften)\b/giu;

// Genitive, conservatively: "des" or "eines" before a noun ending in -s/-es ("des Landes", "eines neuen Plans").
const GENITIVE = /\b(?:des|eines|meines|deines|seines|ihres|unseres|eures)\s+(?:[a-zäöüß]+e[nrs]?\s+)?[A-ZÄÖÜ][\p{L}]*?e?s\b/gu;

const NEGATION = /\b(?:nicht|nichts|nie|niemals|niemand|niemanden|niemandem|kein|keine|keiner|keinen|keinem|keines|nirgends|nirgendwo)\b/giu;

// Foreign and technical words a writer of plan texts often uses; a word in the municipality's glossary is explained.
export const BUILT_IN_FOREIGN_WORDS = [
  'Integration', 'Integrationskonzept', 'Integrationsplan', 'Partizipation', 'Teilhabe', 'Monitoring', 'Controlling', 'Evaluation', 'Workshop',
  'Kick-off', 'Kickoff', 'Migration', 'Migrationshintergrund', 'Ressourcen', 'Ressource', 'Kommune', 'kommunal', 'Indikator', 'Indikatoren',
  'Maßnahme', 'Maßnahmen', 'Handlungsfeld', 'Handlungsfelder', 'Akteur', 'Akteure', 'Netzwerk', 'Koordination', 'Kooperation', 'Implementierung',
  'Gremium', 'Gremien', 'Barrierefreiheit', 'barrierefrei', 'Partizipationsprozess', 'Fortschreibung', 'Sozialraum', 'interkulturell', 'Diversität',
  'Antidiskriminierung', 'Feedback', 'Online', 'online', 'Newsletter', 'Flyer', 'Website', 'Homepage', 'Link', 'Download', 'Team', 'Coaching',
  'Mentoring', 'Jobcenter', 'Steuerungsgruppe', 'Spurgruppe', 'Prozess', 'Projekt', 'Konzept', 'Strategie', 'Qualifizierung', 'Sachstand', 'Status',
];

const SPECIAL = /[%§&/;"„“”‚‘’«»()[\]{}]/gu;

const NUMBER_WORDS = /\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|Hundert|Tausend|Million|Millionen|Milliarde|Milliarden)\b/gu;
// Five digits or more without separators ("10000" rather than "10.000").
const LARGE_NUMBER = /(?<![\d.,])\d{5,}(?![\d.,]\d)/gu;
// Dates in digits ("01.03.2020", "1.3.20", "2020-03-01").
const DATE = /\b(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?(?!\d)|\d{4}-\d{2}-\d{2})/gu;
// Times with a leading zero ("09:00", "08.30 Uhr", "07 Uhr").
const TIME = /\b0\d(?:[:.]\d{2})?(?=\s?Uhr\b)|\b0\d:\d{2}/gu;

// Simple past of common verbs: Leichte Sprache tells what happened in the perfect ("ist gewesen", "hat gemacht").
const PAST_TENSE = /\b(?:war|warst|waren|wart|hatte|hattest|hatten|hattet|ging|gingen|kam|kamen|sagte|sagten|machte|machten|gab|gaben|fand|fanden|sah|sahen|stand|standen|nahm|nahmen|wollte|wollten|konnte|konnten|musste|mussten|durfte|durften|lief|liefen|blieb|blieben|zeigte|zeigten|fragte|fragten|arbeitete|arbeiteten|wohnte|wohnten|lernte|lernten|begann|begannen|fing|fingen|traf|trafen|half|halfen|sprach|sprachen|schrieb|schrieben|las|lasen|bekam|bekamen|brachte|brachten|dachte|dachten|wusste|wussten|fuhr|fuhren|kaufte|kauften|spielte|spielten)\b/giu;

function mask(line: string): string {
  let masked = line;
  for (const re of ABBREVIATIONS) masked = masked.replace(re, (m) => m.replace(/\./g, '\u0000'));
  return masked;
}

/** The sentences of a line: ended by . ! ? (a dot after a digit is an ordinal, "1. März", not an end). */
export function splitSentences(line: string): Array<{ text: string; offset: number }> {
  const masked = mask(line);
  const out: Array<{ text: string; offset: number }> = [];
  let start = 0;
  for (let i = 0; i < masked.length; i++) {
    const ch = masked[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    if (ch === '.' && /\d/.test(masked[i - 1] ?? '') && /\s*[\p{L}\d]/u.test(masked.slice(i + 1, i + 3))) continue;
    let end = i + 1;
    while (end < masked.length && /[.!?"“”»)]/.test(masked[end])) end++;
    const rest = masked.slice(end);
    if (rest.trim() === '' || /^\s+\S/.test(rest)) {
      pushSentence(out, line, start, end);
      start = end;
      i = end - 1;
    }
  }
  pushSentence(out, line, start, line.length);
  return out;
}

function pushSentence(out: Array<{ text: string; offset: number }>, line: string, from: number, to: number) {
  const raw = line.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text) out.push({ text, offset: from + lead });
}

/** The words of a sentence, each with its place. */
export function wordsOf(text: string): Array<{ word: string; index: number }> {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0], index: m.index ?? 0 }));
}

/** Reads a line's role: "## Überschrift" is a heading, "- Punkt" an item of a list, anything else a sentence line. */
/**
 * A text's lines as the PDF's blocks: headings, paragraphs of sentences and lists of items (a blank line, a
 * heading, or a change between sentences and items ends a paragraph or a list). A line that holds two sentences
 * (the checker's "multipleSentences" hint) gives two, so the PDF keeps one sentence per line.
 */
export function easyBlocks(body: string): EasyReadBlock[] {
  const out: EasyReadBlock[] = [];
  let open: { sentences: string[] } | { items: string[] } | null = null;
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const { kind, text } = lineKind(raw);
    if (!text) open = null;
    else if (kind === 'heading') {
      out.push({ heading: text });
      open = null;
    } else if (kind === 'item') {
      if (!open || !('items' in open)) out.push((open = { items: [] }));
      open.items.push(text);
    } else {
      if (!open || !('sentences' in open)) out.push((open = { sentences: [] }));
      open.sentences.push(...splitSentences(text).map((s) => s.text.trim()).filter(Boolean));
    }
  }
  return out;
}

export function lineKind(line: string): { kind: 'heading' | 'item' | 'text'; text: string } {
  const trimmed = line.trim();
  if (trimmed.startsWith('## ')) return { kind: 'heading', text: trimmed.slice(3).trim() };
  if (trimmed.startsWith('- ')) return { kind: 'item', text: trimmed.slice(2).trim() };
  return { kind: 'text', text: trimmed };
}

/** Checks a text (one sentence per line, paragraphs by a blank line) against every rule. */
export function checkEasyLanguage(body: string, options: Partial<CheckOptions> = {}): CheckResult {
  const opts = { ...DEFAULT_CHECK_OPTIONS, ...options };
  const glossary = new Set(opts.glossary.map((w) => w.trim().toLowerCase()).filter(Boolean));
  const foreign = new Map(BUILT_IN_FOREIGN_WORDS.map((w) => [w.toLowerCase(), w]));
  const hints: Hint[] = [];
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const sentences: Sentence[] = [];

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const { kind, text } = lineKind(raw);
    if (!text) return;
    const parts = kind === 'heading' ? [{ text, offset: 0 }] : splitSentences(text);
    if (parts.length > 1) {
      hints.push({ rule: 'multipleSentences', line: lineNo, sentence: text, start: parts[1].offset, end: text.length, found: text.slice(parts[1].offset), count: parts.length });
    }
    for (const part of parts) sentences.push({ line: lineNo, text: part.text, heading: kind === 'heading' });
  });

  sentences.forEach((s, i) => {
    const add = (rule: EasyRule, start: number, end: number, count?: number) =>
      hints.push({ rule, line: s.line, sentence: s.text, start, end, found: s.text.slice(start, end), ...(count === undefined ? {} : { count }) });
    const each = (rule: EasyRule, re: RegExp, keep: (m: RegExpMatchArray) => boolean = () => true) => {
      for (const m of s.text.matchAll(re)) if (keep(m)) add(rule, m.index ?? 0, (m.index ?? 0) + m[0].length);
    };
    const words = wordsOf(s.text);

    if (!s.heading && words.length > opts.maxWords) add('sentenceLength', 0, s.text.length, words.length);

    if (!s.heading) {
      for (const w of words) {
        const lower = w.word.toLowerCase();
        if (SUBORDINATORS.includes(lower)) {
          // "damit" at the start is "with it" ("Damit können Sie …"): only inside a sentence it starts a clause.
          if (lower === 'damit' && w.index === 0) continue;
          add('subordinate', w.index, w.index + w.word.length);
        }
      }
      for (const m of s.text.matchAll(RELATIVE)) {
        const at = (m.index ?? 0) + m[0].search(/\p{L}/u);
        add('subordinate', at, (m.index ?? 0) + m[0].length);
      }
    }

    // Passive: a form of "werden" and a past participle in the same sentence ("Der Kurs wird angeboten").
    const werden = words.find((w) => WERDEN.has(w.word.toLowerCase()) && w.word.toLowerCase() !== 'würde' && w.word.toLowerCase() !== 'würden');
    if (werden) {
      const participle = words.find((w) => w !== werden && isParticiple(w.word));
      if (participle || werden.word.toLowerCase() === 'worden') {
        const from = Math.min(werden.index, participle?.index ?? werden.index);
        const to = Math.max(werden.index + werden.word.length, participle ? participle.index + participle.word.length : 0);
        add('passive', from, to);
      }
    }

    each('subjunctive', SUBJUNCTIVE);
    each('genitive', GENITIVE);
    each('negation', NEGATION);
    each('abbreviation', ABBREVIATION);
    for (const m of s.text.matchAll(/\u00ad/g)) add('softHyphen', m.index ?? 0, (m.index ?? 0) + 1);

    for (const w of words) {
      const parts = w.word.split(/[-·‐]/);
      if (parts.length === 1 && /^\p{L}+$/u.test(w.word) && w.word.length > opts.maxWordLength) add('longWord', w.index, w.index + w.word.length, w.word.length);
      // After a hyphen the next part starts with a capital ("Sprach-Kurs"). After a mid-dot it stays small
      // ("Sprach·kurs"), as the mid-dot's own convention writes it, so that is not a hint.
      let at = w.index;
      for (let p = 0; p < parts.length - 1; p++) {
        at += parts[p].length;
        const next = parts[p + 1];
        if (w.word[at - w.index] !== '·' && /^\p{Ll}/u.test(next) && /\p{L}/u.test(parts[p])) add('hyphenCase', at + 1, at + 1 + next.length);
        at += 1;
      }
      const key = w.word.toLowerCase();
      if (foreign.has(key) && !glossary.has(key)) add('foreignWord', w.index, w.index + w.word.length);
    }

    each('specialCharacter', SPECIAL, (m) => !(m[0] === '/' && isInAddress(s.text, m.index ?? 0)));
    each('numberWord', NUMBER_WORDS);
    each('largeNumber', LARGE_NUMBER);
    each('date', DATE);
    each('time', TIME);
    // A capital form inside a sentence is a noun ("der Stand"); at its start it is the verb ("War …").
    each('pastTense', PAST_TENSE, (m) => (m.index ?? 0) === 0 || /^\p{Ll}/u.test(m[0]));

    if (!s.heading && s.text.endsWith('?')) {
      const next = sentences[i + 1];
      const answered = next && !next.heading && !next.text.endsWith('?') && lines.slice(s.line, next.line - 1).every((l) => l.trim() !== '');
      if (!answered) add('question', 0, s.text.length);
    }
  });

  hints.sort((a, b) => a.line - b.line || a.start - b.start || EASY_RULES.indexOf(a.rule) - EASY_RULES.indexOf(b.rule));
  const summary: Partial<Record<EasyRule, number>> = {};
  for (const h of hints) summary[h.rule] = (summary[h.rule] ?? 0) + 1;
  return { hints, summary, sentences: sentences.filter((s) => !s.heading).length };
}

function isParticiple(word: string): boolean {
  // Participles are written small; a capital word is a noun ("Gesicht", "Gebiet").
  if (!/^\p{Ll}/u.test(word)) return false;
  const w = word;
  if (GE_INFINITIVES.has(w)) return false;
  if (/^ge\p{L}{2,}(?:t|en)$/u.test(w)) return true;
  // Separable verbs: an-ge-boten, auf-ge-nommen, ein-ge-laden
  if (/^(?:ab|an|auf|aus|bei|ein|fest|her|hin|mit|nach|vor|weg|zu|zurück|zusammen)ge\p{L}{2,}(?:t|en)$/u.test(w)) return true;
  // Verbs in -ieren have no ge-: organisiert, informiert
  if (/\p{L}{3,}iert$/u.test(w)) return true;
  // Inseparable prefixes have no ge-: besprochen, erklärt, verteilt, übersetzt
  // Inseparable prefixes have no ge-: erklärt, verteilt, übersetzt (their -en forms are mostly infinitives of
  // the future, "Wir werden besuchen", and are left alone).
  return /^(?:be|er|ver|zer|ent|emp|über)\p{L}{2,}t$/u.test(w);
}

function isInAddress(text: string, at: number): boolean {
  const start = text.lastIndexOf(' ', at) + 1;
  const token = text.slice(start, text.indexOf(' ', at) === -1 ? text.length : text.indexOf(' ', at));
  return /^(?:https?:|www\.)/i.test(token) || /\.\p{L}{2,}\//u.test(token);
}
