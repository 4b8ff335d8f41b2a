import { describe, expect, it } from 'vitest';
import { checkEasyLanguage, EASY_RULES, easyBlocks, splitSentences, type EasyRule } from './checker.js';

const rulesOf = (text: string, options = {}) => checkEasyLanguage(text, options).hints.map((h) => h.rule);
const found = (text: string, rule: EasyRule) => checkEasyLanguage(text).hints.filter((h) => h.rule === rule).map((h) => h.found);

// For every rule: a sentence that breaks it and one in good Leichte Sprache that says the same.
const CASES: Record<EasyRule, { bad: string; good: string; found?: string }> = {
  sentenceLength: { bad: 'Die Stadt lädt alle Menschen aus der Stadt zu einem großen Fest im Park ein.', good: 'Die Stadt macht ein Fest im Park.' },
  subordinate: { bad: 'Wir wissen, dass viele Menschen Deutsch lernen.', good: 'Viele Menschen lernen Deutsch.', found: 'dass' },
  multipleSentences: { bad: 'Der Kurs ist am Montag. Er ist kostenlos.', good: 'Der Kurs ist am Montag.\nEr ist kostenlos.', found: 'Er ist kostenlos.' },
  passive: { bad: 'Der Kurs wird von der Volks·hoch·schule angeboten.', good: 'Die Volks·hoch·schule macht den Kurs.', found: 'wird von der Volks·hoch·schule angeboten' },
  subjunctive: { bad: 'Sie könnten uns anrufen.', good: 'Sie können uns anrufen.', found: 'könnten' },
  genitive: { bad: 'Das ist der Plan des Landes.', good: 'Das ist der Plan vom Land.', found: 'des Landes' },
  negation: { bad: 'Der Kurs kostet nichts.', good: 'Der Kurs ist kostenlos.', found: 'nichts' },
  abbreviation: { bad: 'Es gibt Kurse, z. B. einen Deutsch·kurs.', good: 'Es gibt Kurse.\nZum Beispiel: einen Deutsch·kurs.', found: 'z. B.' },
  softHyphen: { bad: 'Das ist ein Sprach\u00adkurs.', good: 'Das ist ein Sprach·kurs.', found: '\u00ad' },
  longWord: { bad: 'Wir haben ein Sprachkursangebot.', good: 'Wir haben ein Sprach·kurs·angebot.', found: 'Sprachkursangebot' },
  hyphenCase: { bad: 'Das ist ein Sprach-kurs.', good: 'Das ist ein Sprach-Kurs.', found: 'kurs' },
  foreignWord: { bad: 'Wir machen einen Workshop.', good: 'Wir machen ein Treffen.', found: 'Workshop' },
  specialCharacter: { bad: 'Der Kurs ist für Frauen & Männer.', good: 'Der Kurs ist für Frauen und Männer.', found: '&' },
  numberWord: { bad: 'Der Kurs dauert drei Wochen.', good: 'Der Kurs dauert 3 Wochen.', found: 'drei' },
  largeNumber: { bad: 'In der Stadt leben 45000 Menschen.', good: 'In der Stadt leben 45.000 Menschen.', found: '45000' },
  date: { bad: 'Das Fest ist am 01.03.2027.', good: 'Das Fest ist am 1. März 2027.', found: '01.03.2027' },
  time: { bad: 'Der Kurs beginnt um 09:00 Uhr.', good: 'Der Kurs beginnt um 9 Uhr.', found: '09:00' },
  pastTense: { bad: 'Viele Menschen kamen zum Fest.', good: 'Viele Menschen sind zum Fest gekommen.', found: 'kamen' },
  question: { bad: 'Was ist ein Integrations·plan?\n\nDie Stadt hat einen Plan.', good: 'Was ist ein Integrations·plan?\nEin Plan für das Zusammen·leben.' },
};

describe('the Leichte Sprache checker', () => {
  it('has a good and a bad sentence for every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual([...EASY_RULES].sort());
  });

  for (const rule of EASY_RULES) {
    const { bad, good, found: span } = CASES[rule];
    it(`${rule}: finds the bad sentence and leaves the good one alone`, () => {
      expect(rulesOf(bad)).toContain(rule);
      expect(rulesOf(good)).not.toContain(rule);
      if (span) expect(found(bad, rule)).toContain(span);
    });
  }

  it('the good sentences are good Leichte Sprache on every rule', () => {
    for (const rule of EASY_RULES) expect({ rule, hints: rulesOf(CASES[rule].good) }).toEqual({ rule, hints: [] });
  });

  it('places a hint at its line and span in the sentence', () => {
    const result = checkEasyLanguage('Das ist gut.\nDer Kurs kostet nichts.');
    const hint = result.hints.find((h) => h.rule === 'negation')!;
    expect(hint).toMatchObject({ line: 2, sentence: 'Der Kurs kostet nichts.', start: 16, end: 22, found: 'nichts' });
  });

  it('counts hints per rule for the summary, and the sentences', () => {
    const result = checkEasyLanguage('Der Kurs kostet nichts.\nNiemand muss zahlen.\nDer Kurs ist am Montag.');
    expect(result.summary).toEqual({ negation: 2 });
    expect(result.sentences).toBe(3);
  });

  it('sentence length and word length follow the thresholds', () => {
    const sentence = 'Die Stadt macht im Sommer ein Fest im Park.';
    expect(rulesOf(sentence, { maxWords: 10 })).not.toContain('sentenceLength');
    expect(rulesOf(sentence, { maxWords: 8 })).toContain('sentenceLength');
    expect(checkEasyLanguage(sentence, { maxWords: 8 }).hints[0].count).toBe(9);
    expect(rulesOf('Das ist eine Beratungsstelle.', { maxWordLength: 12 })).toContain('longWord');
    expect(rulesOf('Das ist eine Beratungsstelle.', { maxWordLength: 20 })).not.toContain('longWord');
  });

  it('a word in the glossary is explained, not foreign', () => {
    expect(rulesOf('Wir machen einen Workshop.', { glossary: ['Workshop'] })).not.toContain('foreignWord');
  });

  it('a hyphen wants a capital after it, a mid-dot keeps the small letter', () => {
    expect(rulesOf('Das ist ein Sprach·kurs.')).not.toContain('hyphenCase');
    expect(rulesOf('Sie bekommen eine E-Mail.')).not.toContain('hyphenCase');
  });

  it('ordinals, dates and abbreviations do not end a sentence', () => {
    expect(splitSentences('Das Fest ist am 1. März 2027.')).toHaveLength(1);
    expect(splitSentences('Es gibt Kurse, z. B. Deutsch.')).toHaveLength(1);
    expect(splitSentences('Wo ist das Fest? Im Park!')).toHaveLength(2);
  });

  it('the future with "werden" is not passive; "worden" is', () => {
    expect(rulesOf('Wir werden Ihnen helfen.')).not.toContain('passive');
    expect(rulesOf('Wir werden Geld geben.')).not.toContain('passive');
    expect(rulesOf('Der Kurs wird organisiert.')).toContain('passive');
    expect(rulesOf('Das Fest ist abgesagt worden.')).toContain('passive');
  });

  it('a relative clause after a comma is a second statement', () => {
    expect(found('Es gibt Kurse, die am Abend sind.', 'subordinate')).toEqual(['die']);
    expect(rulesOf('Zum Beispiel: das Job·center, die Volks·hoch·schule und Vereine.')).not.toContain('subordinate');
  });

  it('a slash in a web address is not a special character', () => {
    expect(rulesOf('Die Seite ist www.musterstadt.de/leichte-sprache im Internet.')).not.toContain('specialCharacter');
  });

  it('a question at the end, or followed by another question, has no answer', () => {
    expect(rulesOf('Wo ist das Fest?')).toContain('question');
    expect(rulesOf('Wo ist das Fest?\nWann ist das Fest?\nAm Montag im Park.')).toEqual(['question']);
  });

  it('headings are checked for words, not as sentences', () => {
    expect(rulesOf('## Was ist auf dieser Seite für alle Menschen in der Stadt zu finden')).not.toContain('sentenceLength');
    expect(rulesOf('## Workshop')).toContain('foreignWord');
  });
});

describe('easyBlocks: the text as the PDF lays it out', () => {
  it('gives headings, paragraphs with one sentence a line, and lists', () => {
    const body = ['Die Stadt hat einen Plan. Der Plan ist gut.', 'Am 1. März gibt es ein Fest.', '', '## Sprach-Kurse', 'Es gibt Kurse.', '- Kurs am Montag', '- Kurs am Mittwoch', 'Kommen Sie!'].join('\n');
    expect(easyBlocks(body)).toEqual([
      { sentences: ['Die Stadt hat einen Plan.', 'Der Plan ist gut.', 'Am 1. März gibt es ein Fest.'] },
      { heading: 'Sprach-Kurse' },
      { sentences: ['Es gibt Kurse.'] },
      { items: ['Kurs am Montag', 'Kurs am Mittwoch'] },
      { sentences: ['Kommen Sie!'] },
    ]);
  });
});
