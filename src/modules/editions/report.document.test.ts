// The report's blocks from plain data: overdue measures with their reasons, indicators against their targets with
// a chart each, the changes since the last edition (as the public may read them), the year's priorities, the
// funding, and per field the measures with their goal and latest note.
import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.js';
import { dashboardCharts, indicatorChart, summarize } from '../monitoring/index.js';
import { compareSnapshots } from './compare.js';
import { buildReport, type ReportBlock, type ReportInput } from './report.document.js';
import type { PlanSnapshot, SnapshotMeasure } from './snapshot.js';

const t = translator('de');
const TODAY = '2026-03-02';

const measure = (m: Partial<SnapshotMeasure> & { id: number; text: string }): SnapshotMeasure => ({
  lineage: [], number: String(m.id), further: false, actors: [{ name: 'VHS', role: 'lead', parent: null }],
  status: { category: 'planned', label: 'In Planung', date: null }, timeframe: { start: null, end: null }, targetGroups: '', notes: [], ...m,
});

const snapshot = (takenAt: string, measures: SnapshotMeasure[]): PlanSnapshot => ({
  version: 1, takenAt,
  plan: { id: 1, title: 'Integrationsplan Testdorf', edition: '', periodStart: 2023, periodEnd: 2030, state: 'draft', intro: '' },
  guidingGoals: [],
  fields: [{ id: 1, lineage: [], title: 'Sprache', description: '', visions: [], goals: [{ id: 10, lineage: [], text: 'Deutsch lernen', guidingGoalId: null, measures }], furtherMeasures: [] }],
});

function input(): ReportInput {
  const late = measure({ id: 1, text: 'Sprachcafé eröffnen', timeframe: { start: null, end: '2024' } });
  const done = measure({ id: 2, text: 'Kurse ausbauen', status: { category: 'completed', label: 'Abgeschlossen', date: null }, notes: [{ text: 'Drei Kurse laufen', date: '2025-11-03' }] });
  const monthly = measure({ id: 3, text: 'Elterncafé', actors: [], notes: [{ text: 'Erstes Treffen', date: '2025-09' }] });
  const now = snapshot(`${TODAY}T09:00:00.000Z`, [late, done]);
  now.fields[0].furtherMeasures = [monthly];
  const then = snapshot('2025-03-12T09:00:00.000Z', [late, { ...done, status: { category: 'in_progress', label: 'In Umsetzung', date: null } }]);
  const dashboard = summarize(
    {
      plan: { id: 1, title: 'Integrationsplan Testdorf', state: 'draft' },
      fields: [{ id: 1, title: 'Sprache', goalIds: [10] }],
      measures: [late, done].map((m) => ({
        id: m.id, number: m.number, text: m.text, field_id: 1, goal_id: 10, status_category: m.status.category, status_label: m.status.label, status_date: null,
        timeframe_start: m.timeframe.start, timeframe_end: m.timeframe.end, actors: [{ id: 1, name: 'VHS', parentName: null, role: 'lead' as const }], last_note_on: m.notes[0]?.date ?? null,
      })),
      statusChanges: [], notes: [], funding: [],
      indicators: [{ id: 7, name: 'Abschlüsse von Integrationskursen', unit: '%', source: 'VHS', goal_id: 10, guiding_goal_id: null, baseline_value: 10, baseline_year: 2022, target_value: 50, target_year: 2030, values: [{ period: '2025', value: 30 }] }],
    },
    TODAY,
  );
  const charts = dashboardCharts(dashboard, t, 'de');
  return {
    t, lang: 'de', municipalityName: 'Testdorf', stateDate: TODAY, snapshot: now, dashboard,
    charts: [charts.status, charts.changes, charts.actors],
    indicatorCharts: new Map(dashboard.indicators.map((i) => [i.id, indicatorChart(i, t, 'de')])),
    changes: {
      edition: { id: 3, plan_id: 1, plan_title: 'Integrationsplan Testdorf', label: '1.0', adopted_on: '2025-03-11', paper_number: 'GR 17/2025', note: '', created_at: then.takenAt, created_by: 'Erika' },
      comparison: compareSnapshots(then, now, [
        { measureId: 2, fromLabel: 'In Umsetzung', fromCategory: 'in_progress', toLabel: 'In Umsetzung seit 2025', toCategory: 'in_progress', note: 'Aus der Tabelle „rücklauf.xlsx“ übernommen.', noteInternal: true, changedAt: '2025-09-01T08:00:00.000Z', changedBy: 'Erika Mustermann' },
        { measureId: 2, fromLabel: 'In Umsetzung seit 2025', fromCategory: 'in_progress', toLabel: 'Abgeschlossen', toCategory: 'completed', note: 'Alle Kurse laufen', changedAt: '2025-10-01T08:00:00.000Z', changedBy: 'Erika Mustermann', publicBy: '' },
      ]),
    },
    priorities: {
      year: 2026,
      items: [{
        id: 5, plan_id: 1, year: 2026, title: 'Mehr Kursplätze', description: 'Zwei neue Kurse am Abend', guidingGoal: { id: 9, text: 'Alle sprechen Deutsch', target_year: 2030 },
        goals: [{ id: 10, text: 'Deutsch lernen', fieldTitle: 'Sprache' }], measures: [{ id: 2, number: '2', text: 'Kurse ausbauen', status_category: 'completed', status_label: 'Abgeschlossen' }],
        progress: { total: 2, done: 1, byCategory: [] },
      }],
    },
    funding: [{ measure_id: 2, programme: 'Landesprogramm Sprache', amount_cents: 1_250_000, start_date: '2025-01-01', end_date: '2026-12-31' }, { measure_id: 1, programme: 'Stiftung', amount_cents: 50_000, start_date: null, end_date: '2026-06-30' }],
  };
}

const tableAfter = (blocks: ReportBlock[], heading: string) => {
  const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  return blocks.slice(at + 1).find((b): b is Extract<ReportBlock, { kind: 'table' }> => b.kind === 'table')!;
};

describe('buildReport', () => {
  const report = buildReport(input());

  it('names the report, the plan, the municipality and the state, and marks a draft', () => {
    expect(report.title).toBe('Sachstandsbericht 2026');
    expect(report.languageTag).toBe('de-DE');
    expect(report.subtitle).toEqual(['Integrationsplan Testdorf', 'Testdorf', 'Stand: 02.03.2026 · Entwurf']);
  });

  it('sums up the figures', () => {
    const rows = tableAfter(report.blocks, 'Auf einen Blick').rows;
    expect(rows).toContainEqual(['Maßnahmen insgesamt', '2']);
    expect(rows).toContainEqual(['Abgeschlossen', '1 (50\u00a0%)']);
    expect(rows).toContainEqual(['Überfällige Maßnahmen', '1']);
    expect(rows).toContainEqual(['Seit der letzten Fassung', 'Fassung 1.0: Statusänderungen 1, neu aufgenommen 1, entfallen 0, geändert 0']);
  });

  it('lists the status change since the last edition with its reason', () => {
    const intro = report.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('Verglichen wird'));
    expect(intro).toMatchObject({ text: 'Verglichen wird die Fassung 1.0, festgehalten am 12.03.2025 (beschlossen am 11.03.2025, Drucksache GR 17/2025), mit dem Stand vom 02.03.2026.' });
    // As the public may read it: the administration, not the person; an internal note (an import's) is left out.
    expect(tableAfter(report.blocks, '1 Statusänderung').rows).toEqual([
      ['Maßnahme 2\nKurse ausbauen', 'In Umsetzung', 'Abgeschlossen', '01.09.2025, Stadtverwaltung: „In Umsetzung seit 2025“ – ohne Begründung\n01.10.2025, Stadtverwaltung: „Abgeschlossen“ – Alle Kurse laufen'],
    ]);
  });

  it('lists an overdue measure with the reason and the date that passed', () => {
    expect(tableAfter(report.blocks, 'Überfällige Maßnahmen (1)').rows).toEqual([
      ['Maßnahme 1\nSprachcafé eröffnen', 'Sprache', 'In Planung (Geplant)', 'Geplantes Ende verstrichen (31.12.2024)'],
    ]);
  });

  it('sets indicators against their targets, each with a chart, its text alternative and its table', () => {
    expect(tableAfter(report.blocks, 'Kennzahlen und Ziele').rows).toEqual([
      ['Abschlüsse von Integrationskursen\nQuelle: VHS', '10 % (2022)', '30 % (2025)', '50 % (2030)', '50\u00a0% erreicht'],
    ]);
    const at = report.blocks.findIndex((b) => b.kind === 'heading' && b.text.includes('Abschlüsse von Integrationskursen'));
    const [figure, summary, table] = report.blocks.slice(at + 1, at + 4);
    expect(figure).toMatchObject({ kind: 'figure' });
    expect(figure.kind === 'figure' && figure.svg.startsWith('<svg')).toBe(true);
    expect(figure.kind === 'figure' && summary.kind === 'paragraph' && figure.alt === summary.text).toBe(true);
    expect(table).toMatchObject({ kind: 'table' });
  });

  it('gives every chart a text alternative and a data table', () => {
    const figures = report.blocks.flatMap((b, i) => (b.kind === 'figure' ? [i] : []));
    expect(figures).toHaveLength(4);
    for (const i of figures) {
      const figure = report.blocks[i] as Extract<ReportBlock, { kind: 'figure' }>;
      expect(figure.alt.length).toBeGreaterThan(20);
      expect(report.blocks[i + 2].kind).toBe('table');
    }
  });

  it('shows per field the measures with their goal, status and latest note, dated as every date of the report', () => {
    const table = tableAfter(report.blocks, 'Sprache');
    expect(table.columns).toEqual(['Nr.', 'Maßnahme', 'Ziel', 'Akteurinnen und Akteure', 'Status', 'Letzter Sachstand']);
    expect(table.rows).toEqual([
      ['1', 'Sprachcafé eröffnen', 'Deutsch lernen', 'VHS (federführend)', 'In Planung (Geplant)', '–'],
      ['2', 'Kurse ausbauen', 'Deutsch lernen', 'VHS (federführend)', 'Abgeschlossen', 'Drei Kurse laufen (03.11.2025)'],
      ['3', 'Elterncafé', 'Weitere Maßnahmen', '', 'In Planung (Geplant)', 'Erstes Treffen (September 2025)'],
    ]);
  });

  it("lists the year's priorities with their guiding goal, links and progress", () => {
    expect(tableAfter(report.blocks, 'Jahresziele 2026').rows).toEqual([
      ['Mehr Kursplätze\nZwei neue Kurse am Abend', 'Alle sprechen Deutsch', 'Ziel: Deutsch lernen\nMaßnahme 2: Kurse ausbauen', '1 von 2 Maßnahmen abgeschlossen oder fortlaufend'],
    ]);
    const none = buildReport({ ...input(), priorities: { year: 2026, items: [] } }).blocks;
    const at = none.findIndex((b) => b.kind === 'heading' && b.text === 'Jahresziele 2026');
    expect(none[at + 1]).toMatchObject({ kind: 'paragraph', text: 'Für 2026 sind keine Jahresziele festgelegt.' });
  });

  it('lists the funding of the measures with amount, period and a total', () => {
    const table = tableAfter(report.blocks, 'Förderung');
    expect(table.rows).toEqual([
      ['Maßnahme 2\nKurse ausbauen', 'Landesprogramm Sprache', '12.500,00\u00a0€', '01.01.2025 – 31.12.2026'],
      ['Maßnahme 1\nSprachcafé eröffnen', 'Stiftung', '500,00\u00a0€', 'bis 30.06.2026'],
      ['Summe', '', '13.000,00\u00a0€', ''],
    ]);
  });


  it('says so when there is no edition to compare with', () => {
    const blocks = buildReport({ ...input(), changes: null }).blocks;
    const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Änderungen seit der letzten Fassung');
    expect(blocks[at + 1]).toMatchObject({ kind: 'paragraph', text: expect.stringContaining('noch keine Fassung festgehalten') });
  });
});
