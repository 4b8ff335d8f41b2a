// Event registration end to end on SQLite and PostgreSQL, with the mails read from a real SMTP server and the
// .ics attachments parsed by a calendar library: a full event puts the second person on the waiting list, the
// first cancels by the link in her mail, the second moves up and gets the mail with the .ics. Only confirmed
// registrants ever see the online link. Reminders go out once; unconfirmed registrations expire; all
// registrations are deleted the retention days after the event; another municipality's links are unknown.
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paths } from '../../../test/paths.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../../../test/smtp.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { summariseNeeds } from './registration.model.js';
import { eventSchema } from './process.schema.js';
import { JOB_REMIND } from './registrations.service.js';
import { needsSummaryText } from './registrations.view.js';
import { translator } from '../../platform/i18n/i18n.js';

const ONLINE_URL = 'https://video.example/raum-7f3k-geheim';
const START = '2026-03-14T09:00:00.000Z';
const END = '2026-03-14T15:00:00.000Z';

async function addEvent(env: TestEnv, municipalityId: number, values: Partial<{ title: string; capacity: number | null; online: number; online_url: string; state: string; registration_deadline: string | null; starts_at: string; ends_at: string }> = {}) {
  const now = env.now.value.toISOString();
  const row = await env.db.kysely
    .insertInto('events')
    .values({
      municipality_id: municipalityId, plan_id: null, phase_id: null, group_id: null, kind: 'workshop', title: values.title ?? 'Werkstatt Sprache', description: 'Wir sammeln Ideen.',
      starts_at: values.starts_at ?? START, ends_at: values.ends_at ?? END, online: values.online ?? 0, online_url: values.online_url ?? '', place_name: 'Rathaus, Saal 2', address: 'Marktplatz 1\n12345 Amstadt',
      accessibility: 'Aufzug vorhanden', capacity: values.capacity === undefined ? 1 : values.capacity, registration: 1, registration_deadline: values.registration_deadline ?? null,
      state: values.state ?? 'published', is_demo: 0, created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const LINK = /https?:\/\/[^\s<>"]+\/(amstadt|bedorf)\/anmeldung\/[A-Za-z0-9_-]+(\/absagen)?(\?lang=en)?/g;
const linksIn = (mail: ReceivedMail) => [...new Set(mail.text.match(LINK) ?? [])].map((u) => { const url = new URL(u); return url.pathname + url.search; });
const statusLink = (mail: ReceivedMail) => linksIn(mail).find((l) => !l.includes('/absagen'))!;
const cancelLink = (mail: ReceivedMail) => linksIn(mail).find((l) => l.includes('/absagen'))!;

function parseIcs(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const vevent = component.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return { summary: event.summary, start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(), location: event.location, description: event.description, uid: event.uid };
}

const form = (name: string, email: string, extra: Record<string, string> = {}) => ({ name, email, consent: '1', website: '', ...extra });

async function registrationCount(env: TestEnv, municipalityId: number) {
  const r = await env.db.kysely.selectFrom('event_registrations').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(engines)('event registration on %s', (engine) => {
  let smtp: TestSmtp;
  let env: TestEnv;
  let f: Fixture;
  const mailsTo = (to: string) => smtp.mails.filter((m) => m.to.includes(to));
  const run = (iso?: string) => {
    if (iso) env.now.value = new Date(iso);
    return env.services.jobs.runDueJobs(env.now.value);
  };

  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    smtp.mails.length = 0;
    env = await createTestEnv(engine, smtp.env);
    f = await seedTwoMunicipalities(env);
  });
  afterEach(() => env.close());

  it('a full event: waiting list, cancel by the mail link, the first waiting moves up and gets the .ics with the online link', async () => {
    const eventId = await addEvent(env, f.A.municipalityId, { online: 1, online_url: ONLINE_URL, capacity: 1 });
    const alice = new Client(env);
    const page = await alice.get(paths.register('amstadt', eventId));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Noch 1 Platz frei.');
    expect(page.body).toContain('30 Tage nach der Veranstaltung automatisch gelöscht');
    expect(page.body).not.toContain(ONLINE_URL);
    const sent = await alice.post(paths.register('amstadt', eventId), form('Alice Adler', 'alice@example.org', { need_interpreter: '1', interpreter_language: 'Arabisch' }));
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(paths.registered('amstadt', eventId));
    await run();
    const [request] = mailsTo('alice@example.org');
    expect(request.subject).toBe('Bitte bestätigen Sie Ihre Anmeldung: Werkstatt Sprache');
    expect(request.attachments).toEqual([]);
    expect(request.text + request.html).not.toContain(ONLINE_URL);
    // A pending registration holds no place.
    expect((await alice.get(paths.register('amstadt', eventId))).body).toContain('Noch 1 Platz frei.');

    const confirmPage = await alice.get(statusLink(request));
    expect(confirmPage.status).toBe(200);
    expect(confirmPage.body).not.toContain(ONLINE_URL);
    const confirmed = await alice.post(paths.confirm('amstadt', statusLink(request).split('/')[3]));
    expect(confirmed.status).toBe(303);
    await run();
    const confirmation = mailsTo('alice@example.org')[1];
    expect(confirmation.subject).toBe('Anmeldung bestätigt: Werkstatt Sprache');
    expect(confirmation.text).toContain(ONLINE_URL);
    expect(confirmation.attachments).toHaveLength(1);
    expect(confirmation.attachments[0].contentType).toBe('text/calendar');
    const ics = parseIcs(confirmation.attachments[0].content);
    expect(ics).toMatchObject({ summary: 'Werkstatt Sprache', start: START, end: END, location: ONLINE_URL });
    expect(ics.description).toContain(ONLINE_URL);

    // The event is full now: Bob lands on the waiting list.
    const bob = new Client(env);
    expect((await bob.get(paths.register('amstadt', eventId))).body).toContain('Alle Plätze sind vergeben');
    await bob.post(paths.register('amstadt', eventId), form('Bob Berger', 'bob@example.org', { need_childcare: '1', children: '2' }));
    await run();
    const bobRequest = mailsTo('bob@example.org')[0];
    const bobToken = statusLink(bobRequest).split('/')[3];
    await bob.post(paths.confirm('amstadt', bobToken));
    await run();
    const waiting = mailsTo('bob@example.org')[1];
    expect(waiting.subject).toBe('Warteliste: Werkstatt Sprache');
    expect(waiting.text).toContain('auf Platz 1');
    expect(waiting.attachments).toEqual([]);
    expect(waiting.text + waiting.html).not.toContain(ONLINE_URL);
    const bobPage = await bob.get(paths.link('amstadt', bobToken));
    expect(bobPage.body).toContain('Sie stehen auf der Warteliste, auf Platz 1.');
    expect(bobPage.body).not.toContain(ONLINE_URL);

    // Alice cancels by the link in her confirmation: asked first, then the place goes to Bob.
    const ask = await alice.get(cancelLink(confirmation));
    expect(ask.status).toBe(200);
    expect(ask.body).toContain('Ja, Anmeldung absagen');
    expect((await env.db.kysely.selectFrom('event_registrations').select('state').where('email', '=', 'alice@example.org').executeTakeFirstOrThrow()).state).toBe('confirmed');
    const cancelled = await alice.post(cancelLink(confirmation));
    expect(cancelled.status).toBe(303);
    const states = await env.db.kysely.selectFrom('event_registrations').select(['email', 'state']).orderBy('id').execute();
    expect(states).toEqual([{ email: 'alice@example.org', state: 'cancelled' }, { email: 'bob@example.org', state: 'confirmed' }]);
    await run();
    const movedUp = mailsTo('bob@example.org')[2];
    expect(movedUp.subject).toBe('Sie haben einen Platz: Werkstatt Sprache');
    expect(movedUp.text).toContain(ONLINE_URL);
    const bobIcs = parseIcs(movedUp.attachments[0].content);
    expect(bobIcs).toMatchObject({ summary: 'Werkstatt Sprache', start: START, location: ONLINE_URL, uid: ics.uid });
    expect(mailsTo('alice@example.org')).toHaveLength(2);
    expect((await bob.get(paths.link('amstadt', bobToken))).body).toContain('Ihre Anmeldung ist bestätigt.');

    // Every mail's link keeps working: Bob's first link shows his place; the officer sees the needs summed up.
    const officer = new Client(env);
    await officer.signIn(f.A.adminEmail, PASSWORD);
    const list = await officer.get(paths.adminAttendees('amstadt', eventId));
    expect(list.status).toBe(200);
    expect(list.body).toContain('1× Kinderbetreuung (2 Kinder)');
    expect(list.body).toContain('bob@example.org');
    expect(list.body).not.toContain('alice@example.org');
  });

  it('the online link is in no page, no waiting or pending mail, and not for an event in a place', async () => {
    const eventId = await addEvent(env, f.A.municipalityId, { online: 1, online_url: ONLINE_URL, capacity: 5 });
    const c = new Client(env);
    await c.post(paths.register('amstadt', eventId), form('Clara', 'clara@example.org'));
    await run();
    const token = statusLink(mailsTo('clara@example.org')[0]).split('/')[3];
    for (const path of [paths.register('amstadt', eventId), paths.registered('amstadt', eventId), paths.link('amstadt', token), paths.cancel('amstadt', token)]) {
      const res = await c.get(path);
      expect(res.status, path).toBe(200);
      expect(res.body, path).not.toContain(ONLINE_URL);
    }
    await c.post(paths.confirm('amstadt', token));
    expect((await c.get(paths.link('amstadt', token))).body).not.toContain(ONLINE_URL);
    // The officer's pages and exports do not carry it either: it goes only into a confirmed registrant's mails.
    const officer = new Client(env);
    await officer.signIn(f.A.adminEmail, PASSWORD);
    expect((await officer.get(paths.adminAttendees('amstadt', eventId))).body).not.toContain(ONLINE_URL);
    expect((await officer.getBytes(paths.adminAttendeesExport('amstadt', eventId, 'csv'))).bytes.toString('utf8')).not.toContain(ONLINE_URL);
  });

  it('a reminder the day before, once, with the .ics; moved later it waits', async () => {
    const eventId = await addEvent(env, f.A.municipalityId, { capacity: null });
    const c = new Client(env);
    await c.post(paths.register('amstadt', eventId), form('Dana', 'dana@example.org'));
    await run();
    await c.post(paths.confirm('amstadt', statusLink(mailsTo('dana@example.org')[0]).split('/')[3]));
    await run();
    expect(mailsTo('dana@example.org')).toHaveLength(2);
    // The event moves two days later: at the old time nothing goes out, at the new one the reminder does.
    await env.db.kysely.updateTable('events').set({ starts_at: '2026-03-16T09:00:00.000Z', ends_at: '2026-03-16T15:00:00.000Z' }).where('id', '=', eventId).execute();
    await run('2026-03-13T09:00:00.000Z');
    expect(mailsTo('dana@example.org')).toHaveLength(2);
    await run('2026-03-15T08:59:00.000Z');
    expect(mailsTo('dana@example.org')).toHaveLength(2);
    await run('2026-03-15T09:00:00.000Z');
    const reminders = () => mailsTo('dana@example.org').filter((m) => m.subject.startsWith('Erinnerung'));
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0].subject).toBe('Erinnerung: Werkstatt Sprache ist morgen');
    expect(parseIcs(reminders()[0].attachments[0].content)).toMatchObject({ summary: 'Werkstatt Sprache', start: '2026-03-16T09:00:00.000Z' });
    // A repeated job (a restart, a second schedule) sends nothing more.
    const reg = await env.db.kysely.selectFrom('event_registrations').select(['id', 'reminded_at']).executeTakeFirstOrThrow();
    expect(reg.reminded_at).toBe('2026-03-15T09:00:00.000Z');
    await env.services.jobs.enqueue(env.db.kysely, { kind: JOB_REMIND, municipalityId: f.A.municipalityId, payload: { registrationId: reg.id } });
    await run('2026-03-15T10:00:00.000Z');
    expect(reminders()).toHaveLength(1);
  });

  it('the officer raises the capacity: the waiting list moves up; the officer cancels the event: everyone is told in their language', async () => {
    const eventId = await addEvent(env, f.A.municipalityId, { capacity: 1 });
    const c = new Client(env);
    await c.post(paths.register('amstadt', eventId), form('Anna', 'anna@example.org'));
    await c.post(`${paths.register('amstadt', eventId)}?lang=en`, form('Ben', 'ben@example.org'));
    await run();
    await c.post(paths.confirm('amstadt', statusLink(mailsTo('anna@example.org')[0]).split('/')[3]));
    await c.post(paths.confirm('amstadt', statusLink(mailsTo('ben@example.org')[0]).split('/')[3].split('?')[0]));
    await run();
    expect(mailsTo('ben@example.org').map((m) => m.subject)).toContain('Waiting list: Werkstatt Sprache');
    const officer = { userId: null, name: 'Test' };
    const values = await env.services.events.formValues(f.A.municipalityId, eventId);
    await env.services.events.update(f.A.municipalityId, eventId, eventSchema.parse({ ...values, capacity: '2' }), officer, null);
    await run();
    const moved = mailsTo('ben@example.org').find((m) => m.subject === 'You have a place: Werkstatt Sprache');
    expect(moved?.attachments[0]).toBeDefined();
    expect((await env.services.events.seats(f.A.municipalityId, eventId)).taken).toBe(2);
    await env.services.events.setState(f.A.municipalityId, eventId, 'cancelled', officer);
    await run();
    expect(mailsTo('anna@example.org').map((m) => m.subject)).toContain('Abgesagt: Werkstatt Sprache');
    expect(mailsTo('ben@example.org').map((m) => m.subject)).toContain('Cancelled: Werkstatt Sprache');
    expect(mailsTo('ben@example.org').find((m) => m.subject.startsWith('Cancelled'))?.attachments).toEqual([]);
  });

  it('registrations are deleted the retention days after the event, not a day earlier; pending ones after 48 hours', async () => {
    const eventId = await addEvent(env, f.A.municipalityId, { capacity: null });
    const otherEvent = await addEvent(env, f.B.municipalityId, { capacity: null, ends_at: '2026-03-20T15:00:00.000Z', starts_at: '2026-03-20T09:00:00.000Z' });
    const c = new Client(env);
    await c.post(paths.register('amstadt', eventId), form('Emil', 'emil@example.org'));
    await c.post(paths.register('amstadt', eventId), form('Frida', 'frida@example.org'));
    await c.post(paths.register('bedorf', otherEvent), form('Gert', 'gert@example.org'));
    await run();
    await c.post(paths.confirm('amstadt', statusLink(mailsTo('emil@example.org')[0]).split('/')[3]));
    await c.post(paths.confirm('bedorf', statusLink(mailsTo('gert@example.org')[0]).split('/')[3]));
    // Frida never confirms: her registration is gone after 48 hours, Emil's stays; at 48 hours her link no longer confirms.
    await run('2026-03-03T09:59:00.000Z');
    expect(await registrationCount(env, f.A.municipalityId)).toBe(2);
    const fridaToken = statusLink(mailsTo('frida@example.org')[0]).split('/')[3];
    expect((await c.get(paths.link('amstadt', fridaToken))).body).toContain('Hallo Frida, bitte bestätigen Sie Ihre Anmeldung.');
    env.now.value = new Date('2026-03-03T10:00:00.000Z');
    const late = (await c.get(paths.link('amstadt', fridaToken))).body;
    expect(late).toContain('Diese Anmeldung kann nicht mehr bestätigt werden.');
    expect(late).not.toContain('Hallo Frida, bitte bestätigen Sie Ihre Anmeldung.');
    expect((await c.post(paths.confirm('amstadt', fridaToken))).status).toBe(404);
    await run('2026-03-03T10:00:00.000Z');
    expect(await registrationCount(env, f.A.municipalityId)).toBe(1);
    // The officer sets 10 days: deletion on 24 March, 15:00 UTC (the event ended 14 March, 15:00 UTC).
    await env.services.registrations.setRetentionDays(f.A.municipalityId, 10, { userId: null, name: 'Test' });
    await run('2026-03-23T15:00:00.000Z');
    expect(await registrationCount(env, f.A.municipalityId)).toBe(1);
    await run('2026-03-24T14:59:59.000Z');
    expect(await registrationCount(env, f.A.municipalityId)).toBe(1);
    await run('2026-03-24T15:00:00.000Z');
    expect(await registrationCount(env, f.A.municipalityId)).toBe(0);
    expect(await env.db.kysely.selectFrom('event_registration_links').select('id').where('municipality_id', '=', f.A.municipalityId).execute()).toEqual([]);
    // Bedorf keeps its 30 days: Gert's registration is still there a day before, gone on the day.
    expect(await registrationCount(env, f.B.municipalityId)).toBe(1);
    await run('2026-04-18T15:00:00.000Z');
    expect(await registrationCount(env, f.B.municipalityId)).toBe(1);
    await run('2026-04-19T15:00:00.000Z');
    expect(await registrationCount(env, f.B.municipalityId)).toBe(0);
  });

  it('a link of another municipality is unknown (404), and so is another municipality’s event', async () => {
    const eventId = await addEvent(env, f.A.municipalityId, { capacity: 3 });
    const c = new Client(env);
    await c.post(paths.register('amstadt', eventId), form('Hana', 'hana@example.org'));
    await run();
    const token = statusLink(mailsTo('hana@example.org')[0]).split('/')[3];
    expect((await c.get(paths.link('bedorf', token))).status).toBe(404);
    expect((await c.get(paths.cancel('bedorf', token))).status).toBe(404);
    expect((await c.post(paths.confirm('bedorf', token))).status).toBe(404);
    expect((await c.post(paths.cancel('bedorf', token))).status).toBe(404);
    expect((await c.get(paths.register('bedorf', eventId))).status).toBe(404);
    expect((await c.post(paths.register('bedorf', eventId), form('Ivo', 'ivo@example.org'))).status).toBe(404);
    expect((await c.get(paths.link('amstadt', 'erfundenes-token'))).status).toBe(404);
    const state = await env.db.kysely.selectFrom('event_registrations').select('state').executeTakeFirstOrThrow();
    expect(state.state).toBe('pending');
    // A draft event takes no registrations and is not shown.
    const draft = await addEvent(env, f.A.municipalityId, { state: 'draft' });
    expect((await c.get(paths.register('amstadt', draft))).status).toBe(404);
  });

  it('errors at the field, input kept, in the reader’s language; a honeypot stores nothing; too many from one client are refused', async () => {
    const eventId = await addEvent(env, f.A.municipalityId, { capacity: 10 });
    const c = new Client(env);
    const bad = await c.post(paths.register('amstadt', eventId), { name: 'Jana Jung', email: 'kein-at', need_interpreter: '1', interpreter_language: '', website: '' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Bitte korrigieren Sie die markierten Angaben.');
    expect(bad.body).toContain('value="Jana Jung"');
    expect(bad.body).toContain('value="kein-at"');
    expect(bad.body).toContain('Bitte geben Sie die Sprache an, in die gedolmetscht werden soll.');
    expect(bad.body).toContain('Bitte bestätigen Sie, dass Sie den Hinweis zum Datenschutz gelesen haben.');
    expect(bad.body).toMatch(/id="feld-email-error"/);
    const en = await c.post(`${paths.register('amstadt', eventId)}?lang=en`, { name: 'Jana Jung', email: 'jana@example.org', need_childcare: '1', children: 'viele', website: '' });
    expect(en.status).toBe(400);
    expect(en.body).toContain('Please state the number of children (1 to 20).');
    expect(en.body).toContain('value="viele"');
    expect(await registrationCount(env, f.A.municipalityId)).toBe(0);

    const bot = await c.post(paths.register('amstadt', eventId), form('Bot', 'bot@example.org', { website: 'https://spam.example' }));
    expect(bot.status).toBe(303);
    expect(await registrationCount(env, f.A.municipalityId)).toBe(0);

    for (let i = 1; i < 10; i++) expect((await c.post(paths.register('amstadt', eventId), form(`Person ${i}`, `p${i}@example.org`))).status).toBe(303);
    const refused = await c.post(paths.register('amstadt', eventId), form('Person 10', 'p10@example.org'));
    expect(refused.status).toBe(429);
    expect(refused.body).toContain('value="Person 10"');
    expect(await registrationCount(env, f.A.municipalityId)).toBe(9);
  });

  it('mails go out in the language of the registration', async () => {
    const eventId = await addEvent(env, f.A.municipalityId, { capacity: 1 });
    const c = new Client(env);
    await c.get(`${paths.register('amstadt', eventId)}?lang=en`);
    await c.post(paths.register('amstadt', eventId), form('Kim', 'kim@example.org'));
    await run();
    const [request] = mailsTo('kim@example.org');
    expect(request.subject).toBe('Please confirm your registration: Werkstatt Sprache');
    expect(statusLink(request)).toMatch(/\?lang=en$/);
    await c.post(paths.confirm('amstadt', statusLink(request).split('/')[3].replace(/\?.*$/, '')));
    await run();
    expect(mailsTo('kim@example.org')[1].subject).toBe('Registration confirmed: Werkstatt Sprache');
  });

  it('a registration made in Arabic gets its mail in Arabic: lang and dir, the link opens in Arabic', async () => {
    const eventId = await addEvent(env, f.A.municipalityId, { capacity: 1 });
    const c = new Client(env);
    await c.post(`${paths.register('amstadt', eventId)}?lang=ar`, form('Rana', 'rana@example.org'));
    await run();
    const [request] = mailsTo('rana@example.org');
    expect(request.html).toContain('<html lang="ar" dir="rtl">');
    expect(request.text).toMatch(/\/amstadt\/anmeldung\/[A-Za-z0-9_-]+\?lang=ar/);
    const stored = await env.db.kysely.selectFrom('event_registrations').select('lang').where('email', '=', 'rana@example.org').executeTakeFirstOrThrow();
    expect(stored.lang).toBe('ar');
  });

  it('the officer removes a registration by hand (the waiting list moves up) and sends a mail again', async () => {
    const eventId = await addEvent(env, f.A.municipalityId, { capacity: 1 });
    const c = new Client(env);
    for (const [name, email] of [['Lea', 'lea@example.org'], ['Max', 'max@example.org']]) {
      await c.post(paths.register('amstadt', eventId), form(name, email));
      await run();
      await c.post(paths.confirm('amstadt', statusLink(mailsTo(email)[0]).split('/')[3]));
    }
    await run();
    const officer = new Client(env);
    await officer.signIn(f.A.adminEmail, PASSWORD);
    const lea = await env.db.kysely.selectFrom('event_registrations').select('id').where('email', '=', 'lea@example.org').executeTakeFirstOrThrow();
    const ask = await officer.get(paths.adminRegistrationRemove('amstadt', lea.id));
    expect(ask.body).toContain('Der Platz geht an die nächste Person auf der Warteliste');
    expect((await officer.post(paths.adminRegistrationRemove('amstadt', lea.id))).status).toBe(303);
    expect(await env.db.kysely.selectFrom('event_registrations').select(['email', 'state']).execute()).toEqual([{ email: 'max@example.org', state: 'confirmed' }]);
    await run();
    expect(mailsTo('max@example.org').map((m) => m.subject)).toContain('Sie haben einen Platz: Werkstatt Sprache');
    const max = await env.db.kysely.selectFrom('event_registrations').select('id').executeTakeFirstOrThrow();
    expect((await officer.post(paths.adminRegistrationResend('amstadt', max.id))).status).toBe(303);
    await run();
    expect(mailsTo('max@example.org').at(-1)!.subject).toBe('Anmeldung bestätigt: Werkstatt Sprache');
    // The audit log keeps no personal data of registrants.
    const audit = await env.db.kysely.selectFrom('audit_log').selectAll().where('entity_type', '=', 'event_registration').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toMatch(/lea@|max@|"Lea"|"Max"/);
  });
});

describe('the needs summed up', () => {
  it('counts interpreting by language, childcare with children, sign language and step-free access', () => {
    const t = translator('de');
    const list = [
      { needs: { interpreter: 'Arabisch', childcare: 2 } },
      { needs: { interpreter: 'arabisch ', step_free: true as const } },
      { needs: { interpreter: 'Arabisch', sign_language: true as const, childcare: 1 } },
      { needs: { step_free: true as const } },
      { needs: {} },
    ];
    expect(needsSummaryText(t, summariseNeeds(list))).toBe('3× Dolmetschen Arabisch, 2× Kinderbetreuung (3 Kinder), 1× Gebärdensprache, 2× stufenloser Zugang');
  });
});
