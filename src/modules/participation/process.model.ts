// Where a process stands on a day: the phase whose dates contain the day, else the last one begun.
export interface PhaseDates {
  id: number;
  starts_on: string | null;
  ends_on: string | null;
}

/**
 * The current phase on a Berlin day ("2026-03-01"). A phase without an end lasts until the next phase (in the
 * order of the timeline) begins; a phase that contains the day wins, else the phase begun last before it.
 * Null before the first phase begins (or when no phase has a date).
 */
export function currentPhaseId(phases: readonly PhaseDates[], today: string): number | null {
  const dated = phases.filter((p) => p.starts_on);
  const endOf = (p: PhaseDates): string | null => {
    if (p.ends_on) return p.ends_on;
    const later = dated.filter((q) => q.starts_on! > p.starts_on!).map((q) => q.starts_on!).sort()[0];
    return later ? previousDay(later) : null;
  };
  const containing = dated.filter((p) => p.starts_on! <= today && (endOf(p) === null || today <= endOf(p)!));
  // Of several phases that overlap today, the one begun last.
  const pick = (list: PhaseDates[]) => list.sort((a, b) => (a.starts_on! < b.starts_on! ? 1 : a.starts_on! > b.starts_on! ? -1 : 0))[0]?.id ?? null;
  if (containing.length) return pick([...containing]);
  return pick(dated.filter((p) => p.starts_on! <= today));
}

function previousDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
