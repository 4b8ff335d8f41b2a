// Word catalogues laid out the way towns keep them: goal rows merged across the table, and a second table with
// other columns. Re-applying the detected mapping must read every table as the first read did.
import { describe, expect, it } from 'vitest';
import { docx, para, table } from '../../../test/fixtures/import/docx.build.js';
import type { ColumnRole } from './columns.detect.js';
import { parseCatalogue } from './parse.catalogue.js';

const goalsOf = (plan: { fields: Array<{ title: string; goals: Array<{ number?: string | null; text: string; measures: Array<{ text: string }> }> }> }) =>
  plan.fields.map((f) => ({ field: f.title, goals: f.goals.map((g) => ({ ...(g.number ? { number: g.number } : {}), goal: g.text, measures: g.measures.map((m) => m.text) })) }));

describe('goal rows merged across a Word table', () => {
  it('head the measures below them, up to the next goal row', async () => {
    const bytes = await docx(
      para('Integrationsplan Talheim') +
        para('Handlungsfeld Sprache und Bildung') +
        table([
          ['Nr.', 'Maßnahme', 'Akteure', 'Status'],
          { goal: 'Ziel 1.1: Das Angebot an Deutschkursen wird ausgebaut' },
          ['1', 'Sprachkurs für Eltern', 'VHS', 'umgesetzt'],
          ['2', 'Kurs mit Kinderbetreuung', 'Familienzentrum', 'in Planung'],
          { goal: 'Ziel: Mehr Kinder besuchen eine Kita' },
          ['3', 'Kita-Lotsen', 'Jugendamt', 'umgesetzt'],
        ]),
    );
    const parsed = await parseCatalogue({ fileName: 'ziele.docx', bytes });
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    if (!parsed.ok) return;
    expect(goalsOf(parsed.plan)).toEqual([
      {
        field: 'Sprache und Bildung',
        goals: [
          { number: '1.1', goal: 'Das Angebot an Deutschkursen wird ausgebaut', measures: ['Sprachkurs für Eltern', 'Kurs mit Kinderbetreuung'] },
          { goal: 'Mehr Kinder besuchen eine Kita', measures: ['Kita-Lotsen'] },
        ],
      },
    ]);
    expect(parsed.plan.plan.title).toBe('Integrationsplan Talheim');
    expect(parsed.warnings.map((w) => w.message).join('\n')).not.toMatch(/außerhalb der Tabelle/);
  });

  it('"Ziele:" and "Leitziel" rows are goals too', async () => {
    const bytes = await docx(
      table([
        ['Maßnahme', 'Akteure'],
        { goal: 'Ziele: Arbeit finden' },
        ['Jobbörse', 'Jobcenter'],
        { goal: 'Leitziel 2 – Wohnen für alle' },
        ['Wohnraumbörse', 'Stadt'],
      ]),
    );
    const parsed = await parseCatalogue({ fileName: 'ziele.docx', bytes });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(goalsOf(parsed.plan)[0].goals).toEqual([
      { goal: 'Arbeit finden', measures: ['Jobbörse'] },
      { number: '2', goal: 'Wohnen für alle', measures: ['Wohnraumbörse'] },
    ]);
  });
});

describe('a Word document with two tables', () => {
  const twoTables = () =>
    docx(
      para('Integrationsplan Talheim') +
        para('Handlungsfeld Sprache') +
        table([
          ['Ziel', 'Maßnahme', 'Akteure', 'Status', 'Zeitraum'],
          ['Mehr Kurse', 'Sprachkurs für Eltern', 'VHS', 'umgesetzt', '2025'],
          ['Mehr Kurse', 'Sprachcafé', 'Stadtbibliothek', 'Läuft', 'laufend'],
        ]) +
        para('Handlungsfeld Arbeit') +
        table([
          ['Nr.', 'Maßnahme', 'Federführung', 'Zeitraum', 'Status'],
          ['7', 'Jobbörse für Geflüchtete', 'Jobcenter', '2026', 'geplant'],
          ['8', 'Praktikumsbörse', 'IHK', '2025–2027', 'umgesetzt'],
        ]),
    );

  it('re-applying the detected mapping unchanged gives the same plan as the first read', async () => {
    const bytes = await twoTables();
    const first = await parseCatalogue({ fileName: 'zwei.docx', bytes });
    expect(first.ok, JSON.stringify(first)).toBe(true);
    if (!first.ok) return;
    // What the preview form posts back when nothing is changed.
    const columnMapping: Partial<Record<ColumnRole, number>> = {};
    for (const h of first.columns.headers) if (h.role) columnMapping[h.role] = h.index;
    const statusMapping = Object.fromEntries(first.statuses.map((s) => [s.label, s.category]));
    const again = await parseCatalogue({ fileName: 'zwei.docx', bytes }, { columnMapping, statusMapping });
    expect(again).toEqual(first);
    const arbeit = first.plan.fields.find((f) => f.title === 'Arbeit')!;
    const m = arbeit.goals[0].measures[0];
    expect(m).toMatchObject({ number: '7', text: 'Jobbörse für Geflüchtete', timeframe: '2026', status: { label: 'geplant' } });
    expect(m.actors.map((a) => a.name)).toEqual(['Jobcenter']);
  });

  it('a changed mapping applies to the table it was offered for, not to the second one', async () => {
    const bytes = await twoTables();
    // The first table's "Zeitraum" and "Status" swapped by the officer.
    const parsed = await parseCatalogue({ fileName: 'zwei.docx', bytes }, { columnMapping: { goal: 0, measure: 1, actors: 2, status: 4, timeframe: 3 } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [sprache, arbeit] = parsed.plan.fields;
    expect(sprache.goals[0].measures[0]).toMatchObject({ timeframe: 'umgesetzt', status: { label: '2025' } });
    expect(arbeit.goals[0].measures[1]).toMatchObject({ number: '8', text: 'Praktikumsbörse', timeframe: '2025–2027', status: { label: 'umgesetzt' } });
  });
});
