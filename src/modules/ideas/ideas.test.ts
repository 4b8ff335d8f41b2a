// Residents' comments and ideas on SQLite and PostgreSQL, with mails read from a real SMTP server: a comment
// waits for moderation, is approved and answered ("Antwort der Stadt" first); HTML is refused and what is kept
// is shown inert; the honeypot keeps nothing and the limit per client holds; a hidden comment is on no public
// page and in no export; one municipality's moderators neither see nor touch another's queue; an idea becomes
// a measure and both pages show the link; the e-mail address is confirmed by a link and deleted on schedule.
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { pdfPages } from '../../../test/fixtures/exports/poppler.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { exportsPaths } from '../exports/index.js';
import { planPaths } from '../plan/index.js';
import { ideasPaths as paths } from './index.js';

const DAY = 24 * 3_600_000;

async function textOf(format: string, bytes: Buffer): Promise<string> {
  if (format === 'pdf') return pdfPages(bytes).join('\n');
  if (format === 'xlsx' || format === 'docx') {
    const zip = await JSZip.loadAsync(bytes);
    return (await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')))).join('\n');
  }
  return bytes.toString('utf8');
}

describe.each(engines)('residents comments and ideas on %s', (engine) => {
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
    f = await seedTwoMunicipalities(env);
  });
  afterEach(() => env.close());

  const officer = async (email = f.A.adminEmail) => {
    const c = new Client(env);
    await c.signIn(email, PASSWORD);
    return c;
  };
  const posts = (municipalityId: number) => env.db.kysely.selectFrom('resident_posts').selectAll().where('municipality_id', '=', municipalityId).orderBy('id').execute();
  const commentsOfMeasure = () => paths.comments(f.A.slug, 'measure', f.A.measureId);

  it('a comment waits for moderation, is approved, and the city answers publicly, shown first and marked', async () => {
    const resident = new Client(env);
    const form = await resident.get(commentsOfMeasure());
    expect(form.status).toBe(200);
    expect(form.body).toContain('Kommentare zur Maßnahme');
    const sent = await resident.post(commentsOfMeasure(), { body: 'Gibt es Abendkurse?', name: 'Tomasz', email: '', website: '' });
    expect(sent.status).toBe(303);
    expect((await resident.get(sent.location!)).body).toContain('erscheint, sobald die Stadt ihn freigegeben hat');
    expect((await resident.get(commentsOfMeasure())).body).not.toContain('Gibt es Abendkurse?');
    await resident.post(commentsOfMeasure(), { body: 'Ein zweiter Kommentar.', name: '', website: '' });

    const o = await officer();
    const queue = await o.get(paths.adminQueue(f.A.slug));
    expect(queue.status).toBe(200);
    expect(queue.body).toContain('Gibt es Abendkurse?');
    expect(queue.body).toMatch(/<dd id="warten">2<\/dd>/);
    expect(queue.body).toContain('0 Tagen');
    const [first, second] = await posts(f.A.municipalityId);
    expect(first.state).toBe('pending');

    expect((await o.post(paths.adminApprove(f.A.slug, second.id))).status).toBe(303);
    expect((await o.post(paths.adminAnswer(f.A.slug, first.id), { answer: 'Ja, ab März montags um 18 Uhr.' })).status).toBe(303);
    const after = await posts(f.A.municipalityId);
    expect(after.map((p) => p.state)).toEqual(['published', 'published']);
    expect(after[0].answered_at).not.toBeNull();
    expect(after[1].approved_at).not.toBeNull();

    const page = (await resident.get(commentsOfMeasure())).body;
    expect(page).toContain('Antwort der Stadt');
    expect(page.indexOf('Gibt es Abendkurse?')).toBeLessThan(page.indexOf('Ein zweiter Kommentar.'));
    expect(page.indexOf('Antwort der Stadt')).toBeLessThan(page.indexOf('Gibt es Abendkurse?'));
    expect(page).toContain('von Tomasz');
    const measure = (await resident.get(planPaths.measure(f.A.slug, f.A.measureId))).body;
    expect(measure).toContain('Diese Maßnahme kommentieren');
    expect(measure).toContain('2 Kommentare');

    const audit = await env.db.kysely.selectFrom('audit_log').select('action').where('municipality_id', '=', f.A.municipalityId).where('entity_type', '=', 'resident_post').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['resident_comment.create', 'resident_post.approve', 'resident_post.answer']));
  });

  it('HTML is refused and nothing kept; text with markup that was kept is shown inert', async () => {
    const resident = new Client(env);
    for (const body of ['<script>alert(1)</script>', 'Hallo <img src=x onerror=alert(1)>', '<b>fett</b>']) {
      const r = await resident.post(commentsOfMeasure(), { body, website: '' });
      expect(r.status, body).toBe(400);
      expect(r.body).toContain('ohne HTML');
    }
    expect((await resident.post(commentsOfMeasure(), { body: 'Text', name: '<i>x</i>', website: '' })).status).toBe(400);
    expect(await posts(f.A.municipalityId)).toEqual([]);

    // A text the checks let through still carries signs that would be markup: it is escaped everywhere.
    const ok = await resident.post(commentsOfMeasure(), { body: 'Wenn 3 < 5 & "x" > y, dann?', website: '' });
    expect(ok.status).toBe(303);
    const [row] = await posts(f.A.municipalityId);
    await env.db.kysely.updateTable('resident_posts').set({ body: '<script>alert("x")</script><img src=x onerror=alert(2)>', author_name: '<b>Mallory</b>' }).where('id', '=', row.id).execute();
    const o = await officer();
    const queue = (await o.get(paths.adminQueue(f.A.slug))).body;
    expect(queue).not.toContain('<script>alert');
    expect(queue).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    await o.post(paths.adminApprove(f.A.slug, row.id));
    const page = (await resident.get(commentsOfMeasure())).body;
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<b>Mallory');
    expect(page).toContain('&lt;script&gt;');
  });

  it('links are counted, blocked words refused, the honeypot keeps nothing and the limit per client holds', async () => {
    const resident = new Client(env);
    const links = await resident.post(commentsOfMeasure(), { body: 'Siehe https://a.example, http://b.example und www.c.example', website: '' });
    expect(links.status).toBe(400);
    expect(links.body).toContain('Höchstens 2 Links.');
    const tooLong = await resident.post(commentsOfMeasure(), { body: 'x'.repeat(2001), website: '' });
    expect(tooLong.status).toBe(400);

    const o = await officer();
    expect((await o.post(paths.adminSettings(f.A.slug), { moderation: 'pre', blocked_words: 'Dummkopf\nböses Wort', email_retention_days: '30' })).status).toBe(303);
    const blocked = await resident.post(commentsOfMeasure(), { body: 'Du DUMMKOPF!', website: '' });
    expect(blocked.status).toBe(400);
    expect(blocked.body).toContain('nicht angenommen');
    expect((await resident.post(commentsOfMeasure(), { body: 'Ein Dummkopfbrot ist kein Wort.', website: '' })).status).toBe(303);

    const bot = await resident.post(commentsOfMeasure(), { body: 'Kaufen Sie jetzt', website: 'https://spam.example' });
    expect(bot.status).toBe(303);
    expect((await posts(f.A.municipalityId)).map((p) => p.body)).toEqual(['Ein Dummkopfbrot ist kein Wort.']);

    // Five an hour, counting what was kept, refused for a blocked word, or caught by the honeypot (three so far).
    for (let i = 0; i < 2; i++) expect((await resident.post(commentsOfMeasure(), { body: `Kommentar ${i}`, website: '' })).status).toBe(303);
    const limited = await resident.post(commentsOfMeasure(), { body: 'Einer zu viel', website: '' });
    expect(limited.status).toBe(429);
    expect(limited.body).toContain('sehr viele Beiträge');
    expect((await posts(f.A.municipalityId)).map((p) => p.body)).not.toContain('Einer zu viel');
    env.now.value = new Date(env.now.value.getTime() + 61 * 60_000);
    expect((await resident.post(commentsOfMeasure(), { body: 'Eine Stunde später', website: '' })).status).toBe(303);
  });

  it('a hidden comment or idea is on no public page and in no export; a reported one goes back to the queue', async () => {
    const resident = new Client(env);
    await resident.post(commentsOfMeasure(), { body: 'GEHEIMKOMMENTAR-ZWIEBEL', website: '' });
    await resident.post(paths.comments(f.A.slug, 'goal', f.A.goalId), { body: 'ZIELKOMMENTAR-LAUCH', website: '' });
    await resident.post(paths.fieldIdeas(f.A.slug, f.A.fieldId), { title: 'IDEE-KNOBLAUCH', body: 'Text der Idee', website: '' });
    const o = await officer();
    const [comment, goalComment, idea] = await posts(f.A.municipalityId);
    for (const p of [comment, goalComment, idea]) await o.post(paths.adminApprove(f.A.slug, p.id));
    await o.post(paths.adminAttach(f.A.slug, idea.id), { measure_number: '1' });
    expect((await resident.get(commentsOfMeasure())).body).toContain('GEHEIMKOMMENTAR-ZWIEBEL');
    expect((await resident.get(paths.idea(f.A.slug, idea.id))).body).toContain('IDEE-KNOBLAUCH');
    // the field's page counts the goal's public comment below the goal (the counts of all its goals read at once)
    const goalLink = (html: string) => new RegExp(`href="${paths.comments(f.A.slug, 'goal', f.A.goalId)}">Dieses Ziel kommentieren</a> \\((\\d+) Kommentare?\\)`).exec(html)?.[1];
    expect(goalLink((await resident.get(`/${f.A.slug}/handlungsfelder/${f.A.fieldId}`)).body)).toBe('1');

    // Anyone may report: back to the queue, off the public page.
    expect((await new Client(env).post(paths.report(f.A.slug, goalComment.id))).status).toBe(303);
    expect((await resident.get(paths.comments(f.A.slug, 'goal', f.A.goalId))).body).not.toContain('ZIELKOMMENTAR-LAUCH');
    expect(goalLink((await resident.get(`/${f.A.slug}/handlungsfelder/${f.A.fieldId}`)).body)).toBe('0');
    const queue = (await o.get(paths.adminQueue(f.A.slug))).body;
    expect(queue).toContain('ZIELKOMMENTAR-LAUCH');
    expect(queue).toContain('1-mal gemeldet');

    expect((await o.post(paths.adminHide(f.A.slug, comment.id), { reason: '' })).status).toBe(303);
    expect((await posts(f.A.municipalityId))[0].state).toBe('published');
    await o.post(paths.adminHide(f.A.slug, comment.id), { reason: 'Beleidigend' });
    await o.post(paths.adminHide(f.A.slug, idea.id), { reason: 'Doppelt' });
    const hidden = await posts(f.A.municipalityId);
    expect(hidden[0]).toMatchObject({ state: 'hidden', hidden_reason: 'Beleidigend' });

    const pages = [
      commentsOfMeasure(), paths.comments(f.A.slug, 'goal', f.A.goalId), paths.comments(f.A.slug, 'field', f.A.fieldId), paths.ideas(f.A.slug), paths.fieldIdeas(f.A.slug, f.A.fieldId),
      planPaths.measure(f.A.slug, f.A.measureId), planPaths.field(f.A.slug, f.A.fieldId), `/${f.A.slug}`, planPaths.catalogue(f.A.slug),
    ];
    for (const p of pages) {
      const r = await resident.get(p);
      expect(r.status, p).toBe(200);
      expect(r.body, p).not.toContain('ZWIEBEL');
      expect(r.body, p).not.toContain('KNOBLAUCH');
    }
    for (const q of ['ZWIEBEL', 'KNOBLAUCH']) expect((await resident.get(`${planPaths.search(f.A.slug)}?q=${q}`)).body).toContain('id="results">0 Ergebnisse</h2>');
    expect((await resident.get(paths.idea(f.A.slug, idea.id))).status).toBe(404);
    expect((await resident.get(planPaths.measure(f.A.slug, f.A.measureId))).body).not.toContain('Herkunft');
    for (const format of ['json', 'csv', 'xlsx', 'docx', 'pdf'] as const) {
      for (const [c, url] of [[resident, exportsPaths.planExport(f.A.slug, f.A.planId, format)], [o, exportsPaths.adminPlanExport(f.A.slug, f.A.planId, format)]] as const) {
        const r = await c.getBytes(url);
        expect(r.status, url).toBe(200);
        const text = await textOf(format, r.bytes);
        expect(text.length, url).toBeGreaterThan(100);
        expect(text, url).not.toContain('ZWIEBEL');
        expect(text, url).not.toContain('KNOBLAUCH');
      }
    }
    // A hidden one cannot be reported back into the queue.
    expect((await resident.post(paths.report(f.A.slug, comment.id))).status).toBe(404);
  });

  it("one municipality's moderators neither see nor act on another's queue", async () => {
    const resident = new Client(env);
    await resident.post(commentsOfMeasure(), { body: 'NUR-AMSTADT-KOMMENTAR', website: '' });
    await resident.post(paths.fieldIdeas(f.A.slug, f.A.fieldId), { title: 'NUR-AMSTADT-IDEE', body: 'x', website: '' });
    const [comment, idea] = await posts(f.A.municipalityId);
    const b = await officer(f.B.adminEmail);
    const queueB = await b.get(paths.adminQueue(f.B.slug));
    expect(queueB.status).toBe(200);
    expect(queueB.body).not.toContain('NUR-AMSTADT');
    expect(queueB.body).toMatch(/<dd id="warten">0<\/dd>/);
    expect((await b.get(paths.adminQueue(f.A.slug))).status).toBe(404);
    for (const url of [paths.adminApprove(f.B.slug, comment.id), paths.adminToMeasure(f.B.slug, idea.id)]) expect((await b.post(url)).status, url).toBe(404);
    expect((await b.post(paths.adminHide(f.B.slug, comment.id), { reason: 'x' })).status).toBe(404);
    expect((await b.post(paths.adminAnswer(f.B.slug, comment.id), { answer: 'x' })).status).toBe(404);
    expect((await b.post(paths.adminAttach(f.B.slug, idea.id), { measure_number: '1' })).status).toBe(404);
    expect((await b.post(paths.adminApprove(f.A.slug, comment.id))).status).toBe(404);
    // Nor from the public side: a comment on another municipality's measure, or reporting another's comment.
    expect((await resident.post(paths.comments(f.B.slug, 'measure', f.A.measureId), { body: 'quer', website: '' })).status).toBe(404);
    expect((await resident.post(paths.report(f.B.slug, comment.id))).status).toBe(404);
    expect((await posts(f.A.municipalityId)).map((p) => [p.state, p.answer, p.measure_id])).toEqual([['pending', '', null], ['pending', '', null]]);
    // A resident's way in: a draft plan's measure takes no comments; a group member may not moderate.
    expect((await resident.get(paths.comments(f.A.slug, 'measure', f.A.draftMeasureId))).status).toBe(404);
    expect((await resident.get(paths.adminQueue(f.A.slug))).status).toBe(303);
  });

  it('an idea becomes a draft measure or is attached to one, and both pages show the link', async () => {
    const resident = new Client(env);
    await resident.post(paths.fieldIdeas(f.A.slug, f.A.fieldId), { title: 'Sprachcafé am Samstag', body: 'Mit Kinderbetreuung.', name: 'Leyla', website: '' });
    await resident.post(paths.fieldIdeas(f.A.slug, f.A.fieldId), { title: 'Kurse in einer App', body: 'Alle Termine an einem Ort.', website: '' });
    const [cafe, app] = await posts(f.A.municipalityId);
    const o = await officer();
    await o.post(paths.adminApprove(f.A.slug, cafe.id));
    const attached = await o.post(paths.adminAttach(f.A.slug, cafe.id), { measure_number: '1' });
    expect(attached.status).toBe(303);
    expect((await o.post(paths.adminAttach(f.A.slug, app.id), { measure_number: '999' })).status).toBe(303);
    expect((await posts(f.A.municipalityId))[1].measure_id).toBeNull();

    const ideaPage = await resident.get(paths.idea(f.A.slug, cafe.id));
    expect(ideaPage.body).toContain('Daraus wurde Maßnahme 1');
    expect(ideaPage.body).toContain(`href="${planPaths.measure(f.A.slug, f.A.measureId)}"`);
    const measurePage = (await resident.get(planPaths.measure(f.A.slug, f.A.measureId))).body;
    expect(measurePage).toContain('<h2 class="kern-heading-small" id="herkunft">Herkunft</h2>');
    expect(measurePage).toContain('Aus einer Idee von Bürgerinnen und Bürgern');
    expect(measurePage).toContain(`href="${paths.idea(f.A.slug, cafe.id)}">Sprachcafé am Samstag</a>`);

    // A draft measure goes into the plan in preparation (the fixture's draft plan), in the field of the same
    // title, preselected; a field of the published plan is refused and nothing is written.
    const draftField = (await env.services.plans.tree(f.A.municipalityId, f.A.draftPlanId)).fields[0];
    const queue = (await o.get(paths.adminQueue(f.A.slug))).body;
    expect(queue).toContain(`<option value="${draftField.id}" selected="">${draftField.title}</option>`);
    const measuresBefore = await env.db.kysely.selectFrom('measures').select('id').execute();
    const refused = await o.post(paths.adminToMeasure(f.A.slug, app.id), { field_id: String(f.A.fieldId) });
    expect(refused.status).toBe(303);
    expect((await o.get(refused.location!)).body).toContain('nur in einem Plan in Vorbereitung');
    expect(await env.db.kysely.selectFrom('measures').select('id').execute()).toHaveLength(measuresBefore.length);
    expect((await posts(f.A.municipalityId))[1].measure_id).toBeNull();

    const made = await o.post(paths.adminToMeasure(f.A.slug, app.id), { field_id: String(draftField.id) });
    expect(made.status).toBe(303);
    const linked = (await posts(f.A.municipalityId))[1];
    expect(linked.measure_id).not.toBeNull();
    expect(made.location).toBe(planPaths.adminMeasure(f.A.slug, linked.measure_id!));
    const measure = await env.services.plans.getMeasure(f.A.municipalityId, linked.measure_id!);
    expect(measure).toMatchObject({ plan_id: f.A.draftPlanId, field_id: draftField.id, is_further: 1, status_category: 'planned' });
    expect(measure.text).toContain('Kurse in einer App');
    const admin = (await o.get(planPaths.adminMeasure(f.A.slug, linked.measure_id!))).body;
    expect(admin).toContain('Herkunft');
    expect(admin).toContain('Kurse in einer App (wartet auf Freigabe)');
    await o.post(paths.adminApprove(f.A.slug, app.id));
    // The public sees the idea and that a measure is being prepared, but not the draft measure itself.
    const preparing = (await resident.get(paths.idea(f.A.slug, app.id))).body;
    expect(preparing).toContain('Die Stadt bereitet aus dieser Idee eine Maßnahme');
    expect(preparing).not.toContain(planPaths.measure(f.A.slug, linked.measure_id!));
    expect((await resident.get(planPaths.measure(f.A.slug, linked.measure_id!))).status).toBe(404);
    // Once the plan in preparation is published, the idea links to its measure.
    await env.services.plans.setPlanState(f.A.municipalityId, f.A.draftPlanId, 'published', { userId: null, name: 'Test' });
    const published = (await resident.get(paths.idea(f.A.slug, app.id))).body;
    expect(published).toContain('Daraus wurde eine Maßnahme');
    expect(published).toContain(`href="${planPaths.measure(f.A.slug, linked.measure_id!)}"`);
    expect(linked.linked_at).not.toBeNull();
  });

  it('post-moderation shows at once; an e-mail address is confirmed by a link, gets the answer, and is deleted on schedule', async () => {
    const o = await officer();
    await o.post(paths.adminSettings(f.A.slug), { moderation: 'post', blocked_words: '', email_retention_days: '10' });
    const resident = new Client(env);
    const sent = await resident.post(`${commentsOfMeasure()}?lang=en`, { body: 'Where are the courses?', email: 'Leser@Example.org', website: '' });
    expect(sent.status).toBe(303);
    const [row] = await posts(f.A.municipalityId);
    expect(row).toMatchObject({ state: 'published', email: 'leser@example.org', email_confirmed_at: null });
    expect((await resident.get(commentsOfMeasure())).body).toContain('Where are the courses?');
    expect((await resident.get(commentsOfMeasure())).body).not.toContain('leser@example.org');

    await env.services.jobs.runDueJobs(env.now.value);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(['leser@example.org']);
    const link = smtp.mails[0].text.match(/http:\/\/\S+\/bestaetigen\/(\S+)/);
    expect(link, smtp.mails[0].text).not.toBeNull();
    expect((await resident.get(paths.confirm(f.A.slug, 'falsch'))).status).toBe(404);
    const confirmed = await resident.get(new URL(link![0]).pathname);
    expect(confirmed.status).toBe(303);
    expect((await posts(f.A.municipalityId))[0].email_confirmed_at).not.toBeNull();

    await o.post(paths.adminAnswer(f.A.slug, row.id), { answer: 'In der VHS, Raum 3.' });
    await env.services.jobs.runDueJobs(env.now.value);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[1].text).toContain('In der VHS, Raum 3.');

    env.now.value = new Date(env.now.value.getTime() + 9 * DAY);
    await env.services.jobs.runDueJobs(env.now.value);
    expect((await posts(f.A.municipalityId))[0].email).toBe('leser@example.org');
    env.now.value = new Date(env.now.value.getTime() + 2 * DAY);
    await env.services.jobs.runDueJobs(env.now.value);
    const gone = (await posts(f.A.municipalityId))[0];
    expect(gone).toMatchObject({ email: '', email_token: null });
    expect(gone.personal_deleted_at).not.toBeNull();
    expect(gone.body).toBe('Where are the courses?');
  });
});
