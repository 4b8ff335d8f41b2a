// The public side of the participation process on both engines: the timeline marks the current phase at the
// boundaries of its dates, the start page's box, the event pages and the calendar feeds (parsed with a calendar
// library); the online link on no public page or feed; another municipality's and draft items unknown (404).
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, seedTwoMunicipalities, type TestEnv } from '../../../test/support.js';
import { eventIcs, icsContext } from './ical.js';
import { ONLINE_LINK, seedProcess, type ProcessSide } from './process.fixture.js';
import { paths } from './process.paths.js';

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, start: e.startDate.toJSDate().toISOString(), end: e.endDate.toJSDate().toISOString(), location: e.location, description: e.description, url: String(v.getFirstPropertyValue('url') ?? ''), status: String(v.getFirstPropertyValue('status') ?? '') };
  });
}

/** The title of the phase marked as current on the timeline page, or null. */
function currentOnTimeline(body: string): string | null {
  const marked = body.match(/<li class="timeline__phase[^"]*" aria-current="step">[\s\S]*?<h3[^>]*>[\s\S]*?<\/span>\s*([^<]+)<\/h3>/);
  return marked ? marked[1].trim() : null;
}

describe.each(engines)('public participation pages on %s', (engine) => {
  let env: TestEnv;
  let A: ProcessSide;
  let B: ProcessSide;
  let anon: Client;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    const f = await seedTwoMunicipalities(env);
    A = await seedProcess(env, f.A);
    B = await seedProcess(env, f.B);
    anon = new Client(env);
  });
  afterAll(() => env.close());

  const at = (day: string) => {
    // Noon in Berlin on that day; and just after midnight, the first minute of the day in Berlin.
    env.now.value = new Date(`${day}T11:00:00Z`);
  };

  it.each([
    ['2026-01-31T12:00:00Z', null],
    ['2026-01-31T23:30:00Z', 'Auftakt Apfel'],
    ['2026-02-01T22:59:00Z', 'Auftakt Apfel'],
    ['2026-02-01T23:00:00Z', 'Befragungsphase'],
    ['2026-03-01T22:59:00Z', 'Befragungsphase'],
    ['2026-03-01T23:00:00Z', 'Werkstattphase'],
    ['2026-04-30T12:00:00Z', 'Werkstattphase'],
    ['2026-05-01T12:00:00Z', 'Ratsphase'],
    ['2026-07-01T12:00:00Z', 'Ratsphase'],
  ])('at %s (Berlin day) the current phase is %s', async (instant, title) => {
    env.now.value = new Date(instant);
    const res = await anon.get(paths.timeline(A.slug));
    expect(res.status).toBe(200);
    expect(currentOnTimeline(res.body)).toBe(title);
    if (title) expect(res.body).toContain('Wir sind hier');
    else expect(res.body).not.toContain('Wir sind hier');
  });

  it('the timeline lists the phases in order with their events and links; drafts and B stay out', async () => {
    at('2026-03-05');
    const res = await anon.get(paths.timeline(A.slug));
    expect(res.body).toMatch(/<ol class="timeline">/);
    const order = ['Auftakt Apfel', 'Befragungsphase', 'Werkstattphase', 'Ratsphase'].map((t) => res.body.indexOf(t));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]))).toBe(true);
    expect(res.body).toContain('Werkstatt Apfel');
    expect(res.body).toContain('https://example.org/mehr');
    expect(res.body).not.toContain('Entwurfstreffen');
    expect(res.body).not.toContain(B.secretWord);
  });

  it('the start page shows where the process stands and the next event', async () => {
    at('2026-03-05');
    const res = await anon.get(paths.municipality(A.slug));
    expect(res.body).toContain('Wo der Prozess steht');
    expect(res.body).toContain('Aktuelle Phase: Werkstattphase (Phase 3 von 4)');
    expect(res.body).toContain(`href="${paths.event(A.slug, A.eventId)}"`);
    expect(res.body).toContain(`href="${paths.timeline(A.slug)}"`);
  });

  it('an unpublished process is nowhere in public', async () => {
    const env2 = await createTestEnv(engine);
    try {
      const f = await seedTwoMunicipalities(env2);
      const side = await seedProcess(env2, f.A, { published: false });
      const client = new Client(env2);
      const timeline = await client.get(paths.timeline(side.slug));
      expect(timeline.status).toBe(200);
      expect(timeline.body).toContain('Zurzeit ist kein Beteiligungsprozess veröffentlicht.');
      expect(timeline.body).not.toContain('Befragungsphase');
      expect((await client.get(paths.municipality(side.slug))).body).not.toContain('Wo der Prozess steht');
    } finally {
      await env2.close();
    }
  });

  it('the event page: Berlin time, place, accessibility, programme, free places, no online link', async () => {
    at('2026-03-05');
    const res = await anon.get(paths.event(A.slug, A.eventId));
    expect(res.status).toBe(200);
    expect(res.body).toContain('Samstag, 14. März 2026, 18:00–20:00 Uhr');
    expect(res.body).toContain('Rathaus');
    expect(res.body).toContain('Marktplatz 1');
    expect(res.body).toContain('Stufenlos');
    expect(res.body).toContain('Begrüßung');
    expect(res.body).toContain('noch 20 Plätze frei');
    const online = await anon.get(paths.event(A.slug, A.onlineEventId));
    expect(online.body).toContain('Online-Veranstaltung');
    expect(online.body).not.toContain(ONLINE_LINK);
    expect(online.body).not.toContain('geheimer-raum');
  });

  it('a full event says so', async () => {
    at('2026-03-05');
    const now = new Date().toISOString();
    const full = await env.services.events.create(A.municipalityId, { ...(await env.services.events.formValues(A.municipalityId, A.eventId)), kind: 'workshop', title: 'Kleine Runde', description: '', date: '2026-03-15', starts: '10:00', ends: '11:00', online: false, online_url: '', place_name: 'Rathaus', address: '', accessibility: '', capacity: 1, registration: true, registration_deadline: null, phase_id: null, group_id: null }, { userId: null, name: 'Test' }, { planId: A.planId, state: 'published' });
    await env.db.kysely.insertInto('event_registrations').values({ municipality_id: A.municipalityId, event_id: full, name: 'X', email: 'x@example.org', state: 'confirmed', token_hash: `full-${engine}`, created_at: now }).execute();
    expect((await anon.get(paths.event(A.slug, full))).body).toContain('ausgebucht – Warteliste');
  });

  it('drafts and another municipality’s events are unknown (404), on pages and as files', async () => {
    for (const path of [
      paths.event(A.slug, A.draftEventId),
      paths.eventIcs(A.slug, A.draftEventId),
      paths.event(A.slug, B.eventId),
      paths.eventIcs(A.slug, B.eventId),
      paths.groupFeed(A.slug, B.groupId),
      paths.event(A.slug, 999999),
    ]) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain(B.secretWord);
    }
    const list = await anon.get(paths.events(A.slug));
    expect(list.body).toContain('Werkstatt Apfel');
    expect(list.body).toContain('Abgesagter Abend');
    expect(list.body).not.toContain('Entwurfstreffen');
    expect(list.body).not.toContain(B.secretWord);
  });

  it('the online link is on no public page and in no feed', async () => {
    at('2026-03-05');
    const pages = [
      paths.municipality(A.slug), paths.timeline(A.slug), paths.events(A.slug), paths.event(A.slug, A.eventId), paths.event(A.slug, A.onlineEventId),
      paths.eventsFeed(A.slug), paths.eventIcs(A.slug, A.onlineEventId), paths.groupFeed(A.slug, A.groupId),
    ];
    for (const path of pages) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(200);
      expect(res.body, path).not.toContain('geheimer-raum-4711');
    }
  });

  it('the municipality’s feed parses as iCalendar: stable UIDs, UTC times, location, URL, cancelled events', async () => {
    const file = await anon.getBytes(paths.eventsFeed(A.slug));
    expect(file.type).toBe('text/calendar; charset=utf-8');
    const text = file.bytes.toString('utf8');
    const events = parse(text);
    const titles = events.map((e) => e.summary);
    expect(titles).toEqual(expect.arrayContaining(['Abgesagter Abend', 'Treffen der AG', 'Videokonferenz Sprache', 'Werkstatt Apfel']));
    expect(titles.some((t) => t.startsWith('Entwurfstreffen'))).toBe(false);
    expect(text).not.toContain(B.secretWord);
    const workshop = events.find((e) => e.summary === 'Werkstatt Apfel')!;
    expect(workshop.start).toBe('2026-03-14T17:00:00.000Z');
    expect(workshop.end).toBe('2026-03-14T19:00:00.000Z');
    expect(workshop.location).toBe('Rathaus, Marktplatz 1, 12345 Amstadt');
    expect(workshop.url).toBe(`${env.config.publicUrl}${paths.event(A.slug, A.eventId)}`);
    expect(workshop.description).toContain('18:00 Begrüßung (Bürgermeisterin)');
    expect(workshop.uid).toBe(`teilhabe-${A.slug}-veranstaltung-${A.eventId}@localhost`);
    expect(events.find((e) => e.summary === 'Abgesagter Abend')!.status).toBe('CANCELLED');
    expect(events.find((e) => e.summary === 'Videokonferenz Sprache')!.location).toBe('Online-Veranstaltung');
    // The same UID in the event's own file: calendars update instead of duplicating.
    const single = parse((await anon.getBytes(paths.eventIcs(A.slug, A.eventId))).bytes.toString('utf8'));
    expect(single).toHaveLength(1);
    expect(single[0].uid).toBe(workshop.uid);
    const again = parse((await anon.getBytes(paths.eventsFeed(A.slug))).bytes.toString('utf8'));
    expect(again.find((e) => e.summary === 'Werkstatt Apfel')!.uid).toBe(workshop.uid);
  });

  it('the working group’s feed holds its meetings only', async () => {
    const events = parse((await anon.getBytes(paths.groupFeed(A.slug, A.groupId))).bytes.toString('utf8'));
    expect(events.map((e) => e.summary)).toEqual(['Treffen der AG']);
  });

  it('a confirmed registrant’s own file carries the online link; the public one never', async () => {
    const { event, onlineUrl } = await env.services.events.eventForConfirmation(A.municipalityId, A.onlineEventId);
    const ctx = icsContext({ publicUrl: env.config.publicUrl, slug: A.slug, municipalityName: 'Amstadt', t: (k) => k });
    const own = parse(eventIcs(event, ctx, { onlineUrl }));
    expect(own[0].description).toContain(ONLINE_LINK);
    expect(own[0].location).toBe(ONLINE_LINK);
    expect(eventIcs(event, ctx)).not.toContain(ONLINE_LINK);
  });
});
