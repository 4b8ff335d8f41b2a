// Charts: valid SVG without any style attribute, named by their summary, and the numbers of the data in the
// chart, the sentence and the table alike.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n/i18n.js';
import { STATUS_CATEGORIES } from '../plan/index.js';
import { cleanSvg } from './chart.svg.js';
import { renderActorChart, renderIndicatorChart, renderStatusChart, renderTimelineChart } from './charts.js';
import { actorChart, indicatorChart, statusChart, timelineChart } from './dashboard.charts.js';
import { summarize, type DashboardSource } from './dashboard.js';

const t = translator('de');

/** Parses as SVG (resvg refuses malformed XML) and renders to a non-empty picture. */
function expectValidSvg(svg: string) {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  expect(png.width).toBeGreaterThan(100);
  expect(png.height).toBeGreaterThan(100);
}

function expectNoStyle(svg: string) {
  expect(svg).not.toMatch(/\sstyle\s*=/i);
  expect(svg).not.toMatch(/<style/i);
  expect(svg).not.toMatch(/<script/i);
}

/** The texts drawn in the chart. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

const source = (): DashboardSource => ({
  plan: { id: 1, title: 'Plan', state: 'published' },
  fields: [{ id: 10, title: 'Sprache', goalIds: [100] }, { id: 11, title: 'Arbeit', goalIds: [] }],
  measures: [
    ...Array.from({ length: 7 }, (_, i) => ({ id: i + 1, category: 'completed' as const, field: 10 })),
    ...Array.from({ length: 4 }, (_, i) => ({ id: i + 20, category: 'ongoing' as const, field: 10 })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: i + 30, category: 'planned' as const, field: 11 })),
    { id: 40, category: 'not_started' as const, field: 11 },
  ].map((m) => ({
    id: m.id, number: String(m.id), text: `Maßnahme ${m.id}`, field_id: m.field, goal_id: null, status_category: m.category, status_label: '', status_date: null,
    timeframe_start: null, timeframe_end: null, last_note_on: null,
    actors: m.id <= 3 ? [{ id: 1, name: 'Jobcenter', parentName: null, role: 'lead' as const }, { id: 2, name: 'VHS <Kreis>', parentName: null, role: 'partner' as const }] : [],
  })),
  statusChanges: [
    { measure_id: 1, changed_at: '2026-02-03T10:00:00Z', from_label: 'In Planung' },
    { measure_id: 2, changed_at: '2026-02-04T10:00:00Z', from_label: 'In Planung' },
    { measure_id: 3, changed_at: '2025-07-04T10:00:00Z', from_label: 'offen' },
    { measure_id: 4, changed_at: '2026-02-05T10:00:00Z', from_label: null },
  ],
  notes: [{ measure_id: 1, note_date: '2025-11-30', created_at: '2025-12-01T10:00:00Z' }],
  funding: [],
  indicators: [],
});

describe('SVG cleaning', () => {
  it('turns style attributes into presentation attributes and drops the rest', () => {
    const svg = cleanSvg(
      '<svg width="10" height="10"><text style="font-size:12px;font-family:sans-serif;cursor:pointer;fill:url(#x)" fill="#000">a</text><rect style="fill:#fff" class="zr0-cls-1" ecmeta_series_index="0"/><style>.x{}</style></svg>',
      { labelledBy: 's', title: 'T' },
    );
    expectNoStyle(svg);
    expect(svg).toContain('<text font-size="12px" font-family="sans-serif" fill="#000">a</text>');
    expect(svg).toContain('<rect fill="#fff"/>');
    expect(svg).toContain('role="img" aria-labelledby="s"');
    expect(svg).toContain('<title>T</title>');
  });
  it('keeps an element’s own attribute over its style and escapes what it writes', () => {
    const svg = cleanSvg('<svg><text fill="#111" style="fill:#eee;font-family:&quot;Fira Sans&quot;">x</text></svg>', { labelledBy: 'a"b', title: '<T>' });
    expect(svg).toContain('<text fill="#111" font-family="&quot;Fira Sans&quot;">x</text>');
    expect(svg).toContain('aria-labelledby="a&quot;b"');
    expect(svg).toContain('<title>&lt;T></title>');
  });
});

describe('status chart', () => {
  const data = summarize(source(), '2026-03-01');
  const chart = statusChart(data, t, 'de');

  it('is valid SVG without style, named by its summary', () => {
    expectValidSvg(chart.svg);
    expectNoStyle(chart.svg);
    expect(chart.svg).toContain('role="img"');
    expect(chart.svg).toContain(`aria-labelledby="${chart.id}-summary"`);
  });
  it('draws every category with its count', () => {
    const drawn = texts(chart.svg);
    for (const c of STATUS_CATEGORIES) expect(drawn).toContain(t(`status.${c}`));
    // value labels: the non-zero counts appear as bar labels
    for (const n of ['7', '4', '3', '1']) expect(drawn).toContain(n);
  });
  it('says the same in its sentence and its table', () => {
    const name = (c: string) => t(`status.${c}`);
    // Intl writes a no-break space before the percent sign
    expect(chart.summary).toBe(`15 Maßnahmen: 3 ${name('planned')}, 1 ${name('not_started')}, 4 ${name('ongoing')}, 7 ${name('completed')}. Abgeschlossen oder laufend: 73\u00a0%.`);
    expect(chart.table.columns).toEqual(['Stand', 'Anzahl', 'Anteil']);
    expect(chart.table.rows).toHaveLength(STATUS_CATEGORIES.length);
    expect(chart.table.rows.find((r) => r.header === t('status.completed'))!.cells).toEqual(['7', '47\u00a0%']);
    expect(chart.table.rows.find((r) => r.header === t('status.discontinued'))!.cells).toEqual(['0', '0\u00a0%']);
    expect(chart.table.rows.reduce((s, r) => s + Number(r.cells[0]), 0)).toBe(15);
  });
  it('an empty plan says so', () => {
    const empty = statusChart(summarize({ ...source(), measures: [] }, '2026-03-01'), t, 'de');
    expect(empty.summary).toBe('Dieser Plan hat noch keine Maßnahmen.');
    expectValidSvg(empty.svg);
  });
});

describe('timeline chart', () => {
  const chart = timelineChart(summarize(source(), '2026-03-01'), t, 'de');
  it('is valid SVG without style', () => {
    expectValidSvg(chart.svg);
    expectNoStyle(chart.svg);
  });
  it('has twelve months from April 2025 to March 2026 with the counts of the data', () => {
    expect(chart.table.rows.map((r) => r.header)).toEqual([
      'April 2025', 'Mai 2025', 'Juni 2025', 'Juli 2025', 'August 2025', 'September 2025', 'Oktober 2025', 'November 2025', 'Dezember 2025', 'Januar 2026', 'Februar 2026', 'März 2026',
    ]);
    const row = (h: string) => chart.table.rows.find((r) => r.header === h)!.cells;
    expect(row('Februar 2026')).toEqual(['2', '0']); // the first status (from_label null) is no change
    expect(row('Juli 2025')).toEqual(['1', '0']);
    expect(row('November 2025')).toEqual(['0', '1']);
    expect(chart.summary).toBe('Von April 2025 bis März 2026: 3 Statusänderungen und 1 Sachstandsnotizen. Die meisten im Februar 2026 (2).');
    for (const label of ['Statusänderungen', 'Sachstandsnotizen', 'Februar 2026']) expect(texts(chart.svg)).toContain(label);
  });
});

describe('actor chart', () => {
  const chart = actorChart(summarize(source(), '2026-03-01'), t, 'de');
  it('is valid SVG without style, escapes names, and counts lead and partner roles', () => {
    expectValidSvg(chart.svg);
    expectNoStyle(chart.svg);
    expect(chart.svg).toContain('VHS &lt;Kreis&gt;');
    expect(chart.svg).not.toContain('<Kreis>');
    expect(chart.table.rows).toEqual([{ header: 'Jobcenter', cells: ['3', '0'] }, { header: 'VHS <Kreis>', cells: ['0', '3'] }]);
    expect(chart.summary).toContain('2 Akteure');
    expect(chart.summary).toContain('Jobcenter (3 federführend, 0 als Partner)');
  });
  it('shows at most twelve actors in the chart but lists all in the table', () => {
    const many = source();
    many.measures[0].actors = Array.from({ length: 20 }, (_, i) => ({ id: 100 + i, name: `Akteur ${String(i).padStart(2, '0')}`, parentName: null, role: 'partner' as const }));
    const c = actorChart(summarize(many, '2026-03-01'), t, 'de');
    expect(c.table.rows).toHaveLength(22);
    expect(texts(c.svg).filter((s) => s.startsWith('Akteur ')).length).toBe(10); // 12 shown: Jobcenter, VHS and ten others
    expect(c.summary).toContain('die Tabelle alle');
  });
});

describe('indicator chart', () => {
  const ind = {
    id: 5, name: 'Teilnehmende an Sprachkursen', unit: 'Personen', source: 'VHS', goal_id: 100, guiding_goal_id: null,
    baseline_value: 1000, baseline_year: 2021, target_value: 1500, target_year: 2030,
    values: [{ period: '2024', value: 1200 }, { period: '2022', value: 1076.5 }],
    latest: { period: '2024', value: 1200 }, progress: 0.4,
  };
  const chart = indicatorChart(ind, t, 'de');
  it('is valid SVG without style', () => {
    expectValidSvg(chart.svg);
    expectNoStyle(chart.svg);
  });
  it('draws the values, baseline and target, in German numbers', () => {
    const drawn = texts(chart.svg);
    expect(drawn).toContain('1.076,5 Personen');
    expect(drawn).toContain('1.200 Personen');
    expect(drawn).toContain('Zielwert: 1.500 Personen');
    for (const year of ['2021', '2022', '2024', '2030']) expect(drawn).toContain(year);
  });
  it('tells and tabulates the same', () => {
    expect(chart.summary).toBe('Teilnehmende an Sprachkursen: Ausgangswert 1.000 Personen (2021); zuletzt 1.200 Personen (2024); Ziel 1.500 Personen bis 2030; 40\u00a0% des Weges zum Ziel erreicht.');
    expect(chart.table.columns).toEqual(['Zeitpunkt', 'Wert in Personen']);
    expect(chart.table.rows).toEqual([
      { header: '2021 (Ausgangswert)', cells: ['1.000 Personen'] },
      { header: '2022', cells: ['1.076,5 Personen'] },
      { header: '2024', cells: ['1.200 Personen'] },
      { header: '2030 (Zielwert)', cells: ['1.500 Personen'] },
    ]);
  });
  it('works without baseline, target or values', () => {
    const bare = indicatorChart({ ...ind, baseline_value: null, baseline_year: null, target_value: null, target_year: null, values: [], latest: null, progress: null }, t, 'de');
    expectValidSvg(bare.svg);
    expect(bare.summary).toBe('Teilnehmende an Sprachkursen: noch keine Werte erfasst.');
    expect(bare.table.rows).toEqual([]);
  });
});

describe('bare renderers', () => {
  it('each returns a clean SVG of the requested size', () => {
    const o = { labelledBy: 'x', title: 'X', width: 500, height: 260 };
    const svgs = [
      renderStatusChart([{ category: 'completed', label: 'Fertig', count: 2 }], o),
      renderTimelineChart([{ month: '2026-01', label: 'Jan', statusChanges: 1, notes: 2 }], { statusChanges: 'S', notes: 'N' }, o),
      renderActorChart([{ name: 'A', lead: 1, partner: 2 }], { lead: 'L', partner: 'P' }, o),
      renderIndicatorChart({ points: [{ period: '2024', label: '2024', value: 3 }], baseline: null, target: { year: null, value: 5 }, names: { values: 'W', baseline: 'B', target: 'Z' }, unit: '' }, o),
    ];
    for (const svg of svgs) {
      expectValidSvg(svg);
      expectNoStyle(svg);
      expect(svg).toMatch(/^<svg width="500" height="260"/);
    }
  });
});
