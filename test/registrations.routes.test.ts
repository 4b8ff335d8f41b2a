// The officer's registration routes, four outcomes each: not signed in, bad input, another municipality (its
// attendees never shown or exported), success; and a role without participation.manage is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFourOutcomes, R, type FourOutcomeSide } from './four-outcomes.js';
import { paths } from './paths.js';
import { Client, createTestEnv, engines, PASSWORD, seedTwoMunicipalities, type TestEnv } from './support.js';

interface S extends FourOutcomeSide {
  eventId: number;
  registrationId: number;
}

async function seedSide(env: TestEnv, side: { slug: string; municipalityId: number; adminEmail: string; editorEmail: string; secretWord: string }): Promise<S> {
  const now = env.now.value.toISOString();
  const mid = side.municipalityId;
  const event = await env.db.kysely
    .insertInto('events')
    .values({
      municipality_id: mid, plan_id: null, phase_id: null, group_id: null, kind: 'workshop', title: `Werkstatt ${side.secretWord}`, description: '',
      starts_at: '2026-03-14T09:00:00.000Z', ends_at: '2026-03-14T15:00:00.000Z', online: 0, online_url: '', place_name: 'Rathaus', address: '', accessibility: '',
      capacity: 1, registration: 1, registration_deadline: null, state: 'published', is_demo: 0, created_at: now, updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const reg = (name: string, state: string, token: string) =>
    env.db.kysely
      .insertInto('event_registrations')
      .values({ municipality_id: mid, event_id: event.id, name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.org`, needs_json: '{"interpreter":"Arabisch"}', state, token_hash: `${side.slug}-${token}`, lang: 'de', created_at: now, confirmed_at: now, cancelled_at: null, reminded_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
  const first = await reg(`Teilnehmerin ${side.secretWord}`, 'confirmed', 'a');
  await reg(`Wartender ${side.secretWord}`, 'waiting', 'b');
  return { ...side, eventId: event.id, registrationId: first.id };
}

async function fingerprint(env: TestEnv): Promise<string> {
  const regs = await env.db.kysely.selectFrom('event_registrations').select(['id', 'state']).orderBy('id').execute();
  const retention = await env.db.kysely.selectFrom('municipalities').select(['id', 'registration_retention_days']).orderBy('id').execute();
  const jobs = await env.db.kysely.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return JSON.stringify({ regs, retention, jobs: Number(jobs.n) });
}

describeFourOutcomes<S>({
  title: 'registration admin routes',
  async seed(env) {
    const { A, B } = await seedTwoMunicipalities(env);
    return { A: await seedSide(env, A), B: await seedSide(env, B) };
  },
  fingerprint,
  secretsOf: () => ['Birnenkompott', 'teilnehmerin.birnenkompott@example.org'],
  routes: [
    R('registrations overview', 'GET', (s) => paths.adminRegistrations(s.slug), { shows: (s) => `Werkstatt ${s.secretWord}` }),
    R('retention days', 'POST', (s) => paths.adminRetention(s.slug), { valid: () => ({ days: '14' }), invalid: { form: () => ({ days: 'vierzehn' }), keep: 'vierzehn' } }),
    R('attendees', 'GET', (s) => paths.adminAttendees(s.slug, s.eventId), { shows: () => '1× Dolmetschen Arabisch' }),
    R('attendees as CSV', 'GET', (s) => paths.adminAttendeesExport(s.slug, s.eventId, 'csv'), { type: 'text/csv; charset=utf-8' }),
    R('attendees as XLSX', 'GET', (s) => paths.adminAttendeesExport(s.slug, s.eventId, 'xlsx'), { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    R('remove registration (ask)', 'GET', (s) => paths.adminRegistrationRemove(s.slug, s.registrationId), { shows: (s) => `Teilnehmerin ${s.secretWord}` }),
    R('remove registration', 'POST', (s) => paths.adminRegistrationRemove(s.slug, s.registrationId), { valid: () => ({}) }),
    R('resend registration mail', 'POST', (s) => paths.adminRegistrationResend(s.slug, s.registrationId), { valid: () => ({}) }),
  ],
});

describe.each(engines)('registration admin routes for a role without participation.manage on %s', (engine) => {
  let env: TestEnv;
  let side: S;
  let member: Client;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    const { A } = await seedTwoMunicipalities(env);
    side = await seedSide(env, A);
    const userId = await env.services.auth.createUser({ email: 'mitglied@amstadt.example', name: 'Mitglied Amstadt', password: PASSWORD });
    await env.services.auth.addMembership(A.municipalityId, userId, 'group_member');
    member = new Client(env);
    await member.signIn('mitglied@amstadt.example', PASSWORD);
  });
  afterAll(() => env.close());

  it('is refused (403) everywhere, and nothing is written', async () => {
    const before = await fingerprint(env);
    for (const path of [paths.adminRegistrations(side.slug), paths.adminAttendees(side.slug, side.eventId), paths.adminAttendeesExport(side.slug, side.eventId, 'csv'), paths.adminRegistrationRemove(side.slug, side.registrationId)]) {
      const res = await member.get(path);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('teilnehmerin.apfel@example.org');
    }
    for (const [path, form] of [[paths.adminRetention(side.slug), { days: '3' }], [paths.adminRegistrationRemove(side.slug, side.registrationId), {}], [paths.adminRegistrationResend(side.slug, side.registrationId), {}]] as const) {
      expect((await member.post(path, form)).status, path).toBe(403);
    }
    expect(await fingerprint(env)).toBe(before);
  });

  it('the officer’s CSV lists the attendees with their state and needs', async () => {
    const officer = new Client(env);
    await officer.signIn(side.adminEmail, PASSWORD);
    const csv = (await officer.getBytes(paths.adminAttendeesExport(side.slug, side.eventId, 'csv'))).bytes.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFName;E-Mail;Stand;Platz;Bedarfe;Angemeldet am');
    expect(csv).toContain('Teilnehmerin Apfel;teilnehmerin.apfel@example.org;bestätigt;;Dolmetschen: Arabisch;');
    expect(csv).toContain('Wartender Apfel;wartender.apfel@example.org;Warteliste;1;Dolmetschen: Arabisch;');
  });
});
