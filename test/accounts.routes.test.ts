// The admin's pages for one person (their role, their removal), four outcomes each: not signed in, bad input,
// another municipality's person (404, nothing of B shown or written), success with its audit entry.
import { paths } from './paths.js';
import { describeFourOutcomes, R as route, type RouteCase } from './four-outcomes.js';
import { seedTwoMunicipalities, type Side, type TestEnv } from './support.js';

type S = Side & { editorId: number };
const R = route<S>;

const ROUTES: Array<RouteCase<S>> = [
  R('confirm role change', 'GET', (s) => paths.adminMemberRole(s.slug, s.editorId), { shows: (s) => s.editorEmail }),
  R('change role', 'POST', (s) => paths.adminMemberRole(s.slug, s.editorId), {
    valid: () => ({ role: 'admin' }),
    invalid: { form: () => ({ role: 'kaiser' }), keep: 'Bitte wählen' },
  }),
  R('confirm removal', 'GET', (s) => paths.adminMemberRemove(s.slug, s.editorId), { shows: (s) => s.editorEmail }),
  R('remove person', 'POST', (s) => paths.adminMemberRemove(s.slug, s.editorId), { valid: () => ({}) }),
];

async function seed(env: TestEnv): Promise<{ A: S; B: S }> {
  const f = await seedTwoMunicipalities(env);
  const idOf = async (email: string) => (await env.services.auth.findUserByEmail(email))!.id;
  return { A: { ...f.A, editorId: await idOf(f.A.editorEmail) }, B: { ...f.B, editorId: await idOf(f.B.editorEmail) } };
}

/** Who belongs where with which role, the accounts, the open links and the audit log. */
async function fingerprint(env: TestEnv): Promise<string> {
  const k = env.db.kysely;
  const memberships = await k.selectFrom('memberships').select(['municipality_id', 'user_id', 'role']).orderBy('municipality_id').orderBy('user_id').execute();
  const count = async (t: 'users' | 'account_tokens' | 'audit_log') => Number((await k.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return JSON.stringify({ memberships, users: await count('users'), tokens: await count('account_tokens'), audit: await count('audit_log') });
}

describeFourOutcomes<S>({ title: 'member routes', routes: ROUTES, seed, fingerprint });
