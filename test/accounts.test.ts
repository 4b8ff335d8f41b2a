// Accounts without IT help, route by route on both engines, with mail read from a real SMTP server: invitations
// (new and existing accounts), single-use and expiring links, the forced change of a one-time password, one's
// own password change, "forgot password" (one answer for every address, rate-limited), last-admin protection,
// and tenancy (an admin of A invites, changes and removes nobody of B).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';
import { startSmtp, type TestSmtp } from './smtp.js';

const LINK = /https?:\/\/[^\s"<]+\/konto\/(?:passwort|beitreten)\/[A-Za-z0-9_-]{43}(?:\?lang=[a-z]{2})?/;
const pathOf = (url: string) => new URL(url).pathname;
const DEAD = 'Dieser Link wurde schon benutzt oder ist abgelaufen.';
const NEW_PW = 'ein-ganz-neues-passwort';

describe.each(engines)('accounts on %s', (engine) => {
  let smtp: TestSmtp;
  let env: TestEnv;
  let f: Fixture;

  beforeAll(async () => {
    smtp = await startSmtp();
    env = await createTestEnv(engine, smtp.env);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(async () => {
    await env.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.mails.length = 0;
    // Each test in its own hour: the rate-limit windows of the one before are over.
    env.now.value = new Date(env.now.value.getTime() + 3 * 3600_000);
  });

  const signedIn = async (email: string, password = PASSWORD) => {
    const c = new Client(env);
    await c.signIn(email, password);
    return c;
  };
  const runJobs = () => env.services.jobs.runDueJobs(env.now.value);
  const member = (mid: number, email: string) =>
    env.db.kysely.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('memberships.role').where('memberships.municipality_id', '=', mid).where('users.email', '=', email).executeTakeFirst();
  const lastAudit = async (mid: number | null) => {
    let q = env.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc');
    q = mid === null ? q.where('municipality_id', 'is', null) : q.where('municipality_id', '=', mid);
    return q.executeTakeFirstOrThrow();
  };
  const mailTo = (email: string) => {
    const mail = smtp.mails.find((m) => m.to.includes(email));
    if (!mail) throw new Error(`no mail to ${email}; got ${smtp.mails.map((m) => m.to.join()).join('; ')}`);
    return mail;
  };

  it('an admin invites a new person: a mail in the admin\'s language, a link that sets the password once', async () => {
    const admin = await signedIn(f.A.adminEmail);
    await admin.get(`${paths.adminUsers(f.A.slug)}?lang=en`);
    const posted = await admin.post(paths.adminUserNew(f.A.slug), { name: 'Nina Neu', email: 'Nina@Example.org', role: 'editor' });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(paths.adminUsers(f.A.slug));
    const res = await admin.get(posted.location!);
    expect(res.status).toBe(200);
    expect(res.body).toContain('The invitation to nina@example.org is being sent by e-mail.');
    // With SMTP the link goes by mail only, never onto the screen.
    expect(res.body).not.toMatch(LINK);
    expect(await member(f.A.municipalityId, 'nina@example.org')).toEqual({ role: 'editor' });
    expect(await lastAudit(f.A.municipalityId)).toMatchObject({ action: 'member.invite', user_name: 'Admin Amstadt' });
    // A person invited cannot sign in before choosing a password.
    expect((await new Client(env).post('/anmelden', { email: 'nina@example.org', password: '' })).status).toBe(400);

    expect(await runJobs()).toMatchObject({ done: 1, failed: 0 });
    const mail = mailTo('nina@example.org');
    expect(mail.subject).toBe('Invitation to Teilhabe – Amstadt');
    expect(mail.text).toContain('Admin Amstadt has invited you to work in Amstadt on Teilhabe with the role “Editor”.');
    expect(mail.text).toContain('The link is valid for 7 days and works once.');
    const url = mail.text.match(LINK)![0];
    expect(mail.html).toContain(`<a href="${url}">`);
    // The link opens its page in the mail's language.
    expect(new URL(url).search).toBe('?lang=en');
    // Only the token's hash is stored.
    const token = new URL(url).pathname.split('/').pop()!;
    const stored = await env.db.kysely.selectFrom('account_tokens').select(['token_hash', 'purpose', 'expires_at']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(stored.purpose).toBe('invite');
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const nina = new Client(env);
    const form = await nina.get(pathOf(url));
    expect(form.status).toBe(200);
    expect(form.body).toContain('Willkommen: Passwort wählen');
    expect(form.body).toContain('Mindestens 10 Zeichen');
    const mismatch = await nina.post(pathOf(url), { password: NEW_PW, password_confirm: 'etwas-anderes-123' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toContain('Die beiden Passwörter stimmen nicht überein.');
    const short = await nina.post(pathOf(url), { password: 'kurz', password_confirm: 'kurz' });
    expect(short.body).toContain('Das Passwort muss mindestens 10 Zeichen lang sein.');
    const done = await nina.post(pathOf(url), { password: NEW_PW, password_confirm: NEW_PW });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/anmelden');
    expect(await lastAudit(f.A.municipalityId)).toMatchObject({ action: 'account.invite_accepted' });
    // Used: the link is dead, and says how to go on.
    for (const again of [await nina.get(pathOf(url)), await nina.post(pathOf(url), { password: 'noch-ein-passwort', password_confirm: 'noch-ein-passwort' })]) {
      expect(again.status).toBe(404);
      expect(again.body).toContain(DEAD);
      expect(again.body).toContain(`href="${paths.forgotPassword()}"`);
    }
    const signed = await signedIn('nina@example.org', NEW_PW);
    expect((await signed.get(paths.admin(f.A.slug))).status).toBe(200);
  });

  it('a mail server that fails leaves no live link behind; the job retries and sends a fresh one', async () => {
    const admin = await signedIn(f.A.adminEmail);
    await admin.post(paths.adminUserNew(f.A.slug), { name: 'Fritz Fehler', email: 'fritz@example.org', role: 'editor' });
    const fritz = (await env.services.auth.findUserByEmail('fritz@example.org'))!.id;
    const tokens = () => env.db.kysely.selectFrom('account_tokens').select('id').where('user_id', '=', fritz).execute();
    smtp.failNext(1);
    expect(await runJobs()).toMatchObject({ done: 0, retried: 1 });
    expect(smtp.mails).toHaveLength(0);
    expect(await tokens()).toHaveLength(0);
    expect(await env.services.jobs.runDueJobs(new Date(env.now.value.getTime() + 60_000))).toMatchObject({ done: 1 });
    expect(mailTo('fritz@example.org').subject).toBe('Einladung zu Teilhabe – Amstadt');
    expect(await tokens()).toHaveLength(1);
  });

  it('without SMTP the invitation link is shown to copy, once; an expired link is dead', async () => {
    const off = await createTestEnv(engine);
    try {
      const g = await seedTwoMunicipalities(off);
      const admin = new Client(off);
      await admin.signIn(g.A.adminEmail, PASSWORD);
      const posted = await admin.post(paths.adminUserNew(g.A.slug), { name: 'Otto Ohne', email: 'otto@example.org', role: 'admin' });
      expect(posted.status).toBe(303);
      expect(posted.location).toBe(paths.adminUsers(g.A.slug));
      expect(posted.body).not.toMatch(LINK);
      const res = await admin.get(posted.location!);
      expect(res.status).toBe(200);
      expect(res.body).toContain('E-Mail-Versand ist nicht eingerichtet.');
      const url = res.body.match(LINK)![0];
      // Shown once: a reload shows the people page without the link and invites no one again.
      const invites = () => off.db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'member.invite').execute();
      const before = (await invites()).length;
      expect((await admin.get(paths.adminUsers(g.A.slug))).body).not.toContain(url);
      expect((await invites()).length).toBe(before);
      // The form's address opened directly leads to the people page.
      expect((await admin.get(paths.adminUserNew(g.A.slug))).location).toBe(paths.adminUsers(g.A.slug));
      const otto = new Client(off);
      expect((await otto.get(pathOf(url))).status).toBe(200);
      off.now.value = new Date(off.now.value.getTime() + 7 * 24 * 3600_000 + 1000);
      const late = await otto.get(pathOf(url));
      expect(late.status).toBe(404);
      expect(late.body).toContain(DEAD);
      // Lost or expired: the admin invites the same address again and gets a fresh link.
      await admin.signIn(g.A.adminEmail, PASSWORD);
      const again = await admin.post(paths.adminUserNew(g.A.slug), { name: 'Otto Ohne', email: 'otto@example.org', role: 'editor' });
      expect(again.status).toBe(303);
      const fresh = (await admin.get(again.location!)).body.match(LINK)![0];
      expect(fresh).not.toBe(url);
      expect((await otto.post(pathOf(fresh), { password: NEW_PW, password_confirm: NEW_PW })).location).toBe('/anmelden');
      // "Forgot password" without SMTP: the same answer for every address, that no mail goes out, and no job.
      const forgot = new Client(off);
      expect((await forgot.get(paths.forgotPassword())).body).toContain('Diese Installation verschickt keine E-Mails.');
      const asked = await forgot.post(paths.forgotPassword(), { email: 'otto@example.org' });
      expect(asked.status).toBe(200);
      expect(asked.body).toContain('Diese Installation verschickt keine E-Mails.');
      expect(await off.db.kysely.selectFrom('jobs').select('id').where('kind', '=', 'accounts.reset').execute()).toHaveLength(0);
      // Once the person has chosen a password, the address is simply a member.
      const third = await admin.post(paths.adminUserNew(g.A.slug), { name: 'Otto Ohne', email: 'otto@example.org', role: 'editor' });
      expect(third.body).toContain('Diese Person gehört schon zur Kommune.');
    } finally {
      await off.close();
    }
  });

  it('inviting an address that already has an account elsewhere asks it to join; never attached silently', async () => {
    const admin = await signedIn(f.A.adminEmail);
    const posted = await admin.post(paths.adminUserNew(f.A.slug), { name: 'egal', email: f.B.editorEmail, role: 'admin' });
    expect(posted.status).toBe(303);
    const res = await admin.get(posted.location!);
    expect(res.status).toBe(200);
    expect(res.body).toContain('hat schon ein Konto');
    expect(await member(f.A.municipalityId, f.B.editorEmail)).toBeUndefined();
    expect(await lastAudit(f.A.municipalityId)).toMatchObject({ action: 'member.invite_join' });
    await runJobs();
    // The link is made when the mail goes out; from then on the people page lists the open invitation.
    expect((await admin.get(paths.adminUsers(f.A.slug))).body).toContain('Offene Einladungen an bestehende Konten');
    const mail = mailTo(f.B.editorEmail);
    expect(mail.subject).toBe('Einladung: in Amstadt mitarbeiten');
    expect(mail.text).toContain('mit der Rolle „Administration der Kommune“');
    const link = pathOf(mail.text.match(LINK)![0]);

    // Another signed-in person with the link cannot take it.
    const other = await signedIn(f.A.editorEmail);
    expect((await other.get(link)).body).toContain('Diese Einladung gilt für ein anderes Konto.');
    expect((await other.post(link)).status).toBe(403);
    expect(await member(f.A.municipalityId, f.A.editorEmail)).toEqual({ role: 'editor' });

    // Signed out: sign in first, then back to the invitation.
    const invitee = new Client(env);
    const first = await invitee.get(link);
    expect(first.status).toBe(303);
    expect(first.location).toBe(`/anmelden?next=${encodeURIComponent(link)}`);
    await invitee.get(first.location!);
    const signIn = await invitee.post('/anmelden', { email: f.B.editorEmail, password: PASSWORD, next: link });
    expect(signIn.location).toBe(link);
    const page = await invitee.get(link);
    expect(page.body).toContain('Sie wurden eingeladen, in Amstadt mit der Rolle „Administration der Kommune“ mitzuarbeiten.');
    const accepted = await invitee.post(link);
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe(paths.admin(f.A.slug));
    expect(await member(f.A.municipalityId, f.B.editorEmail)).toEqual({ role: 'admin' });
    expect(await member(f.B.municipalityId, f.B.editorEmail)).toEqual({ role: 'editor' });
    expect(await lastAudit(f.A.municipalityId)).toMatchObject({ action: 'member.join', user_name: 'Redaktion Bedorf' });
    expect((await invitee.get(link)).body).toContain(DEAD);
    // Put back as it was for the tests after this one.
    await env.services.accounts.removeMember((await env.services.municipalities.getBySlug(f.A.slug)), (await env.services.auth.findUserByEmail(f.B.editorEmail))!.id, { userId: null, name: 'Test' });
  });

  it('an admin of A invites nobody into B, and an address already in A is refused at the field', async () => {
    const admin = await signedIn(f.A.adminEmail);
    const into = await admin.post(paths.adminUserNew(f.B.slug), { name: 'X', email: 'x@example.org', role: 'admin' });
    expect(into.status).toBe(404);
    expect(await env.services.auth.findUserByEmail('x@example.org')).toBeUndefined();
    const again = await admin.post(paths.adminUserNew(f.A.slug), { name: 'Doppelt', email: f.A.editorEmail, role: 'editor' });
    expect(again.status).toBe(400);
    expect(again.body).toContain('Diese Person gehört schon zur Kommune.');
    expect(again.body).toContain('value="Doppelt"');
  });

  it('a one-time password must be replaced before anything else', async () => {
    const id = await env.services.auth.createUser({ email: 'einmal@example.org', name: 'Eva Einmal', password: 'Abcde-Fghij-Klmno', mustChangePassword: true });
    await env.services.auth.addMembership(f.A.municipalityId, id, 'editor');
    const c = new Client(env);
    await c.get('/anmelden');
    const res = await c.post('/anmelden', { email: 'einmal@example.org', password: 'Abcde-Fghij-Klmno', next: paths.admin(f.A.slug) });
    expect(res.location).toBe('/konto');
    for (const path of [paths.admin(f.A.slug), paths.municipality(f.A.slug), '/']) expect((await c.get(path)).location).toBe('/konto');
    const page = await c.get('/konto');
    expect(page.body).toContain('Sie haben sich mit einem Einmal-Passwort angemeldet.');
    const same = await c.post('/konto', { current_password: 'Abcde-Fghij-Klmno', password: 'Abcde-Fghij-Klmno', password_confirm: 'Abcde-Fghij-Klmno' });
    expect(same.body).toContain('Das neue Passwort muss sich vom bisherigen unterscheiden.');
    const ok = await c.post('/konto', { current_password: 'Abcde-Fghij-Klmno', password: NEW_PW, password_confirm: NEW_PW });
    expect(ok.location).toBe(paths.admin(f.A.slug));
    expect((await c.get(paths.admin(f.A.slug))).status).toBe(200);
  });

  it('everyone changes their own password: the current one first; other sessions end, this one stays', async () => {
    const id = await env.services.auth.createUser({ email: 'wechsel@example.org', name: 'Wim Wechsel', password: PASSWORD });
    await env.services.auth.addMembership(f.A.municipalityId, id, 'editor');
    const here = await signedIn('wechsel@example.org');
    const elsewhere = await signedIn('wechsel@example.org');
    const page = await here.get(paths.admin(f.A.slug));
    expect(page.body).toContain('href="/konto"');
    expect((await here.get('/konto')).body).toContain('Passwort ändern');
    const wrong = await here.post('/konto', { current_password: 'falsch-falsch', password: NEW_PW, password_confirm: NEW_PW });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('Das aktuelle Passwort stimmt nicht.');
    const mismatch = await here.post('/konto', { current_password: PASSWORD, password: NEW_PW, password_confirm: 'anders-anders' });
    expect(mismatch.body).toContain('Die beiden Passwörter stimmen nicht überein.');
    expect(await env.services.auth.authenticate('wechsel@example.org', PASSWORD)).not.toBeNull();
    const ok = await here.post('/konto', { current_password: PASSWORD, password: NEW_PW, password_confirm: NEW_PW });
    expect(ok.location).toBe('/konto');
    expect((await here.get(paths.admin(f.A.slug))).status).toBe(200);
    expect((await elsewhere.get(paths.admin(f.A.slug))).location).toMatch(/^\/anmelden/);
    expect(await env.services.auth.authenticate('wechsel@example.org', NEW_PW)).not.toBeNull();
    expect(await lastAudit(null)).toMatchObject({ action: 'account.password_change', user_name: 'Wim Wechsel' });
  });

  it('forgot password: the same answer for known and unknown addresses; one mail, one hour, once; other sessions end', async () => {
    const id = await env.services.auth.createUser({ email: 'vergessen@example.org', name: 'Vera Vergessen', password: PASSWORD });
    await env.services.auth.addMembership(f.A.municipalityId, id, 'editor');
    const session = await signedIn('vergessen@example.org');
    const signInPage = await new Client(env).get('/anmelden');
    expect(signInPage.body).toContain(`href="${paths.forgotPassword()}"`);
    const jobs = async () => Number((await env.db.kysely.selectFrom('jobs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const ask = async (email: string) => {
      const c = new Client(env);
      await c.get(paths.forgotPassword());
      const before = await jobs();
      const res = await c.post(paths.forgotPassword(), { email });
      return { status: res.status, body: res.body.replace(/name="_csrf" value="[^"]+"/g, ''), queued: (await jobs()) - before };
    };
    const known = await ask('Vergessen@Example.org');
    const unknown = await ask('niemand@example.org');
    expect(known.status).toBe(200);
    expect(known.body).toContain('Wenn es ein Konto zu dieser Adresse gibt, haben wir eine Mail geschickt');
    expect(unknown).toEqual(known);
    expect(known.queued).toBe(1);
    expect(await runJobs()).toMatchObject({ done: 2, failed: 0 });
    expect(smtp.mails).toHaveLength(1);
    const mail = mailTo('vergessen@example.org');
    expect(mail.subject).toBe('Ihr Passwort für Teilhabe');
    expect(mail.text).toContain('Der Link gilt 1 Stunde und nur einmal.');
    const link = pathOf(mail.text.match(LINK)![0]);
    const c = new Client(env);
    expect((await c.get(link)).body).toContain('Neues Passwort wählen');
    expect((await c.post(link, { password: NEW_PW, password_confirm: NEW_PW })).location).toBe('/anmelden');
    expect(await lastAudit(null)).toMatchObject({ action: 'account.password_reset' });
    expect((await session.get(paths.admin(f.A.slug))).location).toMatch(/^\/anmelden/);
    expect((await c.get(link)).body).toContain(DEAD);
    expect(await env.services.auth.authenticate('vergessen@example.org', NEW_PW)).not.toBeNull();

    // A second link expires after an hour.
    await ask('vergessen@example.org');
    await runJobs();
    const second = pathOf(smtp.mails[1].text.match(LINK)![0]);
    // The used link is gone from the table; only the live one is kept.
    expect(await env.db.kysely.selectFrom('account_tokens').select('used_at').where('user_id', '=', id).execute()).toEqual([{ used_at: null }]);
    env.now.value = new Date(env.now.value.getTime() + 3600_000 + 1000);
    const late = await c.get(second);
    expect(late.status).toBe(404);
    expect(late.body).toContain(DEAD);
  });

  it('forgot password is rate-limited per address and per client, alike for unknown addresses', async () => {
    const c = new Client(env);
    await c.get(paths.forgotPassword());
    for (let i = 0; i < 3; i++) expect((await c.post(paths.forgotPassword(), { email: 'niemand@example.org' })).status).toBe(200);
    const limited = await c.post(paths.forgotPassword(), { email: 'niemand@example.org' });
    expect(limited.status).toBe(429);
    expect(limited.body).toContain('Zu viele Anfragen.');
    // Per client: ten requests an hour, whatever the addresses (the one above counted four).
    for (let i = 0; i < 6; i++) expect((await c.post(paths.forgotPassword(), { email: `n${i}@example.org` })).status).toBe(200);
    expect((await c.post(paths.forgotPassword(), { email: 'n9@example.org' })).status).toBe(429);
    // Bad input keeps what was typed.
    env.now.value = new Date(env.now.value.getTime() + 2 * 3600_000);
    const bad = await c.post(paths.forgotPassword(), { email: 'kaputt@' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('value="kaputt@"');
  });

  it('role change and removal: the last admin keeps the role and stays; others change and go, with audit entries', async () => {
    const admin = await signedIn(f.A.adminEmail);
    const adminId = (await env.services.auth.findUserByEmail(f.A.adminEmail))!.id;
    const editorId = (await env.services.auth.findUserByEmail(f.A.editorEmail))!.id;
    const ownRole = await admin.get(paths.adminMemberRole(f.A.slug, adminId));
    expect(ownRole.body).toContain('Die letzte Administration der Kommune kann ihre Rolle nicht abgeben.');
    const demote = await admin.post(paths.adminMemberRole(f.A.slug, adminId), { role: 'editor' });
    expect(demote.status).toBe(400);
    expect(demote.body).toContain('Die letzte Administration der Kommune kann ihre Rolle nicht abgeben.');
    const ownRemove = await admin.get(paths.adminMemberRemove(f.A.slug, adminId));
    expect(ownRemove.body).toContain('Die letzte Administration der Kommune kann nicht entfernt werden.');
    expect(ownRemove.body).not.toContain('Jetzt entfernen');
    expect((await admin.post(paths.adminMemberRemove(f.A.slug, adminId))).status).toBe(400);
    expect(await member(f.A.municipalityId, f.A.adminEmail)).toEqual({ role: 'admin' });

    const confirm = await admin.get(paths.adminMemberRemove(f.A.slug, editorId));
    expect(confirm.body).toContain('verliert sofort den Zugang zur Verwaltung von Amstadt');
    const promoted = await admin.post(paths.adminMemberRole(f.A.slug, editorId), { role: 'admin' });
    expect(promoted.location).toBe(paths.adminUsers(f.A.slug));
    const entry = await lastAudit(f.A.municipalityId);
    expect(entry).toMatchObject({ action: 'member.role', entity_id: editorId });
    expect(JSON.parse(entry.before_json!)).toMatchObject({ role: 'editor' });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ role: 'admin' });
    // Now there are two admins: the first may step down.
    expect((await admin.post(paths.adminMemberRole(f.A.slug, adminId), { role: 'editor' })).status).toBe(303);
    expect(await member(f.A.municipalityId, f.A.adminEmail)).toEqual({ role: 'editor' });
    // ... and the editor can no longer manage people.
    expect((await admin.get(paths.adminMemberRemove(f.A.slug, editorId))).status).toBe(403);
    const other = await signedIn(f.A.editorEmail);
    expect((await other.post(paths.adminMemberRole(f.A.slug, adminId), { role: 'admin' })).status).toBe(303);
    expect((await other.post(paths.adminMemberRole(f.A.slug, editorId), { role: 'editor' })).status).toBe(303);

    const editor = await signedIn(f.A.editorEmail);
    const removed = await admin.post(paths.adminMemberRemove(f.A.slug, editorId));
    expect(removed.location).toBe(paths.adminUsers(f.A.slug));
    expect(await member(f.A.municipalityId, f.A.editorEmail)).toBeUndefined();
    expect(await lastAudit(f.A.municipalityId)).toMatchObject({ action: 'member.remove', entity_id: editorId });
    expect((await editor.get(paths.admin(f.A.slug))).status).toBe(404);
    // Put back for the next tests.
    await env.services.auth.addMembership(f.A.municipalityId, editorId, 'editor');
  });

  it('an admin of A neither changes nor removes a person of B', async () => {
    const admin = await signedIn(f.A.adminEmail);
    const bEditor = (await env.services.auth.findUserByEmail(f.B.editorEmail))!.id;
    for (const path of [paths.adminMemberRole(f.A.slug, bEditor), paths.adminMemberRole(f.B.slug, bEditor), paths.adminMemberRemove(f.A.slug, bEditor), paths.adminMemberRemove(f.B.slug, bEditor)]) {
      expect((await admin.get(path)).status, path).toBe(404);
      expect((await admin.post(path, { role: 'admin' })).status, path).toBe(404);
    }
    expect(await member(f.B.municipalityId, f.B.editorEmail)).toEqual({ role: 'editor' });
  });
});
