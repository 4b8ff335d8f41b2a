// The participation process's services on both engines, and the pure parts: the current phase at the
// boundaries of its dates, Berlin times to UTC and back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, engines, seedTwoMunicipalities, type TestEnv } from '../../../test/support.js';
import { berlinInstant, berlinParts } from './events.time.js';
import { ONLINE_LINK, eventInput, seedProcess, type ProcessSide } from './process.fixture.js';
import { currentPhaseId } from './process.model.js';
import { eventSchema } from './process.schema.js';

describe('the current phase', () => {
  const phases = [
    { id: 1, starts_on: '2026-03-01', ends_on: '2026-03-10' },
    { id: 2, starts_on: '2026-03-11', ends_on: null },
    { id: 3, starts_on: '2026-04-01', ends_on: '2026-04-30' },
    { id: 4, starts_on: '2026-06-01', ends_on: null },
    { id: 5, starts_on: null, ends_on: null },
  ];
  it.each([
    ['2026-02-28', null],
    ['2026-03-01', 1],
    ['2026-03-10', 1],
    ['2026-03-11', 2],
    ['2026-03-31', 2],
    ['2026-04-01', 3],
    ['2026-04-30', 3],
    ['2026-05-01', 3],
    ['2026-05-31', 3],
    ['2026-06-01', 4],
    ['2030-01-01', 4],
  ])('on %s it is phase %s', (day, id) => {
    expect(currentPhaseId(phases, day)).toBe(id);
  });

  it('of phases that overlap, the one begun last; without dated phases, none', () => {
    expect(currentPhaseId([{ id: 1, starts_on: '2026-01-01', ends_on: '2026-12-31' }, { id: 2, starts_on: '2026-03-01', ends_on: '2026-03-31' }], '2026-03-15')).toBe(2);
    expect(currentPhaseId([{ id: 1, starts_on: null, ends_on: null }], '2026-03-15')).toBeNull();
  });
});

describe('Berlin time', () => {
  it.each([
    ['2026-01-15', '10:00', '2026-01-15T09:00:00.000Z'],
    ['2026-07-01', '10:00', '2026-07-01T08:00:00.000Z'],
    ['2026-03-29', '01:30', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'],
    ['2026-10-25', '12:00', '2026-10-25T11:00:00.000Z'],
  ])('%s %s in Berlin is %s', (day, time, iso) => {
    expect(berlinInstant(day, time)).toBe(iso);
    expect(berlinParts(iso)).toEqual({ day, time });
  });

  it('the event form takes times as people type them and refuses an end before the start', () => {
    const ok = eventSchema.safeParse({ kind: 'workshop', title: 'W', date: '2026-03-14', starts: '9.30', ends: '11:00', place_name: 'Rathaus' });
    expect(ok.success && ok.data.starts).toBe('09:30');
    const bad = eventSchema.safeParse({ kind: 'workshop', title: 'W', date: '2026-03-14', starts: '12:00', ends: '11:00', place_name: 'Rathaus' });
    expect(bad.success).toBe(false);
    const online = eventSchema.safeParse({ kind: 'video', title: 'W', date: '2026-03-14', starts: '10:00', ends: '11:00', online: '1' });
    expect(online.success).toBe(false);
  });
});

describe.each(engines)('participation services on %s', (engine) => {
  let env: TestEnv;
  let A: ProcessSide;
  let B: ProcessSide;
  const by = { userId: null, name: 'Test' };

  beforeAll(async () => {
    env = await createTestEnv(engine);
    const f = await seedTwoMunicipalities(env);
    A = await seedProcess(env, f.A);
    B = await seedProcess(env, f.B);
  });
  afterAll(() => env.close());

  it('keeps times in UTC and shows them in Berlin', async () => {
    const e = await env.services.events.get(A.municipalityId, A.eventId);
    expect(e.startsAt).toBe('2026-03-14T17:00:00.000Z');
    expect([e.day, e.startTime, e.endTime]).toEqual(['2026-03-14', '18:00', '20:00']);
    expect(e.registrationDeadline).toBe('2026-03-12T22:59:00.000Z');
    expect(e.programme.map((p) => p.title)).toEqual(['Begrüßung']);
  });

  it('lists events each with its own programme, read for all of them at once', async () => {
    await env.services.events.addProgrammeItem(A.municipalityId, A.onlineEventId, { starts_at: '19:00', title: 'Fragen aus dem Netz', speaker: '' }, by);
    await env.services.events.addProgrammeItem(A.municipalityId, A.onlineEventId, { starts_at: '18:30', title: 'Einstieg online', speaker: '' }, by);
    const listed = await env.services.events.list(A.municipalityId);
    expect(listed.length).toBeGreaterThanOrEqual(2);
    for (const e of listed) expect(e.programme, `event ${e.id}`).toEqual((await env.services.events.get(A.municipalityId, e.id)).programme);
    expect(listed.find((e) => e.id === A.onlineEventId)!.programme.map((p) => p.title)).toEqual(['Fragen aus dem Netz', 'Einstieg online']);
    expect(listed.find((e) => e.id === A.eventId)!.programme.map((p) => p.title)).toContain('Begrüßung');
  });

  it('gives the online link only through the confirmation, never in the event view', async () => {
    const e = await env.services.events.get(A.municipalityId, A.onlineEventId);
    expect(JSON.stringify(e)).not.toContain(ONLINE_LINK);
    const forConfirmation = await env.services.events.eventForConfirmation(A.municipalityId, A.onlineEventId);
    expect(forConfirmation.onlineUrl).toBe(ONLINE_LINK);
    expect((await env.services.events.eventForConfirmation(A.municipalityId, A.eventId)).onlineUrl).toBeNull();
  });

  it('keeps another municipality’s process and events and drafts out of reach', async () => {
    await expect(env.services.events.get(A.municipalityId, B.eventId)).rejects.toThrow(/not found/);
    await expect(env.services.events.eventForConfirmation(A.municipalityId, B.onlineEventId)).rejects.toThrow(/not found/);
    await expect(env.services.processes.get(A.municipalityId, B.processId)).rejects.toThrow(/not found/);
    await expect(env.services.events.publicEvent(A.municipalityId, A.draftEventId)).rejects.toThrow(/not found/);
    const listed = (await env.services.events.publicList(A.municipalityId)).map((e) => e.id);
    expect(listed).toContain(A.cancelledEventId);
    expect(listed).not.toContain(A.draftEventId);
    expect(listed).not.toContain(B.eventId);
  });

  it('counts the free places from confirmed registrations', async () => {
    expect(await env.services.events.seats(A.municipalityId, A.eventId)).toEqual({ capacity: 20, taken: 0, free: 20, full: false });
    const now = new Date().toISOString();
    for (let i = 0; i < 20; i++) {
      await env.db.kysely.insertInto('event_registrations').values({ municipality_id: A.municipalityId, event_id: A.eventId, name: `P${i}`, email: `p${i}@example.org`, state: i < 19 ? 'confirmed' : 'pending', token_hash: `h-${engine}-${i}`, created_at: now }).execute();
    }
    expect(await env.services.events.seats(A.municipalityId, A.eventId)).toEqual({ capacity: 20, taken: 19, free: 1, full: false });
    await env.db.kysely.updateTable('event_registrations').set({ state: 'confirmed' }).where('event_id', '=', A.eventId).execute();
    expect((await env.services.events.seats(A.municipalityId, A.eventId)).full).toBe(true);
  });

  it('moves phases and programme items, and a phase may link only the municipality’s own questionnaire', async () => {
    await env.services.processes.movePhase(A.municipalityId, A.phaseIds[1], 'up', by);
    expect((await env.services.processes.phases(A.municipalityId, A.processId)).map((p) => p.id)).toEqual([A.phaseIds[1], A.phaseIds[0], A.phaseIds[2], A.phaseIds[3]]);
    await env.services.processes.movePhase(A.municipalityId, A.phaseIds[1], 'down', by);
    const second = await env.services.events.addProgrammeItem(A.municipalityId, A.eventId, { starts_at: '18:15', title: 'Impuls', speaker: '' }, by);
    await env.services.events.moveProgrammeItem(A.municipalityId, second, 'up', by);
    expect((await env.services.events.get(A.municipalityId, A.eventId)).programme.map((p) => p.title)).toEqual(['Impuls', 'Begrüßung']);
    const now = new Date().toISOString();
    const insert = (mid: number, planId: number, title: string) =>
      env.db.kysely.insertInto('questionnaires').values({ municipality_id: mid, plan_id: planId, title, opens_at: null, closes_at: null, copied_from_id: null, published_at: null, closed_at: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const qB = await insert(B.municipalityId, B.planId, 'Befragung B');
    await expect(env.services.processes.addPhaseItem(A.municipalityId, A.phaseIds[1], { questionnaire_id: qB.id, title: '', url: '' }, by)).rejects.toThrow(/invalid input/);
    const qA = await insert(A.municipalityId, A.planId, 'Befragung A');
    await env.services.processes.addPhaseItem(A.municipalityId, A.phaseIds[1], { questionnaire_id: qA.id, title: '', url: '' }, by);
    const admin = await env.services.processes.timeline(A.municipalityId, A.processId, { public: false });
    expect(admin.phases[1].items.map((i) => i.questionnaire?.title ?? i.title)).toEqual(['Mehr erfahren', 'Befragung A']);
    // A questionnaire still in draft is not on the public timeline.
    const pub = await env.services.processes.timeline(A.municipalityId, A.processId, { public: true });
    expect(pub.phases[1].items.map((i) => i.questionnaire?.title ?? i.title)).toEqual(['Mehr erfahren']);
  });

  it('refuses a second process for the same plan and a working group of another municipality', async () => {
    await expect(env.services.processes.create(A.municipalityId, A.planId, { title: 'Noch einer', description: '' }, by)).rejects.toThrow(/invalid input/);
    await expect(env.services.events.create(A.municipalityId, eventInput({ group_id: B.groupId }), by)).rejects.toThrow(/invalid input/);
  });

  it('writes every change with an audit entry, and never the online link', async () => {
    const rows = await env.db.kysely.selectFrom('audit_log').selectAll().where('municipality_id', '=', A.municipalityId).where('entity_type', 'in', ['event', 'process', 'process_phase']).execute();
    expect(rows.length).toBeGreaterThan(5);
    expect(JSON.stringify(rows)).not.toContain(ONLINE_LINK);
  });
});
