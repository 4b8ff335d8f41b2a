// Test support: the real app on a real database (SQLite in memory, or PostgreSQL in a schema of its own),
// a cookie-keeping client that sends forms like a browser, and two municipalities to test tenancy with.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import type { ExchangePlan } from '../src/modules/plan/exchange.js';
import { openDb, type Db } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildServices, type Services } from '../src/services.js';
import { PG_URL, releaseSchema, schemaMigrated, takeSchema } from './schemas.js';

export type Engine = 'sqlite' | 'postgres';

export { PG_URL };

/** SQLite always; PostgreSQL when TEST_DATABASE_URL is set, and always in CI (where it must not skip). */
export const engines: Engine[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestEnv {
  engine: Engine;
  db: Db;
  config: Config;
  services: Services;
  app: ReturnType<typeof createApp>;
  now: { value: Date };
  close(): Promise<void>;
}

/**
 * The app on a fresh database. Passwords are hashed with scrypt at 2^10 instead of 2^15 (the same code, a
 * thirty-second of the work): suites sign in and create accounts thousands of times. A test about the cost
 * itself (the sign-in's timing) asks for PASSWORD_HASH_COST 15, as an env that is not NODE_ENV=test must.
 */
export async function createTestEnv(engine: Engine, overrides: Record<string, string> = {}, options: { sqliteFile?: boolean } = {}): Promise<TestEnv> {
  const cheap = (overrides.NODE_ENV ?? 'test') === 'test';
  const config = loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', PASSWORD_HASH_COST: cheap ? '10' : '15', ...overrides });
  let db: Db;
  let drop = async () => {};
  if (engine === 'postgres') {
    // A new schema, or one a closed env of this file left emptied (test/schemas.ts).
    const { schema, migrated } = await takeSchema();
    // Small pools: many test databases are open at once across parallel files, and the server allows 100 clients.
    db = openDb({ databaseUrl: PG_URL, pgSchema: `${schema},public`, poolSize: 3 });
    if (!migrated) {
      await migrate(db);
      await schemaMigrated(schema);
    }
    drop = () => releaseSchema(schema);
  } else if (options.sqliteFile) {
    // a file, as the app has it (what needs a file: the response writer's own thread and connection)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-test-'));
    db = openDb({ sqliteFile: path.join(dir, 'teilhabe.sqlite') });
    await migrate(db);
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    db = openDb({ sqliteFile: ':memory:' });
    await migrate(db);
  }
  const now = { value: new Date('2026-03-01T10:00:00Z') };
  const clock = () => new Date(now.value);
  const services = buildServices(db, config, clock);
  const app = createApp({ config, db, clock, services });
  let closed = false;
  return {
    engine, db, config, services, app, now,
    async close() {
      if (closed) return;
      closed = true;
      await services.questionnaires.writer.close();
      await db.close();
      await drop();
    },
  };
}

/** A browser-like client: keeps cookies, finds the CSRF token, posts url-encoded forms, never follows redirects. */
export class Client {
  cookies = new Map<string, string>();
  private token: string | null = null;
  constructor(private readonly env: TestEnv) {}

  private store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private headers(extra: Record<string, string> = {}) {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { ...(cookie ? { cookie } : {}), ...extra };
  }

  async get(path: string): Promise<{ status: number; body: string; location: string | null; res: Response }> {
    const res = await this.env.app.request(path, { headers: this.headers() });
    this.store(res);
    const body = await res.text();
    const m = body.match(/name="_csrf" value="([^"]+)"/);
    if (m) this.token = m[1];
    return { status: res.status, body, location: res.headers.get('location'), res };
  }

  csrf(): string {
    return this.token ?? decodeURIComponent(this.cookies.get('teilhabe_csrf') ?? '');
  }

  async post(path: string, form: Record<string, string | string[]> = {}, options: { csrf?: string | null } = {}) {
    // a page with a form hands out the CSRF token (a page without one sets no cookie)
    if (!this.token && !this.cookies.has('teilhabe_csrf')) await this.get('/anmelden');
    const body = new URLSearchParams();
    const csrf = options.csrf === undefined ? this.csrf() : options.csrf;
    if (csrf !== null) body.append('_csrf', csrf);
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    const res = await this.env.app.request(path, {
      method: 'POST',
      body: body.toString(),
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }),
    });
    this.store(res);
    const text = await res.text();
    const m = text.match(/name="_csrf" value="([^"]+)"/);
    if (m) this.token = m[1];
    return { status: res.status, body: text, location: res.headers.get('location'), res };
  }

  /** A multipart form with files, as a browser sends an upload. */
  async upload(path: string, fields: Record<string, string>, files: Record<string, { name: string; content: Buffer | string; type?: string }>) {
    // a page with a form hands out the CSRF token (a page without one sets no cookie)
    if (!this.token && !this.cookies.has('teilhabe_csrf')) await this.get('/anmelden');
    const form = new FormData();
    form.append('_csrf', this.csrf());
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const [k, f] of Object.entries(files)) form.append(k, new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], { type: f.type ?? 'application/octet-stream' }), f.name);
    const res = await this.env.app.request(path, { method: 'POST', body: form, headers: this.headers() });
    this.store(res);
    const text = await res.text();
    return { status: res.status, body: text, location: res.headers.get('location'), res };
  }

  async getBytes(path: string) {
    const res = await this.env.app.request(path, { headers: this.headers() });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
  }

  async signIn(email: string, password: string) {
    await this.get('/anmelden');
    const res = await this.post('/anmelden', { email, password });
    if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
    this.token = null;
    await this.get('/');
    return res;
  }
}

export const PASSWORD = 'richtig-geheim-2026';

const plan = (town: string, word: string): ExchangePlan => ({
  plan: { title: `Integrationsplan ${town}` },
  fields: [
    {
      title: `Sprache in ${town}`,
      visions: [`Alle sprechen miteinander in ${town}`],
      goals: [
        {
          text: `Mehr Sprachkursangebote für Geflüchtete in ${town}`,
          measures: [
            { number: '1', text: `Sprachkursangebote ${word} ausbauen`, actors: [{ name: `VHS ${town}`, role: 'lead', parent: null }, { name: `Jobcenter ${town}`, role: 'partner', parent: null }],
              status: { category: 'ongoing', label: 'Wird fortgesetzt', date: null }, notes: [{ text: `Kurs ${word} durchgeführt`, date: '2023' }], targetGroups: ['Frauen'] },
            { number: '2', text: `Sprachcafé ${word} für Geflüchteten-Familien`, actors: [{ name: `Kontaktstelle für Integration ${town}`, role: 'lead', parent: `Amt für soziale Dienste ${town}` }],
              status: { category: 'planned', label: 'In Planung ab 2027', date: '2027' }, notes: [] },
          ],
        },
      ],
      furtherMeasures: [
        { number: null, text: `Weitere Idee ${word}`, actors: [], status: { category: 'unknown', label: '', date: null }, notes: [] },
      ],
    },
  ],
});

export interface Side {
  slug: string;
  municipalityId: number;
  adminEmail: string;
  editorEmail: string;
  planId: number;
  draftPlanId: number;
  fieldId: number;
  visionId: number;
  guidingGoalId: number;
  goalId: number;
  measureId: number;
  draftMeasureId: number;
  actorId: number;
  wordingId: number;
  secretWord: string;
}

async function side(env: TestEnv, slug: string, town: string, word: string): Promise<Side> {
  const s = env.services;
  const system = { userId: null, name: 'Test' };
  const { municipality } = await s.municipalities.create(
    { slug, name: town, office_name: `Kontaktstelle ${town}`, contact_person: '', contact_email: `integration@${slug}.example`, contact_phone: '', contact_address: '', admin_email: `admin@${slug}.example`, admin_name: `Admin ${town}` },
    system,
  );
  const admin = await s.auth.findUserByEmail(`admin@${slug}.example`);
  await s.auth.setPassword(admin!.id, PASSWORD);
  const editor = await s.auth.createUser({ email: `editor@${slug}.example`, name: `Redaktion ${town}`, password: PASSWORD });
  await s.auth.addMembership(municipality.id, editor, 'editor');
  await s.wordings.seedDefaults(municipality.id);
  const planId = await s.importPlan(municipality.id, plan(town, word), system, { state: 'published' });
  const draft = plan(town, `${word}ENTWURF`);
  draft.plan.title = `Geheimer Entwurf ${town} ${word}`;
  const draftPlanId = await s.importPlan(municipality.id, draft, system, { state: 'draft' });
  const tree = await s.plans.tree(municipality.id, planId);
  const draftTree = await s.plans.tree(municipality.id, draftPlanId);
  const guidingGoalId = await s.plans.createGuidingGoal(municipality.id, planId, { text: `Leitziel ${word}`, target_year: 2030 }, system);
  const actors = await s.actors.list(municipality.id);
  const wordings = await s.wordings.list(municipality.id);
  return {
    slug, municipalityId: municipality.id, adminEmail: `admin@${slug}.example`, editorEmail: `editor@${slug}.example`,
    planId, draftPlanId, fieldId: tree.fields[0].id, visionId: tree.fields[0].visions[0].id, guidingGoalId,
    goalId: tree.fields[0].goals[0].id, measureId: tree.fields[0].goals[0].measures[0].id,
    draftMeasureId: draftTree.fields[0].goals[0].measures[0].id, actorId: actors.find((a) => a.name.startsWith('VHS'))!.id,
    wordingId: wordings[0].id, secretWord: word,
  };
}

export interface Fixture {
  A: Side;
  B: Side;
}

/** Two municipalities with a published and a draft plan each; B's texts carry a word A must never see. */
export async function seedTwoMunicipalities(env: TestEnv): Promise<Fixture> {
  return { A: await side(env, 'amstadt', 'Amstadt', 'Apfel'), B: await side(env, 'bedorf', 'Bedorf', 'Birnenkompott') };
}

/**
 * Makes every insert into `table` fail in the database itself (a trigger), as a full disk or a broken
 * constraint would; returns the function that removes the trigger again.
 */
export async function failInsertsInto(env: TestEnv, table: string): Promise<() => Promise<void>> {
  const name = `fail_${table}`;
  if (env.engine === 'sqlite') {
    await sql.raw(`create trigger ${name} before insert on ${table} begin select raise(abort, 'insert into ${table} failed'); end`).execute(env.db.kysely);
    return async () => void (await sql.raw(`drop trigger ${name}`).execute(env.db.kysely));
  }
  await sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $$ begin raise exception 'insert into ${table} failed'; end $$`).execute(env.db.kysely);
  await sql.raw(`create trigger ${name} before insert on ${table} for each row execute function ${name}()`).execute(env.db.kysely);
  return async () => void (await sql.raw(`drop trigger ${name} on ${table}`).execute(env.db.kysely));
}
