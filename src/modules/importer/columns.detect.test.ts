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
