// The seed catalogue (a Word table pasted as text) parsed from the file itself.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeMeasure, ExchangePlan } from '../plan/index.js';
import { parseCatalogue, type ParseResult } from './index.js';

const seed = readFileSync(new URL('../../../test/fixtures/import/seed-003.txt', import.meta.url));

let result: Extract<ParseResult, { ok: true }>;
let plan: ExchangePlan;
const numbered = (): ExchangeMeasure[] => plan.fields.flatMap((field) => field.goals.flatMap((goal) => goal.measures));
const measure = (number: number): ExchangeMeasure => numbered().find((m) => m.number === String(number))!;

beforeAll(async () => {
  const parsed = await parseCatalogue({ fileName: 'seed-003.txt', bytes: seed });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  result = parsed;
  plan = parsed.plan;
});

describe('the seed catalogue', () => {
  it('has 7 fields of action with their visions', () => {
    expect(plan.fields.map((field) => field.title)).toEqual([
      'Arbeit',
      'Wohnen und Unterbringung',
      'Sprache und Bildung',
      'Bürgerschaftliches Engagement',
      'Gesellschaftliches Zusammenleben und Soziales',
      'Extremismusprävention und Antidiskriminierung',
      'Information, Öffentlichkeitsarbeit und Repräsentation',
    ]);
    expect(plan.fields.map((field) => field.visions.length)).toEqual([1, 1, 2, 1, 2, 3, 2]);
    expect(plan.fields[4].visions[1]).toMatch(/^Volle Teilhabemöglichkeit/);
  });

  it('has 41 numbered measures in order, their numbers kept as written, and 2 further measures in "Sprache und Bildung"', () => {
    expect(numbered().map((m) => m.number)).toEqual(Array.from({ length: 41 }, (_, i) => String(i + 1)));
    // No number cell of the catalogue was dropped.
    expect(result.warnings.filter((w) => w.message.includes('keine Nummer'))).toEqual([]);
    const further = plan.fields.flatMap((field) => field.furtherMeasures);
    expect(further).toHaveLength(2);
    expect(plan.fields[2].furtherMeasures[0].text).toMatch(/^Gemeinderatsbeschluss im Sommer 2023/);
    expect(plan.fields[2].furtherMeasures[1].text).toMatch(/^ab 2024 Antragstellung/);
  });

  it('keeps goals with their measures, carrying a goal over empty goal cells', () => {
    const goalOf = (number: number) => plan.fields.flatMap((f) => f.goals).find((g) => g.measures.some((m) => m.number === String(number)))!;
    expect(goalOf(2).text).toMatch(/^Geflüchtete und Menschen mit Zuwanderungsgeschichte kennen und nutzen/);
    expect(goalOf(2).measures.map((m) => m.number)).toEqual(['2', '3']);
    expect(goalOf(9).measures.map((m) => m.number)).toEqual(['9', '10', '11']);
    expect(goalOf(14).measures.map((m) => m.number)).toEqual(['14', '15', '16']);
  });

  it('maps every status to its category and keeps the wording', () => {
    expect(measure(3).status).toEqual({ category: 'planned', label: 'In Planung ab 2024', date: '2024' });
    expect(measure(6).status.category).toBe('under_review');
    expect(measure(7).status).toMatchObject({ category: 'completed', label: 'Abgeschlossen Weitere Durchführung in Planung' });
    expect(measure(8).status.category).toBe('not_started');
    expect(measure(15).status).toMatchObject({ category: 'ongoing', label: 'Ausbau wird fortgesetzt' });
    expect(measure(32).status).toEqual({ category: 'planned', label: 'Umsetzung im März 2024', date: '2024-03' });
    expect(numbered().every((m) => m.status.category !== 'unknown')).toBe(true);
    expect(result.statuses.find((s) => s.label === 'Wird fortgesetzt')).toMatchObject({ category: 'ongoing' });
  });

  it('splits "→" progress notes off with their dates and cleans HTML residue into a list', () => {
    expect(measure(2).text).toBe('Ausbau von niederschweligen Angeboten zur Integration in den Arbeitsmarkt');
    expect(measure(2).notes).toEqual([{ text: 'Durchführung von zwei Informationsveranstaltungen im Mai und Juli 2023', date: '2023-07' }]);
    expect(measure(34).notes[0].date).toBe('2021-10');
    expect(measure(39).text).not.toMatch(/<|>/);
    expect(measure(39).text.split('\n• ')).toHaveLength(4);
    expect(measure(5).text.split('\n• ')).toHaveLength(4);
    expect(measure(5).notes[0].text).toMatch(/^Herausgabe einer Broschüre/);
  });

  it('splits actors with roles and parents', () => {
    const actors = measure(2).actors;
    expect(actors[0]).toEqual({ name: 'Kontaktstelle für Integration', role: 'lead', parent: 'Amt für soziale Dienste' });
    const partners = actors.filter((a) => a.role === 'partner').map((a) => a.name);
    expect(partners).toEqual(expect.arrayContaining(['Amt für Schulen, Jugend und Vereine', 'VHS', 'Agentur für Arbeit']));
    expect(measure(30).actors.map((a) => a.name)).toEqual(['Verwaltungsführung', 'Gemeinderat', 'Bürgerinnen und Bürger']);
    expect(measure(28).actors.map((a) => a.name)).toContain('Amt für soziale Dienste');
  });

  it('builds an actors directory without duplicates', () => {
    const named = (name: string) => result.actors.filter((a) => a.name === name);
    expect(named('Kontaktstelle für Integration')).toEqual([
      expect.objectContaining({ parent: 'Amt für soziale Dienste' }),
    ]);
    expect(named('VHS')).toHaveLength(1);
    expect(named('Jobcenter')).toHaveLength(1);
    expect(named('Jobcenter')[0].measureCount).toBe(3);
    const names = result.actors.map((a) => a.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    // Every measure mentioning the Kontaktstelle carries the parent the directory knows.
    const kontakt = numbered().flatMap((m) => m.actors).filter((a) => a.name === 'Kontaktstelle für Integration');
    expect(kontakt.every((a) => a.parent === 'Amt für soziale Dienste')).toBe(true);
  });
});
