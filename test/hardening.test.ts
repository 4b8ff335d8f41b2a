// Probing the app as an attacker would: a malformed cookie does not break pages, and made-up asset names do
// not make the process remember anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedAssetCount } from '../src/platform/http/assets.js';
import { Client, createTestEnv, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

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
