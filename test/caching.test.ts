// What caches may do with the app's answers: a public page for nobody in particular sets no cookie, carries an
// ETag and `public, no-cache`, answers 304 to a revalidation while unchanged and a new page after a write; a
// page with a form (the CSRF token) or for a signed-in person is never public. Answers are compressed; assets
// are linked with their content's hash, kept a year, and sent compressed once (brotli or gzip).
import { sql } from 'kysely';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

describe.each(engines)('caching headers on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeEach(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterEach(() => env.close());

  it('a public page sets no cookie, is revalidated by its ETag, and changes with a write', async () => {
    const page = `/${f.A.slug}/massnahmen/${f.A.measureId}`;
    const first = await env.app.request(page);
    expect(first.status).toBe(200);
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    expect(first.headers.get('vary')).toContain('Accept-Language');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const again = await env.app.request(page, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);

    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Abgeschlossen', status_category: null, note: '' }, { userId: null, name: 'Test' });
    const changed = await env.app.request(page, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('Abgeschlossen');
  });

  it('a page with a form hands out the CSRF cookie and is not public; a signed-in page is private', async () => {
    const form = await env.app.request('/anmelden');
    expect(form.headers.get('set-cookie')).toMatch(/^teilhabe_csrf=/);
    expect(form.headers.get('cache-control')).toBeNull();
    expect(form.headers.get('etag')).toBeNull();
    const o = new Client(env);
    await o.signIn(f.A.adminEmail, PASSWORD);
    const admin = await o.get(`/${f.A.slug}/verwaltung`);
    expect(admin.res.headers.get('cache-control')).toBe('no-store');
    const publicSignedIn = await o.get(`/${f.A.slug}`);
    expect(publicSignedIn.res.headers.get('cache-control')).toBe('private, no-cache');
    // the public page links its assets with their hashes
    expect(publicSignedIn.body).toMatch(/href="\/assets\/app\.css\?v=[0-9a-f]{16}"/);
  });

  it('compresses pages and sends assets compressed once, kept a year under their hashed address', async () => {
    const page = await env.app.request(`/${f.A.slug}/katalog`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    const html = zlib.gunzipSync(Buffer.from(await page.arrayBuffer())).toString('utf8');
    const href = /href="(\/assets\/kern\.min\.css\?v=[0-9a-f]{16})"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const br = await env.app.request(href!, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const css = zlib.brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8');
    const plain = await env.app.request(href!);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(css);
    expect((await env.app.request(href!, { headers: { 'if-none-match': br.headers.get('etag')! } })).status).toBe(304);
    // an address without the current hash is kept only briefly
    expect((await env.app.request('/assets/kern.min.css')).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('keeps rendered public pages per content version: a write anywhere (another process too) makes the next page fresh', async () => {
    const page = `/${f.A.slug}/massnahmen/${f.A.measureId}`;
    const first = await env.app.request(page);
    expect(await first.text()).toContain('Sprachkursangebote');
    // changed behind the app's back (no write path, no new content version): the kept page is served
    await sql`update measures set text = ${'Heimlich geändert'} where id = ${f.A.measureId}`.execute(env.db.kysely);
    const kept = await env.app.request(page);
    expect(await kept.text()).not.toContain('Heimlich geändert');
    expect(kept.headers.get('etag')).toBe(first.headers.get('etag'));
    // a signed-in person always gets the page made for them
    const o = new Client(env);
    await o.signIn(f.A.adminEmail, PASSWORD);
    expect((await o.get(page)).body).toContain('Heimlich geändert');
    // another language is another page
    expect(await (await env.app.request(page, { headers: { 'accept-language': 'en' } })).text()).toContain('Heimlich geändert');
    // another process wrote: the content version in the database moved on, so the next page is made anew (on
    // PostgreSQL as soon as the database's notification arrives)
    await sql`update municipalities set content_version = content_version + 1 where id = ${f.A.municipalityId}`.execute(env.db.kysely);
    await expect.poll(async () => (await env.app.request(page)).text()).toContain('Heimlich geändert');
  });

  it('keeps the open API\'s answers like pages: the same bytes and headers (ETag, CORS) until the content version moves on', async () => {
    const item = `/api/v1/${f.A.slug}/measures/${f.A.measureId}`;
    const first = await env.app.request(item, { headers: { origin: 'https://example.org' } });
    expect(first.status).toBe(200);
    const body = await first.text();
    expect(body).toContain('Sprachkursangebote');
    await sql`update measures set text = ${'Heimlich geändert'} where id = ${f.A.measureId}`.execute(env.db.kysely);
    // kept: whatever the language, and with a language in the address too (the address alone decides the answer)
    const kept = await env.app.request(item, { headers: { 'accept-language': 'en' } });
    expect(await kept.text()).toBe(body);
    for (const name of ['etag', 'cache-control', 'access-control-allow-origin', 'content-type']) expect(kept.headers.get(name), name).toBe(first.headers.get(name));
    expect((await env.app.request(item, { headers: { 'if-none-match': first.headers.get('etag')! } })).status).toBe(304);
    // a list and its page are answers of their own; an unknown measure is not kept (404 each time)
    expect(await (await env.app.request(`/api/v1/${f.A.slug}/measures?limit=1`)).text()).toContain('Heimlich geändert');
    expect((await env.app.request(`/api/v1/${f.A.slug}/measures/999999`)).status).toBe(404);
    // a write: the next answer is made anew, with a new ETag
    await sql`update municipalities set content_version = content_version + 1 where id = ${f.A.municipalityId}`.execute(env.db.kysely);
    await expect.poll(async () => (await env.app.request(item)).text()).toContain('Heimlich geändert');
    expect((await env.app.request(item)).headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('never keeps or shares a page that carries a visitor\'s own CSRF token', async () => {
    const comments = `/${f.A.slug}/mitreden/massnahme/${f.A.measureId}`;
    const one = await env.app.request(comments, { headers: { cookie: 'teilhabe_csrf=erster-besucher-token' } });
    expect(await one.text()).toContain('erster-besucher-token');
    expect(one.headers.get('cache-control')).toBeNull();
    const two = await (await env.app.request(comments, { headers: { cookie: 'teilhabe_csrf=zweiter-besucher-token' } })).text();
    expect(two).toContain('zweiter-besucher-token');
    expect(two).not.toContain('erster-besucher-token');
  });

  it('in Node\'s server, a kept page is answered in front of the app with the bytes and headers the app sent', async () => {
    const server: Server = createServer(env.app.listener());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    /** A raw GET (no decompression), so that the bytes on the wire can be compared. */
    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        httpRequest(`${base}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject).end();
      });
    try {
      const page = `/${f.A.slug}/massnahmen/${f.A.measureId}`;
      const made = await get(page, { 'accept-encoding': 'gzip' });
      expect(made.status).toBe(200);
      const kept = await get(page, { 'accept-encoding': 'gzip' });
      // the same page, every header the pipeline sets (security headers included), the length known
      expect(kept.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(kept.body).toString()).toBe(zlib.gunzipSync(made.body).toString());
      for (const name of ['etag', 'cache-control', 'content-security-policy', 'x-frame-options', 'content-type', 'vary']) expect(kept.headers[name], name).toBe(made.headers[name]);
      expect(kept.headers['set-cookie']).toBeUndefined();
      expect(Number(kept.headers['content-length'])).toBe(kept.body.length);
      // without gzip the plain page; revalidated: 304 without a body
      const plain = await get(page);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(zlib.gunzipSync(made.body).toString());
      const revalidated = await get(page, { 'if-none-match': String(made.headers.etag) });
      expect(revalidated.status).toBe(304);
      expect(revalidated.body.length).toBe(0);

      // proof that the kept page answered: a change behind the app's back is not seen ...
      await sql`update measures set text = ${'Heimlich geändert'} where id = ${f.A.measureId}`.execute(env.db.kysely);
      expect((await get(page)).body.toString()).not.toContain('Heimlich geändert');
      // ... but by a signed-in person, and by whoever chose a language in the address
      const o = new Client(env);
      await o.signIn(f.A.adminEmail, PASSWORD);
      const session = [...o.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      expect((await get(page, { cookie: session })).body.toString()).toContain('Heimlich geändert');
      expect((await get(`${page}?lang=de`)).body.toString()).toContain('Heimlich geändert');
      // a write in another process (the content version moved on in the database): the next page is made anew
      await sql`update municipalities set content_version = content_version + 1 where id = ${f.A.municipalityId}`.execute(env.db.kysely);
      await expect.poll(async () => (await get(page)).body.toString()).toContain('Heimlich geändert');
      // a municipality that does not exist, and an address outside any: the app answers
      expect((await get('/gibt-es-nicht')).status).toBe(404);
      expect((await get('/healthz')).status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
