// One event as an .ics file for a registrant's mail (the confirmation, the place after the waiting list, the
// reminder). The online link goes in only when the caller passes it: for a confirmed registrant's own file.
// Times are UTC instants; the UID is stable per event, so that a calendar updates rather than duplicates.
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { EventRow } from './registrations.repository.js';

export interface RegistrationIcsContext {
  publicUrl: string;
  slug: string;
  /** the calendar's name ("Veranstaltungen – Musterstadt") */
  calendarName: string;
  /** the address of the event's public page */
  eventUrl: string;
  words: { accessibility: string; onlineLink: string; online: string };
}

export function registrationEventUid(publicUrl: string, slug: string, eventId: number): string {
  let host = 'teilhabe.invalid';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // keep the fallback
  }
  return `teilhabe-${slug}-veranstaltung-${eventId}@${host}`;
}

export function registrationIcs(event: EventRow, ctx: RegistrationIcsContext, options: { onlineUrl?: string | null } = {}): string {
  const onlineUrl = options.onlineUrl || null;
  const cal = ical({ name: ctx.calendarName, prodId: { company: 'Teilhabe', product: 'Veranstaltungen', language: 'DE' }, method: ICalCalendarMethod.PUBLISH });
  const description = [
    event.description,
    event.accessibility ? `${ctx.words.accessibility}: ${event.accessibility}` : '',
    onlineUrl ? `${ctx.words.onlineLink}: ${onlineUrl}` : '',
    ctx.eventUrl,
  ].filter(Boolean).join('\n\n');
  const place = event.online === 1 ? onlineUrl ?? ctx.words.online : [event.place_name, event.address.replace(/\s*\n\s*/g, ', ')].filter(Boolean).join(', ');
  cal.createEvent({
    id: registrationEventUid(ctx.publicUrl, ctx.slug, event.id),
    start: new Date(event.starts_at),
    end: new Date(event.ends_at),
    stamp: new Date(event.updated_at),
    summary: event.title,
    description,
    location: place || null,
    url: ctx.eventUrl,
  });
  return cal.toString();
}
