// The jobs table on both engines: due jobs run once, failures retry with backoff and fail for good after the
// last attempt, a job claimed by a worker that crashed is run again once its lease has passed, two workers
// never run one job twice, and a job queued in a rolled-back transaction never exists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, engines, type TestEnv } from '../../../test/support.js';
import { backoffSeconds, JobQueue, PermanentJobError } from './jobs.js';

const at = (iso: string) => new Date(iso);
const T0 = '2026-03-01T10:00:00.000Z';

describe.each(engines)('jobs on %s', (engine) => {
  let env: TestEnv;
  let clock: { value: Date };
  const queue = (options: ConstructorParameters<typeof JobQueue>[2] = {}) => new JobQueue(env.db.kysely, () => new Date(clock.value), { log: () => undefined, ...options });
  const row = (id: number) => env.db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeEach(async () => {
    env = await createTestEnv(engine);
    clock = { value: at(T0) };
  });
  afterEach(() => env.close());

  it('runs a due job once, with its payload and municipality, and leaves future jobs alone', async () => {
    const q = queue();
    const seen: unknown[] = [];
    q.register('test.echo', async (job) => {
      seen.push({ payload: job.payload, municipalityId: job.municipalityId, attempt: job.attempt });
    });
    const due = await q.enqueue(env.db.kysely, { kind: 'test.echo', municipalityId: null, payload: { n: 1 } });
    const later = await q.enqueue(env.db.kysely, { kind: 'test.echo', municipalityId: null, payload: { n: 2 }, runAt: at('2026-03-02T10:00:00Z') });
    expect(await q.runDueJobs(at(T0))).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(seen).toEqual([{ payload: { n: 1 }, municipalityId: null, attempt: 1 }]);
    expect((await row(due)).state).toBe('done');
    expect((await row(later)).state).toBe('queued');
    expect(await q.runDueJobs(at(T0))).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(await q.runDueJobs(at('2026-03-02T10:00:00Z'))).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(seen).toHaveLength(2);
  });

  it('fails a job at once on a failure another try cannot mend, and lists a municipality’s jobs of a kind newest first', async () => {
    const q = queue();
    let calls = 0;
    q.register('test.refused', async () => {
      calls++;
      throw new PermanentJobError('key refused');
    }, { maxAttempts: 5 });
    const id = await q.enqueue(env.db.kysely, { kind: 'test.refused', municipalityId: null, payload: { lang: 'ar' } });
    expect(await q.runDueJobs(at(T0))).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(await q.runDueJobs(at('2026-03-02T10:00:00Z'))).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(calls).toBe(1);
    expect(await row(id)).toMatchObject({ state: 'failed', attempts: 1, last_error: 'key refused' });
    expect(await q.recent(0, 'test.refused')).toEqual([]);
  });

  it('queues a recurring job once per municipality while one is waiting, and again once it ran', async () => {
    const q = queue();
    q.register('test.daily', async () => undefined);
    const [m1, m2] = await Promise.all(['eins', 'zwei'].map(async (slug) => (await env.db.kysely.insertInto('municipalities').values({ slug, name: slug, office_name: '', contact_person: '', contact_email: '', contact_phone: '', contact_address: '', is_demo: 0, created_at: T0 }).returning('id').executeTakeFirstOrThrow()).id));
    const first = await q.enqueueOnce(env.db.kysely, { kind: 'test.daily', municipalityId: m1, runAt: at('2026-03-02T06:00:00Z') });
    expect(first).not.toBeNull();
    expect(await q.enqueueOnce(env.db.kysely, { kind: 'test.daily', municipalityId: m1, runAt: at('2026-03-02T06:00:00Z') })).toBeNull();
    expect(await q.enqueueOnce(env.db.kysely, { kind: 'test.daily', municipalityId: m2 })).not.toBeNull();
    expect(await q.enqueueOnce(env.db.kysely, { kind: 'test.daily', municipalityId: null })).not.toBeNull();
    expect(await q.enqueueOnce(env.db.kysely, { kind: 'test.daily', municipalityId: null })).toBeNull();
    await q.runDueJobs(at('2026-03-02T06:00:00Z'));
    expect((await row(first!)).state).toBe('done');
    expect(await q.enqueueOnce(env.db.kysely, { kind: 'test.daily', municipalityId: m1 })).not.toBeNull();
  });

  it('retries a failing job with backoff and marks it failed after the last attempt', async () => {
    const q = queue();
    let calls = 0;
    q.register('test.flaky', async () => {
      calls++;
      throw new Error(`Fehler ${calls}`);
    }, { maxAttempts: 3 });
    const id = await q.enqueue(env.db.kysely, { kind: 'test.flaky', municipalityId: null });

    expect(await q.runDueJobs(at(T0))).toEqual({ done: 0, retried: 1, failed: 0 });
    let r = await row(id);
    expect(r).toMatchObject({ state: 'queued', attempts: 1, last_error: 'Fehler 1', locked_until: null });
    expect(r.run_at).toBe(new Date(Date.parse(T0) + backoffSeconds(1) * 1000).toISOString());

    // Not yet due: nothing happens before the backoff has passed.
    expect(await q.runDueJobs(new Date(Date.parse(r.run_at) - 1000))).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(calls).toBe(1);

    expect(await q.runDueJobs(at(r.run_at))).toEqual({ done: 0, retried: 1, failed: 0 });
    r = await row(id);
    expect(r).toMatchObject({ state: 'queued', attempts: 2, last_error: 'Fehler 2' });
    expect(Date.parse(r.run_at) - Date.parse(T0)).toBeGreaterThan(backoffSeconds(1) * 1000);

    expect(await q.runDueJobs(at('2026-03-02T00:00:00Z'))).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(await row(id)).toMatchObject({ state: 'failed', attempts: 3, last_error: 'Fehler 3' });
    expect(await q.runDueJobs(at('2026-03-09T00:00:00Z'))).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(calls).toBe(3);
  });

  it('a job that succeeds on its second try is done', async () => {
    const q = queue();
    let calls = 0;
    q.register('test.second', async () => {
      if (++calls === 1) throw new Error('SMTP 451');
    });
    const id = await q.enqueue(env.db.kysely, { kind: 'test.second', municipalityId: null });
    await q.runDueJobs(at(T0));
    expect(await q.runDueJobs(at('2026-03-01T11:00:00Z'))).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ state: 'done', attempts: 2, last_error: 'SMTP 451' });
  });

  it('survives a restart: a job claimed by a crashed worker runs again after its lease, in a new worker', async () => {
    const crashed = queue({ leaseSeconds: 300 });
    crashed.register('test.work', async () => undefined);
    const id = await crashed.enqueue(env.db.kysely, { kind: 'test.work', municipalityId: null, payload: { what: 'mail' } });
    // The first worker claims the job and dies before finishing it.
    const claimed = await crashed.claim(at(T0));
    expect(claimed).toMatchObject({ id, kind: 'test.work', attempts: 1 });
    expect(await row(id)).toMatchObject({ state: 'running', locked_until: '2026-03-01T10:05:00.000Z' });

    // A new process starts. While the lease holds, the job is not taken twice.
    const restarted = queue();
    const runs: unknown[] = [];
    restarted.register('test.work', async (job) => {
      runs.push(job.payload);
    });
    expect(await restarted.runDueJobs(at('2026-03-01T10:04:59Z'))).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(runs).toEqual([]);
    // After the lease the new worker runs it.
    expect(await restarted.runDueJobs(at('2026-03-01T10:05:00Z'))).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(runs).toEqual([{ what: 'mail' }]);
    expect(await row(id)).toMatchObject({ state: 'done', attempts: 2, locked_until: null });
  });

  it('a job that crashed its worker on every attempt is given up, not run forever', async () => {
    const q = queue({ leaseSeconds: 60 });
    let runs = 0;
    q.register('test.poison', async () => {
      runs++;
    }, { maxAttempts: 2 });
    const id = await q.enqueue(env.db.kysely, { kind: 'test.poison', municipalityId: null });
    await q.claim(at(T0));
    await q.claim(at('2026-03-01T10:01:00Z'));
    expect(await q.runDueJobs(at('2026-03-01T10:02:00Z'))).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(runs).toBe(0);
    expect(await row(id)).toMatchObject({ state: 'failed', attempts: 3 });
  });

  it('two workers at once run every job exactly once', async () => {
    const ran: number[] = [];
    const make = () => {
      const q = queue();
      q.register('test.count', async (job) => {
        ran.push((job.payload as { n: number }).n);
        await new Promise((r) => setTimeout(r, 1));
      });
      return q;
    };
    const [a, b] = [make(), make()];
    for (let n = 0; n < 30; n++) await a.enqueue(env.db.kysely, { kind: 'test.count', municipalityId: null, payload: { n } });
    const [ra, rb] = await Promise.all([a.runDueJobs(at(T0)), b.runDueJobs(at(T0))]);
    expect(ra.done + rb.done).toBe(30);
    expect([...ran].sort((x, y) => x - y)).toEqual([...Array(30).keys()]);
  });

  it('claims only kinds it knows, and a job queued in a rolled-back transaction does not exist', async () => {
    const q = queue();
    q.register('test.known', async () => undefined);
    const other = await q.enqueue(env.db.kysely, { kind: 'other.module', municipalityId: null });
    await expect(
      env.db.kysely.transaction().execute(async (trx) => {
        await q.enqueue(trx, { kind: 'test.known', municipalityId: null });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await q.runDueJobs(at(T0))).toEqual({ done: 0, retried: 0, failed: 0 });
    expect((await row(other)).state).toBe('queued');
    const count = await env.db.kysely.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('the polling loop runs due jobs and stops cleanly', async () => {
    const q = queue();
    let done!: () => void;
    const ran = new Promise<void>((resolve) => (done = resolve));
    q.register('test.loop', async () => done());
    await q.enqueue(env.db.kysely, { kind: 'test.loop', municipalityId: null });
    const stop = q.start(60_000);
    await ran;
    await stop();
    const r = await env.db.kysely.selectFrom('jobs').select('state').executeTakeFirstOrThrow();
    expect(r.state).toBe('done');
  });
});
