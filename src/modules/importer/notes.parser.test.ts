import { describe, expect, it } from 'vitest';
import { noteDate, splitNotes } from './notes.parser.js';

describe('progress notes', () => {
  it.each([
    ['Durchführung von zwei Informationsveranstaltungen im Mai und Juli 2023', '2023-07'],
    ['Start des Facebook-Accounts im Oktober 2021', '2021-10'],
    ['Kurs wurde in 2021/2022 durchgeführt', '2022'],
    ['Broschüre im Frühjahr 2023', '2023'],
    ['Sitzung am 30.6.18', '2018-06'],
    ['Bericht 06/2025', '2025-06'],
    ['Die Stadtinfo liegt bei', null],
  ])('%s → %s', (text, date) => {
    expect(noteDate(text)).toBe(date);
  });

  it('takes each "→" note to the end of its line only', () => {
    expect(splitNotes('Projekt:\n• A →erledigt im März 2024\n• B')).toEqual({
      text: 'Projekt:\n• A\n• B',
      notes: [{ text: 'erledigt im März 2024', date: '2024-03' }],
    });
    expect(splitNotes('Text → eins → zwei 2020').notes.map((n) => n.text)).toEqual(['eins', 'zwei 2020']);
  });
});
