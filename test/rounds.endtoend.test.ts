// An update round end to end on SQLite and PostgreSQL: the officer starts an update round; the SMTP
// server (real, in this process) receives one mail per lead actor with an address; an actor follows its
// link and updates two measures; the officer accepts one and returns the other; the measure's history and
// the dashboard show exactly that. A link never reaches another actor's measures, another plan or another
// municipality; an expired and a revoked link are refused with a clear page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from './smtp.js';

const system = { userId: null, name: 'Test' };
const LINK = /https?:\/\/[^\s<>"]+\/(amstadt|bedorf)\/sachstand\/[A-Za-z0-9_-]+/g;

function linksIn(mail: ReceivedMail): string[] {
  return [...new Set(mail.text.match(LINK) ?? [])];
}
const pathOf = (url: string) => new URL(url).pathname;

async function countRows(env: TestEnv, table: 'round_changes' | 'status_changes' | 'progress_notes') {
  const r = await env.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(engines)('an update round end to end on %s', (engine) => {
  let smtp: TestSmtp;
  let env: TestEnv;
  let f: Fixture;
  let officer: Client;
  const m = { vhs1: 0, kontakt: 0, vhs2: 0, job: 0 };
  const actor = { vhs: 0, job: 0, kontakt: 0 };
  let roundId = 0;
  let vhsLink = '';
  let jobLink = '';
  let kontaktLink = '';
  let bedorfLink = '';

  beforeAll(async () => {
    smtp = await startSmtp();
    env = await createTestEnv(engine, smtp.env);
    f = await seedTwoMunicipalities(env);
    const s = env.services;
    const mid = f.A.municipalityId;
    const actors = await s.actors.list(mid);
    const byName = (prefix: string) => actors.find((a) => a.name.startsWith(prefix))!;
    actor.vhs = byName('VHS').id;
    actor.job = byName('Jobcenter').id;
    actor.kontakt = byName('Kontaktstelle').id;
    // VHS and Jobcenter have an address; the Kontaktstelle has none and gets its link to copy.
    for (const [id, email] of [[actor.vhs, 'vhs@amstadt.example'], [actor.job, 'jobcenter@amstadt.example']] as const) {
      const a = await s.actors.get(mid, id);
      await s.actors.update(mid, id, { name: a.name, parent_id: a.parent_id, description: a.description, contact_email: email, website: a.website }, system);
    }
    const base = { number: null, is_further: false, field_id: null, status_category: null, timeframe_start: null, timeframe_end: null, target_groups: '', partner_actor_ids: [] };
    m.vhs2 = await s.plans.createMeasure(mid, f.A.fieldId, { ...base, text: 'Lernwerkstatt für Erwachsene', number: '3', goal_id: f.A.goalId, status_label: 'In Planung', lead_actor_id: actor.vhs }, system);
    m.job = await s.plans.createMeasure(mid, f.A.fieldId, { ...base, text: 'Bewerbungstraining für Zugewanderte', number: '4', goal_id: f.A.goalId, status_label: 'Noch nicht begonnen', lead_actor_id: actor.job }, system);
    const tree = await s.plans.tree(mid, f.A.planId);
    m.vhs1 = tree.fields[0].goals[0].measures.find((x) => x.number === '1')!.id;
    m.kontakt = tree.fields[0].goals[0].measures.find((x) => x.number === '2')!.id;

    // Bedorf runs a round of its own; its VHS link must never open anything in Amstadt.
    const bedorf = await s.municipalities.getBySlug(f.B.slug);
    const vhsB = (await s.actors.list(bedorf.id)).find((a) => a.name.startsWith('VHS'))!;
    await s.actors.update(bedorf.id, vhsB.id, { name: vhsB.name, parent_id: null, description: '', contact_email: 'vhs@bedorf.example', website: '' }, system);
    await s.rounds.start(bedorf, { plan_id: f.B.planId, title: 'Sachstand Bedorf', deadline: '2026-06-30' }, system);
    await s.jobs.runDueJobs(env.now.value);
    bedorfLink = linksIn(smtp.mails.find((x) => x.to.includes('vhs@bedorf.example'))!)[0];
    smtp.mails.length = 0;

    officer = new Client(env);
    await officer.signIn(f.A.adminEmail, PASSWORD);
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  it('starts a round: one mail per lead actor with an address, the link of the one without to copy', async () => {
    const page = await officer.get(paths.adminRounds(f.A.slug));
    expect(page.status).toBe(200);
    // Post/redirect/get: the round's own page, which a reload shows again without starting a second round.
    const posted = await officer.post(paths.adminRoundNew(f.A.slug), { plan_id: String(f.A.planId), title: 'Sachstand 2026', deadline: '2026-03-31' });
    expect(posted.status).toBe(303);
    expect(posted.location).toMatch(/\/amstadt\/verwaltung\/sachstand\/\d+$/);
    expect(posted.body).not.toMatch(LINK);
    const res = await officer.get(posted.location!);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Die Sachstandsabfrage wurde gestartet. 2 E-Mails werden verschickt.');
    expect(res.body).toContain('Links zum Weitergeben');
    expect(res.body).toContain('Link für Kontaktstelle für Integration Amstadt');
    kontaktLink = res.body.match(LINK)![0];
    // Only the link for the actor without an address is shown; the others go out by mail.
    expect(new Set(res.body.match(LINK))).toEqual(new Set([kontaktLink]));
    roundId = (await env.services.rounds.list(f.A.municipalityId))[0].id;
    // The link to copy is shown once: a reload shows the page without it, and nothing is started again.
    const reload = await officer.get(posted.location!);
    expect(reload.status).toBe(200);
    expect(reload.body).not.toMatch(LINK);
    expect(reload.body).not.toContain('Die Sachstandsabfrage wurde gestartet.');
    expect(await env.services.rounds.list(f.A.municipalityId)).toHaveLength(1);
    // The form's address opened directly leads to the rounds' page, not to a missing page.
    expect((await officer.get(paths.adminRoundNew(f.A.slug))).location).toBe(paths.adminRounds(f.A.slug));

    expect(smtp.mails).toHaveLength(0); // nothing is sent in the request: the jobs do it
    const run = await env.services.jobs.runDueJobs(env.now.value);
    expect(run).toEqual({ done: 2, retried: 0, failed: 0 });
    expect(smtp.mails.map((x) => x.to).sort()).toEqual([['jobcenter@amstadt.example'], ['vhs@amstadt.example']]);
    for (const mail of smtp.mails) {
      expect(mail.from).toBe('integration@amstadt.example');
      expect(mail.subject).toBe('Sachstandsabfrage „Sachstand 2026“: Bitte melden Sie den Stand bis 31. März 2026');
      expect(linksIn(mail)).toHaveLength(1);
      expect(mail.html).toContain(`href="${linksIn(mail)[0]}"`);
      expect(mail.text).toContain('Der Link gilt bis einschließlich 14. April 2026');
    }
    const vhsMail = smtp.mails.find((x) => x.to[0] === 'vhs@amstadt.example')!;
    expect(vhsMail.text).toContain('um den aktuellen Stand für die Maßnahmen, bei denen Sie federführend sind (2 Maßnahmen im „Integrationsplan Amstadt“)');
    vhsLink = linksIn(vhsMail)[0];
    jobLink = linksIn(smtp.mails.find((x) => x.to[0] === 'jobcenter@amstadt.example')!)[0];
    expect(new Set([vhsLink, jobLink, kontaktLink]).size).toBe(3);
    // Running the jobs again sends nothing twice.
    expect(await env.services.jobs.runDueJobs(env.now.value)).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(2);
  });

  it("the actor's page lists exactly its lead measures of this plan", async () => {
    const vhs = new Client(env);
    const res = await vhs.get(pathOf(vhsLink));
    expect(res.status).toBe(200);
    expect(res.body).toContain('Guten Tag, VHS Amstadt.');
    expect(res.body).toContain('Sprachkursangebote Apfel ausbauen');
    expect(res.body).toContain('Lernwerkstatt für Erwachsene');
    expect(res.body).not.toContain('Sprachcafé Apfel'); // the Kontaktstelle's
    expect(res.body).not.toContain('Bewerbungstraining'); // the Jobcenter's
    expect(res.body).not.toContain('ApfelENTWURF'); // VHS leads a measure of the draft plan too
    expect(res.body).not.toContain(f.B.secretWord);
    expect(res.body).toContain('name="_csrf"');
    expect(res.res.headers.get('cache-control')).toBe('no-store');
  });

  it('bad input: 400, German messages at the fields, the typed values kept, nothing stored', async () => {
    const vhs = new Client(env);
    await vhs.get(pathOf(vhsLink));
    const res = await vhs.post(pathOf(vhsLink), {
      [`status_label_${m.vhs1}`]: 'Abgeschlossen',
      [`note_${m.vhs1}`]: 'Merker-Sachstand',
      [`note_date_${m.vhs1}`]: '2026-13-45',
      [`evidence_url_${m.vhs1}`]: 'ftp://vhs.example/kurs',
      [`status_label_${m.vhs2}`]: '',
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Bitte korrigieren Sie die markierten Angaben.');
    expect(res.body).toContain('Bitte geben Sie ein gültiges Datum ein.');
    expect(res.body).toContain('Bitte geben Sie eine Adresse ein, die mit https:// beginnt.');
    expect(res.body).toContain('Bitte geben Sie einen Status ein.');
    expect(res.body).toContain(`id="feld-evidence_url_${m.vhs1}-error"`);
    expect(res.body).toContain('Merker-Sachstand');
    expect(res.body).toContain('ftp://vhs.example/kurs');
    expect(await countRows(env, 'round_changes')).toBe(0);
  });

  it('the actor updates two measures: stored as pending, not yet in the plan', async () => {
    const before = { status: await countRows(env, 'status_changes'), notes: await countRows(env, 'progress_notes') };
    const vhs = new Client(env);
    await vhs.get(pathOf(vhsLink));
    const res = await vhs.post(pathOf(vhsLink), {
      [`status_label_${m.vhs1}`]: 'Abgeschlossen',
      [`note_${m.vhs1}`]: 'Kurs 2025 mit 40 Teilnehmenden abgeschlossen',
      [`note_date_${m.vhs1}`]: '2026-02-15',
      [`evidence_url_${m.vhs1}`]: 'https://vhs.example/kurs-2025',
      [`status_label_${m.vhs2}`]: 'In Umsetzung',
      [`note_${m.vhs2}`]: 'Raum gefunden',
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe(pathOf(vhsLink));
    const after = await vhs.get(pathOf(vhsLink));
    expect(after.body).toContain('Vielen Dank! Ihre Angaben zu 2 Maßnahmen wurden übermittelt.');
    expect(after.body).toContain('wartet auf die Prüfung durch die Kommune');

    expect(await countRows(env, 'round_changes')).toBe(2);
    expect(await countRows(env, 'status_changes')).toBe(before.status);
    expect(await countRows(env, 'progress_notes')).toBe(before.notes);
    const measure = await env.services.plans.getMeasure(f.A.municipalityId, m.vhs1);
    expect(measure.status_label).toBe('Wird fortgesetzt');
  });

  it('the officer sees who answered, and accepts one change and returns the other', async () => {
    const page = await officer.get(paths.adminRound(f.A.slug, roundId));
    expect(page.status).toBe(200);
    expect(page.body).toContain('1 von 3 Akteuren haben geantwortet.');
    expect(page.body).toContain('Kurs 2025 mit 40 Teilnehmenden abgeschlossen');
    expect(page.body).toContain('href="https://vhs.example/kurs-2025"');
    const changes = await env.db.kysely.selectFrom('round_changes').select(['id', 'measure_id']).where('state', '=', 'pending').execute();
    const change = (measureId: number) => changes.find((c) => c.measure_id === measureId)!.id;

    const accepted = await officer.post(paths.adminRoundAccept(f.A.slug, roundId, change(m.vhs1)));
    expect(accepted.status).toBe(303);
    const empty = await officer.post(paths.adminRoundReturn(f.A.slug, roundId, change(m.vhs2)), { [`comment_${change(m.vhs2)}`]: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('Bitte schreiben Sie dem Akteur, was er prüfen soll.');
    const returned = await officer.post(paths.adminRoundReturn(f.A.slug, roundId, change(m.vhs2)), { [`comment_${change(m.vhs2)}`]: 'Bitte nennen Sie den Starttermin.' });
    expect(returned.status).toBe(303);
    // The actor gets the question by mail, with its link to answer.
    smtp.mails.length = 0;
    await env.services.jobs.runDueJobs(env.now.value);
    expect(smtp.mails.map((x) => x.to[0])).toEqual(['vhs@amstadt.example']);
    expect(smtp.mails[0].text).toContain('Bitte nennen Sie den Starttermin.');
    expect(linksIn(smtp.mails[0])).toHaveLength(1);
    smtp.mails.length = 0;
    // A second click on accept changes nothing.
    const again = await officer.post(paths.adminRoundAccept(f.A.slug, roundId, change(m.vhs1)));
    expect(again.status).toBe(303);
    expect((await officer.get(again.location!)).body).toContain('Diese Änderung wurde bereits bearbeitet.');
  });

  it('the history and the dashboard show exactly that', async () => {
    const s = env.services;
    const mid = f.A.municipalityId;
    const accepted = await s.plans.measureDetail(mid, m.vhs1);
    expect(accepted.measure.status_label).toBe('Abgeschlossen');
    expect(accepted.measure.status_category).toBe('completed');
    expect(accepted.history[0]).toMatchObject({
      from_label: 'Wird fortgesetzt', to_label: 'Abgeschlossen', to_category: 'completed',
      changed_by_name: 'VHS Amstadt (über Sachstandsabfrage)', changed_by_user_id: null,
      note: 'Gemeldet in der Sachstandsabfrage „Sachstand 2026“.',
    });
    expect(accepted.history.filter((h) => h.to_label === 'Abgeschlossen')).toHaveLength(1);
    expect(accepted.notes[0]).toMatchObject({
      text: 'Kurs 2025 mit 40 Teilnehmenden abgeschlossen\nNachweis: https://vhs.example/kurs-2025',
      note_date: '2026-02-15', author_name: 'VHS Amstadt (über Sachstandsabfrage)',
    });

    const returned = await s.plans.measureDetail(mid, m.vhs2);
    expect(returned.measure.status_label).toBe('In Planung');
    expect(returned.history).toHaveLength(1); // only its creation
    expect(returned.notes).toHaveLength(0);

    // The public measure page shows the new status and its author.
    const pub = await new Client(env).get(paths.measure(f.A.slug, m.vhs1));
    expect(pub.body).toContain('VHS Amstadt (über Sachstandsabfrage)');
    expect(pub.body).toContain('Nachweis: https://vhs.example/kurs-2025');

    // The dashboard: one measure moved from ongoing to completed, nothing else.
    const board = await s.monitoring.dashboard(mid, f.A.planId, { lastRound: null });
    const count = (c: string) => board.byCategory.find((x) => x.category === c)!.count;
    expect(board.total).toBe(5);
    expect({ completed: count('completed'), ongoing: count('ongoing'), planned: count('planned'), not_started: count('not_started'), in_progress: count('in_progress'), unknown: count('unknown') })
      .toEqual({ completed: 1, ongoing: 0, planned: 2, not_started: 1, in_progress: 0, unknown: 1 });
    expect(board.done).toMatchObject({ completed: 1, ongoing: 0, count: 1 });
    const tree = await s.plans.tree(mid, f.A.planId);
    const cats = tree.fields.flatMap((fl) => [...fl.goals.flatMap((g) => g.measures), ...fl.furtherMeasures]).map((x) => x.status_category).sort();
    expect(cats).toEqual(['completed', 'not_started', 'planned', 'planned', 'unknown']);
  });

  it('the actor sees the returned change with the comment and can submit again', async () => {
    const vhs = new Client(env);
    const page = await vhs.get(pathOf(vhsLink));
    expect(page.body).toContain('Bitte nennen Sie den Starttermin.');
    expect(page.body).toContain('Ihre letzte Meldung wurde am');
    expect(page.body).toContain('value="In Umsetzung"'); // the returned values are kept in the form
    const res = await vhs.post(pathOf(vhsLink), { [`status_label_${m.vhs2}`]: 'In Umsetzung', [`note_${m.vhs2}`]: 'Start im April 2026' });
    expect(res.status).toBe(303);
    const pending = await env.db.kysely.selectFrom('round_changes').select(['measure_id', 'note_text', 'note_date']).where('state', '=', 'pending').execute();
    expect(pending).toEqual([{ measure_id: m.vhs2, note_text: 'Start im April 2026', note_date: '2026-03-01' }]);
  });

  it("a link never reads or changes another actor's, another plan's or another municipality's measures", async () => {
    const before = await countRows(env, 'round_changes');
    const vhs = new Client(env);
    await vhs.get(pathOf(vhsLink));
    // Fields of the Kontaktstelle's and the Jobcenter's measures, and of B's, are ignored: nothing to store.
    const res = await vhs.post(pathOf(vhsLink), {
      [`status_label_${m.kontakt}`]: 'Entfällt',
      [`note_${m.job}`]: 'Übernommen von VHS',
      [`status_label_${f.B.measureId}`]: 'Entfällt',
      [`status_label_${f.A.draftMeasureId}`]: 'Entfällt',
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Sie haben nichts geändert.');
    expect(await countRows(env, 'round_changes')).toBe(before);

    // Another municipality's link under this municipality's address, and this link under B's: unknown.
    const anon = new Client(env);
    const cross = await anon.get(pathOf(bedorfLink).replace('/bedorf/', '/amstadt/'));
    expect(cross.status).toBe(404);
    expect(cross.body).toContain('Dieser Link ist nicht gültig');
    expect(cross.body).not.toContain(f.B.secretWord);
    const crossPost = await anon.post(pathOf(bedorfLink).replace('/bedorf/', '/amstadt/'), { [`status_label_${f.B.measureId}`]: 'Entfällt' });
    expect(crossPost.status).toBe(404);
    const other = await anon.get(pathOf(vhsLink).replace('/amstadt/', '/bedorf/'));
    expect(other.status).toBe(404);
    expect(other.body).not.toContain('Sprachkursangebote Apfel');
    expect(await countRows(env, 'round_changes')).toBe(before);
    expect((await env.services.plans.getMeasure(f.B.municipalityId, f.B.measureId)).status_label).toBe('Wird fortgesetzt');
  });

  it('reminds by hand and automatically, only those who have not answered', async () => {
    smtp.mails.length = 0;
    const res = await officer.post(paths.adminRoundRemind(f.A.slug, roundId));
    // The Kontaktstelle has no address: its fresh link is shown to copy; the Jobcenter gets a mail.
    expect(res.status).toBe(200);
    expect(res.body).toContain('Link für Kontaktstelle für Integration Amstadt');
    expect(res.body).not.toContain('Link für VHS Amstadt');
    await env.services.jobs.runDueJobs(env.now.value);
    expect(smtp.mails.map((x) => x.to[0])).toEqual(['jobcenter@amstadt.example']);
    expect(smtp.mails[0].subject).toBe('Erinnerung: Sachstandsabfrage „Sachstand 2026“, Frist 31. März 2026');

    // Seven days before the deadline, 08:00 UTC, the automatic reminder goes out.
    smtp.mails.length = 0;
    env.now.value = new Date('2026-03-24T07:59:00Z');
    expect(await env.services.jobs.runDueJobs(env.now.value)).toEqual({ done: 0, retried: 0, failed: 0 });
    env.now.value = new Date('2026-03-24T08:00:00Z');
    await env.services.jobs.runDueJobs(env.now.value);
    expect(smtp.mails.map((x) => x.to[0])).toEqual(['jobcenter@amstadt.example']);
  });

  it('a revoked link is refused with a clear page (403), every link of that actor', async () => {
    const participant = await env.db.kysely.selectFrom('round_participants').select('id').where('round_id', '=', roundId).where('actor_id', '=', actor.job).executeTakeFirstOrThrow();
    const reminderLink = linksIn(smtp.mails[0])[0];
    await officer.signIn(f.A.adminEmail, PASSWORD); // the clock moved on: a new session
    const res = await officer.post(paths.adminRoundRevoke(f.A.slug, roundId, participant.id));
    expect(res.status).toBe(303);
    for (const link of [jobLink, reminderLink]) {
      const anon = new Client(env);
      const page = await anon.get(pathOf(link));
      expect(page.status).toBe(403);
      expect(page.body).toContain('Dieser Link wurde gesperrt');
      expect(page.body).toContain('Bitte wenden Sie sich an Kontaktstelle Amstadt.');
      expect(page.body).toContain('integration@amstadt.example');
      expect(page.body).not.toContain('Bewerbungstraining');
      const post = await anon.post(pathOf(link), { [`status_label_${m.job}`]: 'Abgeschlossen' });
      expect(post.status).toBe(403);
    }
    expect(await env.db.kysely.selectFrom('round_changes').select('id').where('measure_id', '=', m.job).execute()).toEqual([]);
  });

  it('an expired link is refused with a clear page (410) from the day after the grace period', async () => {
    env.now.value = new Date('2026-04-14T23:59:00Z');
    expect((await new Client(env).get(pathOf(vhsLink))).status).toBe(200);
    env.now.value = new Date('2026-04-15T00:00:00Z');
    const anon = new Client(env);
    const page = await anon.get(pathOf(vhsLink));
    expect(page.status).toBe(410);
    expect(page.body).toContain('Dieser Link ist abgelaufen');
    expect(page.body).toContain('Bitte wenden Sie sich an Kontaktstelle Amstadt.');
    expect(page.body).not.toContain('Sprachkursangebote Apfel');
    const post = await anon.post(pathOf(vhsLink), { [`status_label_${m.vhs1}`]: 'Entfällt' });
    expect(post.status).toBe(410);
    expect((await env.services.plans.getMeasure(f.A.municipalityId, m.vhs1)).status_label).toBe('Abgeschlossen');
  });
});
