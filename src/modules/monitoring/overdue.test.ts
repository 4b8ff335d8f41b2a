// Overdue detection on dates around the boundaries.
import { describe, expect, it } from 'vitest';
import { addDays, asDay, berlinDay, daysBetween, firstDayOf, lastDayOf, monthsEndingWith } from './calendar.js';
import { latestNoteOn, overdueMeasures, type OverdueCandidate } from './overdue.js';

const measure = (over: Partial<OverdueCandidate>): OverdueCandidate => ({
  id: 1, status_category: 'planned', status_date: null, timeframe_start: null, timeframe_end: null, last_note_on: null, ...over,
});
const reasonsOn = (m: OverdueCandidate, today: Date | string, round?: Date | string | null) =>
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

describe('overdueMeasures: a note older than the last round', () => {
  const round = '2026-03-01T09:00:00.000Z'; // 10:00 in Berlin
  it('without a round nothing is stale', () => {
    expect(reasonsOn(measure({ status_category: 'ongoing', last_note_on: '2020-01-01' }), '2026-04-01')).toEqual([]);
    expect(reasonsOn(measure({ status_category: 'ongoing', last_note_on: '2020-01-01' }), '2026-04-01', null)).toEqual([]);
  });
  it('a note the day before the round started is stale', () => {
    expect(reasonsOn(measure({ status_category: 'ongoing', last_note_on: '2026-02-28' }), '2026-03-10', round)).toEqual(['no_note_since_round@2026-03-01']);
  });
  it('a note on the day the round started counts as an answer', () => {
    expect(reasonsOn(measure({ status_category: 'ongoing', last_note_on: '2026-03-01' }), '2026-03-10', round)).toEqual([]);
  });
  it('a note the day after is fine', () => {
    expect(reasonsOn(measure({ status_category: 'ongoing', last_note_on: '2026-03-02' }), '2026-03-10', round)).toEqual([]);
  });
  it('a note dated only by its year counts until the end of that year', () => {
    expect(reasonsOn(measure({ status_category: 'in_progress', last_note_on: '2026' }), '2026-03-10', round)).toEqual([]);
    expect(reasonsOn(measure({ status_category: 'in_progress', last_note_on: '2025' }), '2026-03-10', round)).toEqual(['no_note_since_round@2026-03-01']);
    expect(reasonsOn(measure({ status_category: 'in_progress', last_note_on: '2026-02' }), '2026-03-10', round)).toEqual(['no_note_since_round@2026-03-01']);
  });
  it('the round start is a Berlin day too: 23:30 UTC on 28 February is 1 March', () => {
    const lateRound = new Date('2026-02-28T23:30:00Z');
    expect(reasonsOn(measure({ status_category: 'ongoing', last_note_on: '2026-02-28' }), '2026-03-10', lateRound)).toEqual(['no_note_since_round@2026-03-01']);
    expect(reasonsOn(measure({ status_category: 'ongoing', last_note_on: '2026-03-01T00:10:00+01:00' }), '2026-03-10', lateRound)).toEqual([]);
  });
  it('a measure with no note at all is stale', () => {
    expect(reasonsOn(measure({ status_category: 'unknown', last_note_on: null }), '2026-03-10', round)).toEqual(['no_note_since_round@2026-03-01']);
  });
  it('completed and discontinued measures need no note', () => {
    expect(reasonsOn(measure({ status_category: 'completed' }), '2026-03-10', round)).toEqual([]);
    expect(reasonsOn(measure({ status_category: 'discontinued' }), '2026-03-10', round)).toEqual([]);
  });
  it('both reasons together', () => {
    expect(reasonsOn(measure({ timeframe_end: '2025-12', last_note_on: '2025-01-05' }), '2026-03-10', round)).toEqual(['end_passed@2025-12-31', 'no_note_since_round@2026-03-01']);
  });
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
