// A municipality and its first admin, a member and their account: made together or not at all, even when the
// database fails halfway (SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, failInsertsInto, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';

const by = { userId: null, name: 'Test' };
const cestadt = {
  slug: 'cestadt', name: 'Cestadt', office_name: '', contact_person: '', contact_email: '', contact_phone: '', contact_address: '',
  admin_email: 'clara@cestadt.example', admin_name: 'Clara C',
};

describe.each(engines)('municipality service on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  const count = async (table: 'municipalities' | 'users' | 'memberships' | 'audit_log') =>
    Number((await env.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => ({ municipalities: await count('municipalities'), users: await count('users'), memberships: await count('memberships'), audit: await count('audit_log') });

  it('leaves no municipality behind when its first admin cannot be created', async () => {
    const before = await counts();
    const restore = await failInsertsInto(env, 'users');
    try {
      await expect(env.services.municipalities.create(cestadt, by)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await env.services.municipalities.findBySlug('cestadt')).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it('leaves neither municipality nor account behind when the admin membership cannot be written', async () => {
    const before = await counts();
    const restore = await failInsertsInto(env, 'memberships');
    try {
      await expect(env.services.municipalities.create(cestadt, by)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await env.services.municipalities.findBySlug('cestadt')).toBeUndefined();
    expect(await env.services.auth.findUserByEmail(cestadt.admin_email)).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it('then creates it whole: the municipality, its admin, the membership and the audit entry', async () => {
    const { municipality, adminPassword } = await env.services.municipalities.create(cestadt, by);
    expect(municipality.slug).toBe('cestadt');
    // A one-time password the new admin signs in with.
    expect(adminPassword).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    expect(await env.services.auth.authenticate(cestadt.admin_email, adminPassword!)).toMatchObject({ email: cestadt.admin_email });
    const clara = await env.services.auth.findUserByEmail(cestadt.admin_email);
    expect(await env.services.auth.membershipOf(municipality.id, clara!.id)).toMatchObject({ role: 'admin' });
    const [entry] = await env.services.audit.list(municipality.id);
    expect(entry).toMatchObject({ action: 'municipality.create', entity_type: 'municipality', entity_id: municipality.id, user_name: 'Test' });
    expect(JSON.parse(entry.after_json!)).toEqual({ slug: 'cestadt', name: 'Cestadt', admin: cestadt.admin_email });
  });

  it('invites a member with a new account, or makes neither when the membership cannot be written', async () => {
    const amstadt = await env.services.municipalities.getBySlug(f.A.slug);
    const before = await counts();
    const restore = await failInsertsInto(env, 'memberships');
    try {
      await expect(env.services.accounts.invite(amstadt, { name: 'Neu', email: 'neu@amstadt.example', role: 'editor' }, by, 'de')).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await env.services.auth.findUserByEmail('neu@amstadt.example')).toBeUndefined();
    expect(await counts()).toEqual(before);
    const { kind, link } = await env.services.accounts.invite(amstadt, { name: 'Neu', email: 'neu@amstadt.example', role: 'editor' }, by, 'de');
    expect(kind).toBe('invite');
    // No SMTP here: the link to hand over; the account has no password until it is used.
    expect(link).toMatch(/\/konto\/passwort\/[A-Za-z0-9_-]{43}$/);
    const neu = await env.services.auth.findUserByEmail('neu@amstadt.example');
    expect(neu?.password_hash).toBeNull();
    const [entry] = await env.services.audit.list(amstadt.id);
    expect(entry).toMatchObject({ action: 'member.invite', entity_type: 'user', entity_id: neu!.id });
  });
});
