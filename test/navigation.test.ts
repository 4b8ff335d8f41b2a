// The navigation shows each person only what they may open, and what it shows opens: for every admin entry
// of every module, the page answers as the entry's permission says (for the admin, an editor and anyone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules.js';
import { can } from '../src/platform/auth/permissions.js';
import { Client, createTestEnv, PASSWORD, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

describe('admin navigation', () => {
  let env: TestEnv;
  let fx: Fixture;
  beforeAll(async () => {
    env = await createTestEnv('sqlite');
    fx = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  const entries = MODULES.flatMap((m) => m.nav ?? []).filter((n) => n.area === 'admin');

  it.each([
    ['admin', () => fx.A.adminEmail],
    ['editor', () => fx.A.editorEmail],
  ] as const)('the %s sees exactly the entries they may open, and each opens', async (role, email) => {
    const client = new Client(env);
    await client.signIn(email(), PASSWORD);
    const overview = await client.get(`/${fx.A.slug}/verwaltung`);
    expect(overview.status).toBe(200);
    for (const entry of entries) {
      const href = entry.href(fx.A.slug);
      const allowed = !entry.permission || can(role, false, entry.permission);
      expect(overview.body.includes(`href="${href}"`), `${role}: ${entry.label}`).toBe(allowed);
      expect((await client.get(href)).status, `${role}: ${href}`).toBe(allowed ? 200 : 403);
    }
  });

  it('an editor does not see the people, the settings and the audit log', async () => {
    const client = new Client(env);
    await client.signIn(fx.A.editorEmail, PASSWORD);
    const body = (await client.get(`/${fx.A.slug}/verwaltung`)).body;
    for (const page of ['personen', 'einstellungen', 'protokoll']) expect(body).not.toContain(`href="/${fx.A.slug}/verwaltung/${page}"`);
  });
});
