import { describe, expect, it } from 'vitest';
import { compareSnapshots, normalizeText, similarity, type HistoryEntry } from './compare.js';
import type { PlanSnapshot, SnapshotMeasure } from './snapshot.js';

/** Numbers given as integers for brevity; a snapshot holds them as text. */
type M = Omit<Partial<SnapshotMeasure>, 'number'> & { id: number; text: string; number?: number | string | null };

const measure = (m: M): SnapshotMeasure => ({
  lineage: [],
  further: false,
  actors: [{ name: 'VHS', role: 'lead', parent: null }],
  status: { category: 'planned', label: 'In Planung', date: null },
  timeframe: { start: null, end: null },
  targetGroups: '',
  notes: [],
  ...m,
  number: m.number === undefined || m.number === null ? null : String(m.number),
});

interface FieldSpec {
  id: number;
  title: string;
  lineage?: number[];
  goals: Array<{ id: number; text: string; lineage?: number[]; measures: M[] }>;
  further?: M[];
}

const snapshot = (takenAt: string, fields: FieldSpec[]): PlanSnapshot => ({
  version: 1,
  takenAt,
  plan: { id: 1, title: 'Plan', edition: '', periodStart: null, periodEnd: null, state: 'published', intro: '' },
  guidingGoals: [],
  fields: fields.map((f) => ({
    id: f.id,
    lineage: f.lineage ?? [],
    title: f.title,
    description: '',
    visions: [],
    goals: f.goals.map((g) => ({ id: g.id, lineage: g.lineage ?? [], text: g.text, guidingGoalId: null, measures: g.measures.map(measure) })),
    furtherMeasures: (f.further ?? []).map((m) => measure({ ...m, further: true })),
  })),
});

const one = (takenAt: string, measures: M[], goal = { id: 10, text: 'Sprache fördern' }, field = { id: 1, title: 'Sprache' }) =>
  snapshot(takenAt, [{ ...field, goals: [{ ...goal, measures }] }]);

const history = (h: Partial<HistoryEntry> & { measureId: number; changedAt: string }): HistoryEntry => ({
  fromLabel: 'In Planung',
  fromCategory: 'planned',
  toLabel: 'In Umsetzung',
  toCategory: 'in_progress',
  note: '',
  changedBy: 'Erika',
  ...h,
});

const T1 = '2025-01-01T00:00:00.000Z';
const T2 = '2026-01-01T00:00:00.000Z';

describe('compareSnapshots', () => {
  it('finds nothing between a snapshot and itself', () => {
    const a = one(T1, [{ id: 1, number: 1, text: 'Sprachkurse ausbauen' }, { id: 2, number: 2, text: 'Sprachcafé' }]);
    const result = compareSnapshots(a, { ...a, takenAt: T2 }, []);
    expect(result).toMatchObject({ added: [], removed: [], changed: [], statusChanges: [], unchanged: 2 });
  });

  it('lists added and removed measures', () => {
    const a = one(T1, [{ id: 1, number: 1, text: 'Sprachkurse ausbauen' }, { id: 2, number: 2, text: 'Lotsenprojekt für Familien' }]);
    const b = one(T2, [{ id: 1, number: 1, text: 'Sprachkurse ausbauen' }, { id: 3, number: 2, text: 'Hausaufgabenhilfe an Grundschulen' }]);
    const result = compareSnapshots(a, b, []);
    expect(result.added.map((p) => p.measure.id)).toEqual([3]);
    expect(result.removed.map((p) => p.measure.id)).toEqual([2]);
    expect(result.unchanged).toBe(1);
  });

  it('matches by id first: a renumbered and reworded measure is a change, not a removal and an addition', () => {
    const a = one(T1, [{ id: 7, number: 3, text: 'Sprachkurse ausbauen' }]);
    const b = one(T2, [{ id: 7, number: 12, text: 'Integrationskurse mit Kinderbetreuung anbieten' }]);
    const [change] = compareSnapshots(a, b, []).changed;
    expect(change.matchedBy).toBe('identity');
    expect(change.changes).toEqual(['text', 'number']);
  });

  it('matches a copy with its origin through the lineage, also across plans with new field and goal ids', () => {
    const a = one(T1, [{ id: 7, number: 3, text: 'Sprachkurse ausbauen' }]);
    const b = snapshot(T2, [{ id: 91, lineage: [1], title: 'Sprache', goals: [{ id: 92, lineage: [10], text: 'Sprache fördern', measures: [{ id: 93, lineage: [7], number: 1, text: 'Völlig neu formuliert' }] }] }]);
    const result = compareSnapshots(a, b, []);
    expect(result.added).toEqual([]);
    expect(result.changed[0]).toMatchObject({ matchedBy: 'identity', changes: ['text', 'number'] });
  });

  it('reports a move to another goal and another field, and changed actors', () => {
    const a = snapshot(T1, [
      { id: 1, title: 'Sprache', goals: [{ id: 10, text: 'Sprache fördern', measures: [{ id: 5, number: 5, text: 'Sprachpaten' }] }] },
      { id: 2, title: 'Arbeit', goals: [{ id: 20, text: 'Arbeit finden', measures: [] }] },
    ]);
    const b = snapshot(T2, [
      { id: 1, title: 'Sprache', goals: [{ id: 10, text: 'Sprache fördern', measures: [] }] },
      { id: 2, title: 'Arbeit', goals: [{ id: 20, text: 'Arbeit finden', measures: [{ id: 5, number: 5, text: 'Sprachpaten', actors: [{ name: 'Jobcenter', role: 'lead', parent: null }] }] }] },
    ]);
    expect(compareSnapshots(a, b, []).changed[0].changes).toEqual(['field', 'goal', 'actors']);
  });

  it('does not call a renamed field or goal a move when the ids are the same', () => {
    const a = one(T1, [{ id: 5, text: 'Sprachpaten' }]);
    const b = one(T2, [{ id: 5, text: 'Sprachpaten' }], { id: 10, text: 'Deutsch lernen' }, { id: 1, title: 'Sprache und Bildung' });
    expect(compareSnapshots(a, b, []).unchanged).toBe(1);
  });

  it('moving a measure out of its goal into the further measures is a goal change', () => {
    const a = one(T1, [{ id: 5, text: 'Sprachpaten' }]);
    const b = snapshot(T2, [{ id: 1, title: 'Sprache', goals: [{ id: 10, text: 'Sprache fördern', measures: [] }], further: [{ id: 5, text: 'Sprachpaten' }] }]);
    expect(compareSnapshots(a, b, []).changed[0].changes).toEqual(['goal']);
  });

  it('matches imported measures without common ids by the same text, preferring the same number', () => {
    const a = one(T1, [{ id: 1, number: 1, text: 'Elterncafé' }, { id: 2, number: 2, text: 'Elterncafé' }]);
    const b = one(T2, [{ id: 11, number: 2, text: 'Elterncafé!' }, { id: 12, number: 1, text: 'elterncafé' }]);
    const result = compareSnapshots(a, b, []);
    expect(result.changed.filter((c) => c.changes.includes('number'))).toEqual([]);
    expect(result.added).toEqual([]);
  });

  it('matches imported measures by similar text, with a lower bar when the number is the same', () => {
    const a = one(T1, [
      { id: 1, number: 4, text: 'Ausbau der Sprachkursangebote für geflüchtete Frauen mit Kinderbetreuung' },
      { id: 2, number: 9, text: 'Interkulturelle Öffnung der Verwaltung durch Schulungen' },
    ]);
    const b = one(T2, [
      { id: 11, number: 7, text: 'Ausbau der Sprachkursangebote für geflüchtete Frauen, mit Kinderbetreuung vor Ort' },
      { id: 12, number: 9, text: 'Interkulturelle Öffnung der Stadtverwaltung durch Fortbildungen' },
    ]);
    const result = compareSnapshots(a, b, []);
    expect(result.added).toEqual([]);
    expect(result.changed.map((c) => [c.before.measure.id, c.after.measure.id, c.matchedBy])).toEqual([
      [1, 11, 'similar'],
      [2, 12, 'similar'],
    ]);
  });

  it('never matches by number alone', () => {
    const a = one(T1, [{ id: 1, number: 4, text: 'Sprachkurse ausbauen' }]);
    const b = one(T2, [{ id: 11, number: 4, text: 'Stadtteilfest feiern' }]);
    const result = compareSnapshots(a, b, []);
    expect(result.added.map((p) => p.measure.id)).toEqual([11]);
    expect(result.removed.map((p) => p.measure.id)).toEqual([1]);
  });

  it('lists a status change with the reasons recorded between the two dates only', () => {
    const a = one(T1, [{ id: 1, number: 1, text: 'Sprachkurse ausbauen' }]);
    const b = one(T2, [{ id: 1, number: 1, text: 'Sprachkurse ausbauen', status: { category: 'completed', label: 'Abgeschlossen', date: null } }]);
    const result = compareSnapshots(a, b, [
      history({ measureId: 1, changedAt: '2024-06-01T00:00:00.000Z', note: 'vorher' }),
      history({ measureId: 1, changedAt: '2025-09-01T00:00:00.000Z', toLabel: 'Abgeschlossen', toCategory: 'completed', note: 'Kurs beendet' }),
      history({ measureId: 1, changedAt: '2025-03-01T00:00:00.000Z', note: 'Träger gefunden' }),
      history({ measureId: 1, changedAt: '2026-02-01T00:00:00.000Z', note: 'nachher' }),
      history({ measureId: 2, changedAt: '2025-03-01T00:00:00.000Z', note: 'andere Maßnahme' }),
      history({ measureId: 1, changedAt: '2025-01-01T00:00:00.000Z', fromLabel: null, fromCategory: null, note: 'angelegt' }),
    ]);
    expect(result.changed).toEqual([]);
    expect(result.statusChanges).toHaveLength(1);
    const [change] = result.statusChanges;
    expect(change.from).toEqual({ category: 'planned', label: 'In Planung' });
    expect(change.to).toEqual({ category: 'completed', label: 'Abgeschlossen' });
    expect(change.reasons.map((r) => r.note)).toEqual(['Träger gefunden', 'Kurs beendet']);
  });

  it('finds the reasons of a copied measure in its origin’s history too', () => {
    const a = one(T1, [{ id: 7, text: 'Sprachkurse ausbauen' }]);
    const b = one(T2, [{ id: 70, lineage: [7], text: 'Sprachkurse ausbauen', status: { category: 'ongoing', label: 'Wird fortgesetzt', date: null } }]);
    const [change] = compareSnapshots(a, b, [history({ measureId: 7, changedAt: '2025-05-01T00:00:00.000Z', note: 'verstetigt' })]).statusChanges;
    expect(change.reasons.map((r) => r.note)).toEqual(['verstetigt']);
  });

  it('a wording change within the same category is a status change too', () => {
    const a = one(T1, [{ id: 1, text: 'X-Projekt' }]);
    const b = one(T2, [{ id: 1, text: 'X-Projekt', status: { category: 'planned', label: 'In Planung ab 2027', date: '2027' } }]);
    expect(compareSnapshots(a, b, []).statusChanges).toHaveLength(1);
  });

  it('keeps the later snapshot’s order in its lists', () => {
    const a = one(T1, [{ id: 1, text: 'Eins' }, { id: 2, text: 'Zwei' }]);
    const b = one(T2, [{ id: 2, text: 'Zwei geändert' }, { id: 1, text: 'Eins geändert' }]);
    expect(compareSnapshots(a, b, []).changed.map((c) => c.after.measure.id)).toEqual([2, 1]);
  });

  it('scores only same-number pairs when two large unrelated catalogues meet', () => {
    const many = (base: number, word: string) =>
      Array.from({ length: 600 }, (_, i) => ({ id: base + i, number: i + 1, text: `${word} Maßnahme Nummer ${i + 1} mit eigenem Inhalt` }));
    const result = compareSnapshots(one(T1, many(1, 'Alte')), one(T2, many(10000, 'Neue')), []);
    expect(result.added).toEqual([]);
    expect(result.changed.every((c) => c.before.measure.number === c.after.measure.number)).toBe(true);
  });
});

describe('text helpers', () => {
  it('normalises case, punctuation and spacing', () => {
    expect(normalizeText('  Sprach-Café,  für ALLE! ')).toBe('sprach café für alle');
  });
  it('scores equal texts 1 and unrelated ones near 0', () => {
    expect(similarity('Sprachkurse', 'sprachkurse')).toBe(1);
    expect(similarity('Sprachkurse', 'Zzzz')).toBeLessThan(0.1);
  });
});
