import { describe, expect, it } from 'vitest';
import { goalHeading, parseNumber } from './numbers.parse.js';

describe('numbers of a catalogue, kept as written', () => {
  it('keeps hierarchical, lettered and plain numbers', () => {
    for (const n of ['1.1', '2.3', '7.1.2', 'A.3', '12', 'M 1.2', '1.10']) expect(parseNumber(n)).toEqual({ number: n, dropped: null });
  });
  it('strips only a "Nr." or "Maßnahme" prefix and trailing dots', () => {
    expect(parseNumber('Nr. 4').number).toBe('4');
    expect(parseNumber('Nr.4').number).toBe('4');
    expect(parseNumber('Maßnahme 1.2').number).toBe('1.2');
    expect(parseNumber('1.').number).toBe('1');
    expect(parseNumber(' 7.1.2. ').number).toBe('7.1.2');
    expect(parseNumber('Nummer 3').number).toBe('3');
  });
  it('gives back what it does not keep, so that it can be warned about', () => {
    expect(parseNumber('')).toEqual({ number: null, dropped: null });
    expect(parseNumber('–')).toEqual({ number: null, dropped: '–' });
    expect(parseNumber('siehe Maßnahme im Handlungsfeld Arbeit')).toEqual({ number: null, dropped: 'siehe Maßnahme im Handlungsfeld Arbeit' });
  });
});

describe('goal headings', () => {
  it('splits "Ziel 1.1: text" into number and text', () => {
    expect(goalHeading('Ziel 1.1: Sprachförderung ausbauen')).toEqual({ number: '1.1', text: 'Sprachförderung ausbauen' });
    expect(goalHeading('Ziel A.3 – Wohnraum sichern')).toEqual({ number: 'A.3', text: 'Wohnraum sichern' });
    expect(goalHeading('Ziel 2 Arbeit')).toEqual({ number: '2', text: 'Arbeit' });
    expect(goalHeading('Ziele: Teilhabe stärken')).toEqual({ number: null, text: 'Teilhabe stärken' });
  });
  it('does not read a year in the text as a number', () => {
    expect(goalHeading('Ziele 2025 erreichen')?.number ?? null).not.toBe('202');
    expect(goalHeading('Sprachkurse anbieten')).toBeNull();
  });
});

describe('numbers in label/value records', () => {
  it('keeps "Ziel 1.1:" and "Maßnahme A.3:" numbers of a flattened catalogue', async () => {
    const { parseCatalogue } = await import('./parse.catalogue.js');
    const text = [
      'Integrationsplan Talheim',
      'Handlungsfeld Sprache',
      'Ziel 1.1: Mehr Deutschkurse',
      'Maßnahme 1.10: Sprachcafé',
      'Verantwortlich: VHS',
      'Maßnahme A.3: Lesepaten',
      'Verantwortlich: Stadtbibliothek',
    ].join('\n');
    const parsed = await parseCatalogue({ fileName: 'k.txt', bytes: Buffer.from(text) });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const goal = parsed.plan.fields[0].goals[0];
    expect([goal.number, goal.text, goal.measures.map((m) => [m.number, m.text])]).toEqual(['1.1', 'Mehr Deutschkurse', [['1.10', 'Sprachcafé'], ['A.3', 'Lesepaten']]]);
  });
});
