// Working groups end to end over HTTP, on SQLite and (where configured) PostgreSQL: who sees a group's
// internal area and documents, what the public page shows, the checks on uploads and the headers of a
// download, a resident's request to join through acceptance (mails over a real SMTP server) to the internal
// area, and the deletion of requests on schedule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../../../test/smtp.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { groupsPaths as paths } from './groups.paths.js';
import { PDF, seedGroup, type GroupSide } from './groups.fixtures.js';

const LINK = /https?:\/\/[^\s"<]+(\/konto\/passwort\/[A-Za-z0-9_-]{43})(?:\?lang=([a-z]{2}))?/;
const by = { userId: null, name: 'Test' };

describe.each(engines)('working groups on %s', (engine) => {
  let env: TestEnv;
  let smtp: TestSmtp;
  let f: Fixture;
  let A: GroupSide;
  let A2: GroupSide;
  let B: GroupSide;

  beforeAll(async () => {
    smtp = await startSmtp();
    env = await createTestEnv(engine, { ...smtp.env, PUBLIC_URL: 'http://teilhabe.test' });
    f = await seedTwoMunicipalities(env);
    A = await seedGroup(env, f.A);
    B = await seedGroup(env, f.B);
    // A second group in A, with its own lead.
    const m = await env.services.municipalities.getBySlug(f.A.slug);
    const g2 = await env.services.groups.create(f.A.municipalityId, f.A.planId, { title: 'AG Arbeit Geheim', purpose: 'Ausbildung', contact_name: '', contact_email: '', how_to_join: '', anchor: '', join_open: true }, by);
    await env.services.groups.addMember(m, g2, { name: 'Otto Zweitgruppe', email: 'otto@amstadt.example', role: 'lead' }, by, 'de');
    const otto = await env.services.auth.findUserByEmail('otto@amstadt.example');
    await env.services.auth.setPassword(otto!.id, PASSWORD);
    const doc = await env.services.groupDocuments.upload(f.A.municipalityId, g2, { title: 'Protokoll Zweitgruppe', kind: 'minutes', isPublic: false, fileName: 'p.pdf', content: PDF }, by);
    A2 = { ...A, groupId: g2, documentId: doc };
  });
  afterAll(async () => {
    await env.close();
    await smtp.close();
  });

  it('a member of one group cannot open another group of the same municipality, nor its documents', async () => {
    const otto = new Client(env);
    await otto.signIn('otto@amstadt.example', PASSWORD);
    expect((await otto.get(paths.internal(A.slug, A2.groupId))).status).toBe(200);
    for (const path of [paths.internal(A.slug, A.groupId), paths.document(A.slug, A.groupId, A.documentId), paths.adminRequests(A.slug, A.groupId)]) {
      const res = await otto.get(path);
      expect([403, 404], path).toContain(res.status);
      expect(res.body).not.toContain(`Protokoll ${A.secretWord}`);
    }
    // Another group's document through one's own group's address is unknown.
    expect((await otto.get(paths.document(A.slug, A2.groupId, A.documentId))).status).toBe(404);
    expect((await otto.post(paths.tasks(A.slug, A.groupId), { title: 'Eingeschmuggelt' })).status).toBe(403);
    // The officer's pages are not theirs.
    expect((await otto.get(paths.adminGroups(A.slug))).status).toBe(403);
  });

  it("another municipality's member sees nothing of the group", async () => {
    const leadB = new Client(env);
    await leadB.signIn(`lead@${B.slug}.example`, PASSWORD);
    expect((await leadB.get(paths.internal(B.slug, B.groupId))).status).toBe(200);
    for (const path of [paths.internal(A.slug, A.groupId), paths.document(A.slug, A.groupId, A.documentId), paths.internal(B.slug, A.groupId), paths.document(B.slug, A.groupId, A.documentId)]) {
      const res = await leadB.get(path);
      expect([403, 404], path).toContain(res.status);
      expect(res.body).not.toContain(A.secretWord);
    }
  });

  it('the public page shows purpose, contact and how to join, nothing internal', async () => {
    const anon = new Client(env);
    const list = await anon.get(paths.publicGroups(A.slug));
    expect(list.body).toContain(`AG Sprache ${A.secretWord}`);
    const page = await anon.get(paths.publicGroup(A.slug, A.groupId));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Sprachkurse gemeinsam ausbauen');
    expect(page.body).toContain(`ag@${A.slug}.example`);
    expect(page.body).toContain('Einfach anfragen');
    for (const secret of [`Lea Leitung ${A.secretWord}`, `lead@${A.slug}.example`, `Rita Anfrage ${A.secretWord}`, `Aufgabe ${A.secretWord}`, `Protokoll ${A.secretWord}`, 'protokoll.pdf']) {
      expect(page.body, secret).not.toContain(secret);
    }
    expect((await anon.get(paths.publicDocument(A.slug, A.groupId, A.documentId))).status).toBe(404);
    // Only signed-in members reach the internal pages.
    expect((await anon.get(paths.internal(A.slug, A.groupId))).status).toBe(303);
    // A document marked public is offered, as a download.
    const pub = await env.services.groupDocuments.upload(A.municipalityId, A.groupId, { title: 'Einladung öffentlich', kind: 'agenda', isPublic: true, fileName: 'einladung.pdf', content: PDF }, by);
    expect((await anon.get(paths.publicGroup(A.slug, A.groupId))).body).toContain('Einladung öffentlich');
    const file = await anon.getBytes(paths.publicDocument(A.slug, A.groupId, pub));
    expect(file.status).toBe(200);
    expect(file.disposition).toMatch(/^attachment;/);
  });

  it('meetings come from the events: a published one shows with a link to its event page, a draft one does not', async () => {
    const anon = new Client(env);
    const meeting = await env.services.groups.addDemoMeeting(A.municipalityId, A.groupId, {
      title: `Treffen ${A.secretWord}`, description: '', starts_at: '2027-05-04T16:00:00.000Z', ends_at: '2027-05-04T18:00:00.000Z', place_name: 'Rathaus', address: '', accessibility: '',
    }, by);
    const page = (await anon.get(paths.publicGroup(A.slug, A.groupId))).body;
    expect(page).toContain(`Treffen ${A.secretWord}`);
    expect(page).toContain(`href="/${A.slug}/veranstaltungen/${meeting}"`);
    expect((await anon.get(paths.publicGroup(B.slug, B.groupId))).body).not.toContain(`Treffen ${A.secretWord}`);
    await env.services.events.setState(A.municipalityId, meeting, 'draft', by);
    expect((await anon.get(paths.publicGroup(A.slug, A.groupId))).body).not.toContain(`Treffen ${A.secretWord}`);
  });

  it('uploads are checked by content and size; downloads are attachments that nothing may run', async () => {
    const lead = new Client(env);
    await lead.signIn(`lead@${A.slug}.example`, PASSWORD);
    await lead.get(paths.internal(A.slug, A.groupId));
    const refused = [
      { name: 'bild.png', content: PDF },
      { name: 'seite.html', content: Buffer.from('<html><script>alert(1)</script></html>') },
      { name: 'programm.pdf', content: Buffer.from('MZ\x90\x00\x03binary', 'latin1') },
      { name: 'leer.txt', content: Buffer.alloc(0) },
      { name: 'gross.pdf', content: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) },
    ];
    for (const file of refused) {
      const res = await lead.upload(paths.documents(A.slug, A.groupId), { title: `Versuch ${file.name}`, kind: 'other' }, { file });
      expect([400, 413], file.name).toContain(res.status);
      expect(res.body).toContain(`Versuch ${file.name}`);
      expect(res.body).toMatch(/id="feld-file-error"|Bitte wählen Sie eine Datei aus/);
    }
    const ok = await lead.upload(paths.documents(A.slug, A.groupId), { title: 'Notizen', kind: 'minutes' }, { file: { name: '../../etc/Notizen "März".txt', content: Buffer.from('<b>Hallo</b> Gruppe\n'), type: 'text/html' } });
    expect(ok.status).toBe(303);
    const doc = (await env.services.groupDocuments.list(A.municipalityId, A.groupId)).find((d) => d.title === 'Notizen')!;
    expect(doc.file_name).toBe('Notizen März.txt');
    const res = await env.app.request(paths.document(A.slug, A.groupId, doc.id), { headers: { cookie: [...lead.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Notizen Marz.txt"; filename*=UTF-8''Notizen%20M%C3%A4rz.txt`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(await res.text()).toBe('<b>Hallo</b> Gruppe\n');
  });

  it('a resident asks to join, the lead accepts, the resident sets a password and sees the internal area', async () => {
    smtp.mails.length = 0;
    const resident = new Client(env);
    await resident.get(`${paths.publicGroup(A.slug, A.groupId)}?lang=en`);
    const bad = await resident.post(paths.publicGroup(A.slug, A.groupId), { name: 'Mara Neu', email: 'kein-at', motivation: '' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Mara Neu');
    expect(bad.body).toContain('id="feld-email-error"');
    const sent = await resident.post(paths.publicGroup(A.slug, A.groupId), { name: 'Mara Neu', email: 'mara@example.org', motivation: 'I teach German to newcomers.' });
    expect(sent.status).toBe(303);
    await env.services.jobs.runDueJobs(env.now.value);
    const toLead = smtp.mails.find((m) => m.to.includes(`lead@${A.slug}.example`));
    expect(toLead?.subject).toContain(`AG Sprache ${A.secretWord}`);
    expect(toLead?.text).not.toContain('mara@example.org');

    const lead = new Client(env);
    await lead.signIn(`lead@${A.slug}.example`, PASSWORD);
    const requests = await lead.get(paths.adminRequests(A.slug, A.groupId));
    expect(requests.body).toContain('I teach German to newcomers.');
    const request = (await env.services.groups.requests(A.municipalityId, A.groupId)).find((r) => r.email === 'mara@example.org')!;
    expect(request.lang).toBe('en');
    const decided = await lead.post(paths.adminRequest(A.slug, A.groupId, request.id), { decision: 'accept', note: 'Willkommen!' });
    expect(decided.status).toBe(303);
    await env.services.jobs.runDueJobs(env.now.value);
    const toResident = smtp.mails.filter((m) => m.to.includes('mara@example.org'));
    const decision = toResident.find((m) => m.subject.startsWith('Welcome to the working group'));
    expect(decision?.text).toContain('Willkommen!');
    const invitation = toResident.map((m) => LINK.exec(m.text)).find(Boolean);
    expect(invitation?.[2]).toBe('en');

    const setPw = await resident.post(invitation![1], { password: 'mara-ihr-passwort', password_confirm: 'mara-ihr-passwort' });
    expect(setPw.status).toBe(303);
    const mara = new Client(env);
    await mara.signIn('mara@example.org', 'mara-ihr-passwort');
    const mine = await mara.get(paths.myGroups(A.slug));
    expect(mine.body).toContain(`AG Sprache ${A.secretWord}`);
    const internal = await mara.get(paths.internal(A.slug, A.groupId));
    expect(internal.status).toBe(200);
    expect(internal.body).toContain(`Protokoll ${A.secretWord}`);
    expect((await mara.get(paths.internal(A.slug, A2.groupId))).status).toBe(403);
    expect((await mara.get(paths.adminRequests(A.slug, A.groupId))).status).toBe(403);
  });

  it('the honeypot field filled in: answered as sent, nothing kept', async () => {
    const before = (await env.services.groups.requests(A.municipalityId, A.groupId)).length;
    const robot = new Client(env);
    await robot.get(paths.publicGroup(A.slug, A.groupId));
    const res = await robot.post(paths.publicGroup(A.slug, A.groupId), { name: 'Bot', email: 'bot@example.org', motivation: 'spam', website: 'http://spam.example' });
    expect(res.status).toBe(303);
    expect((await env.services.groups.requests(A.municipalityId, A.groupId)).length).toBe(before);
  });

  it('the yearly-priorities page lists the working groups anchored to a priority', async () => {
    const priorityId = await env.services.monitoring.createPriority(A.municipalityId, A.planId, { year: 2026, title: 'Sprache zuerst', description: '', guiding_goal_id: null, goal_ids: [], measure_ids: [] }, by);
    const groupId = await env.services.groups.create(A.municipalityId, A.planId, { title: 'AG zum Jahresziel', purpose: '', contact_name: '', contact_email: '', how_to_join: '', anchor: `priority:${priorityId}`, join_open: true }, by);
    const page = await new Client(env).get(`/${A.slug}/umsetzung/jahresziele?jahr=2026`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`href="${paths.publicGroup(A.slug, groupId)}"`);
    expect(page.body).toContain('AG zum Jahresziel');
  });

  it('decided requests are deleted by the job the configured number of days after the decision', async () => {
    const own = await createTestEnv(engine);
    try {
      const fx = await seedTwoMunicipalities(own);
      const s = await seedGroup(own, fx.A);
      await own.db.kysely.updateTable('municipalities').set({ registration_retention_days: 10 }).where('id', '=', s.municipalityId).execute();
      const m = await own.services.municipalities.getBySlug(s.slug);
      await own.services.groups.decide(m, s.groupId, s.requestId, { decision: 'decline', note: '' }, by);
      const pendingId = await own.services.groups.requestToJoin(s.municipalityId, s.groupId, { name: 'Noch offen', email: 'offen@example.org', motivation: 'x', website: '' }, 'de');
      const at = (days: number) => new Date(own.now.value.getTime() + days * 86_400_000);
      await own.services.jobs.runDueJobs(at(9));
      expect((await own.services.groups.requests(s.municipalityId, s.groupId)).map((r) => r.id).sort()).toEqual([s.requestId, pendingId].sort());
      await own.services.jobs.runDueJobs(at(10.01));
      expect((await own.services.groups.requests(s.municipalityId, s.groupId)).map((r) => r.id)).toEqual([pendingId]);
      const left = await own.db.kysely.selectFrom('group_join_requests').select('name').execute();
      expect(left.map((r) => r.name)).not.toContain(`Rita Anfrage ${s.secretWord}`);
    } finally {
      await own.close();
    }
  });
});
