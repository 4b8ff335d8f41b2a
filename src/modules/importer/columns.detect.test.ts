import { describe, expect, it } from 'vitest';
import { matchHeader, roleOfHeader } from './columns.detect.js';

describe('header names', () => {
  it.each([
    ['Ziele und zukünftiger Bedarf', 'goal'],
    ['Wirkungsziel', 'goal'],
    ['Lfd. Nr.', 'number'],
    ['Nummer', 'number'],
    ['Maßnahmen/Impulse/Projektideen', 'measure'],
    ['Geplante Umsetzung', 'measure'],
    ['Maßnahme(n)', 'measure'],
    ['Akteur:innen', 'actors'],
    ['Akteurinnen und Akteure', 'actors'],
    ['Federführung und Beteiligte', 'actors'],
    ['Zuständigkeit', 'actors'],
    ['Träger', 'actors'],
    ['Status der Umsetzung', 'status'],
    ['Umsetzungsstand', 'status'],
    ['Sachstand', 'status'],
    ['Zeitraum', 'timeframe'],
    ['Meilensteine', 'timeframe'],
    ['Bemerkung', 'notes'],
    ['Fortschritt', 'notes'],
    ['Handlungsfeld', 'field'],
    ['Kosten', null],
  ])('%s → %s', (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  it('recognises a header row in any order and rejects data rows', () => {
    expect(matchHeader(['Status', 'Maßnahme', '', 'Nr.'])?.roles).toEqual({ status: 0, measure: 1, number: 3 });
    expect(matchHeader(['Jobcenter', 'Wird fortgesetzt', '3'])).toBeNull();
    expect(matchHeader(['Maßnahme'])).toBeNull();
  });
});

describe("the app's own export", () => {
  it('reads a further column whose label names a role as an attribute, not as that role', () => {
    const header = ['Ziel', 'Nr.', 'Maßnahme', 'Akteure', 'Zeitraum', 'Status', 'Statuskategorie', 'Statusdatum', 'Fortschritt', 'Weitere Maßnahme', 'Beteiligte', 'Bereich', 'Kosten'];
    const match = matchHeader(header)!;
    expect(match.roles).toEqual({ goal: 0, number: 1, measure: 2, actors: 3, timeframe: 4, status: 5, notes: 8 });
    expect(match.unknown).toEqual([10, 11, 12]);
    // The same labels in a catalogue of the town's own are roles.
    expect(matchHeader(['Maßnahme', 'Akteure', 'Beteiligte', 'Bereich'])!.roles).toEqual({ measure: 0, actors: 1, partners: 2, field: 3 });
  });
});
