// Which measures are overdue. Pure: the caller passes today and, once update rounds
// exist, when the last one started. Two reasons make a measure overdue:
//  1. a planned start or end (or the date of a planned wording such as "In Planung ab 2024") has passed
//     while the measure is still planned or not started;
//  2. its latest progress note is older than the start of the last update round (or it has none).
// A date counts as passed once its last day is over in Berlin: "2024" on 1 January 2025, "2024-03" on
// 1 April 2024, "2024-03-15" on 16 March 2024.
import { asDay, lastDayOf } from './calendar.js';

export type OverdueReason = 'start_passed' | 'end_passed' | 'planned_date_passed' | 'no_note_since_round';

export interface OverdueCandidate {
  id: number;
  status_category: string;
  status_date: string | null;
  timeframe_start: string | null;
  timeframe_end: string | null;
  /** When the latest progress note was written ("2025", "2025-06-30", a timestamp), null when there is none. */
  last_note_on?: string | null;
}

export interface OverdueFinding {
  reason: OverdueReason;
  /** The passed deadline's last day, or for a missing note the day the last round started. */
  due: string;
}

export interface OverdueMeasure<M extends OverdueCandidate> {
  measure: M;
  reasons: OverdueFinding[];
}

const NOT_YET_STARTED = new Set(['planned', 'not_started']);
/** Finished or dropped measures need no further notes. */
const CLOSED = new Set(['completed', 'discontinued']);

/** The date of a note: its own date when it has one, else when it was recorded. */
export function latestNoteOn(notes: ReadonlyArray<{ note_date: string | null; created_at: string }>): string | null {
  let best: string | null = null;
  let bestDay = '';
  for (const n of notes) {
    const on = n.note_date ?? n.created_at;
    const day = lastDayOf(on);
    if (day !== null && day > bestDay) {
      best = on;
      bestDay = day;
    }
  }
  return best;
}

export function overdueMeasures<M extends OverdueCandidate>(
  measures: readonly M[],
  today: Date | string,
  lastRoundStart?: Date | string | null,
): Array<OverdueMeasure<M>> {
  const day = asDay(today);
  if (day === null) throw new RangeError(`not a day: ${String(today)}`);
  const roundDay = lastRoundStart ? asDay(lastRoundStart) : null;
  const result: Array<OverdueMeasure<M>> = [];
  for (const m of measures) {
    const reasons: OverdueFinding[] = [];
    if (NOT_YET_STARTED.has(m.status_category)) {
      const dates: Array<[OverdueReason, string | null]> = [
        ['start_passed', m.timeframe_start],
        ['end_passed', m.timeframe_end],
        ['planned_date_passed', m.status_date],
      ];
      for (const [reason, value] of dates) {
        const due = value ? lastDayOf(value) : null;
        if (due !== null && due < day) reasons.push({ reason, due });
      }
    }
    if (roundDay !== null && !CLOSED.has(m.status_category)) {
      const noted = m.last_note_on ? lastDayOf(m.last_note_on) : null;
      if (noted === null || noted < roundDay) reasons.push({ reason: 'no_note_since_round', due: roundDay });
    }
    if (reasons.length) result.push({ measure: m, reasons });
  }
  return result;
}
