// On PostgreSQL every app process keeps the municipalities' content versions in memory while it listens for the
// database's notification (LISTEN teilhabe_content, migration 029): a kept public page is answered without a
// query, a write in another process makes the next page fresh as soon as the notification arrives, and a lost
// listening connection makes the process read the database again until it listens once more. A kept version is
// read again after its time even when no notification came, and the listening connection can go elsewhere than
// the pool (DATABASE_LISTEN_URL: PostgreSQL itself, when the pool goes through a PgBouncer in transaction mode).
import net from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openDb, type Db } from '../src/platform/db/db.js';
import { buildServices } from '../src/services.js';
import { createTestEnv, PG_URL, seedTwoMunicipalities, type Fixture, type TestEnv } from './support.js';

if (process.env.CI === 'true' && !PG_URL) throw new Error('CI needs PostgreSQL (TEST_DATABASE_URL) for the content versions across processes');

describe.skipIf(!PG_URL)('content versions across processes on PostgreSQL', () => {
  let env: TestEnv;
  let f: Fixture;
  let other: { db: Db; app: ReturnType<typeof createApp>; services: ReturnType<typeof buildServices>; queries: string[] };

  beforeEach(async () => {
    env = await createTestEnv('postgres');
    f = await seedTwoMunicipalities(env);
    // a second process: its own pool on the same schema, its own app, every statement it sends counted
    const queries: string[] = [];
    const db = openDb({ databaseUrl: PG_URL, pgSchema: `${env.db.schema},public`, poolSize: 2, onQuery: (q) => queries.push(q) });
    const services = buildServices(db, env.config, () => new Date(env.now.value));
    other = { db, app: createApp({ config: env.config, db, clock: () => new Date(env.now.value), services }), services, queries };
  });
  afterEach(async () => {
    await other.services.questionnaires.writer.close();
    await other.db.close();
    await env.close();
  });

  /** The other process's page, once it listens (its first lookups read the database). */
  const page = () => `/${f.A.slug}/massnahmen/${f.A.measureId}`;
  const read = async () => (await other.app.request(page())).text();
  const listening = () => sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = ${`teilhabe listen ${env.db.schema}`}`.execute(env.db.kysely).then((r) => r.rows[0]!.n);

  it('answers a kept page without a query, and a write in another process makes the next page fresh', async () => {
    expect(await read()).toContain('Sprachkursangebote');
    await expect.poll(listening).toBe(1);
    // the version is read once more now that the process listens, then kept: the page costs no statement
    await read();
    other.queries.length = 0;
    for (let i = 0; i < 5; i++) expect(await read()).toContain('Sprachkursangebote');
    expect(other.queries).toEqual([]);

    await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Abgeschlossen', status_category: null, note: '' }, { userId: null, name: 'Test' });
    await expect.poll(read).toContain('Abgeschlossen');
    // a change of the row behind the app's back (another version of the app, a script) is heard as well
    await sql`update measures set text = ${'Heimlich geändert'} where id = ${f.A.measureId}`.execute(env.db.kysely);
    await sql`update municipalities set content_version = content_version + 1 where id = ${f.A.municipalityId}`.execute(env.db.kysely);
    await expect.poll(read).toContain('Heimlich geändert');
    // another municipality's change forgets only that one's version
    await read();
    other.queries.length = 0;
    await sql`update municipalities set content_version = content_version + 1 where id = ${f.B.municipalityId}`.execute(env.db.kysely);
    await new Promise((resolve) => setImmediate(resolve));
    await read();
    expect(other.queries.filter((q) => q.includes('"municipalities"'))).toEqual([]);
  });

  it('a write in the same process is seen by its next page at once', async () => {
    await read();
    await expect.poll(listening).toBe(1);
    await read();
    await other.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Abgeschlossen', status_category: null, note: '' }, { userId: null, name: 'Test' });
    expect(await read()).toContain('Abgeschlossen');
  });

  it('a lost listening connection: the database is read for every page until the process listens again', async () => {
    await read();
    await expect.poll(listening).toBe(1);
    await read();
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [`teilhabe listen ${env.db.schema}`]);
    } finally {
      await admin.end();
    }
    await expect.poll(listening).toBe(0);
    // while nobody listens, a change is not announced to this process, and still seen: the version is read
    await sql`update measures set text = ${'Ohne Zuhörer geändert'} where id = ${f.A.measureId}`.execute(env.db.kysely);
    await sql`update municipalities set content_version = content_version + 1 where id = ${f.A.municipalityId}`.execute(env.db.kysely);
    await expect.poll(read, { timeout: 500 }).toContain('Ohne Zuhörer geändert');
    // it listens again (after a second) and keeps versions again
    await expect.poll(listening, { timeout: 5000 }).toBe(1);
    await read();
    other.queries.length = 0;
    expect(await read()).toContain('Ohne Zuhörer geändert');
    expect(other.queries).toEqual([]);
  });

  it('a version kept longer than its time is read again, also when no notification came', async () => {
    await read();
    await expect.poll(listening).toBe(1);
    await read();
    // a change nobody announces (the trigger off, as if the notification were lost on the way)
    await sql`alter table municipalities disable trigger municipalities_content_changed`.execute(env.db.kysely);
    try {
      await sql`update measures set text = ${'Unangekündigt geändert'} where id = ${f.A.measureId}`.execute(env.db.kysely);
      await sql`update municipalities set content_version = content_version + 1 where id = ${f.A.municipalityId}`.execute(env.db.kysely);
    } finally {
      await sql`alter table municipalities enable trigger municipalities_content_changed`.execute(env.db.kysely);
    }
    // within its time the kept version stands: the page as before, no statement
    other.queries.length = 0;
    env.now.value = new Date(env.now.value.getTime() + env.config.contentVersionTtlMs - 1000);
    expect(await read()).not.toContain('Unangekündigt geändert');
    expect(other.queries).toEqual([]);
    // after it, the version is read again and the page is fresh
    env.now.value = new Date(env.now.value.getTime() + 2000);
    expect(await read()).toContain('Unangekündigt geändert');
  });
});

describe.skipIf(!PG_URL)('the listening connection at its own address (DATABASE_LISTEN_URL)', () => {
  it('listens through the listen address while the pool uses the database address', async () => {
    const env = await createTestEnv('postgres');
    // a relay on loopback in front of PostgreSQL: only what is sent to the listen address passes it
    const target = new URL(PG_URL!);
    const relayed: string[] = [];
    const relay = net.createServer((client) => {
      relayed.push('connection');
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      client.pipe(upstream).pipe(client);
      const close = () => { client.destroy(); upstream.destroy(); };
      client.on('error', close);
      upstream.on('error', close);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const listenUrl = new URL(PG_URL!);
    listenUrl.hostname = '127.0.0.1';
    listenUrl.port = String((relay.address() as net.AddressInfo).port);
    const db = openDb({ databaseUrl: PG_URL, listenUrl: listenUrl.toString(), pgSchema: `${env.db.schema},public`, poolSize: 2 });
    try {
      const f = await seedTwoMunicipalities(env);
      const services = buildServices(db, env.config, () => new Date(env.now.value));
      const app = createApp({ config: env.config, db, clock: () => new Date(env.now.value), services });
      const url = `/${f.A.slug}/massnahmen/${f.A.measureId}`;
      expect(await (await app.request(url)).text()).toContain('Sprachkursangebote');
      await expect.poll(() => sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where application_name = ${`teilhabe listen ${env.db.schema}`}`.execute(env.db.kysely).then((r) => r.rows[0]!.n)).toBe(1);
      // one connection through the relay: the listener's; the pool's queries went straight to the database
      expect(relayed).toEqual(['connection']);
      await env.services.plans.changeStatus(f.A.municipalityId, f.A.measureId, { status_label: 'Abgeschlossen', status_category: null, note: '' }, { userId: null, name: 'Test' });
      await expect.poll(async () => (await app.request(url)).text()).toContain('Abgeschlossen');
      await services.questionnaires.writer.close();
    } finally {
      await db.close();
      relay.close();
      await env.close();
    }
  });
});
