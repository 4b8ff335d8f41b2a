// The demo admin administers Musterstadt and nothing else: signing in does not open the instance admin, and a
// start without demo data tells how to make the first municipality and instance admin instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestEnv, engines, type TestEnv } from '../../../test/support.js';
import { cliLocale, startLines } from '../../shell.js';
import { registerLocales, translator } from '../../platform/i18n/i18n.js';
import { DEMO_ADMIN_EMAIL, DEMO_SLUG, seedDemo } from './index.js';

describe.each(engines)('the demo admin on %s', (engine) => {
  let env: TestEnv;
  let password: string;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    const demo = await seedDemo(env.services);
    password = demo!.password!;
  });
  afterAll(() => env.close());

  it('is the admin of the demo municipality, not an instance admin', async () => {
    const user = (await env.services.auth.findUserByEmail(DEMO_ADMIN_EMAIL))!;
    expect(user.is_instance_admin).toBe(0);
    const municipality = (await env.services.municipalities.findBySlug(DEMO_SLUG))!;
    expect((await env.services.auth.membershipOf(municipality.id, user.id))?.role).toBe('admin');
    const c = new Client(env);
    // The printed password is one-time: the first sign-in chooses a new one, then lands in Musterstadt.
    const res = await c.signIn(DEMO_ADMIN_EMAIL, password);
    expect(res.location).toBe('/konto');
    await c.get('/konto');
    const changed = await c.post('/konto', { current_password: password, password: 'ein-eigenes-demo-passwort', password_confirm: 'ein-eigenes-demo-passwort' });
    expect(changed.location).toBe(`/${DEMO_SLUG}/verwaltung`);
    expect((await c.get('/verwaltung')).status).not.toBe(200);
  });
});

describe('the start-up lines', () => {
  registerLocales(cliLocale);
  const t = translator('de');
  it('on an empty instance say how to create the first municipality and instance admin, not a demo user', () => {
    const lines = startLines(t, { url: 'http://localhost:3000', demo: null, municipalities: 0, demoAdminEmail: null }).join('\n');
    expect(lines).toContain('npx teilhabe create-municipality --slug');
    expect(lines).toContain('npx teilhabe create-user --email E-MAIL --name NAME --instance-admin');
    expect(lines).not.toContain(DEMO_ADMIN_EMAIL);
  });
  it('name the demo admin only when that account exists', () => {
    expect(startLines(t, { url: 'u', demo: null, municipalities: 2, demoAdminEmail: null }).join('\n')).not.toContain(DEMO_ADMIN_EMAIL);
    expect(startLines(t, { url: 'u', demo: null, municipalities: 2, demoAdminEmail: DEMO_ADMIN_EMAIL }).join('\n')).toContain(DEMO_ADMIN_EMAIL);
    const first = startLines(t, { url: 'http://x', demo: { email: DEMO_ADMIN_EMAIL, password: 'pw-1' }, municipalities: 1, demoAdminEmail: DEMO_ADMIN_EMAIL }).join('\n');
    expect(first).toContain('http://x/anmelden');
    expect(first).toContain('pw-1');
  });
});
