// Public pages (four outcomes each), sign-in and the security basics, the instance admin, search in German.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type Side, type TestEnv } from './support.js';

const publicPages = (s: Side): Array<[string, string, string]> => [
  ['start page', paths.municipality(s.slug), 'Integrationsplan'],
  ['published plan by id', paths.plan(s.slug, s.planId), 'Handlungsfelder'],
  ['field', paths.field(s.slug, s.fieldId), 'Vision'],
  ['measure', paths.measure(s.slug, s.measureId), 'Verlauf des Status'],
  ['actors', paths.actors(s.slug), 'VHS'],
  ['actor', paths.actor(s.slug, s.actorId), 'Federführend bei 1 Maßnahme'],
  ['search', `${paths.search(s.slug)}?q=Sprachkurs`, 'Sprachkursangebote'],
  ['catalogue', paths.catalogue(s.slug), '<table'],
];

describe.each(engines)('public pages on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  describe.each(publicPages({ slug: 'amstadt' } as Side).map(([name], i) => ({ name, i })))('$name', ({ i }) => {
    it('not signed in: readable by anyone, with lang and without script', async () => {
      const [, url, text] = publicPages(f.A)[i];
      const res = await new Client(env).get(url);
      expect(res.status).toBe(200);
      expect(res.body).toContain(text);
      expect(res.body).toMatch(/<html lang="de" dir="ltr">/);
      expect(res.body).not.toContain('<script');
    });
    it('bad input: an unknown id or odd parameters answer 404 or a plain page', async () => {
      const [, url] = publicPages(f.A)[i];
      const bogus = /\/\d+$/.test(url) ? url.replace(/\/\d+$/, '/0815x') : `${url}${url.includes('?') ? '&' : '?'}status=%00&actor=-1&field=abc&q=${'%25'.repeat(300)}`;
      const res = await new Client(env).get(bogus);
      expect([200, 404]).toContain(res.status);
      if (/\/\d+$/.test(url)) expect(res.status).toBe(404);
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    });
    it("other municipality: B's ids under A's address answer 404", async () => {
      const [, urlB] = publicPages({ ...f.B, slug: f.A.slug })[i];
      const res = await new Client(env).get(urlB);
      if (/\/\d+$/.test(urlB)) expect(res.status).toBe(404);
      expect(res.body).not.toContain(f.B.secretWord);
    });
    it('success in English too', async () => {
      const [, url] = publicPages(f.A)[i];
      const res = await new Client(env).get(`${url}${url.includes('?') ? '&' : '?'}lang=en`);
      expect(res.status).toBe(200);
      expect(res.body).toMatch(/<html lang="en" dir="ltr">/);
      expect(res.body).not.toContain(f.B.secretWord);
    });
  });

  it('shows status as text with the plan wording, and counts per category', async () => {
    const res = await new Client(env).get(paths.municipality(f.A.slug));
    expect(res.body).toContain('Fortlaufend');
    expect(res.body).toContain('Geplant');
    expect(res.body).toContain('Kontaktstelle Amstadt');
    const measure = await new Client(env).get(paths.measure(f.A.slug, f.A.measureId));
    expect(measure.body).toContain('Wird fortgesetzt');
    expect(measure.body).toContain('federführend');
    expect(measure.body).toContain('Kurs Apfel durchgeführt');
  });

  it('an unknown municipality and an unknown page answer 404 in the layout', async () => {
    const res = await new Client(env).get('/gibtsnicht');
    expect(res.status).toBe(404);
    expect(res.body).toContain('Seite nicht gefunden');
    expect((await new Client(env).get('/amstadt/nirgendwo/1')).status).toBe(404);
  });

  describe('search copes with German', () => {
    const search = async (q: string, extra = '') => (await new Client(env).get(`${paths.search(f.A.slug)}?q=${encodeURIComponent(q)}${extra}`)).body;
    it('"Sprachkurs" finds "Sprachkursangebote"', async () => {
      expect(await search('Sprachkurs')).toContain('Sprachkursangebote Apfel ausbauen');
    });
    it('"Geflüchtete" finds "Geflüchteten"', async () => {
      expect(await search('Geflüchtete')).toContain('Geflüchteten-Familien');
    });
    it('a typo still finds something', async () => {
      const body = await search('Sprahkurs');
      expect(body).toContain('Sprachkursangebote Apfel ausbauen');
      expect(body).toContain('ähnliche Wörter');
    });
    it('umlauts and case do not matter', async () => {
      expect(await search('SPRACHCAFE')).toContain('Sprachcafé Apfel');
    });
    it('finds goals and actors', async () => {
      const body = await search('Jobcenter');
      expect(body).toContain('Jobcenter Amstadt');
    });
    it('filters by status, actor, field and target group', async () => {
      expect(await search('', '&status=planned')).toContain('Sprachcafé Apfel');
      expect(await search('', '&status=planned')).not.toContain('Sprachkursangebote Apfel ausbauen');
      expect(await search('', `&actor=${f.A.actorId}`)).toContain('Sprachkursangebote Apfel ausbauen');
      expect(await search('', `&actor=${f.A.actorId}`)).not.toContain('Sprachcafé Apfel');
      expect(await search('', '&group=Frauen')).toContain('Sprachkursangebote Apfel ausbauen');
      expect(await search('', '&group=Frauen')).not.toContain('Sprachcafé Apfel');
      expect(await search('', `&field=${f.A.fieldId}`)).toContain('3 Ergebnisse');
      expect(await search('Sprach', '&status=completed')).toContain('0 Ergebnisse');
    });
  });
});

describe('sign-in and security', () => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('sends security headers and a CSP without inline script', async () => {
    const res = await new Client(env).get(paths.municipality(f.A.slug));
    const csp = res.res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a wrong password re-renders with a German message and the email kept', async () => {
    const c = new Client(env);
    await c.get('/anmelden');
    const res = await c.post('/anmelden', { email: f.A.adminEmail, password: 'falsch' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('E-Mail-Adresse oder Passwort stimmen nicht.');
    expect(res.body).toContain(`value="${f.A.adminEmail}"`);
    expect(res.body).not.toContain('value="falsch"');
  });

  it('empty fields get a message at each field', async () => {
    const c = new Client(env);
    const res = await c.post('/anmelden', { email: '', password: '' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('href="#feld-email"');
    expect(res.body).toContain('Bitte geben Sie Ihr Passwort ein.');
  });

  it('rate-limits sign-in attempts', async () => {
    const c = new Client(env);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await c.post('/anmelden', { email: f.B.editorEmail, password: 'falsch' })).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    expect((await c.post('/anmelden', { email: f.B.editorEmail, password: PASSWORD })).status).toBe(429);
  });

  it('sets an HttpOnly, SameSite session cookie, and sign-out ends the session', async () => {
    const c = new Client(env);
    const res = await c.signIn(f.A.adminEmail, PASSWORD);
    const cookie = res.res.headers.getSetCookie().find((x) => x.startsWith('teilhabe_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.location).toBe(paths.admin(f.A.slug));
    const stolen = c.cookies.get('teilhabe_session')!;
    await c.post('/abmelden');
    const thief = new Client(env);
    thief.cookies.set('teilhabe_session', stolen);
    expect((await thief.get(paths.admin(f.A.slug))).status).toBe(303);
  });

  it('marks cookies Secure in production', async () => {
    const prod = await createTestEnv('sqlite', { SECURE_COOKIES: 'true' });
    try {
      const res = await new Client(prod).get('/anmelden');
      expect(res.res.headers.getSetCookie().join(';')).toMatch(/Secure/);
    } finally {
      await prod.close();
    }
  });

  it('refuses a state change without the CSRF token and changes nothing', async () => {
    const c = new Client(env);
    await c.signIn(f.A.adminEmail, PASSWORD);
    const res = await c.post(paths.adminPlanNew(f.A.slug), { title: 'Ohne Token' }, { csrf: null });
    expect(res.status).toBe(403);
    expect(res.body).toContain('Formular abgelaufen');
    const forged = await c.post(paths.adminPlanNew(f.A.slug), { title: 'Falsches Token' }, { csrf: 'x'.repeat(43) });
    expect(forged.status).toBe(403);
    const plans = await env.services.plans.listPlans(f.A.municipalityId);
    expect(plans.map((p) => p.title)).not.toContain('Ohne Token');
    expect(plans.map((p) => p.title)).not.toContain('Falsches Token');
  });

  it('follows only local addresses after sign-in', async () => {
    const c = new Client(env);
    await c.get('/anmelden');
    const res = await c.post('/anmelden', { email: f.A.adminEmail, password: PASSWORD, next: '//evil.example/' });
    expect(res.location).toBe(paths.admin(f.A.slug));
  });

  it('stores password hashes with scrypt, never the password', async () => {
    const row = await env.db.kysely.selectFrom('users').select('password_hash').where('email', '=', f.A.adminEmail).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });
});

describe.each(engines)('instance admin on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
    await env.services.auth.createUser({ email: 'root@teilhabe.example', name: 'Instanz', password: PASSWORD, isInstanceAdmin: true });
  });
  afterAll(() => env.close());

  const form = { name: 'Cestadt', slug: 'cestadt', admin_name: 'Clara C', admin_email: 'clara@cestadt.example' };

  it('not signed in: to the sign-in page', async () => {
    expect((await new Client(env).get(paths.instanceAdmin())).status).toBe(303);
    expect((await new Client(env).post(paths.instanceMunicipalityNew(), form)).status).toBe(303);
  });
  it('a municipality admin is not an instance admin: 403', async () => {
    const c = new Client(env);
    await c.signIn(f.A.adminEmail, PASSWORD);
    expect((await c.get(paths.instanceAdmin())).status).toBe(403);
    expect((await c.post(paths.instanceMunicipalityNew(), form)).status).toBe(403);
    expect(await env.services.municipalities.findBySlug('cestadt')).toBeUndefined();
  });
  it('bad input: 400, messages at the fields, nothing created', async () => {
    const c = new Client(env);
    await c.signIn('root@teilhabe.example', PASSWORD);
    const res = await c.post(paths.instanceMunicipalityNew(), { ...form, slug: 'Verwaltung!', admin_email: 'kaputt' });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Bitte nur Kleinbuchstaben');
    expect(res.body).toContain('value="Cestadt"');
    const taken = await c.post(paths.instanceMunicipalityNew(), { ...form, slug: 'amstadt' });
    expect(taken.status).toBe(400);
    expect(taken.body).toContain('Diesen Kurznamen hat schon eine andere Kommune.');
    expect(await env.services.municipalities.findBySlug('cestadt')).toBeUndefined();
  });
  it('success: creates the municipality and its first admin, who can sign in', async () => {
    const c = new Client(env);
    await c.signIn('root@teilhabe.example', PASSWORD);
    const res = await c.post(paths.instanceMunicipalityNew(), form);
    expect(res.status).toBe(200);
    const password = res.body.match(/<code class="one-time-secret">([^<]+)<\/code>/)![1];
    const clara = new Client(env);
    await clara.signIn('clara@cestadt.example', password);
    // The one-time password is one-time: every page leads to choosing her own first.
    expect((await clara.get(paths.admin('cestadt'))).location).toBe('/konto');
    expect((await clara.get('/konto')).body).toContain('Bitte wählen Sie ein eigenes Passwort');
    expect((await clara.post('/konto', { current_password: password, password: 'claras-eigenes-passwort', password_confirm: 'claras-eigenes-passwort' })).location).toBe(paths.admin('cestadt'));
    expect((await clara.get(paths.admin('cestadt'))).status).toBe(200);
    expect((await clara.get(paths.admin('amstadt'))).status).toBe(404);
  });
});
