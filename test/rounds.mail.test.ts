// Mail of the update rounds against a real SMTP server in this process: the configuration, a temporary SMTP
// failure that the job retries, the HTML escaping of names, reminders that skip who answered or was revoked,
// and, without SMTP, the links shown to copy instead of mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/platform/config.js';
import { paths } from './paths.js';
import { createMailer } from '../src/platform/mail/mailer.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';
import { startSmtp, type TestSmtp } from './smtp.js';

const system = { userId: null, name: 'Test' };

async function setEmail(env: TestEnv, mid: number, prefix: string, email: string, rename?: string) {
  const a = (await env.services.actors.list(mid)).find((x) => x.name.startsWith(prefix))!;
  await env.services.actors.update(mid, a.id, { name: rename ?? a.name, parent_id: a.parent_id, description: a.description, contact_email: email, website: a.website }, system);
  return a.id;
}

describe('mail configuration', () => {
  it('SMTP is off without SMTP_HOST, and MAIL_FROM is required with it', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).smtp).toBeNull();
    expect(() => loadConfig({ NODE_ENV: 'test', SMTP_HOST: 'mail.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', SMTP_HOST: 'mail.example' })).toThrow(/MAIL_FROM/);
    const c = loadConfig({ NODE_ENV: 'test', SMTP_HOST: 'mail.example', MAIL_FROM: 'a@b.example', SMTP_USER: 'u', SMTP_PASSWORD: 'p', SMTP_SECURE: 'true' });
    expect(c.smtp).toEqual({ host: 'mail.example', port: 587, user: 'u', password: 'p', secure: true });
    expect(c.reminderDaysBefore).toBe(7);
    expect(c.jobsPollSeconds).toBe(30);
    expect(() => loadConfig({ NODE_ENV: 'test', REMINDER_DAYS_BEFORE: 'sieben' })).toThrow(/REMINDER_DAYS_BEFORE/);
  });

  it('the mailer sends text and HTML over SMTP; unconfigured it refuses', async () => {
    const smtp = await startSmtp();
    try {
      const mailer = createMailer({ smtp: { host: '127.0.0.1', port: smtp.port, user: undefined, password: undefined, secure: false }, mailFrom: 'Teilhabe <t@example.org>' });
      await mailer.send({ to: 'x@example.org', subject: 'Grüße „Sachstand“', text: 'Straße – ü', html: '<p>Straße – ü</p>' });
      mailer.close();
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]).toMatchObject({ to: ['x@example.org'], from: 't@example.org', subject: 'Grüße „Sachstand“' });
      expect(smtp.mails[0].text.trim()).toBe('Straße – ü');
      expect(smtp.mails[0].html).toContain('<p>Straße – ü</p>');
      const off = createMailer({ smtp: null, mailFrom: '' });
      expect(off.configured).toBe(false);
      await expect(off.send({ to: 'x@example.org', subject: 's', text: 't', html: 'h' })).rejects.toThrow(/SMTP/);
    } finally {
      await smtp.close();
    }
  });
});

describe.each(engines)('round mail on %s', (engine) => {
  let smtp: TestSmtp;
  let env: TestEnv;
  let f: Fixture;

  beforeAll(async () => {
    smtp = await startSmtp();
    env = await createTestEnv(engine, smtp.env);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  it('a temporary SMTP failure is retried later; the token of the failed mail does not stay valid', async () => {
    const mid = f.A.municipalityId;
    await setEmail(env, mid, 'VHS', 'vhs@amstadt.example', 'VHS <Amstadt> & Co');
    const m = await env.services.municipalities.getBySlug(f.A.slug);
    const { roundId } = await env.services.rounds.start(m, { plan_id: f.A.planId, title: 'Sachstand <2026>', deadline: '2026-03-31' }, system);
    smtp.failNext(1);
    expect(await env.services.jobs.runDueJobs(env.now.value)).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(smtp.mails).toHaveLength(0);
    const tokens = () => env.db.kysely.selectFrom('round_tokens as t').innerJoin('round_participants as p', 'p.id', 't.participant_id')
      .innerJoin('actors as a', 'a.id', 'p.actor_id').select('t.id').where('p.round_id', '=', roundId).where('a.contact_email', '=', 'vhs@amstadt.example').execute();
    expect(await tokens()).toHaveLength(0);
    const job = await env.db.kysely.selectFrom('jobs').selectAll().where('kind', '=', 'rounds.invite').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'queued', attempts: 1 });
    expect(job.last_error).toMatch(/451|Vorübergehend/);

    expect(await env.services.jobs.runDueJobs(new Date(env.now.value.getTime() + 60_000))).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    expect(await tokens()).toHaveLength(1);
    // Names are text: escaped in the HTML part, verbatim in the text part.
    const mail = smtp.mails[0];
    expect(mail.subject).toContain('„Sachstand <2026>“');
    expect(mail.html).toContain('VHS &lt;Amstadt&gt; &amp; Co');
    expect(mail.html).not.toContain('<Amstadt>');
    expect(mail.text).toContain('VHS <Amstadt> & Co');
  });

  it('reminders skip actors that answered or were revoked, and nothing is mailed for a closed round', async () => {
    const mid = f.B.municipalityId;
    await setEmail(env, mid, 'VHS', 'vhs@bedorf.example');
    await setEmail(env, mid, 'Kontaktstelle', 'kontakt@bedorf.example');
    await setEmail(env, mid, 'Jobcenter', 'jobcenter@bedorf.example');
    // Jobcenter leads nothing in B's plan: it is not asked.
    const m = await env.services.municipalities.getBySlug(f.B.slug);
    const { roundId } = await env.services.rounds.start(m, { plan_id: f.B.planId, title: 'Sachstand B', deadline: '2026-03-31' }, system);
    smtp.mails.length = 0;
    await env.services.jobs.runDueJobs(env.now.value);
    expect(smtp.mails.map((x) => x.to[0]).sort()).toEqual(['kontakt@bedorf.example', 'vhs@bedorf.example']);
    const vhsLink = new URL(smtp.mails.find((x) => x.to[0] === 'vhs@bedorf.example')!.text.match(/https?:\/\/\S+\/sachstand\/[A-Za-z0-9_-]+/)![0]).pathname;

    // VHS answers.
    const vhs = new Client(env);
    await vhs.get(vhsLink);
    expect((await vhs.post(vhsLink, { [`note_${f.B.measureId}`]: 'Läuft' })).status).toBe(303);

    const officer = new Client(env);
    await officer.signIn(f.B.adminEmail, PASSWORD);
    smtp.mails.length = 0;
    expect((await officer.post(paths.adminRoundRemind(f.B.slug, roundId))).status).toBe(303);
    await env.services.jobs.runDueJobs(env.now.value);
    expect(smtp.mails.map((x) => x.to[0])).toEqual(['kontakt@bedorf.example']);
    expect(smtp.mails[0].subject).toMatch(/^Erinnerung:/);

    // Revoked: no reminder reaches it any more, neither the button's, the automatic one, nor a queued one.
    const kontakt = await env.db.kysely.selectFrom('round_participants').select('id').where('round_id', '=', roundId).where('answered_at', 'is', null).executeTakeFirstOrThrow();
    expect((await officer.post(paths.adminRoundRevoke(f.B.slug, roundId, kontakt.id))).status).toBe(303);
    const page = await officer.get(paths.adminRound(f.B.slug, roundId));
    expect(page.body).not.toContain('Erinnerung an');
    const toB = () => smtp.mails.filter((x) => x.to[0].endsWith('@bedorf.example'));
    smtp.mails.length = 0;
    await env.services.jobs.enqueue(env.db.kysely, { kind: 'rounds.remind', municipalityId: mid, payload: { roundId, participantId: kontakt.id } });
    await env.services.jobs.runDueJobs(new Date('2026-03-24T08:00:00Z'));
    expect(toB()).toEqual([]);

    // A new link lifts the revocation; a reminder queued before the round closes sends nothing after it.
    expect((await officer.post(paths.adminRoundNewLink(f.B.slug, roundId, kontakt.id))).status).toBe(200);
    await env.services.jobs.enqueue(env.db.kysely, { kind: 'rounds.remind', municipalityId: mid, payload: { roundId, participantId: kontakt.id } });
    await env.services.rounds.close(mid, roundId, system);
    expect(await env.services.jobs.runDueJobs(new Date('2026-03-24T09:00:00Z'))).toMatchObject({ done: 1, failed: 0 });
    expect(toB()).toEqual([]);
  });
});

describe.each(engines)('a returned change and a closed round on %s', (engine) => {
  let smtp: TestSmtp;
  let env: TestEnv;
  let f: Fixture;

  beforeAll(async () => {
    smtp = await startSmtp();
    env = await createTestEnv(engine, smtp.env);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  it('the invitation addresses the lead actor, the officer\'s question reaches it by mail with its link, a closed round promises no reminder', async () => {
    const mid = f.A.municipalityId;
    await setEmail(env, mid, 'VHS', 'vhs@amstadt.example');
    const m = await env.services.municipalities.getBySlug(f.A.slug);
    const { roundId } = await env.services.rounds.start(m, { plan_id: f.A.planId, title: 'Frühjahr', deadline: '2026-03-31' }, system);
    await env.services.jobs.runDueJobs(env.now.value);
    const invite = smtp.mails.find((x) => x.to[0] === 'vhs@amstadt.example')!;
    expect(invite.text).toContain('für die Maßnahme, bei der Sie federführend sind');
    const link = new URL(invite.text.match(/https?:\/\/\S+\/sachstand\/[A-Za-z0-9_-]+/)![0]).pathname;

    // The actor reports; the officer returns it with a question.
    const vhs = new Client(env);
    await vhs.get(link);
    expect((await vhs.post(link, { [`note_${f.A.measureId}`]: 'Läuft gut' })).status).toBe(303);
    const change = await env.db.kysely.selectFrom('round_changes').select('id').where('round_id', '=', roundId).executeTakeFirstOrThrow();
    const officer = new Client(env);
    await officer.signIn(f.A.adminEmail, PASSWORD);
    smtp.mails.length = 0;
    const question = 'Welcher Kurs ist gemeint?\nBitte mit Datum.';
    expect((await officer.post(paths.adminRoundReturn(f.A.slug, roundId, change.id), { [`comment_${change.id}`]: question })).status).toBe(303);
    await env.services.jobs.runDueJobs(env.now.value);
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0];
    expect(mail.to).toEqual(['vhs@amstadt.example']);
    expect(mail.subject).toBe('Rückfrage zur Sachstandsabfrage „Frühjahr“: Maßnahme 1');
    expect(mail.text).toContain('Welcher Kurs ist gemeint?');
    expect(mail.html).toContain('Welcher Kurs ist gemeint?');
    // Its link opens the actor's page, which shows the question again.
    const again = new URL(mail.text.match(/https?:\/\/\S+\/sachstand\/[A-Za-z0-9_-]+/)![0]).pathname;
    const page = await new Client(env).get(again);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Welcher Kurs ist gemeint?');

    // Open, the round announces its automatic reminder; closed, it promises none.
    expect((await officer.get(paths.adminRound(f.A.slug, roundId))).body).toMatch(/an alle, die noch nicht geantwortet haben/);
    await env.services.rounds.close(mid, roundId, system);
    const closed = await officer.get(paths.adminRound(f.A.slug, roundId));
    expect(closed.body).toContain('Keine: die Abfrage ist abgeschlossen.');
    expect(closed.body).not.toMatch(/an alle, die noch nicht geantwortet haben/);
  });

  it('the mail for several measures says "für die Maßnahmen, bei denen Sie federführend sind"', async () => {
    const { roundMail } = await import('../src/modules/rounds/rounds.mail.js');
    const mail = await roundMail('a@b.example', {
      kind: 'invite', municipality: { name: 'Amstadt', office_name: 'Kontaktstelle', contact_person: '', contact_email: '', contact_phone: '' },
      round: { title: 'R', deadline: '2026-03-31', expires_at: '2026-04-14T00:00:00Z' }, planTitle: 'Plan', actorName: 'VHS', measureCount: 3, url: 'https://x.example/a/sachstand/abc',
    });
    expect(mail.text).toContain('für die Maßnahmen, bei denen Sie federführend sind (3 Maßnahmen im „Plan“)');
  });
});

describe.each(engines)('without SMTP on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env?.close());

  it('starting a round shows every link to copy (also for actors with an address) and queues no mail', async () => {
    await setEmail(env, f.A.municipalityId, 'VHS', 'vhs@amstadt.example');
    const officer = new Client(env);
    await officer.signIn(f.A.adminEmail, PASSWORD);
    const form = await officer.get(paths.adminRounds(f.A.slug));
    expect(form.body).toContain('E-Mail-Versand ist nicht eingerichtet');
    const posted = await officer.post(paths.adminRoundNew(f.A.slug), { plan_id: String(f.A.planId), title: 'Sachstand 2026', deadline: '2026-03-31' });
    expect(posted.status).toBe(303);
    const res = await officer.get(posted.location!);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Die Sachstandsabfrage wurde gestartet.</span>');
    expect(res.body).toContain('E-Mail-Versand ist nicht eingerichtet');
    expect(res.body).toContain('Link für VHS Amstadt');
    expect(res.body).toContain('E-Mail-Adresse: vhs@amstadt.example');
    expect(res.body).toContain('Link für Kontaktstelle für Integration Amstadt');
    const links = [...new Set(res.body.match(/http:\/\/localhost:3000\/amstadt\/sachstand\/[A-Za-z0-9_-]+/g))];
    expect(links).toHaveLength(2);
    const jobs = await env.db.kysely.selectFrom('jobs').select(['kind']).execute();
    expect(jobs.filter((j) => j.kind !== 'rounds.auto_remind')).toEqual([]);
    // The shown links work.
    for (const link of links) expect((await new Client(env).get(new URL(link).pathname)).status).toBe(200);
    // The tokens are stored only as hashes.
    const stored = await env.db.kysely.selectFrom('round_tokens').select('token_hash').execute();
    for (const link of links) expect(stored.map((s) => s.token_hash)).not.toContain(link.split('/').pop());
    // Shown once: a reload of the round's page has no link left, and the address never held one.
    expect(posted.location).not.toMatch(/sachstand\/[A-Za-z0-9_-]{20,}/);
    expect((await officer.get(posted.location!)).body).not.toMatch(/http:\/\/localhost:3000\/amstadt\/sachstand\/[A-Za-z0-9_-]+/);
  });

  it('a new link can be made for an actor; the reminder button shows fresh links', async () => {
    const officer = new Client(env);
    await officer.signIn(f.A.adminEmail, PASSWORD);
    const round = (await env.services.rounds.list(f.A.municipalityId))[0];
    const page = await officer.get(paths.adminRound(f.A.slug, round.id));
    expect(page.body).toContain('Neue Links für 2 Akteure erzeugen, die noch nicht geantwortet haben');
    const res = await officer.post(paths.adminRoundRemind(f.A.slug, round.id));
    expect(res.status).toBe(200);
    expect([...new Set(res.body.match(/\/amstadt\/sachstand\/[A-Za-z0-9_-]+/g))]).toHaveLength(2);
  });
});
