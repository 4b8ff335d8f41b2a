// A representative's account and membership are made together or not at all, even when the database fails
// halfway (SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, failInsertsInto, seedTwoMunicipalities, type Fixture, type TestEnv } from '../../../test/support.js';

const by = { userId: null, name: 'Test' };

describe.each(engines)('representative service on %s', (engine) => {
  let env: TestEnv;
  let f: Fixture;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    f = await seedTwoMunicipalities(env);
  });
  afterAll(() => env.close());

  const count = async (table: 'users' | 'memberships' | 'audit_log') =>
    Number((await env.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => ({ users: await count('users'), memberships: await count('memberships'), audit: await count('audit_log') });
  const vera = () => ({ name: 'Vera Vertretung', email: 'vera@amstadt.example', actor_id: f.A.actorId });

  it('leaves nothing behind when the account cannot be created', async () => {
    const before = await counts();
    const restore = await failInsertsInto(env, 'users');
    try {
      await expect(env.services.representatives.add(f.A.municipalityId, vera(), by)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await counts()).toEqual(before);
    expect(await env.services.representatives.list(f.A.municipalityId)).toEqual([]);
  });

  it('leaves no account behind when the membership cannot be written', async () => {
    const before = await counts();
    const restore = await failInsertsInto(env, 'memberships');
    try {
      await expect(env.services.representatives.add(f.A.municipalityId, vera(), by)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await env.services.auth.findUserByEmail('vera@amstadt.example')).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it('then adds the representative whole, with its audit entry', async () => {
    const { password } = await env.services.representatives.add(f.A.municipalityId, vera(), by);
    expect(password).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    expect(await env.services.auth.authenticate('vera@amstadt.example', password!)).toMatchObject({ email: 'vera@amstadt.example' });
    const user = await env.services.auth.findUserByEmail('vera@amstadt.example');
    expect((await env.services.representatives.list(f.A.municipalityId)).map((r) => [r.id, r.actor_id])).toEqual([[user!.id, f.A.actorId]]);
    const [entry] = await env.services.audit.list(f.A.municipalityId);
    expect(entry).toMatchObject({ action: 'member.add', entity_type: 'user', entity_id: user!.id, user_name: 'Test' });
    expect(JSON.parse(entry.after_json!)).toEqual({ email: 'vera@amstadt.example', role: 'actor_rep', actor: 'VHS Amstadt' });
  });
});
