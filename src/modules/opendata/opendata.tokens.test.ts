// Personal tokens and the write API on a real database (SQLite and PostgreSQL): made on the admin page (shown
// once, kept as SHA-256, no more than the maker's role), used with Authorization: Bearer (no CSRF, no cookie
// counts) to create and change measures and statuses through the plan's one write path; every such write is in
// the audit log naming the token; a token of A never reads B's drafts nor writes anything of B; a revoked,
// expired or unknown token is refused (401).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';
import { offerSchema } from '../offers/index.js';
import { opendataPaths as paths } from './opendata.paths.js';

describe.each(engines)('personal tokens and the write API on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  let admin: Client;
  let token: string;
  let draftFieldId: number;

  const api = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    env.app.request(`/api/v1${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const auditOf = (municipalityId: number) => env.db.kysely.selectFrom('audit_log').selectAll().where('municipality_id', '=', municipalityId).orderBy('id').execute();

  async function makeToken(client: Client, slug: string, form: Record<string, string>) {
    const res = await client.post(paths.adminTokens(slug), form);
    const m = res.body.match(/id="new-token">(thb_[A-Za-z0-9_-]+)</);
    return { res, token: m?.[1] ?? null };
  }

  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    admin = new Client(env);
    await admin.signIn(f.A.adminEmail, PASSWORD);
    draftFieldId = (await env.services.plans.tree(f.A.municipalityId, f.A.draftPlanId)).fields[0].id;
    const made = await makeToken(admin, f.A.slug, { name: 'Ratsinfo-Abgleich', role: 'editor', days: '30' });
    expect(made.res.status).toBe(200);
    token = made.token!;
  });
  afterAll(() => env.close());

  it('shows a new token once and keeps only its SHA-256', async () => {
    expect(token).toMatch(/^thb_/);
    const rows = await env.db.kysely.selectFrom('api_tokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    const list = await admin.get(paths.adminTokens(f.A.slug));
    expect(list.status).toBe(200);
    expect(list.body).toContain('Ratsinfo-Abgleich');
    expect(list.body).toContain(rows[0].prefix);
    expect(list.body).not.toContain(token);
    expect(list.res.headers.get('cache-control')).toBe('no-store');
    const audit = await auditOf(f.A.municipalityId);
    expect(audit.at(-1)).toMatchObject({ action: 'api_token.create', entity_type: 'api_token' });
  });

  it('gives no more than the maker\'s role, and a clear message at a bad field', async () => {
    const editor = new Client(env);
    await editor.signIn(f.A.editorEmail, PASSWORD);
    const page = await editor.get(paths.adminTokens(f.A.slug));
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('value="admin"');
    const tooMuch = await makeToken(editor, f.A.slug, { name: 'Zu viel', role: 'admin', days: '30' });
    expect(tooMuch.res.status).toBe(400);
    expect(tooMuch.token).toBeNull();
    const noName = await makeToken(editor, f.A.slug, { name: '', role: 'editor', days: '30' });
    expect(noName.res.status).toBe(400);
    expect(noName.res.body).toContain('kern-error');
    expect(await env.db.kysely.selectFrom('api_tokens').selectAll().execute()).toHaveLength(1);
  });

  it('creates and changes measures and statuses with a bearer token (no CSRF), each write in the audit log naming the token', async () => {
    const before = (await auditOf(f.A.municipalityId)).length;
    const created = await api('POST', `/${f.A.slug}/measures`, { fieldId: draftFieldId, text: 'Sprachpaten über die API', further: true, targetGroups: ['Frauen'], status: { label: 'In Planung ab 2027' } }, bearer(token));
    expect(created.status).toBe(201);
    expect(created.headers.get('set-cookie')).toBeNull();
    const measure = (await created.json()) as { id: number; status: { category: string }; planState: string; links: { self: string | null } };
    expect(measure).toMatchObject({ status: { category: 'planned' }, planState: 'draft', links: { self: null } });
    const patched = await api('PATCH', `/${f.A.slug}/measures/${measure.id}`, { text: 'Sprachpaten für Familien', timeframe: { start: '2027-01' } }, bearer(token));
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { text: string }).text).toBe('Sprachpaten für Familien');
    const status = await api('POST', `/${f.A.slug}/measures/${f.A.measureId}/status`, { label: 'Abgeschlossen', note: 'Über die API gemeldet' }, bearer(token));
    expect(status.status).toBe(200);
    expect(((await status.json()) as { status: { category: string } }).status.category).toBe('completed');
    const entries = (await auditOf(f.A.municipalityId)).slice(before);
    expect(entries.map((e) => e.action)).toEqual(['measure.create', 'measure.update', 'measure.status']);
    for (const e of entries) expect(e.user_name).toContain('"Ratsinfo-Abgleich"');
    // the public sees the change, never the token or the person
    const history = (await (await env.app.request(`/api/v1/${f.A.slug}/measures/${f.A.measureId}/statuses`)).json()) as { items: Array<{ note: string; changedBy: string }> };
    expect(history.items[0]).toEqual(expect.objectContaining({ note: 'Über die API gemeldet', changedBy: '' }));
    expect(JSON.stringify(history)).not.toContain('Ratsinfo');
  });

  it('creates and changes an offer of the Wegweiser with a token; a bad one is refused at its field; B\'s offer stays out of reach', async () => {
    const before = (await auditOf(f.A.municipalityId)).length;
    const body = { title: 'Sprachcafé am Markt', category: 'language_cafe', frequency: 'weekly', weekdays: ['TU'], start_time: '16:00', end_time: '18:00', languages: ['de', 'ar'], free_of_charge: true, state: 'published' };
    const created = await api('POST', `/${f.A.slug}/offers`, body, bearer(token));
    expect(created.status).toBe(201);
    const offer = (await created.json()) as { id: number; state: string; links: { self: string | null } };
    expect(offer.state).toBe('published');
    expect(offer.links.self).toContain(`/api/v1/${f.A.slug}/offers/${offer.id}`);
    const patched = await api('PATCH', `/${f.A.slug}/offers/${offer.id}`, { title: 'Sprachcafé im Rathaus' }, bearer(token));
    expect(patched.status).toBe(200);
    const read = (await (await env.app.request(`/api/v1/${f.A.slug}/offers/${offer.id}`)).json()) as { title: string; languages: string[]; schedule: { weekdays: string[]; rrule: string } };
    expect(read).toMatchObject({ title: 'Sprachcafé im Rathaus', languages: ['de', 'ar'], schedule: { weekdays: ['TU'] } });
    expect(read.schedule.rrule).toContain('BYDAY=TU');
    const bad = await api('PATCH', `/${f.A.slug}/offers/${offer.id}`, { start_time: '19:00' }, bearer(token));
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('end_time');
    const entries = (await auditOf(f.A.municipalityId)).slice(before);
    expect(entries.map((e) => e.action)).toEqual(['offer.create', 'offer.update']);
    for (const e of entries) expect(e.user_name).toContain('"Ratsinfo-Abgleich"');
    // B's offer: not through A's address, and A's token is refused at B's
    const bOffer = await env.services.offers.create(f.B.municipalityId, offerSchema.parse({ ...body, weekdays: 'TU', languages: 'de', title: 'Birnencafé' }), { userId: null, name: 'Test' }, { kind: 'officer' });
    expect((await api('PATCH', `/${f.A.slug}/offers/${bOffer}`, { title: 'gekapert' }, bearer(token))).status).toBe(404);
    expect((await api('PATCH', `/${f.B.slug}/offers/${bOffer}`, { title: 'gekapert' }, bearer(token))).status).toBe(403);
    expect((await env.services.offers.getForEdit(f.B.municipalityId, bOffer, { kind: 'officer' })).row.title).toBe('Birnencafé');
  });

  it('refuses a bad body with the field and changes nothing', async () => {
    const before = (await auditOf(f.A.municipalityId)).length;
    const res = await api('POST', `/${f.A.slug}/measures`, { fieldId: draftFieldId, text: '' }, bearer(token));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toHaveProperty('text');
    const noGoal = await api('POST', `/${f.A.slug}/measures?lang=en`, { fieldId: draftFieldId, text: 'Ohne Ziel' }, bearer(token));
    expect(noGoal.status).toBe(422);
    expect(((await noGoal.json()) as { errors: Record<string, string> }).errors.goal_id).toMatch(/goal/i);
    expect((await api('POST', `/${f.A.slug}/measures`, { fieldId: draftFieldId, text: 'x', unknown: 1 }, bearer(token))).status).toBe(422);
    expect((await env.app.request(`/api/v1/${f.A.slug}/measures`, { method: 'POST', body: 'text=x', headers: { 'content-type': 'application/x-www-form-urlencoded', ...bearer(token) } })).status).toBe(415);
    expect((await auditOf(f.A.municipalityId)).length).toBe(before);
  });

  it('a token of A neither reads B\'s (or its own) drafts nor writes anything of B', async () => {
    const beforeB = (await auditOf(f.B.municipalityId)).length;
    const measureB = await env.services.plans.getMeasure(f.B.municipalityId, f.B.measureId);
    const fieldB = (await env.services.plans.tree(f.B.municipalityId, f.B.planId)).fields[0].id;
    // B's addresses: the token is of another municipality
    for (const [method, path, body] of [
      ['POST', `/${f.B.slug}/measures`, { fieldId: fieldB, text: 'Eingeschleust', further: true }],
      ['PATCH', `/${f.B.slug}/measures/${f.B.measureId}`, { text: 'Überschrieben' }],
      ['POST', `/${f.B.slug}/measures/${f.B.measureId}/status`, { label: 'entfällt' }],
    ] as const) {
      expect((await api(method, path, body, bearer(token))).status, `${method} ${path}`).toBe(403);
    }
    // B's ids through A's addresses: unknown
    expect((await api('PATCH', `/${f.A.slug}/measures/${f.B.measureId}`, { text: 'Überschrieben' }, bearer(token))).status).toBe(404);
    expect((await api('POST', `/${f.A.slug}/measures/${f.B.draftMeasureId}/status`, { label: 'entfällt' }, bearer(token))).status).toBe(404);
    expect((await api('POST', `/${f.A.slug}/measures`, { fieldId: fieldB, text: 'Eingeschleust', further: true }, bearer(token))).status).toBe(404);
    expect(await env.services.plans.getMeasure(f.B.municipalityId, f.B.measureId)).toEqual(measureB);
    expect((await auditOf(f.B.municipalityId)).length).toBe(beforeB);
    // reads never open drafts, whatever the token
    for (const path of [`/${f.B.slug}/measures/${f.B.draftMeasureId}`, `/${f.A.slug}/measures/${f.A.draftMeasureId}`, `/${f.B.slug}/plans/${f.B.draftPlanId}`, `/${f.A.slug}/plans/${f.A.draftPlanId}`]) {
      expect((await env.app.request(`/api/v1${path}`, { headers: bearer(token) })).status, path).toBe(404);
    }
    const listed = await (await env.app.request(`/api/v1/${f.B.slug}/measures?limit=100`, { headers: bearer(token) })).text();
    expect(listed).not.toMatch(/ENTWURF|Apfel/);
  });

  it('refuses a missing, unknown, revoked or expired token with 401, and a session cookie counts for nothing', async () => {
    const body = { label: 'laufend' };
    const path = `/${f.A.slug}/measures/${f.A.measureId}/status`;
    expect((await api('POST', path, body)).status).toBe(401);
    expect((await api('POST', path, body, bearer('thb_nichtbekannt'))).status).toBe(401);
    // signed in, with the session cookie and even the CSRF token: the API does not look at them
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const withSession = await api('POST', path, body, { cookie, 'x-csrf-token': admin.csrf() });
    expect(withSession.status).toBe(401);
    expect(withSession.headers.get('www-authenticate')).toContain('Bearer');
    // revoked on the admin page
    const second = (await makeToken(admin, f.A.slug, { name: 'Kurzlebig', role: 'admin', days: '30' })).token!;
    expect((await api('POST', path, body, bearer(second))).status).toBe(200);
    const row = await env.db.kysely.selectFrom('api_tokens').select('id').where('name', '=', 'Kurzlebig').executeTakeFirstOrThrow();
    const revoke = await admin.post(paths.adminTokenRevoke(f.A.slug, row.id));
    expect(revoke.status).toBe(303);
    const refused = await api('POST', path, body, bearer(second));
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { detail: string }).detail).toContain('revoked');
    expect((await auditOf(f.A.municipalityId)).at(-1)).toMatchObject({ action: 'api_token.revoke' });
    // another person cannot revoke the admin's token
    const editor = new Client(env);
    await editor.signIn(f.A.editorEmail, PASSWORD);
    const first = await env.db.kysely.selectFrom('api_tokens').select('id').where('name', '=', 'Ratsinfo-Abgleich').executeTakeFirstOrThrow();
    expect((await editor.post(paths.adminTokenRevoke(f.A.slug, first.id))).status).toBe(404);
    expect((await api('POST', path, body, bearer(token))).status).toBe(200);
    // expired: 30 days later
    const now = env.now.value;
    env.now.value = new Date(now.getTime() + 31 * 86_400_000);
    const expired = await api('POST', path, body, bearer(token));
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { detail: string }).detail).toContain('expired');
    env.now.value = now;
  });

  it('a token no longer counts once its maker has lost the role', async () => {
    const editorUser = (await env.services.auth.findUserByEmail(f.A.editorEmail))!;
    const editor = new Client(env);
    await editor.signIn(f.A.editorEmail, PASSWORD);
    const own = (await makeToken(editor, f.A.slug, { name: 'Redaktionsskript', role: 'editor', days: '90' })).token!;
    const path = `/${f.A.slug}/measures/${f.A.measureId}/status`;
    expect((await api('POST', path, { label: 'laufend' }, bearer(own))).status).toBe(200);
    await env.db.kysely.deleteFrom('memberships').where('user_id', '=', editorUser.id).where('municipality_id', '=', f.A.municipalityId).execute();
    expect((await api('POST', path, { label: 'laufend' }, bearer(own))).status).toBe(403);
  });
});
