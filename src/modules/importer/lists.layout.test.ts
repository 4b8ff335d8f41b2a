// Numbered and bulleted lists with indented implementer lines, and heading blocks with label lines, as web pages
// give them when pasted as text (test/fixtures/import/web-list.txt).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExchangeMeasure, ExchangePlan } from '../plan/index.js';
import { listsToRecords } from './lists.layout.js';
import { parseCatalogue } from './parse.catalogue.js';
import { readText } from './text.reader.js';

const measures = (plan: ExchangePlan): ExchangeMeasure[] => plan.fields.flatMap((field) => field.goals.flatMap((goal) => goal.measures));
const actors = (m: ExchangeMeasure) => m.actors.map((a) => `${a.name}:${a.role}`);
const timeframe = (m: ExchangeMeasure): string => {
  const value = m.timeframe as unknown;
  return typeof value === 'string' ? value : ((value as { label?: string } | undefined)?.label ?? '');
};

async function parse(text: string): Promise<{ plan: ExchangePlan; warnings: string[] }> {
  const result = await parseCatalogue({ text });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return { plan: result.plan, warnings: result.warnings.map((w) => `${w.row}: ${w.message}`) };
}

describe('a web list pasted as text', () => {
  it('reads every item and heading block as a measure with its implementers, timeframe and status', async () => {
    const { plan, warnings } = await parse(readFileSync(new URL('../../../test/fixtures/import/web-list.txt', import.meta.url), 'utf8'));
    expect(plan.plan.title).toBe('Integrationsplan der Gemeinde Talheim – Maßnahmen im Überblick');
    expect(plan.fields.map((field) => field.title)).toEqual(['Sprache und Bildung', 'Arbeit und Ausbildung', 'Zusammenleben']);
    expect(plan.fields[0].goals.map((goal) => goal.text)).toEqual(['Alle Neuzugewanderten finden schnell ein passendes Sprachangebot']);
    // The goal of the first field does not carry over into the others.
    expect(plan.fields.slice(1).flatMap((field) => field.goals.map((goal) => goal.text))).not.toContain('Alle Neuzugewanderten finden schnell ein passendes Sprachangebot');
    const all = measures(plan);
    expect(all.map((m) => [m.text, actors(m), timeframe(m), m.status.label, m.status.category])).toEqual([
      ['Vernetzung der Angebote für Deutschlernende in einer gemeinsamen Übersicht', ['VHS Talheim:lead', 'Familienzentrum:partner', 'Ehrenamtskreis Asyl:partner'], '', '', 'unknown'],
      ['Sprachpatenschaften für Familien mit Kindern im Kita-Alter', ['Freiwilligenagentur Talheim:lead'], 'ab Herbst 2025', '', 'unknown'],
      ['Deutschkurs mit Kinderbetreuung am Vormittag', ['Volkshochschule Talheim:lead'], '', 'in Planung', 'planned'],
      ['Jobcafé für Geflüchtete im Rathaus', ['Jobcenter Landkreis Heilbronn:lead', 'Agentur für Arbeit:partner'], '', '', 'unknown'],
      ['Praktikumsbörse mit örtlichen Betrieben', ['Gewerbeverein Talheim:lead'], '', 'umgesetzt', 'completed'],
      ['Interkulturelles Gemeindefest', ['Kulturamt:lead', 'Migrantenorganisationen:partner', 'Sportvereine:partner'], 'jährlich', 'läuft', expect.any(String)],
      ['Begegnungscafé im Bürgerhaus', ['Integrationsbeauftragte der Gemeinde:lead'], 'seit 2024', 'umgesetzt', 'completed'],
    ]);
    // The list's own numbers are kept as written (loosely: how a number is stored is another change's business).
    expect(JSON.stringify(all.slice(0, 3).map((m) => [m.number, (m as { code?: string }).code]))).toMatch(/1.*2.*3/);
    expect(warnings.filter((w) => /außerhalb der Tabelle/.test(w))).toEqual([]);
  });

  it('takes tab-indented implementer lines and a label value on the next line, and leaves a vision list alone', async () => {
    const { plan } = await parse(
      [
        'Handlungsfeld Wohnen',
        'Vision:',
        '• Alle finden eine Wohnung.',
        'Maßnahmen',
        '1. Wohnraumbörse einrichten',
        '\tAmt für Soziales, Haus & Grund Talheim',
        '2. Mietführerschein anbieten (FF: Caritas)',
        'Zeitraum:',
        '2026',
      ].join('\n'),
    );
    expect(plan.fields[0].visions).toEqual(['Alle finden eine Wohnung.']);
    expect(measures(plan).map((m) => [m.text, actors(m), timeframe(m)])).toEqual([
      ['Wohnraumbörse einrichten', ['Amt für Soziales:lead', 'Haus & Grund Talheim:partner'], ''],
      ['Mietführerschein anbieten', ['Caritas:lead'], '2026'],
    ]);
  });

  it('leaves lists without detail lines, numbered headings with bullets and label records as they are', () => {
    for (const text of [
      ['1. Sprache', '• Sprachcafé (FF: VHS)', '• Lesepatenschaften', '2. Arbeit', '• Jobmesse (FF: Jobcenter)'],
      ['• Jobmesse', 'FF: Jobcenter', 'Status: in Planung'],
      ['Ziel: Mehr Menschen lernen Deutsch', 'Maßnahme 1: Sprachpatenschaften vermitteln', 'Verantwortlich: Freiwilligenagentur'],
    ]) {
      const rows = readText('x.txt', text.join('\n')).sheets[0].rows;
      expect(listsToRecords(rows)).toBe(rows);
    }
  });
});
