// The sign-in's limits as an attacker would probe them: rotating X-Forwarded-For does not make a new client
// unless a trusted proxy sent it; a third party's failures from other clients never lock the owner out of their
// own; one client slows down on one account, then is locked; unknown and known addresses take the same time.
// On SQLite and PostgreSQL, through the real app (in-process, with the socket address given as Node's server
// would), and once through a real HTTP server.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrustedProxies } from '../src/platform/auth/client.address.js';
import { createTestEnv, engines, PASSWORD, type TestEnv } from './support.js';

const OWNER = 'owner@amstadt.example';
const OTHER = 'other@amstadt.example';
const TOKEN = 'csrf-token-of-this-test-0123456789abcdef';

/** One sign-in attempt from `socket` (the address Node's server would see), with extra headers. */
async function attempt(env: TestEnv, socket: string, email: string, password: string, headers: Record<string, string> = {}) {
  const body = new URLSearchParams({ _csrf: TOKEN, email, password, next: '' });
  const res = await env.app.request(
    '/anmelden',
    { method: 'POST', body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `teilhabe_csrf=${TOKEN}`, ...headers } },
    { incoming: { socket: { remoteAddress: socket } } },
  );
  return { status: res.status, body: await res.text(), retryAfter: res.headers.get('retry-after') };
}

async function withUsers(env: TestEnv) {
  await env.services.auth.createUser({ email: OWNER, name: 'Olga Owner', password: PASSWORD });
  await env.services.auth.createUser({ email: OTHER, name: 'Otto Other', password: PASSWORD });
}

const statusesOf = (results: { status: number }[]) => results.map((r) => r.status);
// Every attempt checks a password with scrypt, slow on purpose: the tests of many attempts get minutes.
const MANY = 300_000;

describe.each(engines)('sign-in limits on %s', (engine) => {
  describe('without a trusted proxy', () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine);
      await withUsers(env);
    }, MANY);
    afterAll(() => env.close());

    it('40 guesses with a rotated X-Forwarded-For are one client: slowed after 3, locked after 10', async () => {
      const results = [];
      for (let i = 0; i < 40; i++) {
        results.push(await attempt(env, '203.0.113.9', `guess${i}@amstadt.example`, 'falsch', { 'x-forwarded-for': `198.51.100.${i}` }));
      }
      expect(statusesOf(results).filter((s) => s === 400)).toHaveLength(10);
      expect(statusesOf(results).slice(10).every((s) => s === 429)).toBe(true);
      expect(results[10].body).toMatch(/Zu viele Versuche\. Bitte warten Sie 15 Minuten\./);
      // Even the right password does not get through while the client is locked …
      expect((await attempt(env, '203.0.113.9', OWNER, PASSWORD, { 'x-forwarded-for': '192.0.2.1' })).status).toBe(429);
      // … while the owner at another address signs in.
      expect((await attempt(env, '192.0.2.50', OWNER, PASSWORD)).status).toBe(303);
    }, MANY);

    it('one account from one client slows down after 3 failures, then the client is locked', async () => {
      const from = '203.0.113.20';
      const first = [];
      for (let i = 0; i < 4; i++) first.push(await attempt(env, from, OTHER, 'falsch'));
      expect(statusesOf(first)).toEqual([400, 400, 400, 429]);
      expect(first[3].body).toContain('Zu viele Versuche. Bitte warten Sie 30 Sekunden.');
      expect(first[3].retryAfter).toBe('30');
      // The right password waits too: the limit says nothing about whether a guess was right.
      expect((await attempt(env, from, OTHER, PASSWORD)).status).toBe(429);
      env.now.value = new Date(env.now.value.getTime() + 31_000);
      expect((await attempt(env, from, OTHER, 'falsch')).status).toBe(400);
      const next = await attempt(env, from, OTHER, 'falsch');
      expect(next.status).toBe(429);
      expect(next.body).toContain('Bitte warten Sie 1 Minute.');
      // Failures on other accounts add up for the client: after 10 in the window, it is locked for all of them.
      env.now.value = new Date(env.now.value.getTime() + 61_000);
      const more = [];
      for (let i = 0; i < 7; i++) more.push(await attempt(env, from, `nobody${i}@amstadt.example`, 'falsch'));
      expect(statusesOf(more)).toEqual([400, 400, 400, 400, 400, 400, 429]);
      expect(more[6].body).toMatch(/Bitte warten Sie \d+ Minuten\./);
      expect((await attempt(env, from, OWNER, PASSWORD)).status).toBe(429);
      // The window passes; the client may sign in again, and the old counters are gone.
      env.now.value = new Date(env.now.value.getTime() + 16 * 60_000);
      expect((await attempt(env, from, OTHER, PASSWORD)).status).toBe(303);
      const left = await env.db.kysely.selectFrom('rate_limits').select(['key', 'window_start']).execute();
      const windowStart = new Date(env.now.value.getTime() - 15 * 60_000).toISOString();
      expect(left.filter((r) => r.window_start < windowStart)).toEqual([]);
    }, MANY);

    it('a third party failing 50 times from other clients cannot lock the owner out of their own client', async () => {
      const results = [];
      for (let i = 0; i < 50; i++) results.push(await attempt(env, `198.18.0.${i + 1}`, OWNER, `falsch-${i}`));
      expect(statusesOf(results).every((s) => s === 400)).toBe(true);
      // A client that already failed on the account is locked out of it now …
      expect((await attempt(env, '198.18.0.1', OWNER, PASSWORD)).status).toBe(429);
      // … the owner's own client is not.
      expect((await attempt(env, '192.0.2.77', OWNER, PASSWORD)).status).toBe(303);
    }, MANY);
  });

  // At the cost passwords are hashed with outside tests (the other tests here check counts, not time, and hash
  // at the tests' lower cost): a missing password check would be 125 ms against 5 ms here.
  describe('at the full password cost', () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { PASSWORD_HASH_COST: '15' });
      await withUsers(env);
    }, MANY);
    afterAll(() => env.close());

    it('answers as fast for an unknown address as for a known one, limited or not', async () => {
      // A client locked by ten failures.
      for (let i = 0; i < 10; i++) expect((await attempt(env, '203.0.113.9', `guess${i}@amstadt.example`, 'falsch')).status).toBe(400);
      expect((await attempt(env, '203.0.113.9', OTHER, 'falsch')).status).toBe(429);
      // The lower quartile of many interleaved attempts is the work itself; the other tests of a parallel suite
      // only ever add to it. Load can still tip one round, so up to three rounds are measured: a real difference
      // (an unknown address answered without the password work: 5 ms against 125 ms) fails all three.
      const quartile = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 4)];
      const time = async (run: () => Promise<unknown>) => {
        const start = process.hrtime.bigint();
        await run();
        return Number(process.hrtime.bigint() - start) / 1e6;
      };
      const deviations: Array<[number, number]> = [];
      for (let round = 0; round < 3; round++) {
        const known: number[] = [];
        const unknown: number[] = [];
        const limited: number[] = [];
        for (let i = 0; i < 16; i++) {
          // A fresh client each time, so that neither is limited (interleaved, so that load hits both alike).
          known.push(await time(() => attempt(env, `100.64.${1 + round * 3}.${i}`, OTHER, 'falsch')));
          unknown.push(await time(() => attempt(env, `100.64.${2 + round * 3}.${i}`, `unknown${round}-${i}@amstadt.example`, 'falsch')));
          limited.push(await time(() => attempt(env, '203.0.113.9', OTHER, 'falsch')));
        }
        const k = quartile(known);
        deviations.push([Math.abs(quartile(unknown) - k) / k, Math.abs(quartile(limited) - k) / k]);
        if (deviations.at(-1)!.every((d) => d < 0.3)) break;
      }
      expect(deviations.at(-1)!.map((d) => d < 0.3), `relative deviations per round: ${JSON.stringify(deviations)}`).toEqual([true, true]);
    }, MANY);
  });

  describe('behind a trusted proxy', () => {
    let env: TestEnv;
    beforeAll(async () => {
      env = await createTestEnv(engine, { TRUSTED_PROXIES: '127.0.0.1,10.0.0.0/8' });
      await withUsers(env);
    }, MANY);
    afterAll(() => env.close());

    it('counts the forwarded address: different clients are not limited together', async () => {
      const results = [];
      for (let i = 0; i < 20; i++) results.push(await attempt(env, '127.0.0.1', `guess${i}@amstadt.example`, 'falsch', { 'x-forwarded-for': `198.51.100.${i}` }));
      expect(statusesOf(results).every((s) => s === 400)).toBe(true);
    }, MANY);

    it('takes the right-most untrusted address, so a client cannot pretend to be another', async () => {
      const results = [];
      for (let i = 0; i < 12; i++) {
        results.push(await attempt(env, '::ffff:127.0.0.1', `spoof${i}@amstadt.example`, 'falsch', { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.66, 10.1.2.3` }));
      }
      expect(statusesOf(results)).toEqual([...Array(10).fill(400), 429, 429]);
      // A header from an untrusted socket is ignored: the socket is the client.
      expect((await attempt(env, '203.0.113.66', OWNER, PASSWORD, { 'x-forwarded-for': '192.0.2.200' })).status).toBe(429);
      expect((await attempt(env, '203.0.113.67', OWNER, PASSWORD, { 'x-forwarded-for': '203.0.113.66' })).status).toBe(303);
    }, MANY);
  });
});

describe('the client address', () => {
  const proxies = new TrustedProxies(['127.0.0.1', '10.0.0.0/8', 'fd00::/8']);
  it('is the socket unless a trusted proxy forwarded the request', () => {
    expect(proxies.clientOf('203.0.113.1', '1.2.3.4')).toBe('203.0.113.1');
    expect(proxies.clientOf('::ffff:127.0.0.1', '1.2.3.4')).toBe('1.2.3.4');
    expect(proxies.clientOf('127.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.7')).toBe('1.2.3.4');
    expect(proxies.clientOf('fd00::1', '2001:db8::5')).toBe('2001:db8::5');
    expect(proxies.clientOf('127.0.0.1', undefined)).toBe('127.0.0.1');
    expect(proxies.clientOf('127.0.0.1', '10.0.0.1, 10.0.0.2')).toBe('10.0.0.1');
    expect(new TrustedProxies([]).clientOf('127.0.0.1', '1.2.3.4')).toBe('127.0.0.1');
  });
});

describe('through a real HTTP server', () => {
  const start = async (overrides: Record<string, string>) => {
    const env = await createTestEnv('sqlite', overrides);
    await withUsers(env);
    const server = serve({ fetch: env.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = async (email: string, forwardedFor: string) => {
      const res = await fetch(`${base}/anmelden`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({ _csrf: TOKEN, email, password: 'falsch' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `teilhabe_csrf=${TOKEN}`, 'x-forwarded-for': forwardedFor },
      });
      await res.arrayBuffer();
      return res.status;
    };
    return { post, close: async () => { await new Promise((resolve) => server.close(resolve)); await env.close(); } };
  };

  it('reads the socket address: rotated headers are limited, forwarded ones count behind a trusted proxy', async () => {
    const plain = await start({});
    const trusted = await start({ TRUSTED_PROXIES: '127.0.0.1' });
    try {
      const a = [];
      const b = [];
      for (let i = 0; i < 12; i++) {
        a.push(await plain.post(`g${i}@amstadt.example`, `198.51.100.${i}`));
        b.push(await trusted.post(`g${i}@amstadt.example`, `198.51.100.${i}`));
      }
      expect(a).toEqual([...Array(10).fill(400), 429, 429]);
      expect(b).toEqual(Array(12).fill(400));
    } finally {
      await plain.close();
      await trusted.close();
    }
  }, MANY);
});
