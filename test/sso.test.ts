// Single sign-on for staff against a real OpenID Connect provider running in the test process (oidc-provider,
// its own login and consent pages walked over HTTP): the officer configures the municipality's provider (a bad
// issuer refused at its field, the secret never shown again); a member of staff signs in there and comes back
// signed in, with the role the provider's groups map to, and a changed group changes the role at the next
// sign-in; no mapped role, no account where none may be created, or a broken flow: refused, nothing written.
// Another municipality's provider and flow have nothing to do with this one.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ssoPaths as paths } from '../src/modules/sso/index.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

const PUBLIC_URL = 'http://teilhabe.test';

interface Person { email: string; email_verified: boolean; name: string; groups: string[] }

describe.each(engines)('single sign-on on %s', (engine) => {
  const people: Record<string, Person> = {};
  let server: http.Server;
  let issuer = '';
  let env: TestEnv;
  let f: Fixture;

  beforeAll(async () => {
    server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'teilhabe-amstadt', client_secret: 'sehr-geheim', redirect_uris: [`${PUBLIC_URL}/amstadt/anmelden/sso/zurueck`], grant_types: ['authorization_code'], response_types: ['code'] }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
      findAccount: (_ctx, id) => (people[id] ? { accountId: id, claims: () => ({ sub: id, ...people[id] }) } : undefined),
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['test-cookie-key'] },
    });
    server.on('request', provider.callback());
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(async () => {
    env = await createTestEnv(engine, { PUBLIC_URL });
    f = await seedTwoMunicipalities(env);
    people['erika'] = { email: 'erika.beispiel@amstadt.example', email_verified: true, name: 'Erika Beispiel', groups: ['teilhabe-redaktion', 'alle'] };
    people['otto'] = { email: 'otto@amstadt.example', email_verified: true, name: 'Otto Ohnerolle', groups: ['alle'] };
  });
  afterEach(() => env.close());

  const officer = async () => {
    const c = new Client(env);
    await c.signIn(f.A.adminEmail, PASSWORD);
    return c;
  };
  const configure = async (extra: Record<string, string> = {}) => {
    const o = await officer();
    const saved = await o.post(paths.adminSettings(f.A.slug), {
      enabled: '1', label: 'Mit dem Dienstkonto der Stadt Amstadt', issuer, client_id: 'teilhabe-amstadt', client_secret: 'sehr-geheim',
      role_claim: 'groups', admin_values: 'teilhabe-admin', editor_values: 'teilhabe-redaktion', create_accounts: '1', ...extra,
    });
    expect(saved.status).toBe(303);
    return o;
  };

  /** The browser at the provider: its login page (as this person), its consent page; the way back to the app. */
  async function atProvider(authorizeUrl: string, login: string): Promise<string> {
    const jar = new Map<string, string>();
    const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const keep = (res: Response) => {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair.indexOf('=');
        jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
      }
    };
    let res = await fetch(authorizeUrl, { redirect: 'manual', headers: { cookie: cookie() } });
    for (let step = 0; step < 12; step++) {
      keep(res);
      const location = res.headers.get('location');
      if (location) {
        const next = new URL(location, res.url || authorizeUrl).href;
        if (next.startsWith(PUBLIC_URL)) return next.slice(PUBLIC_URL.length);
        res = await fetch(next, { redirect: 'manual', headers: { cookie: cookie() } });
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no form at the provider: ${html.slice(0, 300)}`);
      const body = new URLSearchParams();
      for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) body.append(m[1], m[2]);
      if (/name="login"/.test(html)) {
        body.set('login', login);
        body.set('password', 'egal');
      }
      res = await fetch(new URL(action, issuer).href, { method: 'POST', redirect: 'manual', body, headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' } });
    }
    throw new Error('the provider did not send the browser back');
  }

  /** A whole sign-in: the app's start, the provider, the app's return. */
  async function signIn(c: Client, login: string) {
    const start = await c.get(paths.start(f.A.slug));
    expect(start.status).toBe(302);
    expect(start.location!.startsWith(`${issuer}/auth?`)).toBe(true);
    const back = await atProvider(start.location!, login);
    expect(back.startsWith(`${paths.callback(f.A.slug)}?code=`)).toBe(true);
    return c.get(back);
  }

  const membershipOf = async (email: string) => {
    const user = await env.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (!user) return undefined;
    return env.db.kysely.selectFrom('memberships').select('role').where('user_id', '=', user.id).where('municipality_id', '=', f.A.municipalityId).executeTakeFirst();
  };

  it('the officer configures the provider: a bad issuer is refused at its field, the secret is never shown again', async () => {
    const o = await officer();
    const bad = await o.post(paths.adminSettings(f.A.slug), { enabled: '1', label: '', issuer: 'http://login.example.org', client_id: 'x', client_secret: 'nicht-zeigen', role_claim: 'groups', admin_values: '', editor_values: '' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Bitte geben Sie eine Adresse mit https:// an.');
    expect(bad.body).toContain('Bitte geben Sie mindestens einen Wert für Administration oder Redaktion an.');
    expect(bad.body).toContain('value="http://login.example.org"');
    expect(bad.body).not.toContain('nicht-zeigen');
    expect(await env.db.kysely.selectFrom('sso_providers').selectAll().execute()).toEqual([]);

    await configure();
    const page = (await o.get(paths.adminSettings(f.A.slug))).body;
    expect(page).not.toContain('sehr-geheim');
    expect(page).toContain('Ein Geheimnis ist gespeichert.');
    expect(page).toContain(`${PUBLIC_URL}/amstadt/anmelden/sso/zurueck`);
    // saved again without a secret: the secret stays
    await o.post(paths.adminSettings(f.A.slug), { enabled: '1', label: 'Neu', issuer, client_id: 'teilhabe-amstadt', client_secret: '', role_claim: 'groups', admin_values: 'teilhabe-admin', editor_values: 'teilhabe-redaktion', create_accounts: '1' });
    const row = await env.db.kysely.selectFrom('sso_providers').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ municipality_id: f.A.municipalityId, label: 'Neu', client_secret: 'sehr-geheim' });
    const audit = await env.db.kysely.selectFrom('audit_log').select(['before_json', 'after_json']).where('action', '=', 'sso.settings').execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('sehr-geheim');
    // only admins manage it
    expect((await new Client(env).get(paths.adminSettings(f.A.slug))).status).toBe(303);
  });

  it('a member of staff signs in at the provider and comes back signed in with the mapped role; a changed group changes it', async () => {
    await configure();
    const choice = await new Client(env).get(paths.municipalitySignIn(f.A.slug));
    expect(choice.body).toContain('Mit dem Dienstkonto der Stadt Amstadt');
    expect(choice.body).toContain(`href="${paths.start(f.A.slug)}"`);

    const c = new Client(env);
    const done = await signIn(c, 'erika');
    expect(done.status).toBe(303);
    expect(done.location).toBe(`/${f.A.slug}/verwaltung`);
    expect((await c.get(`/${f.A.slug}/verwaltung`)).status).toBe(200);
    expect(await membershipOf('erika.beispiel@amstadt.example')).toEqual({ role: 'editor' });
    const identity = await env.db.kysely.selectFrom('sso_identities').selectAll().executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ municipality_id: f.A.municipalityId, issuer, subject: 'erika' });
    const user = await env.db.kysely.selectFrom('users').select(['name', 'password_hash']).where('email', '=', 'erika.beispiel@amstadt.example').executeTakeFirstOrThrow();
    expect(user.name).toBe('Erika Beispiel');
    expect((await env.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'sso.sign_in').execute())).toHaveLength(1);
    // an editor may not manage users
    expect((await c.get(paths.adminSettings(f.A.slug))).status).toBe(403);

    // the provider makes her an admin, and her address changes: the same account, now an admin
    people['erika'] = { ...people['erika'], email: 'e.beispiel@amstadt.example', groups: ['teilhabe-admin'] };
    const again = new Client(env);
    expect((await signIn(again, 'erika')).status).toBe(303);
    expect(await membershipOf('erika.beispiel@amstadt.example')).toEqual({ role: 'admin' });
    expect(await env.db.kysely.selectFrom('users').select('id').where('email', '=', 'e.beispiel@amstadt.example').execute()).toEqual([]);
    expect((await again.get(paths.adminSettings(f.A.slug))).status).toBe(200);
  });

  it('refuses a person without a mapped role, an unknown person where no account may be made, and a broken flow; nothing is written', async () => {
    await configure({ create_accounts: '' });
    const users = async () => (await env.db.kysely.selectFrom('users').select('email').execute()).map((u) => u.email).sort();
    const before = await users();

    const otto = await signIn(new Client(env), 'otto');
    expect(otto.status).toBe(403);
    expect(otto.body).toContain('keine Rolle für Teilhabe');
    const erika = await signIn(new Client(env), 'erika');
    expect(erika.status).toBe(403);
    expect(erika.body).toContain('noch kein Konto');
    expect(await users()).toEqual(before);
    expect(await env.db.kysely.selectFrom('sso_identities').selectAll().execute()).toEqual([]);

    // invited before (the address is known): she is let in and linked
    await env.services.auth.createUser({ email: 'erika.beispiel@amstadt.example', name: 'Erika B.' });
    expect((await signIn(new Client(env), 'erika')).status).toBe(303);
    expect(await membershipOf('erika.beispiel@amstadt.example')).toEqual({ role: 'editor' });

    // a return without the flow's cookie, or with a forged state
    const c = new Client(env);
    const start = await c.get(paths.start(f.A.slug));
    const back = await atProvider(start.location!, 'erika');
    const stranger = new Client(env);
    expect((await stranger.get(back)).status).toBe(400);
    expect((await c.get(back.replace(/state=[^&]+/, 'state=gefaelscht'))).status).toBe(400);

    // the other municipality has no provider: no start, no button
    expect((await new Client(env).get(paths.start(f.B.slug))).status).toBe(404);
    expect((await new Client(env).get(paths.municipalitySignIn(f.B.slug))).body).not.toContain('/anmelden/sso');
  });
});
