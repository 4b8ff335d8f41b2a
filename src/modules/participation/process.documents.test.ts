// A phase's documents on both engines: the officer uploads through the multipart form (a wrong type, a too
// large or an empty file is refused at the field, the title kept, nothing stored), deletes with confirmation
// and an audit entry; the public timeline lists only the public documents of its municipality with title, type
// and size, and serves them only as downloads named after the title; the rest answers 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type TestEnv } from '../../../test/support.js';
import { PDF, seedProcess, type ProcessSide } from './process.fixture.js';
import { paths } from './process.paths.js';

const by = { userId: null, name: 'Test' };

describe.each(engines)('a phase’s documents on %s', (engine) => {
  let env: TestEnv;
  let A: ProcessSide;
  let B: ProcessSide;
  let officer: Client;
  let publicId: number;
  let bPublicId: number;

  const count = async () => Number((await env.db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    env = await createTestEnv(engine);
    const f = await seedTwoMunicipalities(env);
    A = await seedProcess(env, f.A);
    B = await seedProcess(env, f.B);
    officer = new Client(env);
    await officer.signIn(A.adminEmail, PASSWORD);
    bPublicId = await env.services.phaseDocuments.upload(B.municipalityId, B.phaseIds[0], { title: `Tagesordnung ${B.secretWord}`, kind: 'agenda', isPublic: true, fileName: 'tagesordnung.pdf', content: PDF }, by);
  });
  afterAll(() => env.close());

  it('the officer uploads a public document through the form: stored, audited, listed on the process page', async () => {
    const form = await officer.get(paths.adminPhaseDocumentNew(A.slug, A.phaseIds[0]));
    expect(form.status).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    const content = Buffer.concat([PDF, Buffer.alloc(240 * 1024 - PDF.length, 0x20)]);
    const res = await officer.upload(paths.adminPhaseDocumentNew(A.slug, A.phaseIds[0]), { title: 'Tagesordnung zum Auftakt', kind: 'agenda', is_public: '1' }, { file: { name: 'geheimer-dateiname-intern.pdf', content, type: 'application/pdf' } });
    expect(res.status, res.body.slice(0, 300)).toBe(303);
    expect(res.location).toBe(`${paths.adminProcess(A.slug, A.processId)}#phase-${A.phaseIds[0]}`);
    const row = await env.db.kysely.selectFrom('documents').selectAll().where('title', '=', 'Tagesordnung zum Auftakt').executeTakeFirstOrThrow();
    expect([row.municipality_id, row.owner_type, row.owner_id, row.kind, row.is_public, row.size, row.mime_type]).toEqual([A.municipalityId, 'phase', A.phaseIds[0], 'agenda', 1, 240 * 1024, 'application/pdf']);
    expect(row.file_name).toBe('geheimer-dateiname-intern.pdf');
    publicId = row.id;
    const entry = await env.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'process.phase.document_add').where('municipality_id', '=', A.municipalityId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.entity_id).toBe(A.phaseIds[0]);
    const page = await officer.get(paths.adminProcess(A.slug, A.processId));
    expect(page.body).toContain('Tagesordnung zum Auftakt');
    expect(page.body).toContain('Tagesordnung · PDF, 240 KB · öffentlich');
    expect(page.body).toContain(`Protokoll ${A.secretWord}`);
    expect(page.body).toContain('Protokoll · PDF, 1 KB · nicht öffentlich');
    expect(page.body).toContain(`href="${paths.adminPhaseDocumentNew(A.slug, A.phaseIds[2])}"`);
  });

  it.each([
    ['a wrong type (an executable named .pdf)', { name: 'programm.pdf', content: Buffer.from('MZ\x90\x00\x03binary', 'latin1') }, 400, 'Diese Datei wird nicht angenommen'],
    ['a type the extension does not match', { name: 'bild.png', content: PDF }, 400, 'Diese Datei wird nicht angenommen'],
    ['HTML', { name: 'seite.html', content: Buffer.from('<html><script>alert(1)</script></html>') }, 400, 'Diese Datei wird nicht angenommen'],
    ['a file over 10 MB', { name: 'gross.pdf', content: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }, 413, 'Die Datei ist zu groß'],
    ['an empty file', { name: 'leer.txt', content: Buffer.alloc(0) }, 400, 'Bitte wählen Sie eine Datei aus.'],
  ])('%s is refused at the file field, the title kept, nothing stored', async (_name, file, status, message) => {
    const before = await count();
    const audits = (await env.db.kysely.selectFrom('audit_log').select('id').execute()).length;
    const res = await officer.upload(paths.adminPhaseDocumentNew(A.slug, A.phaseIds[1]), { title: 'Titel-Merker', kind: 'presentation', is_public: '1' }, { file });
    expect(res.status).toBe(status);
    expect(res.body).toContain('value="Titel-Merker"');
    expect(res.body).toContain('id="feld-file-error"');
    expect(res.body).toContain(message);
    expect(res.body).toMatch(/<option value="presentation"[^>]*selected/);
    expect(await count()).toBe(before);
    expect((await env.db.kysely.selectFrom('audit_log').select('id').execute()).length).toBe(audits);
  });

  it('a missing title or kind is an error at its field; nothing stored', async () => {
    const before = await count();
    const res = await officer.upload(paths.adminPhaseDocumentNew(A.slug, A.phaseIds[1]), { title: '', kind: 'geheim' }, { file: { name: 'ok.pdf', content: PDF } });
    expect(res.status).toBe(400);
    expect(res.body).toContain('id="feld-title-error"');
    expect(res.body).toContain('id="feld-kind-error"');
    expect(await count()).toBe(before);
  });

  it('the public download is an attachment named after the title, with nosniff, a sandboxing policy and no caching', async () => {
    const res = await env.app.request(paths.phaseDocument(A.slug, publicId));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Tagesordnung zum Auftakt.pdf"; filename*=UTF-8''Tagesordnung%20zum%20Auftakt.pdf`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a non-public document, another municipality’s and one of an unpublished process are unknown to the public (404)', async () => {
    const anon = new Client(env);
    expect((await anon.getBytes(paths.phaseDocument(A.slug, A.documentId))).status).toBe(404);
    expect((await anon.getBytes(paths.phaseDocument(A.slug, bPublicId))).status).toBe(404);
    expect((await anon.getBytes(paths.phaseDocument(B.slug, publicId))).status).toBe(404);
    expect((await anon.getBytes(paths.phaseDocument(B.slug, bPublicId))).status).toBe(200);
    // The officer's own download of another municipality's document: unknown too.
    expect((await officer.getBytes(paths.adminPhaseDocument(A.slug, bPublicId))).status).toBe(404);
    await env.services.processes.setState(B.municipalityId, B.processId, 'draft', by);
    try {
      expect((await anon.getBytes(paths.phaseDocument(B.slug, bPublicId))).status).toBe(404);
    } finally {
      await env.services.processes.setState(B.municipalityId, B.processId, 'published', by);
    }
  });

  it('the public timeline lists only the public documents, with title, type and size, and nothing internal', async () => {
    const page = await new Client(env).get(paths.timeline(A.slug));
    expect(page.status).toBe(200);
    expect(page.body).toContain(`href="${paths.phaseDocument(A.slug, publicId)}"`);
    expect(page.body).toContain('Tagesordnung zum Auftakt');
    expect(page.body).toContain('(Tagesordnung · PDF, 240 KB)');
    for (const secret of [`Protokoll ${A.secretWord}`, 'geheimer-dateiname-intern', 'protokoll-intern', 'Admin Amstadt', B.secretWord]) expect(page.body, secret).not.toContain(secret);
    const en = await new Client(env).get(`${paths.timeline(A.slug)}?lang=en`);
    expect(en.body).toContain('(Agenda · PDF, 240 KB)');
  });

  it('deleting asks first, then removes the document with an audit entry; deleting a phase removes its documents', async () => {
    const confirm = await officer.get(paths.adminPhaseDocumentDelete(A.slug, publicId));
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('Möchten Sie „Tagesordnung zum Auftakt“ wirklich löschen?');
    expect(await count()).toBeGreaterThan(0);
    const res = await officer.post(paths.adminPhaseDocumentDelete(A.slug, publicId));
    expect(res.status).toBe(303);
    expect(await env.db.kysely.selectFrom('documents').select('id').where('id', '=', publicId).executeTakeFirst()).toBeUndefined();
    const entry = await env.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'process.phase.document_delete').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json ?? '{}')).toMatchObject({ documentId: publicId, title: 'Tagesordnung zum Auftakt' });
    expect((await new Client(env).getBytes(paths.phaseDocument(A.slug, publicId))).status).toBe(404);
    expect((await new Client(env).get(paths.timeline(A.slug))).body).not.toContain('Tagesordnung zum Auftakt');

    const confirmPhase = await officer.get(paths.adminPhaseDelete(A.slug, A.phaseIds[2]));
    expect(confirmPhase.body).toContain('Die Dokumente der Phase werden ebenfalls gelöscht.');
    expect((await officer.post(paths.adminPhaseDelete(A.slug, A.phaseIds[2]))).status).toBe(303);
    expect(await env.db.kysely.selectFrom('documents').select('id').where('id', '=', A.documentId).executeTakeFirst()).toBeUndefined();
    expect(await env.db.kysely.selectFrom('documents').select('id').where('id', '=', bPublicId).executeTakeFirst()).toBeDefined();
  });
});
