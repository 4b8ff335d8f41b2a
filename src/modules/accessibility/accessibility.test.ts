// The accessibility statement on SQLite and PostgreSQL, with the mails read from a real SMTP server: every
// municipality has a default statement before its officer saved one, linked from every footer; the settings are
// validated at the field and change nothing when wrong; a resident's feedback is kept for its municipality only,
// mailed to the contact in the language the officer chose, and loses its name and e-mail on schedule; the
// honeypot keeps nothing and the limit per client stops a flood.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { accessibilityPaths as paths } from './index.js';

const DAY = 24 * 3_600_000;

/** A complete settings form as the officer posts it. */
function settingsForm(extra: Record<string, string> = {}): Record<string, string> {
  return {
    status: 'partial', prepared_on: '2026-01-10', reviewed_on: '2026-02-01', method: 'self', method_by: '',
    contact_email: 'barrierefrei@amstadt.example', contact_phone: '0711 1', contact_address: 'Marktplatz 1\n12345 Amstadt', contact_lang: 'de',
    land: 'BW', use_shipped: '1', body_name: '', body_address: '', body_web: '', body_email: '', body_phone: '', retention_days: '30',
    item_0_content: 'Die Videos haben noch keine Untertitel.', item_0_reason: 'disproportionate_burden', item_0_justification: 'Untertitel sind für 2027 beauftragt.', item_0_alternative: 'Das Protokoll als Text.',
    item_1_content: '', item_1_reason: 'non_compliance', item_1_justification: '', item_1_alternative: '',
    ...extra,
  };
}

const feedbackCount = async (env: TestEnv, municipalityId: number) =>
  Number((await env.db.kysely.selectFrom('accessibility_feedback').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow()).n);

describe.each(engines)('accessibility statement on %s', (engine) => {
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

  it('a default statement before the officer saved one, in every language, linked from the footer of every page', async () => {
    const c = new Client(env);
    const home = await c.get('/amstadt');
    expect(home.body).toContain('href="/amstadt/barrierefreiheit?seite=%2Famstadt"');
    const start = await c.get('/');
    expect(start.body).toContain('href="/barrierefreiheit"');

    const page = await c.get('/amstadt/barrierefreiheit?seite=%2Famstadt%2Fplan');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1 class="kern-heading-large">Erklärung zur Barrierefreiheit</h1>');
    expect(page.body).toContain('teilweise mit den Anforderungen der BITV 2.0');
    expect(page.body).toContain('Deutscher Gebärdensprache');
    expect(page.body).toContain('mailto:integration@amstadt.example');
    expect(page.body).toContain('Else-Josenhans-Straße 6');
    expect(page.body).toContain('axe-core');
    expect(page.body).toContain('href="/amstadt/leichte-sprache"');
    // The feedback form knows the page the reader came from.
    expect(page.body).toMatch(/name="page"[^>]*value="\/amstadt\/plan"/);
    expect(page.body).toContain('href="/amstadt/barrierefreiheit/rueckmeldung?seite=%2Famstadt%2Fplan"');
    const own = await c.get('/amstadt/barrierefreiheit/rueckmeldung?seite=%2Famstadt%2Fplan');
    expect(own.status).toBe(200);
    expect(own.body).toMatch(/name="page"[^>]*value="\/amstadt\/plan"/);
    // The order of the EU model statement.
    const order = ['Stand der Vereinbarkeit', 'Nicht barrierefreie Inhalte', 'Erstellung dieser Erklärung', 'Feedback und Kontaktangaben', 'Durchsetzungsverfahren'].map((h) => page.body.indexOf(h));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);

    const ar = await c.get('/amstadt/barrierefreiheit?lang=ar');
    expect(ar.body).toContain('dir="rtl"');
    expect(ar.body).toContain('بيان إمكانية الوصول');
    expect(ar.body).toContain('لغة الإشارة الألمانية');
    const ru = await c.get('/amstadt/barrierefreiheit?lang=ru');
    expect(ru.body).toContain('Заявление о доступности');
    // A page that is no path of this site is not taken into the form.
    const odd = await c.get('/amstadt/barrierefreiheit?seite=https%3A%2F%2Fevil.example');
    expect(odd.body).toMatch(/name="page" type="text" value=""/);
  });

  it('the settings: four outcomes, errors at the field with the input kept and nothing saved, then a saved statement', async () => {
    const anonymous = new Client(env);
    const out = await anonymous.get(paths.adminStatement('amstadt'));
    expect(out.status).toBe(303);
    const editor = await officer(f.A.editorEmail);
    expect((await editor.get(paths.adminStatement('amstadt'))).status).toBe(403);
    const other = await officer(f.B.adminEmail);
    expect((await other.get(paths.adminStatement('amstadt'))).status).toBe(404);
    expect((await other.post(paths.adminStatement('amstadt'), settingsForm())).status).toBe(404);

    const c = await officer();
    const form = await c.get(paths.adminStatement('amstadt'));
    expect(form.status).toBe(200);
    // The default's known limits stand in the form for the officer to edit.
    expect(form.body).toContain('Deutscher Gebärdensprache');

    const bad = await c.post(paths.adminStatement('amstadt'), settingsForm({
      prepared_on: '2026-02-30', reviewed_on: '', contact_email: 'keine-adresse', method: 'external', method_by: '', use_shipped: '', body_name: '', body_web: 'ftp://x',
      item_1_justification: 'Begründung ohne Beschreibung', retention_days: '0',
    }));
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Bitte geben Sie ein gültiges Datum ein.');
    expect(bad.body).toContain('Bitte geben Sie an, wann die Erklärung zuletzt überprüft wurde.');
    expect(bad.body).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(bad.body).toContain('Bitte geben Sie an, wer geprüft hat.');
    expect(bad.body).toContain('Bitte geben Sie den Namen der Stelle an');
    expect(bad.body).toContain('Bitte geben Sie eine Adresse ein, die mit https:// beginnt.');
    expect(bad.body).toContain('Bitte beschreiben Sie, was nicht barrierefrei ist.');
    expect(bad.body).toContain('Bitte geben Sie eine Zahl von 1 bis 365 ein.');
    expect(bad.body).toContain('href="#feld-item_1_content"');
    expect(bad.body).toContain('value="keine-adresse"');
    expect(bad.body).toContain('Begründung ohne Beschreibung');
    expect(await env.db.kysely.selectFrom('accessibility_statements').selectAll().execute()).toHaveLength(0);

    const order = await c.post(paths.adminStatement('amstadt'), settingsForm({ prepared_on: '2026-03-01', reviewed_on: '2026-02-01' }));
    expect(order.status).toBe(400);
    expect(order.body).toContain('Die Überprüfung kann nicht vor der Erstellung liegen.');

    const saved = await c.post(paths.adminStatement('amstadt'), settingsForm({ land: 'BUND', method: 'external', method_by: 'Prüfstelle Nord' }));
    expect(saved.status).toBe(303);
    const page = await new Client(env).get('/amstadt/barrierefreiheit');
    expect(page.body).toContain('Die Videos haben noch keine Untertitel.');
    expect(page.body).toContain('unverhältnismäßige Belastung');
    expect(page.body).toContain('Das Protokoll als Text.');
    expect(page.body).toContain('Prüfstelle Nord');
    expect(page.body).toContain('Mauerstraße 53');
    expect(page.body).toContain('mailto:barrierefrei@amstadt.example');
    expect(page.body).not.toContain('Deutscher Gebärdensprache');
    // In another language the officer's own words stay German and say so.
    const en = await new Client(env).get('/amstadt/barrierefreiheit?lang=en');
    expect(en.body).toContain('<span lang="de">Die Videos haben noch keine Untertitel.</span>');
    expect(en.body).toContain('disproportionate burden');
    // The other municipality still has its default.
    const b = await new Client(env).get('/bedorf/barrierefreiheit');
    expect(b.body).not.toContain('Die Videos haben noch keine Untertitel.');
    expect(b.body).toContain('Else-Josenhans-Straße 6');

    // The editable body: without the list, the officer's own details are kept.
    const own = await c.post(paths.adminStatement('amstadt'), settingsForm({ use_shipped: '', body_name: 'Eigene Stelle', body_address: 'Weg 1', body_web: 'https://stelle.example', body_email: 'stelle@example.org' }));
    expect(own.status).toBe(303);
    const ownPage = await new Client(env).get('/amstadt/barrierefreiheit');
    expect(ownPage.body).toContain('Eigene Stelle');
    expect(ownPage.body).toContain('mailto:stelle@example.org');
  });

  it('feedback: kept for its municipality, mailed to the contact in the chosen language, invisible to another municipality, marked answered', async () => {
    const c = await officer();
    expect((await c.post(paths.adminStatement('amstadt'), settingsForm({ contact_lang: 'en' }))).status).toBe(303);

    const resident = new Client(env);
    await resident.get('/amstadt/barrierefreiheit');
    const empty = await resident.post(paths.feedback('amstadt'), { page: '/amstadt/plan', problem: '', name: '', email: 'falsch', website: '' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('Bitte beschreiben Sie das Problem.');
    expect(empty.body).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(empty.body).toContain('value="/amstadt/plan"');
    expect(await feedbackCount(env, f.A.municipalityId)).toBe(0);

    const sent = await resident.post(paths.feedback('amstadt'), { page: '/amstadt/plan', problem: 'Der Knopf Apfelmus ist mit der Tastatur nicht erreichbar.', name: 'Ayşe K.', email: 'ayse@example.org', website: '' });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe('/amstadt/barrierefreiheit');
    const after = await resident.get(sent.location!);
    expect(after.body).toMatch(/role="status"[\s\S]*Vielen Dank\. Ihre Rückmeldung ist angekommen\./);
    expect(await feedbackCount(env, f.A.municipalityId)).toBe(1);
    expect(await feedbackCount(env, f.B.municipalityId)).toBe(0);

    await env.services.jobs.runDueJobs(env.now.value);
    const mails = smtp.mails.filter((m) => m.to.includes('barrierefrei@amstadt.example'));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Accessibility feedback – Amstadt');
    expect(mails[0].text).toContain('Der Knopf Apfelmus ist mit der Tastatur nicht erreichbar.');
    expect(mails[0].text).toContain('Please answer to ayse@example.org.');
    expect(mails[0].text).toContain('/amstadt/verwaltung/barrierefreiheit/rueckmeldungen?lang=en');

    const list = await c.get(paths.adminFeedback('amstadt'));
    expect(list.status).toBe(200);
    expect(list.body).toContain('Apfelmus');
    expect(list.body).toContain('ayse@example.org');
    const other = await officer(f.B.adminEmail);
    expect((await other.get(paths.adminFeedback('amstadt'))).status).toBe(404);
    const bList = await other.get(paths.adminFeedback('bedorf'));
    expect(bList.status).toBe(200);
    expect(bList.body).not.toContain('Apfelmus');
    const id = (await env.db.kysely.selectFrom('accessibility_feedback').select('id').executeTakeFirstOrThrow()).id;
    expect((await other.post(paths.adminFeedbackAnswered('bedorf', id))).status).toBe(404);
    expect((await new Client(env).post(paths.adminFeedbackAnswered('amstadt', id))).status).toBe(303);

    const answered = await c.post(paths.adminFeedbackAnswered('amstadt', id));
    expect(answered.status).toBe(303);
    const row = await env.db.kysely.selectFrom('accessibility_feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.state).toBe('answered');
    expect(row.municipality_id).toBe(f.A.municipalityId);
  });

  it('the municipality contact gets the mail in German when the statement names none', async () => {
    const resident = new Client(env);
    await resident.get('/bedorf/barrierefreiheit');
    expect((await resident.post(paths.feedback('bedorf'), { page: '', problem: 'Zu wenig Kontrast.', name: '', email: '', website: '' })).status).toBe(303);
    await env.services.jobs.runDueJobs(env.now.value);
    const mails = smtp.mails.filter((m) => m.to.includes('integration@bedorf.example'));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Rückmeldung zur Barrierefreiheit – Bedorf');
    expect(mails[0].text).toContain('erwartet keine Antwort');
  });

  it('the sender’s name and e-mail are deleted the retention days after the feedback arrived; the feedback stays', async () => {
    const c = await officer();
    expect((await c.post(paths.adminStatement('amstadt'), settingsForm({ retention_days: '10' }))).status).toBe(303);
    const resident = new Client(env);
    await resident.get('/amstadt/barrierefreiheit');
    await resident.post(paths.feedback('amstadt'), { page: '/amstadt', problem: 'Bilder ohne Beschreibung.', name: 'Olena', email: 'olena@example.org', website: '' });
    const start = env.now.value.getTime();
    await env.services.jobs.runDueJobs(env.now.value);

    env.now.value = new Date(start + 9 * DAY);
    await env.services.jobs.runDueJobs(env.now.value);
    let row = await env.db.kysely.selectFrom('accessibility_feedback').selectAll().executeTakeFirstOrThrow();
    expect(row.email).toBe('olena@example.org');

    env.now.value = new Date(start + 10 * DAY + 1000);
    await env.services.jobs.runDueJobs(env.now.value);
    row = await env.db.kysely.selectFrom('accessibility_feedback').selectAll().executeTakeFirstOrThrow();
    expect(row.name).toBe('');
    expect(row.email).toBe('');
    expect(row.personal_deleted_at).not.toBeNull();
    expect(row.problem).toBe('Bilder ohne Beschreibung.');
    const list = await (await officer()).get(paths.adminFeedback('amstadt'));
    expect(list.body).not.toContain('olena@example.org');
    expect(list.body).toContain('gelöscht');
  });

  it('fewer retention days delete older feedback at once', async () => {
    const resident = new Client(env);
    await resident.get('/amstadt/barrierefreiheit');
    await resident.post(paths.feedback('amstadt'), { page: '', problem: 'Alt.', name: 'Nina', email: '', website: '' });
    env.now.value = new Date(env.now.value.getTime() + 20 * DAY);
    const c = await officer();
    expect((await c.post(paths.adminStatement('amstadt'), settingsForm({ retention_days: '14' }))).status).toBe(303);
    await env.services.jobs.runDueJobs(env.now.value);
    const row = await env.db.kysely.selectFrom('accessibility_feedback').selectAll().executeTakeFirstOrThrow();
    expect(row.name).toBe('');
  });

  it('the honeypot keeps nothing, and the limit per client stops a flood', async () => {
    const bot = new Client(env);
    await bot.get('/amstadt/barrierefreiheit');
    const trap = await bot.post(paths.feedback('amstadt'), { page: '', problem: 'Kaufen Sie jetzt!', name: '', email: '', website: 'https://spam.example' });
    expect(trap.status).toBe(303);
    expect(await feedbackCount(env, f.A.municipalityId)).toBe(0);

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await bot.post(paths.feedback('amstadt'), { page: '', problem: `Meldung ${i}`, name: '', email: '', website: '' })).status);
    expect(statuses.slice(0, 4)).toEqual([303, 303, 303, 303]);
    expect(statuses.at(-1)).toBe(429);
    expect(await feedbackCount(env, f.A.municipalityId)).toBeLessThanOrEqual(5);
  });
});
