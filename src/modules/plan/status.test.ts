import { describe, expect, it } from 'vitest';
import { categoryOf, extractStatusDate, mapStatus } from './status.js';

describe('status mapping', () => {
  it.each([
    ['Wird fortgesetzt', 'ongoing'],
    ['Ausbau wird fortgesetzt', 'ongoing'],
    ['Daueraufgabe', 'ongoing'],
    ['ins laufende Geschäft übergegangen', 'ongoing'],
    ['In Planung ab 2024', 'planned'],
    ['In Planung für 2024', 'planned'],
    ['Umsetzung im März 2024', 'planned'],
    ['Noch nicht umgesetzt', 'not_started'],
    ['Noch nicht umgesetzt – Realisierung wird weiterhin geprüft', 'not_started'],
    ['offen', 'not_started'],
    ['in Bearbeitung', 'in_progress'],
    ['teilweise umgesetzt', 'in_progress'],
    ['Abgeschlossen', 'completed'],
    ['Abgeschlossen Weitere Durchführung in Planung', 'completed'],
    ['Abgeschlossen – weitere Durchführung in Planung', 'completed'],
    ['umgesetzt', 'completed'],
    ['Bedarf wird neu geprüft', 'under_review'],
    ['zurückgestellt', 'under_review'],
    ['entfällt', 'discontinued'],
    ['nicht weiter zu verfolgen', 'discontinued'],
    // Words towns use that the first catalogues did not: each maps without a configured wording.
    ['Läuft', 'ongoing'],
    ['läuft', 'ongoing'],
    ['Läuft an', 'in_progress'],
    ['in Arbeit', 'in_progress'],
    ['in Durchführung', 'in_progress'],
    ['fortlaufend', 'ongoing'],
    ['wird weitergeführt', 'ongoing'],
    ['dauerhaft', 'ongoing'],
    ['in Vorbereitung', 'planned'],
    ['', 'unknown'],
    ['Kaffee', 'unknown'],
  ])('%s → %s', (label, category) => {
    expect(categoryOf(label)).toBe(category);
  });

  it('keeps the date a wording names', () => {
    expect(extractStatusDate('In Planung ab 2024')).toBe('2024');
    expect(extractStatusDate('Umsetzung im März 2024')).toBe('2024-03');
    expect(extractStatusDate('geplant 06/2025')).toBe('2025-06');
    expect(extractStatusDate('Wird fortgesetzt')).toBeNull();
  });

  it('prefers the wording a municipality configured', () => {
    expect(mapStatus('Läuft prima', [{ label: 'läuft prima', category: 'ongoing' }])).toEqual({
      category: 'ongoing',
      label: 'Läuft prima',
      date: null,
    });
    expect(mapStatus('  In   Planung ab 2024 ').label).toBe('In Planung ab 2024');
  });
});
