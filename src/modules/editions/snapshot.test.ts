// Snapshots are stored as JSON; those taken before numbers were text hold integers and goals without numbers.
import { describe, expect, it } from 'vitest';
import { planSnapshotSchema } from './snapshot.js';

const measure = (number: unknown) => ({
  id: 1, lineage: [], number, further: false, text: 'Sprachcafé', actors: [],
  status: { category: 'planned', label: 'In Planung', date: null }, timeframe: { start: null, end: null }, targetGroups: '', notes: [],
});
const snapshot = (goal: Record<string, unknown>) => ({
  version: 1,
  takenAt: '2025-01-01T00:00:00.000Z',
  plan: { id: 1, title: 'Plan', edition: '', periodStart: null, periodEnd: null, state: 'published', intro: '' },
  guidingGoals: [],
  fields: [{ id: 1, lineage: [], title: 'Sprache', description: '', visions: [], goals: [goal], furtherMeasures: [] }],
});

describe('a stored snapshot', () => {
  it('of an older version reads an integer number as its text and a goal without a number', () => {
    const read = planSnapshotSchema.parse(snapshot({ id: 10, lineage: [], text: 'Ziel', guidingGoalId: null, measures: [measure(7)] }));
    expect(read.fields[0].goals[0].measures[0].number).toBe('7');
    expect(read.fields[0].goals[0].number ?? null).toBeNull();
  });
  it('keeps numbers as written', () => {
    const read = planSnapshotSchema.parse(snapshot({ id: 10, lineage: [], number: '1.1', text: 'Ziel', guidingGoalId: null, measures: [measure('1.10')] }));
    expect(read.fields[0].goals[0]).toMatchObject({ number: '1.1', measures: [{ number: '1.10' }] });
  });
});
