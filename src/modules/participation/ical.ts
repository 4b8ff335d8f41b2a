// iCalendar (RFC 5545) of the events: a feed per municipality and per working group that calendar programs can
// subscribe to, and one event's file (for the event page, and for a registrant's confirmation mail). Times are
// UTC instants (calendars show them in their own zone); UIDs are stable per event and instance. The online
// link is never in a feed or on the page's file: only a confirmed registrant's own attachment carries it.
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import type { EventView } from './events.service.js';
import { processPaths } from './process.paths.js';

export interface IcsContext {
  /** the instance's public address ("https://teilhabe.example"), for the UIDs and the links */
  publicUrl: string;
  slug: string;
  /** the calendar's name ("Veranstaltungen – Musterstadt") */
  name: string;
  /** the address of an event's public page */
  eventUrl(eventId: number): string;
  /** the words for the parts of the description ("Barrierefreiheit", "Programm", "Online-Veranstaltung") */
  words: { accessibility: string; programme: string; online: string; onlineLink: string; cancelled: string };
}

/** The stable UID of an event: the same in every feed and file, so calendars update rather than duplicate. */
export function eventUid(ctx: Pick<IcsContext, 'publicUrl' | 'slug'>, eventId: number): string {
  let host = 'teilhabe.invalid';
  try {
    host = new URL(ctx.publicUrl).hostname || host;
  } catch {
    // keep the fallback
  }
  return `teilhabe-${ctx.slug}-veranstaltung-${eventId}@${host}`;
}

function locationOf(event: EventView, ctx: IcsContext): string {
  if (event.online) return ctx.words.online;
  return [event.placeName, event.address.replace(/\s*\n\s*/g, ', ')].filter(Boolean).join(', ');
}

function descriptionOf(event: EventView, ctx: IcsContext, onlineUrl: string | null): string {
  const parts: string[] = [];
  if (event.state === 'cancelled') parts.push(ctx.words.cancelled);
  if (event.description) parts.push(event.description);
  if (event.programme.length) parts.push(`${ctx.words.programme}:\n${event.programme.map((p) => `${p.startsAt ? `${p.startsAt} ` : ''}${p.title}${p.speaker ? ` (${p.speaker})` : ''}`).join('\n')}`);
  if (event.accessibility) parts.push(`${ctx.words.accessibility}: ${event.accessibility}`);
  if (onlineUrl) parts.push(`${ctx.words.onlineLink}: ${onlineUrl}`);
  parts.push(ctx.eventUrl(event.id));
  return parts.join('\n\n');
}

function addEvent(cal: ICalCalendar, event: EventView, ctx: IcsContext, onlineUrl: string | null) {
  cal.createEvent({
    id: eventUid(ctx, event.id),
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    stamp: new Date(event.updatedAt),
    lastModified: new Date(event.updatedAt),
    summary: event.title,
    description: descriptionOf(event, ctx, onlineUrl),
    location: locationOf(event, ctx) || null,
    url: ctx.eventUrl(event.id),
    status: event.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

function calendar(ctx: IcsContext, method?: ICalCalendarMethod): ICalCalendar {
  return ical({
    name: ctx.name,
    prodId: { company: 'Teilhabe', product: 'Veranstaltungen', language: 'DE' },
    method: method ?? null,
    ttl: 60 * 60,
  });
}

/** A feed of events (published and cancelled ones; the caller chooses them). Never with an online link. */
export function eventsCalendar(events: EventView[], ctx: IcsContext): string {
  const cal = calendar(ctx);
  for (const e of events) addEvent(cal, e, ctx, null);
  return cal.toString();
}

/**
 * One event as an .ics file. `onlineUrl` only for a confirmed registrant's own attachment (their confirmation
 * mail): the link then appears in the description and as the location; nowhere else.
 */
export function eventIcs(event: EventView, ctx: IcsContext, options: { onlineUrl?: string | null } = {}): string {
  const cal = calendar(ctx, ICalCalendarMethod.PUBLISH);
  addEvent(cal, event, ctx, options.onlineUrl ?? null);
  if (options.onlineUrl) cal.events()[0].location(options.onlineUrl);
  return cal.toString();
}

/** The calendar context of a municipality's events, in the reader's language (`t` of a request or a mail). */
export function icsContext(input: { publicUrl: string; slug: string; municipalityName: string; t: (key: string, options?: Record<string, unknown>) => string }): IcsContext {
  const base = input.publicUrl.replace(/\/+$/, '');
  const { t } = input;
  return {
    publicUrl: input.publicUrl,
    slug: input.slug,
    name: t('participation.process.ical.name', { municipality: input.municipalityName }),
    eventUrl: (id) => `${base}${processPaths.event(input.slug, id)}`,
    words: {
      accessibility: t('participation.process.event.accessibility'),
      programme: t('participation.process.programme.title'),
      online: t('participation.process.event.online'),
      onlineLink: t('participation.process.ical.onlineLink'),
      cancelled: t('participation.process.ical.cancelled'),
    },
  };
}
