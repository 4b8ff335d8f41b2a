// Instants of events: entered and shown in Europe/Berlin, stored as ISO UTC.
import { berlinDay, MUNICIPALITY_TIME_ZONE } from '../../platform/views/format.js';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: MUNICIPALITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** The wall-clock day and time ("2026-03-28", "10:00") an instant shows in Berlin. */
export function berlinParts(instant: string | Date): { day: string; time: string } {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The ISO UTC instant of a wall-clock day and time in Berlin ("2026-03-28", "10:00" → "2026-03-28T09:00:00.000Z"). */
export function berlinInstant(day: string, time: string): string {
  const wanted = Date.parse(`${day}T${time}:00Z`);
  let guess = wanted;
  // The offset of Berlin at the guess, applied twice: right across the changes of summer time too.
  for (let i = 0; i < 2; i++) {
    const shown = berlinParts(new Date(guess));
    guess -= Date.parse(`${shown.day}T${shown.time}:00Z`) - wanted;
  }
  return new Date(guess).toISOString();
}

/** Today in Berlin. */
export const todayInBerlin = (now: Date) => berlinDay(now);
