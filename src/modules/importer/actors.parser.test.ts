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

  describe('lead markers', () => {
    const roles = (text: string) => parseActors(text).actors.map((a) => `${a.name}:${a.role}:${a.parent ?? '-'}`);

    it('makes the marked actor the lead and keeps the marker out of the name and the parent', () => {
      expect(parseActors('A (Federführung)')).toEqual({ actors: [{ name: 'A', role: 'lead', parent: null }], unsure: [] });
      expect(parseActors('A (federführend)')).toEqual({ actors: [{ name: 'A', role: 'lead', parent: null }], unsure: [] });
      expect(parseActors('A (FF)')).toEqual({ actors: [{ name: 'A', role: 'lead', parent: null }], unsure: [] });
      expect(parseActors('FF: A')).toEqual({ actors: [{ name: 'A', role: 'lead', parent: null }], unsure: [] });
      expect(parseActors('Federführung: A')).toEqual({ actors: [{ name: 'A', role: 'lead', parent: null }], unsure: [] });
      expect(roles('Jobcenter (Federführung), VHS')).toEqual(['Jobcenter:lead:-', 'VHS:partner:-']);
      expect(roles('Kontaktstelle für Integration (Amt für soziale Dienste) (Federführung) und VHS')).toEqual([
        'Kontaktstelle für Integration:lead:Amt für soziale Dienste',
        'VHS:partner:-',
      ]);
    });

    it('makes a marked actor that is not named first the lead and the others partners', () => {
      expect(roles('VHS, Jobcenter (federführend)')).toEqual(['VHS:partner:-', 'Jobcenter:lead:-']);
      expect(roles('VHS und Jobcenter (FF), Stadtbücherei')).toEqual(['VHS:partner:-', 'Jobcenter:lead:-', 'Stadtbücherei:partner:-']);
      expect(roles('VHS, Federführung: Jobcenter')).toEqual(['VHS:partner:-', 'Jobcenter:lead:-']);
    });
  });

  it('does not split a name at "&"', () => {
    expect(parseActors('Haus & Grund Talheim')).toEqual({ actors: [{ name: 'Haus & Grund Talheim', role: 'lead', parent: null }], unsure: [] });
    expect(parseActors('Jobcenter, Haus & Grund Talheim').actors).toEqual([
      { name: 'Jobcenter', role: 'lead', parent: null },
      { name: 'Haus & Grund Talheim', role: 'partner', parent: null },
    ]);
  });

  describe('fragments that name no organisation', () => {
    it('keeps them and flags them as unsure', () => {
      expect(parseActors('Integrationsmanagement, Geflüchteten')).toEqual({
        actors: [
          { name: 'Integrationsmanagement', role: 'lead', parent: null },
          { name: 'Geflüchteten', role: 'partner', parent: null },
        ],
        unsure: [{ name: 'Geflüchteten', reason: 'fragment' }],
      });
      expect(parseActors('Gemeinderat, Bürgerinnen und Bürger')).toEqual({
        actors: [
          { name: 'Gemeinderat', role: 'lead', parent: null },
          { name: 'Bürgerinnen und Bürger', role: 'partner', parent: null },
        ],
        unsure: [{ name: 'Bürgerinnen und Bürger', reason: 'fragment' }],
      });
      expect(parseActors('VHS und verschiedene Kooperationspartner')).toEqual({
        actors: [
          { name: 'VHS', role: 'lead', parent: null },
          { name: 'verschiedene Kooperationspartner', role: 'partner', parent: null },
        ],
        unsure: [{ name: 'verschiedene Kooperationspartner', reason: 'fragment' }],
      });
      expect(parseActors('Kontaktstelle für Integration, internationalen Vereinen')).toEqual({
        actors: [
          { name: 'Kontaktstelle für Integration', role: 'lead', parent: null },
          { name: 'internationalen Vereinen', role: 'partner', parent: null },
        ],
        unsure: [{ name: 'internationalen Vereinen', reason: 'fragment' }],
      });
    });

    it('flags a group of places and the places listed after it', () => {
      expect(parseActors('Kommunen Ostfildern und Filderstadt')).toEqual({
        actors: [
          { name: 'Kommunen Ostfildern', role: 'lead', parent: null },
          { name: 'Filderstadt', role: 'partner', parent: null },
        ],
        unsure: [
          { name: 'Kommunen Ostfildern', reason: 'fragment' },
          { name: 'Filderstadt', reason: 'fragment' },
        ],
      });
      expect(parseActors('Stadtverwaltung, Kommunen Ostfildern, Filderstadt, Landratsamt').unsure).toEqual([
        { name: 'Kommunen Ostfildern', reason: 'fragment' },
        { name: 'Filderstadt', reason: 'fragment' },
      ]);
    });

    it('does not flag organisations', () => {
      expect(parseActors('Kontaktstelle für Integration (Amt für soziale Dienste) in Kooperation mit VHS, Jobcenter, Haus & Grund Talheim').unsure).toEqual([]);
      expect(parseActors('Filderstadt').unsure).toEqual([]);
    });
  });
});
