import { describe, expect, it } from 'vitest';
import { filterQuery, filterTree, isFiltered, parseWorkspaceFilter } from './plan.filter.js';
import type { Measure, PlanTree } from './plan.repository.js';

const measure = (id: number, number: string | null, text: string, status: Measure['status_category'], actors: Measure['actors'] = []): Measure =>
  ({ id, number, text, status_category: status, status_label: '', target_groups: '', actors } as Measure);

const tree = {
  plan: { id: 1 },
  guidingGoals: [],
  fields: [
    { id: 10, title: 'Arbeit', visions: [], furtherMeasures: [], goals: [{ id: 100, text: 'Z', measures: [measure(1, '1', 'Jobcoaching für Frauen', 'ongoing', [{ id: 5, name: 'Jobcenter', parentName: null, role: 'lead' }])] }] },
    { id: 11, title: 'Sprache', visions: [], furtherMeasures: [measure(3, null, 'Sprachcafé', 'planned')], goals: [{ id: 101, text: 'Y', measures: [measure(2, '2', 'Sprachkurse für Mütter', 'in_progress')] }] },
  ],
} as unknown as PlanTree;

describe('the workspace filter', () => {
  it('reads the address and ignores values that are not among the choices', () => {
    expect(parseWorkspaceFilter({ feld: '11', status: 'planned', akteur: '5', q: '  Kurs ' })).toEqual({ fieldId: 11, status: 'planned', actorId: 5, text: 'Kurs' });
    expect(parseWorkspaceFilter({ feld: 'x', status: 'weg', akteur: '-1' })).toEqual({ fieldId: null, status: null, actorId: null, text: '' });
    expect(isFiltered(parseWorkspaceFilter({}))).toBe(false);
    expect(filterQuery(parseWorkspaceFilter({ feld: '11', q: 'a' }))).toEqual({ feld: '11', q: 'a' });
  });

  it('keeps the matching measures and the fields that have some; a chosen field stays even without a match', () => {
    const byActor = filterTree(tree, parseWorkspaceFilter({ akteur: '5' }));
    expect(byActor.fields.map((f) => f.field.id)).toEqual([10]);
    expect(byActor.matching).toBe(1);
    expect(byActor.total).toBe(3);
    const byWords = filterTree(tree, parseWorkspaceFilter({ q: 'sprachcafe' }));
    expect(byWords.fields[0].field.furtherMeasures.map((m) => m.id)).toEqual([3]);
    const emptyField = filterTree(tree, parseWorkspaceFilter({ feld: '10', status: 'planned' }));
    expect(emptyField.fields.map((f) => [f.field.id, f.matching])).toEqual([[10, 0]]);
    expect(filterTree(tree, parseWorkspaceFilter({})).tree).toBe(tree);
  });
});
