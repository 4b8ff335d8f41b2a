import { describe, expect, it } from 'vitest';
import { actorKey, parseActors } from './actors.parser.js';

const names = (text: string) => parseActors(text).actors.map((a) => a.name);

describe('actor lists', () => {
  it('makes the first named the lead and the rest partners, with the parent office in brackets', () => {
    expect(parseActors('Kontaktstelle für Integration (Amt für soziale Dienste) in Kooperation mit VHS').actors).toEqual([
      { name: 'Kontaktstelle für Integration', role: 'lead', parent: 'Amt für soziale Dienste' },
      { name: 'VHS', role: 'partner', parent: null },
    ]);
  });

  it('keeps office names that list their remits, and pair forms, whole', () => {
    expect(names('versch. Akteuren wie mit dem Amt für Schulen, Jugend und Vereine, VHS, LK ES, Agentur für Arbeit')).toEqual([
      'Amt für Schulen, Jugend und Vereine',
      'VHS',
      'LK ES',
      'Agentur für Arbeit',
    ]);
    expect(names('Verwaltungsführung, Gemeinderat, Bürgerinnen und Bürger')).toEqual(['Verwaltungsführung', 'Gemeinderat', 'Bürgerinnen und Bürger']);
    expect(names('Amt für Jugend und Familie')).toEqual(['Amt für Jugend und Familie']);
    expect(names('Kontaktstelle für Integration und Integrationsmanagement')).toEqual(['Kontaktstelle für Integration', 'Integrationsmanagement']);
    expect(names('A in Zusammenarbeit mit Vertreterinnen und Vertretern von B')).toEqual(['A', 'Vertreterinnen und Vertretern von B']);
  });

  it('drops articles, example prefixes and role clauses', () => {
    expect(names('Koordinator (Amt für soziale Dienste) in Zusammenarbeit mit den einzelnen Gruppen und Vereinen')).toEqual([
      'Koordinator',
      'Gruppen',
      'Vereinen',
    ]);
    expect(names('Amt X und Jugendgemeinderat als Ansprechpartner für Themen von jungen Menschen')).toEqual(['Amt X', 'Jugendgemeinderat']);
    expect(names('VHS und ggf. Stadtbücherei')).toEqual(['VHS', 'Stadtbücherei']);
  });

  it('treats bracketed lists as member organisations, not as a parent', () => {
    expect(names('Migrationsorganisationen (VKBI e.V., Kultur-Point e.V.)')).toEqual(['Migrationsorganisationen', 'VKBI e.V.', 'Kultur-Point e.V.']);
  });

  it('follows lead and partner labels', () => {
    expect(parseActors('FF: Schulsozialarbeit; Beteiligte: Elternbeiräte, Schulen').actors.map((a) => `${a.name}:${a.role}`)).toEqual([
      'Schulsozialarbeit:lead',
      'Elternbeiräte:partner',
      'Schulen:partner',
    ]);
    expect(parseActors('Beteiligte: VHS; Federführung: Jobcenter').actors.find((a) => a.role === 'lead')?.name).toBe('Jobcenter');
  });

  it('skips a sentence after a bracket but keeps the office it addresses', () => {
    expect(
      names('Kontaktstelle für Integration (Amt für soziale Dienste) erstellen Übersicht und Katalog zur Weitergabe an die Stabsstelle für Grundsatzangelegenheiten, Öffentlichkeitsarbeit und Digitalisierung sowie die Bürgerämter'),
    ).toEqual(['Kontaktstelle für Integration', 'Stabsstelle für Grundsatzangelegenheiten, Öffentlichkeitsarbeit und Digitalisierung', 'Bürgerämter']);
  });

  it('splits multi-line cells and a quoted name run into the next actor', () => {
    expect(names('Jobcenter\nVHS')).toEqual(['Jobcenter', 'VHS']);
    expect(names('Projektleitung „Wohnen“ Koordinator für Engagement und Helferkreise')).toEqual([
      'Projektleitung „Wohnen“',
      'Koordinator für Engagement',
      'Helferkreise',
    ]);
  });

  it('names one actor once per measure and returns nothing for an empty cell', () => {
    expect(names('VHS, vhs und V H S')).toEqual(['VHS']);
    expect(parseActors('  ').actors).toEqual([]);
  });

  it('compares names across case, spacing and gender forms', () => {
    expect(actorKey('Akteur:innen')).toBe(actorKey('Akteur*innen'));
    expect(actorKey('Bürgerinnen und Bürgern')).toBe(actorKey('Bürger'));
    expect(actorKey('Kontaktstelle  für integration')).toBe(actorKey('Kontaktstelle für Integration'));
    expect(actorKey('Vereinen')).toBe(actorKey('Vereine'));
  });
});
