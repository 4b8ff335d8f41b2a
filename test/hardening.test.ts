// Probing the app as an attacker would: a malformed cookie does not break pages, and made-up asset names do
// not make the process remember anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedAssetCount } from '../src/platform/http/assets.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

describe('hardening', () => {
  let env: TestEnv;
  let fx: Fixture;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    fx = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('a malformed flash cookie shows the page without a message instead of an error', async () => {
    const res = await env.app.request(`/${fx.A.slug}`, { headers: { cookie: 'teilhabe_flash=%E0%A4%A' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie') ?? '').toContain('teilhabe_flash=;');
  });

  it('requests for assets that do not exist answer 404 and are not remembered', async () => {
    expect((await env.app.request('/assets/app.css')).status).toBe(200);
    const held = cachedAssetCount();
    for (let i = 0; i < 200; i++) expect((await env.app.request(`/assets/nope-${i}.css`)).status).toBe(404);
    expect(cachedAssetCount()).toBe(held);
    expect((await env.app.request('/assets/app.css')).status).toBe(200);
    expect(cachedAssetCount()).toBe(held);
  });
});

describe('headers', () => {
  let env: TestEnv;
  let fx: Fixture;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    fx = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  it('every page denies the powerful browser features', async () => {
    const policy = (await env.app.request(`/${fx.A.slug}`)).headers.get('permissions-policy') ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(policy).toContain(feature);
  });

  it('admin pages are never stored by a browser or proxy; public pages may be', async () => {
    const client = new Client(env);
    await client.signIn(fx.A.adminEmail, PASSWORD);
    const admin = await client.get(`/${fx.A.slug}/verwaltung`);
    expect(admin.status).toBe(200);
    expect(admin.res.headers.get('cache-control')).toBe('no-store');
    expect((await env.app.request(`/${fx.A.slug}`)).headers.get('cache-control')).not.toBe('no-store');
  });
});

describe.each(engines)('the flash cookie on %s', (engine) => {
  const envs: TestEnv[] = [];
  const make = async (overrides: Record<string, string> = {}) => {
    const env = await createTestEnv(engine, overrides);
    envs.push(env);
    await env.services.auth.createUser({ email: 'erika@amstadt.example', name: 'Erika Mustermann', password: PASSWORD });
    return env;
  };
  afterAll(async () => {
    for (const env of envs) await env.close();
  });
  const flashCookieOf = (res: Response) => res.headers.getSetCookie().find((line) => line.startsWith('teilhabe_flash='))!;

  it('carries no name or address, and the next page shows the message', async () => {
    const env = await make();
    const client = new Client(env);
    const res = await client.signIn('erika@amstadt.example', PASSWORD);
    const cookie = flashCookieOf(res.res);
    for (const personal of ['Erika', 'Mustermann', 'erika', 'amstadt']) {
      expect(cookie).not.toContain(personal);
      expect(decodeURIComponent(cookie)).not.toContain(personal);
      expect(Buffer.from(cookie.split(';')[0].split('=')[1], 'base64url').toString('latin1')).not.toContain(personal);
    }
    expect(cookie).not.toMatch(/;\s*Secure/i);
    // The next page opens the sealed message on the server and shows it.
    const again = new Client(env);
    again.cookies.set('teilhabe_flash', cookie.split(';')[0].split('=')[1]);
    expect((await again.get('/')).body).toContain('Willkommen, Erika Mustermann.');
  });

  it('shows nothing for a cookie that was not sealed by the instance', async () => {
    const env = await make();
    const res = await env.app.request('/', { headers: { cookie: `teilhabe_flash=${encodeURIComponent('Bitte Passwort hier eingeben')}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('Bitte Passwort hier eingeben');
  });

  it('is Secure in production and when the public address is https', async () => {
    const settings: Record<string, string>[] = [{ NODE_ENV: 'production' }, { PUBLIC_URL: 'https://teilhabe.example' }];
    for (const overrides of settings) {
      const env = await make(overrides);
      const client = new Client(env);
      await client.get('/anmelden');
      const res = await client.post('/anmelden', { email: 'erika@amstadt.example', password: PASSWORD });
      expect(res.status).toBe(303);
      expect(flashCookieOf(res.res)).toMatch(/;\s*Secure/i);
      expect(res.res.headers.getSetCookie().find((l) => l.startsWith('teilhabe_session='))).toMatch(/;\s*Secure/i);
    }
  });
});

describe('uploads over the limit', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv('sqlite', { IMPORT_MAX_BYTES: String(1024 * 1024) });
  });
  afterAll(() => env.close());

  it('stop being read at the limit, answer 413 with the limit, and the server serves on', async () => {
    // 50 MB offered as a stream without Content-Length: the app reads on only while the limit allows.
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(97);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 50 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await env.app.request('/anmelden', { method: 'POST', body, headers: { 'content-type': 'multipart/form-data; boundary=x' }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Die gesendeten Daten sind zu groß: eine Datei darf höchstens 1 MB groß sein. Es wurde nichts gespeichert.');
    expect(pulled).toBeLessThan(3 * 1024 * 1024);

    // A file sent as a browser sends it is refused the same way, and the next page is served.
    const client = new Client(env);
    const declared = await client.upload('/anmelden', {}, { file: { name: 'gross.xlsx', content: Buffer.alloc(3 * 1024 * 1024) } });
    expect(declared.status).toBe(413);
    expect(declared.body).toContain('höchstens 1 MB');
    expect((await client.get('/anmelden')).status).toBe(200);
  });
});
