// The four outcomes every admin route is tested for, in one place: not signed in, bad input, other
// municipality, success. Each suite names its routes, how to seed two municipalities, and what "nothing
// written" means for its tables (a fingerprint that must stay equal).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, PASSWORD, type TestEnv } from './support.js';

export interface FourOutcomeSide {
  slug: string;
  municipalityId: number;
  adminEmail: string;
  editorEmail: string;
  secretWord: string;
}

export type Form = Record<string, string | string[]>;
export type Sent = Awaited<ReturnType<Client['post']>>;

export interface RouteCase<S> {
  name: string;
  method: 'GET' | 'POST';
  /** The route's address for a side; `other` gives another side's ids where a route takes two. */
  path: (s: S, other?: S) => string;
  valid?: (s: S) => Form;
  /** A form that fails validation (or a GET that does) and a typed value the page must still show. */
  invalid?: { form?: (s: S) => Form; path?: (s: S) => string; keep: string | ((s: S) => string) };
  /** Bad input for routes without a form: an address of something that does not exist. */
  bogus?: (s: S) => string;
  success: 200 | 303;
  shows?: (s: S) => string;
  /** A download: success means these bytes with this content type. */
  type?: string;
}

export function R<S>(name: string, method: 'GET' | 'POST', path: RouteCase<S>['path'], rest: Partial<RouteCase<S>> = {}): RouteCase<S> {
  return { name, method, path, success: method === 'GET' ? 200 : 303, ...rest };
}

/** An id in the path that does not exist (or, for routes without one, a malformed path below them). */
export function bogusPath(path: string): string {
  return /\/\d+(\/|$|\?|\.)/.test(path) ? path.replace(/\/(\d+)(\/|$|\?|\.)/, '/999999$2') : `${path}/%E2%9C%97x`;
}

export interface FourOutcomeSuite<S extends FourOutcomeSide> {
  title: string;
  routes: Array<RouteCase<S>>;
  seed(env: TestEnv): Promise<{ A: S; B: S }>;
  fingerprint(env: TestEnv): Promise<string>;
  /** Texts of B that must never reach A's admin, besides B's secret word and editor. */
  secretsOf?(B: S): string[];
  /** How a route is sent when it needs more than a form (file uploads). */
  send?(client: Client, route: RouteCase<S>, path: string, side: S, mode: 'valid' | 'invalid'): Promise<Sent> | null;
  /** Whose name the audit entry of a successful write carries. */
  adminName?: string;
}

export function describeFourOutcomes<S extends FourOutcomeSide>(suite: FourOutcomeSuite<S>): void {
  const send = async (client: Client, route: RouteCase<S>, path: string, side: S, mode: 'valid' | 'invalid'): Promise<Sent> => {
    const custom = suite.send?.(client, route, path, side, mode);
    if (custom) return custom;
    if (route.method === 'GET') return client.get(path);
    return client.post(path, (mode === 'valid' ? route.valid?.(side) : route.invalid?.form?.(side)) ?? {});
  };

  describe.each(engines)(`${suite.title} on %s`, (engine) => {
    let env: TestEnv;
    let A: S;
    let B: S;
    let anon: Client;
    let adminA: Client;

    beforeAll(async () => {
      env = await createTestEnv(engine);
      ({ A, B } = await suite.seed(env));
      anon = new Client(env);
      adminA = new Client(env);
      await adminA.signIn(A.adminEmail, PASSWORD);
    });
    afterAll(() => env.close());

    describe.each(suite.routes)('$method $name', (route) => {
      it('not signed in: sends to the sign-in page and changes nothing', async () => {
        const before = await suite.fingerprint(env);
        const res = await send(anon, route, route.path(A), A, 'valid');
        expect(res.status).toBe(303);
        expect(res.location).toMatch(/^\/anmelden/);
        expect(await suite.fingerprint(env)).toBe(before);
      });

      it('bad input: 400 with the form again and the input kept (or 404 for an unknown id), nothing written', async () => {
        const before = await suite.fingerprint(env);
        if (route.invalid) {
          const res = route.invalid.path ? await adminA.get(route.invalid.path(A)) : await send(adminA, route, route.path(A), A, 'invalid');
          expect(res.status, res.body.slice(0, 300)).toBe(400);
          // Small action forms (move up/down) answer with a plain message; every other form comes back whole.
          if (res.body.includes('<form')) {
            expect(res.body).toContain('Bitte korrigieren Sie die markierten Angaben.');
            const keep = typeof route.invalid.keep === 'function' ? route.invalid.keep(A) : route.invalid.keep;
            expect(res.body).toContain(keep);
          }
        } else {
          const path = route.bogus ? route.bogus(A) : bogusPath(route.path(A));
          expect(path).not.toBe(route.path(A));
          const res = route.method === 'GET' ? await adminA.get(path) : await adminA.post(path, route.valid?.(A) ?? {});
          expect(res.status, path).toBe(404);
          expect(res.body).toContain('Seite nicht gefunden');
        }
        expect(await suite.fingerprint(env)).toBe(before);
      });

      it('other municipality: 404 (or 403), nothing of B shown, nothing written', async () => {
        const before = await suite.fingerprint(env);
        // B's own address, B's ids under A's address, and A's address with B's second ids.
        const candidates = [route.path(B), route.path({ ...B, slug: A.slug }), route.path(A, B)].filter((p) => p !== route.path(A));
        const secrets = [B.secretWord, 'Geheimer Entwurf', B.editorEmail, ...(suite.secretsOf?.(B) ?? [])];
        for (const path of new Set(candidates)) {
          const res = await send(adminA, route, path, B, 'valid');
          expect([403, 404], path).toContain(res.status);
          for (const secret of secrets) expect(res.body, path).not.toContain(secret);
        }
        expect(await suite.fingerprint(env)).toBe(before);
      });

      it('success', async () => {
        // Writes get a fresh pair of municipalities so that one success cannot spoil the next test.
        const own = route.method === 'POST' ? await createTestEnv(engine) : env;
        try {
          const fx = own === env ? { A, B } : await suite.seed(own);
          const client = new Client(own);
          await client.signIn(fx.A.adminEmail, PASSWORD);
          const before = await suite.fingerprint(own);
          if (route.type) {
            const file = await client.getBytes(route.path(fx.A));
            expect(file.status).toBe(200);
            expect(file.type).toBe(route.type);
            expect(file.bytes.toString('latin1')).not.toContain(fx.B.secretWord);
            return;
          }
          const res = await send(client, route, route.path(fx.A), fx.A, 'valid');
          expect(res.status, res.body.slice(0, 500)).toBe(route.success);
          if (route.method === 'POST') {
            expect(await suite.fingerprint(own)).not.toBe(before);
            const audit = await own.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
            expect(audit.user_name).toBe(suite.adminName ?? 'Admin Amstadt');
            expect(audit.municipality_id).toBe(fx.A.municipalityId);
          } else {
            expect(res.body).not.toContain(fx.B.secretWord);
            // The CSP forbids inline styles: no page may carry one.
            expect(res.body).not.toMatch(/\sstyle=/);
          }
          if (route.shows) expect(res.body).toContain(route.shows(fx.A));
        } finally {
          if (own !== env) await own.close();
        }
      });
    });
  });
}
