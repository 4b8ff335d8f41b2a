// Which measures are overdue. Pure: the caller passes today and, once update rounds exist, the last one
// (when it started, its deadline, which lead actors it asked and which of them answered). Two reasons make a
// measure overdue:
//  1. a planned start or end (or the date of a planned wording such as "In Planung ab 2024") has passed
//     while the measure is still planned or not started;
//  2. the round's deadline has passed and none of the measure's lead actors the round asked has answered,
//     nor has the measure a progress note since the round started. Never before the deadline, never for a
//     measure that came into the plan after the round started (nobody was asked about it), never for a
//     finished or dropped one.
// A date counts as passed once its last day is over in Berlin: "2024" on 1 January 2025, "2024-03" on
// 1 April 2024, "2024-03-15" on 16 March 2024.
import { asDay, lastDayOf } from './calendar.js';

export type OverdueReason = 'start_passed' | 'end_passed' | 'planned_date_passed' | 'no_answer_by_deadline';

export interface OverdueCandidate {
  id: number;
  status_category: string;
  status_date: string | null;
  timeframe_start: string | null;
  timeframe_end: string | null;
  /** When the latest progress note was written ("2025", "2025-06-30", a timestamp), null when there is none. */
  last_note_on?: string | null;
  /** The lead actors of the measure (the ones a round asks). */
  lead_actor_ids?: readonly number[];
  /** When the measure came into the plan (ISO timestamp); null when unknown (then it counts as older than any round). */
  in_plan_since?: string | null;
}

/** The plan's last update round, as far as overdue measures need it. */
export interface OverdueRound {
  /** When it started (ISO timestamp or a Date). */
  startedAt: Date | string;
  /** The last day to answer (YYYY-MM-DD, a Berlin day). */
  deadline: string;
  /** The lead actors it asked (links revoked without an answer do not count). */
  askedActorIds: readonly number[];
  /** Those of them that answered. */
  answeredActorIds: readonly number[];
}

export interface OverdueFinding {
  reason: OverdueReason;
  /** The passed date's last day; for a missing answer the round's deadline. */
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
  round?: OverdueRound | null,
): Array<OverdueMeasure<M>> {
  const day = asDay(today);
  if (day === null) throw new RangeError(`not a day: ${String(today)}`);
  const roundDay = round ? asDay(round.startedAt) : null;
  const startedAt = round ? new Date(round.startedAt).getTime() : NaN;
  const deadline = round ? asDay(round.deadline) : null;
  // Only once the deadline's day is over in Berlin.
  const roundDue = roundDay !== null && deadline !== null && deadline < day ? { roundDay, deadline } : null;
  const asked = new Set(round?.askedActorIds ?? []);
  const answered = new Set(round?.answeredActorIds ?? []);
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
    if (roundDue && !CLOSED.has(m.status_category) && !cameAfter(m.in_plan_since, startedAt)) {
      const leads = (m.lead_actor_ids ?? []).filter((id) => asked.has(id));
      const noted = m.last_note_on ? lastDayOf(m.last_note_on) : null;
      const hasNote = noted !== null && noted >= roundDue.roundDay;
      if (leads.length > 0 && !leads.some((id) => answered.has(id)) && !hasNote) reasons.push({ reason: 'no_answer_by_deadline', due: roundDue.deadline });
    }
    if (reasons.length) result.push({ measure: m, reasons });
  }
  return result;
}

/** Whether a measure came into the plan after the round started (unknown: no). */
function cameAfter(since: string | null | undefined, startedAt: number): boolean {
  if (!since || Number.isNaN(startedAt)) return false;
  const t = Date.parse(since);
  return !Number.isNaN(t) && t > startedAt;
}
