// Overdue detection on dates around the boundaries.
import { describe, expect, it } from 'vitest';
import { addDays, asDay, berlinDay, daysBetween, firstDayOf, lastDayOf, monthsEndingWith } from './calendar.js';
import { latestNoteOn, overdueMeasures, type OverdueCandidate, type OverdueRound } from './overdue.js';

const measure = (over: Partial<OverdueCandidate>): OverdueCandidate => ({
  id: 1, status_category: 'planned', status_date: null, timeframe_start: null, timeframe_end: null, last_note_on: null, ...over,
});
const reasonsOn = (m: OverdueCandidate, today: Date | string, round?: OverdueRound | null) =>
  overdueMeasures([m], today, round).flatMap((o) => o.reasons.map((r) => `${r.reason}@${r.due}`));

describe('calendar', () => {
  it('reads each precision as the period it names', () => {
    expect(lastDayOf('2024')).toBe('2024-12-31');
    expect(firstDayOf('2024')).toBe('2024-01-01');
    expect(lastDayOf('2024-03')).toBe('2024-03-31');
    expect(lastDayOf('2024-02')).toBe('2024-02-29'); // leap year
    expect(lastDayOf('2023-02')).toBe('2023-02-28');
    expect(lastDayOf('2024-04')).toBe('2024-04-30');
    expect(lastDayOf('2024-03-15')).toBe('2024-03-15');
    expect(firstDayOf('2024-03')).toBe('2024-03-01');
  });
  it('rejects what is not a date', () => {
    for (const bad of ['', 'bald', '2024-13', '2024-02-30', '24', '2024-3']) expect(lastDayOf(bad), bad).toBeNull();
  });
  it('takes the calendar day in Berlin, not in UTC', () => {
    // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Berlin (CET, UTC+1) …
    expect(berlinDay(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(berlinDay(new Date('2024-12-31T22:59:59Z'))).toBe('2024-12-31');
    // … and in summer (CEST, UTC+2) the day changes at 22:00 UTC.
    expect(berlinDay(new Date('2024-06-30T21:59:59Z'))).toBe('2024-06-30');
    expect(berlinDay(new Date('2024-06-30T22:00:00Z'))).toBe('2024-07-01');
    expect(asDay('2024-06-30T22:00:00.000Z')).toBe('2024-07-01');
  });
  it('counts days and months', () => {
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2025-03-31', '2025-03-01')).toBe(-30);
    // across the change to summer time the day count stays whole
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 90)).toBe('2025-03-31');
    expect(monthsEndingWith('2026-02-15', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthsEndingWith('2026-03-01', 12)[0]).toBe('2025-04');
  });
});

describe('overdueMeasures: a planned end', () => {
  const m = measure({ timeframe_end: '2024-03-15' });
  it('the day before the end date: on time', () => expect(reasonsOn(m, '2024-03-14')).toEqual([]));
  it('on the end date: still on time', () => expect(reasonsOn(m, '2024-03-15')).toEqual([]));
  it('the day after the end date: overdue', () => expect(reasonsOn(m, '2024-03-16')).toEqual(['end_passed@2024-03-15']));
});

describe('overdueMeasures: a year means the end of that year', () => {
  const m = measure({ timeframe_start: '2024' });
  it('at the start of the year it is not overdue', () => expect(reasonsOn(m, '2024-01-01')).toEqual([]));
  it('on 31 December it is not overdue yet', () => expect(reasonsOn(m, '2024-12-31')).toEqual([]));
  it('on 1 January of the next year it is', () => expect(reasonsOn(m, '2025-01-01')).toEqual(['start_passed@2024-12-31']));
});

describe('overdueMeasures: a month means the end of that month', () => {
  const m = measure({ timeframe_start: '2024-03' });
  it('on 1 March: on time', () => expect(reasonsOn(m, '2024-03-01')).toEqual([]));
  it('on 31 March: on time', () => expect(reasonsOn(m, '2024-03-31')).toEqual([]));
  it('on 1 April: overdue', () => expect(reasonsOn(m, '2024-04-01')).toEqual(['start_passed@2024-03-31']));
  it('February of a leap year ends on the 29th', () => {
    const feb = measure({ timeframe_end: '2024-02' });
    expect(reasonsOn(feb, '2024-02-29')).toEqual([]);
    expect(reasonsOn(feb, '2024-03-01')).toEqual(['end_passed@2024-02-29']);
  });
});

describe('overdueMeasures: the date of a planned wording', () => {
  it('"In Planung ab 2024" (status date 2024) is overdue from 2025', () => {
    const m = measure({ status_date: '2024' });
    expect(reasonsOn(m, '2024-12-31')).toEqual([]);
    expect(reasonsOn(m, '2025-01-01')).toEqual(['planned_date_passed@2024-12-31']);
  });
  it('"Umsetzung im März 2024" (status date 2024-03) is overdue from April', () => {
    const m = measure({ status_date: '2024-03' });
    expect(reasonsOn(m, '2024-03-31')).toEqual([]);
    expect(reasonsOn(m, '2024-04-01')).toEqual(['planned_date_passed@2024-03-31']);
  });
});

describe('overdueMeasures: time zone of "today"', () => {
  const m = measure({ timeframe_end: '2024' });
  it('an instant late on 31 December in UTC is already the next year in Berlin', () => {
    expect(reasonsOn(m, new Date('2024-12-31T22:59:59Z'))).toEqual([]);
    expect(reasonsOn(m, new Date('2024-12-31T23:00:00Z'))).toEqual(['end_passed@2024-12-31']);
  });
  it('an instant early on 1 April in Berlin (still 31 March in UTC) passes a March deadline', () => {
    const march = measure({ timeframe_end: '2024-03' });
    expect(reasonsOn(march, new Date('2024-03-31T21:59:59Z'))).toEqual([]);
    expect(reasonsOn(march, new Date('2024-03-31T22:00:00Z'))).toEqual(['end_passed@2024-03-31']);
  });
  it('refuses a today that is no date', () => {
    expect(() => overdueMeasures([m], 'morgen')).toThrow(RangeError);
  });
});

describe('overdueMeasures: only while planned or not started', () => {
  const past = { timeframe_start: '2023', timeframe_end: '2023-06', status_date: '2023' };
  it('planned and not started are overdue, with every passed date as a reason', () => {
    expect(reasonsOn(measure({ ...past, status_category: 'planned' }), '2024-01-01')).toEqual(['start_passed@2023-12-31', 'end_passed@2023-06-30', 'planned_date_passed@2023-12-31']);
    expect(reasonsOn(measure({ ...past, status_category: 'not_started' }), '2024-01-01')).toHaveLength(3);
  });
  it.each(['in_progress', 'ongoing', 'completed', 'under_review', 'discontinued', 'unknown'])('%s is not overdue by its dates', (category) => {
    expect(reasonsOn(measure({ ...past, status_category: category }), '2030-01-01')).toEqual([]);
  });
  it('a measure without dates is never overdue by dates', () => {
    expect(reasonsOn(measure({}), '2099-12-31')).toEqual([]);
  });
  it('an unreadable date is ignored, not guessed', () => {
    expect(reasonsOn(measure({ timeframe_end: 'Frühjahr' }), '2099-12-31')).toEqual([]);
  });
});

describe('overdueMeasures: an update round counts only once its deadline has passed', () => {
  const startedAt = '2026-03-02T09:00:00.000Z'; // 10:00 in Berlin
  const round = (over: Partial<OverdueRound> = {}): OverdueRound => ({ startedAt, deadline: '2026-03-20', askedActorIds: [7, 8], answeredActorIds: [], ...over });
  const led = (over: Partial<OverdueCandidate> = {}) => measure({ status_category: 'ongoing', lead_actor_ids: [7], in_plan_since: '2025-01-10T08:00:00.000Z', ...over });

  it('without a round nothing is late for a missing answer', () => {
    expect(reasonsOn(led({ last_note_on: '2020-01-01' }), '2026-04-01')).toEqual([]);
    expect(reasonsOn(led({ last_note_on: '2020-01-01' }), '2026-04-01', null)).toEqual([]);
  });
  it('not from the moment the round started: minutes later nothing is overdue', () => {
    expect(reasonsOn(led(), new Date('2026-03-02T09:05:00Z'), round())).toEqual([]);
  });
  it('deadline tomorrow: on time', () => expect(reasonsOn(led(), '2026-03-19', round())).toEqual([]));
  it('deadline today: still on time', () => expect(reasonsOn(led(), '2026-03-20', round())).toEqual([]));
  it('deadline yesterday: overdue, due on the deadline', () => expect(reasonsOn(led(), '2026-03-21', round())).toEqual(['no_answer_by_deadline@2026-03-20']));
  it('the deadline ends with its day in Berlin, not in UTC', () => {
    // 20 March 2026 is in winter time (UTC+1): 22:59:59 UTC is 23:59:59 in Berlin, 23:00 UTC already the 21st
    expect(reasonsOn(led(), new Date('2026-03-20T22:59:59Z'), round())).toEqual([]);
    expect(reasonsOn(led(), new Date('2026-03-20T23:00:00Z'), round())).toEqual(['no_answer_by_deadline@2026-03-20']);
  });
  it('an actor that answered: not overdue', () => {
    expect(reasonsOn(led(), '2026-04-01', round({ answeredActorIds: [7] }))).toEqual([]);
  });
  it('one of two lead actors answered: not overdue; another actor answering does not help', () => {
    expect(reasonsOn(led({ lead_actor_ids: [7, 8] }), '2026-04-01', round({ answeredActorIds: [8] }))).toEqual([]);
    expect(reasonsOn(led(), '2026-04-01', round({ answeredActorIds: [8] }))).toEqual(['no_answer_by_deadline@2026-03-20']);
  });
  it('a progress note since the round started (a representative, the office) counts as an answer', () => {
    expect(reasonsOn(led({ last_note_on: '2026-03-02' }), '2026-04-01', round())).toEqual([]);
    expect(reasonsOn(led({ last_note_on: '2026-03-01' }), '2026-04-01', round())).toEqual(['no_answer_by_deadline@2026-03-20']);
  });
  it('a measure created after the round started is never overdue because of it', () => {
    expect(reasonsOn(led({ in_plan_since: '2026-03-02T09:00:01.000Z' }), '2026-04-01', round())).toEqual([]);
    expect(reasonsOn(led({ in_plan_since: '2026-03-15T12:00:00.000Z', last_note_on: null }), '2027-01-01', round())).toEqual([]);
    // created just before the round began: asked, so late after the deadline
    expect(reasonsOn(led({ in_plan_since: '2026-03-02T08:59:59.000Z' }), '2026-04-01', round())).toEqual(['no_answer_by_deadline@2026-03-20']);
    // when it came into the plan is unknown: it counts as older than the round
    expect(reasonsOn(led({ in_plan_since: null }), '2026-04-01', round())).toEqual(['no_answer_by_deadline@2026-03-20']);
  });
  it('a measure the round asked nobody about (no lead actor, or one the round did not ask) is not overdue', () => {
    expect(reasonsOn(led({ lead_actor_ids: [] }), '2026-04-01', round())).toEqual([]);
    expect(reasonsOn(led({ lead_actor_ids: undefined }), '2026-04-01', round())).toEqual([]);
    expect(reasonsOn(led({ lead_actor_ids: [9] }), '2026-04-01', round())).toEqual([]);
  });
  it('completed and discontinued measures need no answer', () => {
    expect(reasonsOn(led({ status_category: 'completed' }), '2026-04-01', round())).toEqual([]);
    expect(reasonsOn(led({ status_category: 'discontinued' }), '2026-04-01', round())).toEqual([]);
  });
  it('both reasons together', () => {
    expect(reasonsOn(led({ status_category: 'planned', timeframe_end: '2025-12', last_note_on: '2025-01-05' }), '2026-03-21', round())).toEqual(['end_passed@2025-12-31', 'no_answer_by_deadline@2026-03-20']);
  });
});

describe('overdueMeasures: the list', () => {
  it('keeps the order and the measures it was given', () => {
    const list = [measure({ id: 3, timeframe_end: '2020' }), measure({ id: 1 }), measure({ id: 2, timeframe_end: '2021' })];
    expect(overdueMeasures(list, '2026-01-01').map((o) => o.measure)).toEqual([list[0], list[2]]);
  });
});

describe('latestNoteOn', () => {
  it('takes the note with the latest date, using when it was recorded where it has no date', () => {
    expect(latestNoteOn([])).toBeNull();
    expect(latestNoteOn([{ note_date: '2023', created_at: '2026-01-01T10:00:00Z' }, { note_date: '2025-06-01', created_at: '2025-06-02T10:00:00Z' }])).toBe('2025-06-01');
    expect(latestNoteOn([{ note_date: null, created_at: '2026-02-01T10:00:00Z' }, { note_date: '2025-06-01', created_at: '2025-06-02T10:00:00Z' }])).toBe('2026-02-01T10:00:00Z');
    // "2025" reaches until 31 December 2025, later than "2025-06-01"
    expect(latestNoteOn([{ note_date: '2025-06-01', created_at: '2025-06-02T10:00:00Z' }, { note_date: '2025', created_at: '2025-01-02T10:00:00Z' }])).toBe('2025');
  });
});
