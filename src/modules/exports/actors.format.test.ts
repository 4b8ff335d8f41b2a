import { describe, expect, it } from 'vitest';
import { formatActors } from './actors.format.js';

describe('formatActors', () => {
  it('writes the lead first, the partners after "in Kooperation mit", and parents in brackets', () => {
    expect(
      formatActors([
        { name: 'Ausländerbehörde', role: 'partner', parent: 'Ordnungsamt' },
        { name: 'Kontaktstelle für Integration', role: 'lead', parent: 'Amt für soziale Dienste' },
        { name: 'Jobcenter', role: 'partner', parent: null },
      ]),
    ).toBe('Kontaktstelle für Integration (Amt für soziale Dienste) in Kooperation mit Ausländerbehörde (Ordnungsamt), Jobcenter');
  });

  it('writes a lone lead, partners without a lead, and nobody', () => {
    expect(formatActors([{ name: 'VHS', role: 'lead', parent: null }])).toBe('VHS');
    expect(
      formatActors([
        { name: 'VHS', role: 'partner', parent: null },
        { name: 'Jobcenter', role: 'partner', parent: null },
      ]),
    ).toBe('VHS, Jobcenter');
    expect(formatActors([])).toBe('');
  });
});
