import { describe, expect, it } from 'vitest';
import { unifyActors } from './actors.directory.js';
import type { ExchangeActor, ExchangePlan } from '../plan/index.js';

function planWith(...lists: ExchangeActor[][]): ExchangePlan {
  const measures = lists.map((actors, i) => ({ number: String(i + 1), text: `M${i}`, actors, status: { category: 'unknown' as const, label: '', date: null }, notes: [] }));
  return { plan: { title: 'T' }, fields: [{ title: 'F', visions: [], goals: [{ text: '', measures }], furtherMeasures: [] }] };
}

const actor = (name: string, parent: string | null = null): ExchangeActor => ({ name, role: 'lead', parent });

describe('actors directory', () => {
  it('merges spellings, typos in long names and gives every mention the known parent', () => {
    const plan = planWith(
      [actor('Koordinator für das Bürgerschaftliche Engagement', 'Amt für soziale Dienste'), actor('Vereinen')],
      [actor('Kordinator für das Bürgerschaftliche Engagement'), actor('Vereine')],
      [actor('VHS'), actor('VHG')],
    );
    expect(unifyActors(plan)).toEqual([
      { name: 'Koordinator für das Bürgerschaftliche Engagement', parent: 'Amt für soziale Dienste', measureCount: 2 },
      { name: 'Vereine', parent: null, measureCount: 2 },
      { name: 'VHS', parent: null, measureCount: 1 },
      { name: 'VHG', parent: null, measureCount: 1 },
    ]);
    expect(plan.fields[0].goals[0].measures[1].actors).toEqual([
      { name: 'Koordinator für das Bürgerschaftliche Engagement', role: 'lead', parent: 'Amt für soziale Dienste' },
      { name: 'Vereine', role: 'lead', parent: null },
    ]);
  });

  it('reuses the spelling of an actor the directory has already, matched like the directory (case and spaces)', () => {
    const plan = planWith([actor('stadt  TALHEIM', 'amt für soziales'), actor('Neuer Verein')]);
    expect(unifyActors(plan, ['Stadt Talheim', 'Amt für Soziales'])).toEqual([
      { name: 'Stadt Talheim', parent: 'Amt für Soziales', measureCount: 1, existing: true },
      { name: 'Neuer Verein', parent: null, measureCount: 1 },
    ]);
    expect(plan.fields[0].goals[0].measures[0].actors[0]).toEqual({ name: 'Stadt Talheim', role: 'lead', parent: 'Amt für Soziales' });
  });
});
