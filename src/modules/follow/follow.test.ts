// Following on SQLite and PostgreSQL, with the mails read from a real SMTP server: a resident follows a field of
// action with an address, confirms it by the link in the mail, and the morning's digest lists the status change
// (with its public note, never an internal one) in the resident's language; one click on its link unsubscribes
// and deletes the address. A digest goes out once: not again when the job runs twice, nor after a worker died
// while the mail was on its way. Honeypot, limit per client, drafts and other municipalities are refused.
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { followPaths as paths } from './index.js';

const HOUR = 3_600_000;
const by = { userId: null, name: 'Test' };

/** The first link in a mail's text that starts with this path prefix. */
function linkIn(text: string, prefix: string): string {
  const m = new RegExp(`https?://[^\\s]*${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s]*`).exec(text);
  if (!m) throw new Error(`no link ${prefix} in: ${text}`);
  const url = new URL(m[0]);
  return url.pathname + url.search;
}

describe.each(engines)('following on %s', (engine) => {
  let smtp: TestSmtp;
  let env: TestEnv;
  let f: Fixture;

  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    smtp.mails.length = 0;
    env = await createTestEnv(engine, smtp.env);
    env.now.value = new Date('2026-11-26T10:00:00Z'); // a Thursday
    f = await seedTwoMunicipalities(env);
  });
  afterEach(() => env.close());

  const runJobs = () => env.services.jobs.runDueJobs(env.now.value);
  const subscriptions = async (municipalityId: number) => env.db.kysely.selectFrom('follow_subscriptions').selectAll().where('municipality_id', '=', municipalityId).execute();

  /** Asks to follow A's field with this address (in a language), confirms it by the mail's link. */
  async function followField(email: string, lang = 'de', frequency = 'daily') {
    const c = new Client(env);
    const form = await c.get(`${paths.follow(f.A.slug, 'feld', f.A.fieldId)}?lang=${lang}`);
    expect(form.status).toBe(200);
    const sent = await c.post(paths.follow(f.A.slug, 'feld', f.A.fieldId), { email, frequency, website: '' });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(paths.requested(f.A.slug, 'feld', f.A.fieldId));
    await runJobs();
    const mail = smtp.mails.find((m) => m.to.includes(email))!;
    expect(mail).toBeDefined();
    const confirmed = await c.get(linkIn(mail.text, '/folgen/bestaetigen/'));
    expect(confirmed.status).toBe(200);
    return { c, mail };
  }

  it('follows a field: confirmed by mail, the next morning’s digest lists the change, one click ends it', async () => {
    const { c, mail } = await followField('leser@example.org', 'en');
    expect(mail.subject).toBe('Please confirm: news from Amstadt');
    const rows = await subscriptions(f.A.municipalityId);
    expect(rows.map((r) => [r.email, r.state, r.lang, r.subject_type, r.subject_id])).toEqual([['leser@example.org', 'active', 'en', 'field', f.A.fieldId]]);

    // nothing happened: no mail in the morning
    smtp.mails.length = 0;
    env.now.value = new Date('2026-11-27T06:00:00Z');
    await runJobs();
    expect(smtp.mails).toEqual([]);

    // a status change with a public note, and one with an internal note
    env.now.value = new Date('2026-11-27T09:00:00Z');
    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Läuft', status_category: null, note: 'Der erste Kurs hat begonnen.' }, by);
    env.now.value = new Date('2026-11-27T10:00:00Z');
    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Läuft weiter', status_category: null, note: 'Intern: Budget knapp', note_internal: true }, by);
    await env.services.plans.addNote(f.A.municipalityId, f.A.measureId, { text: 'Anmeldungen ab sofort im Bürgerbüro.', note_date: '2026-11-27' }, { userId: null, name: 'Sachbearbeiterin Sommer' });
    await env.services.plans.addNote(f.A.municipalityId, f.A.measureId, { text: 'Intern: Raum noch offen', note_date: '2026-11-27', internal: true }, by);
    // the city answers an idea of the field and a comment on its measure; an answered comment hidden later is left out
    const resident = new Client(env);
    await resident.post(`/${f.A.slug}/ideen/handlungsfeld/${f.A.fieldId}`, { title: 'Lernpatenschaften', body: 'Ehrenamtliche helfen beim Lernen.', name: 'Zeynep Yılmaz', website: '' });
    await resident.post(`/${f.A.slug}/mitreden/massnahme/${f.A.measureId}`, { body: 'Gibt es Abendkurse?', website: '' });
    await resident.post(`/${f.A.slug}/mitreden/massnahme/${f.A.measureId}`, { body: 'Spam', website: '' });
    const [idea, comment, spam] = await env.db.kysely.selectFrom('resident_posts').select('id').where('municipality_id', '=', f.A.municipalityId).orderBy('id').execute();
    await env.services.ideas.answer(f.A.municipalityId, idea.id, 'Wir prüfen das mit der Freiwilligenagentur.', by);
    await env.services.ideas.answer(f.A.municipalityId, comment.id, 'Ja, ab März montags.', by);
    await env.services.ideas.answer(f.A.municipalityId, spam.id, 'Geheime Antwort', by);
    await env.services.ideas.hide(f.A.municipalityId, spam.id, 'Werbung', by);
    // B's change never reaches A's followers
    await env.services.plans.changeStatus(f.B.municipalityId, f.B.measureId, { status_label: 'Birnenkompott läuft', status_category: null, note: '' }, by);

    env.now.value = new Date('2026-11-28T06:00:00Z');
    await runJobs();
    expect(smtp.mails).toHaveLength(1);
    const digest = smtp.mails[0];
    expect(digest.to).toEqual(['leser@example.org']);
    expect(digest.subject).toContain('News: field of action');
    expect(digest.text).toContain('now “Läuft”');
    expect(digest.text).toContain('Note: Der erste Kurs hat begonnen.');
    expect(digest.text).toContain('now “Läuft weiter”');
    expect(digest.text).not.toContain('Budget knapp');
    expect(digest.text).toContain('1 new note:');
    expect(digest.text).toContain('Anmeldungen ab sofort im Bürgerbüro.');
    expect(digest.text).not.toContain('Raum noch offen');
    expect(digest.text).not.toContain('Sommer');
    expect(digest.text).not.toContain('Birnenkompott');
    expect(digest.text).toContain('2 answers from the city:');
    expect(digest.text).toContain('To the idea “Lernpatenschaften”');
    expect(digest.text).toContain('Wir prüfen das mit der Freiwilligenagentur.');
    expect(digest.text).toContain(`/${f.A.slug}/ideen/${idea.id}?lang=en`);
    expect(digest.text).toContain('Ja, ab März montags.');
    expect(digest.text).toContain(`/${f.A.slug}/mitreden/massnahme/${f.A.measureId}?lang=en`);
    expect(digest.text).not.toContain('Geheime Antwort');
    expect(digest.text).not.toContain('Zeynep');
    expect(digest.raw).toMatch(/List-Unsubscribe:\s*<http[^>]*\/folgen\/abbestellen\//);

    // the same morning again (a second worker, a repeated job): nothing more
    await env.services.jobs.enqueue(env.db.kysely, { kind: 'follow.digests', municipalityId: f.A.municipalityId });
    await runJobs();
    expect(smtp.mails).toHaveLength(1);

    // one click, without signing in
    const ended = await new Client(env).get(linkIn(digest.text, '/folgen/abbestellen/'));
    expect(ended.status).toBe(200);
    expect(ended.body).toContain('Unsubscribed');
    expect(await subscriptions(f.A.municipalityId)).toEqual([]);
    expect(await env.db.kysely.selectFrom('follow_links').selectAll().execute()).toEqual([]);
    // the confirmation link is dead too
    expect((await c.get(linkIn(mail.text, '/folgen/bestaetigen/'))).status).toBe(404);
  });

  it('never sends a digest twice after a worker died while its mail was on the way', async () => {
    await followField('zweimal@example.org');
    env.now.value = new Date('2026-11-26T11:00:00Z');
    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Abgeschlossen', status_category: null, note: '' }, by);
    smtp.mails.length = 0;

    // the mail was handed to the SMTP server, then the worker died before it noted the digest as sent
    const failSent = engine === 'sqlite'
      ? sql.raw(`create trigger die_after_send before update on follow_digests when new.state = 'sent' begin select raise(abort, 'worker died'); end`)
      : sql.raw(`create or replace function die_after_send() returns trigger language plpgsql as $$ begin if new.state = 'sent' then raise exception 'worker died'; end if; return new; end $$; create trigger die_after_send before update on follow_digests for each row execute function die_after_send()`);
    await failSent.execute(env.db.kysely);
    env.now.value = new Date('2026-11-27T06:00:00Z');
    const first = await runJobs();
    expect(first.retried + first.failed).toBeGreaterThan(0);
    expect(smtp.mails).toHaveLength(1);
    await sql.raw(engine === 'sqlite' ? 'drop trigger die_after_send' : 'drop trigger die_after_send on follow_digests').execute(env.db.kysely);

    // the job's retry is claimed by a worker that dies too; once its lease has lapsed another worker runs it
    env.now.value = new Date(env.now.value.getTime() + 2 * HOUR);
    const taken = await env.services.jobs.claim(env.now.value);
    expect(taken?.kind).toBe('follow.digests');
    env.now.value = new Date(env.now.value.getTime() + 2 * HOUR);
    const again = await runJobs();
    expect(again.done).toBeGreaterThan(0);
    expect(smtp.mails).toHaveLength(1);
    const digests = await env.db.kysely.selectFrom('follow_digests').select(['period', 'state']).execute();
    expect(digests).toEqual([{ period: '2026-11-27', state: 'sending' }]);

    // a mail the SMTP server refused is sent on the next try, once
    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Wieder offen', status_category: null, note: '' }, by);
    smtp.failNext(1);
    env.now.value = new Date('2026-11-28T06:00:00Z');
    await runJobs();
    expect(smtp.mails).toHaveLength(1);
    env.now.value = new Date(env.now.value.getTime() + HOUR);
    await runJobs();
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1].text).toContain('„Wieder offen“');
    env.now.value = new Date(env.now.value.getTime() + HOUR);
    await runJobs();
    expect(smtp.mails).toHaveLength(2);
  });

  it('keeps nothing for a robot, limits a client, refuses drafts and other municipalities’ subjects', async () => {
    const c = new Client(env);
    expect((await c.post(paths.follow(f.A.slug, 'feld', f.A.fieldId), { email: 'robot@example.org', frequency: 'weekly', website: 'http://spam.example' })).status).toBe(303);
    expect(await subscriptions(f.A.municipalityId)).toEqual([]);

    const bad = await c.post(paths.follow(f.A.slug, 'feld', f.A.fieldId), { email: 'kein-at', frequency: 'stündlich', website: '' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('value="kein-at"');
    expect(bad.body).toContain('gültige E-Mail-Adresse');
    expect(await subscriptions(f.A.municipalityId)).toEqual([]);

    expect((await c.get(paths.follow(f.A.slug, 'massnahme', f.A.draftMeasureId))).status).toBe(404);
    expect((await c.get(paths.follow(f.A.slug, 'plan', f.A.draftPlanId))).status).toBe(404);
    expect((await c.get(paths.follow(f.A.slug, 'feld', f.B.fieldId))).status).toBe(404);
    expect((await c.post(paths.follow(f.A.slug, 'massnahme', f.B.measureId), { email: 'x@example.org', frequency: 'weekly', website: '' })).status).toBe(404);

    // the robot's request counted: nine more are taken, the eleventh is refused
    for (let i = 0; i < 9; i++) expect((await c.post(paths.follow(f.A.slug, 'massnahme', f.A.measureId), { email: `n${i}@example.org`, frequency: 'weekly', website: '' })).status).toBe(303);
    const limited = await c.post(paths.follow(f.A.slug, 'massnahme', f.A.measureId), { email: 'elf@example.org', frequency: 'weekly', website: '' });
    expect(limited.status).toBe(429);
    expect((await subscriptions(f.A.municipalityId)).map((r) => r.email)).not.toContain('elf@example.org');
  });

  it('deletes addresses never confirmed; a link of B does not work at A', async () => {
    const c = new Client(env);
    await c.post(paths.follow(f.B.slug, 'feld', f.B.fieldId), { email: 'b@example.org', frequency: 'weekly', website: '' });
    await c.post(paths.follow(f.A.slug, 'feld', f.A.fieldId), { email: 'spaet@example.org', frequency: 'weekly', website: '' });
    await runJobs();
    const bMail = smtp.mails.find((m) => m.to.includes('b@example.org'))!;
    const bLink = linkIn(bMail.text, '/folgen/bestaetigen/');
    expect((await c.get(bLink.replace(`/${f.B.slug}/`, `/${f.A.slug}/`))).status).toBe(404);
    expect((await subscriptions(f.B.municipalityId))[0].state).toBe('pending');

    env.now.value = new Date(env.now.value.getTime() + 73 * HOUR);
    const late = smtp.mails.find((m) => m.to.includes('spaet@example.org'))!;
    const expired = await c.get(linkIn(late.text, '/folgen/bestaetigen/'));
    expect(expired.body).toContain('Der Link ist abgelaufen');
    await runJobs();
    expect(await subscriptions(f.A.municipalityId)).toEqual([]);
    expect(await subscriptions(f.B.municipalityId)).toEqual([]);
  });

  it('shows the officer counts, never addresses; links on the field, measure and start pages', async () => {
    await followField('zaehlen@example.org', 'de', 'weekly');
    const officer = new Client(env);
    await officer.signIn(f.A.adminEmail, PASSWORD);
    const page = await officer.get(paths.adminFollow(f.A.slug));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Handlungsfeld');
    expect(page.body).not.toContain('zaehlen@example.org');
    const c = new Client(env);
    expect((await c.get(`/${f.A.slug}/handlungsfelder/${f.A.fieldId}`)).body).toContain(paths.follow(f.A.slug, 'feld', f.A.fieldId));
    expect((await c.get(`/${f.A.slug}/massnahmen/${f.A.measureId}`)).body).toContain(paths.follow(f.A.slug, 'massnahme', f.A.measureId));
    expect((await c.get(`/${f.A.slug}`)).body).toContain(paths.follow(f.A.slug, 'plan', f.A.planId));
  });

  it('an actor follows its own measures from its personal link: the digest lists them, not others’ nor a draft’s', async () => {
    const m = await env.services.municipalities.getBySlug(f.A.slug);
    const { links } = await env.services.rounds.start(m, { plan_id: f.A.planId, title: 'Sachstand', deadline: '2026-12-31' }, by);
    const vhs = links.find((l) => l.actorName.startsWith('VHS'))!;
    const c = new Client(env);
    const linkPage = await c.get(new URL(vhs.url).pathname);
    expect(linkPage.status).toBe(200);
    expect(linkPage.body).toContain(`href="${paths.follow(f.A.slug, 'akteur', f.A.actorId)}">Ihren Maßnahmen per E-Mail folgen</a>`);
    expect((await c.get(`/${f.A.slug}/akteure/${f.A.actorId}`)).body).toContain(paths.follow(f.A.slug, 'akteur', f.A.actorId));

    const form = await c.get(paths.follow(f.A.slug, 'akteur', f.A.actorId));
    expect(form.body).toContain('Sie folgen: Maßnahmen von „VHS Amstadt“.');
    const asked = await c.post(paths.follow(f.A.slug, 'akteur', f.A.actorId), { email: 'kurse@vhs.example', frequency: 'daily', website: '' });
    await runJobs();
    expect(asked.status).toBe(303);
    expect((await c.get(linkIn(smtp.mails.find((x) => x.to.includes('kurse@vhs.example'))!.text, '/folgen/bestaetigen/'))).status).toBe(200);
    smtp.mails.length = 0;

    const tree = await env.services.plans.tree(f.A.municipalityId, f.A.planId);
    const other = tree.fields.flatMap((x) => x.goals.flatMap((g) => g.measures)).find((x) => x.number === '2')!;
    env.now.value = new Date('2026-11-26T12:00:00Z');
    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Kurs läuft', status_category: null, note: '' }, by);
    await env.services.plans.changeStatus(f.A.municipalityId, other.id, { status_label: 'Fremde Änderung', status_category: null, note: '' }, by);
    await env.services.plans.changeStatus(f.A.municipalityId, f.A.draftMeasureId, { status_label: 'Entwurfsänderung', status_category: null, note: '' }, by);
    env.now.value = new Date('2026-11-27T06:00:00Z');
    await runJobs();
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(['kurse@vhs.example']);
    expect(smtp.mails[0].text).toContain('„Kurs läuft“');
    expect(smtp.mails[0].text).not.toContain('Fremde Änderung');
    expect(smtp.mails[0].text).not.toContain('Entwurfsänderung');
    // an actor of another municipality cannot be followed here
    expect((await c.get(paths.follow(f.A.slug, 'akteur', f.B.actorId))).status).toBe(404);
  });

  it('reads what happened once per subject, and each follower gets only what came after they began to follow', async () => {
    await followField('frueh@example.org');
    env.now.value = new Date('2026-11-26T11:00:00Z');
    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Vor dem Zweiten', status_category: null, note: '' }, by);
    env.now.value = new Date('2026-11-26T12:00:00Z');
    await followField('spaeter@example.org');
    env.now.value = new Date('2026-11-26T13:00:00Z');
    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Für beide', status_category: null, note: '' }, by);
    smtp.mails.length = 0;
    env.now.value = new Date('2026-11-27T06:00:00Z');
    await runJobs();
    const to = (email: string) => smtp.mails.find((x) => x.to.includes(email))!.text;
    expect(to('frueh@example.org')).toContain('„Vor dem Zweiten“');
    expect(to('frueh@example.org')).toContain('„Für beide“');
    expect(to('spaeter@example.org')).not.toContain('Vor dem Zweiten');
    expect(to('spaeter@example.org')).toContain('„Für beide“');
  });
});
