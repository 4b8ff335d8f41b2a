// Tenant growth on PostgreSQL: one database grows from 1 to 100 to 2,000 municipalities, each with a published
// 200-measure plan (the import's write path, as a town would load it) and a closed questionnaire with public
// results; 500 responses per municipality (1,000,000 at 2,000), written in bulk. After each step the pages of
// the first municipality are measured over HTTP with the real server on one core and its page cache off (every
// page made from the database, the case that could grow with the tables): p50 and p99 at one connection.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { openDb } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildServices, type Services } from '../src/services.js';
import { generateCatalogue } from './catalogue.js';
import { PG_URL, pinServer, wrk, type Page, type Run } from './http.js';
import { startServerProcess } from './server-process.js';

const MEASURES = 200;
const RESPONSES_PER_TENANT = 500;
export const TIERS = (process.env.BENCH_TIERS ?? '1,100,2000').split(',').map(Number);
/** Seconds per page and step: longer than the HTTP bench's runs, as the p99 is compared across steps (a 3-s run's p99 is a handful of requests). */
const SECONDS = Number(process.env.BENCH_GROWTH_SECONDS ?? 10);
/**
 * Runs per page and step, taken in turn (every page once, then every page again …): a step's figure for a page is
 * its median run, so that one run disturbed by other work (a checkpoint, autovacuum, a neighbour on the machine)
 * does not make the p99 look as if it grew with the tenants.
 */
const ROUNDS = Number(process.env.BENCH_GROWTH_ROUNDS ?? 3);

/** The median of runs by p99, with that run's p50 beside it. */
function medianRun(runs: Run[]): Run {
  const sorted = [...runs].sort((a, b) => a.p99 - b.p99);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
const by = { userId: null, name: 'Benchmark' };

export interface GrowthStep {
  tenants: number;
  measures: number;
  responses: number;
  /** Seconds the step's new municipalities took to create (import included) and their responses to write. */
  seedSeconds: number;
  databaseMb: number;
  pages: Array<{ page: string; run: Run }>;
}

async function createTenant(s: Services, i: number, text: string): Promise<void> {
  const { municipality } = await s.municipalities.create(
    { slug: `kommune-${i}`, name: `Kommune ${i}`, office_name: '', contact_person: '', contact_email: '', contact_phone: '', contact_address: '', admin_email: `admin@kommune-${i}.example`, admin_name: 'Bench' },
    by,
  );
  await s.wordings.seedDefaults(municipality.id);
  const parsed = await s.imports.parse(municipality.id, 'bench.txt', Buffer.from(text), {}, ((k: string) => k) as never);
  if (!parsed.ok) throw new Error(`parse failed: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  await s.importPlan(municipality.id, parsed.plan, by, { state: 'published' });
  const plan = (await s.plans.findCurrentPublishedPlan(municipality.id))!;
  await s.questionnaires.createFromSpec(municipality.id, plan.id, {
    title: 'Befragung 2026', state: 'closed', resultsPublic: true,
    sections: [{ title: 'Sprache', questions: [{ type: 'single', text: 'Haben Sie einen Deutschkurs besucht?', options: ['Ja', 'Nein, noch nicht', 'Nein, ich brauche keinen'] }] }],
  }, by);
}

/** 500 responses with one answer each for every questionnaire that has none yet: in bulk, as SQL. */
async function writeResponses(db: ReturnType<typeof openDb>): Promise<void> {
  await sql`insert into questionnaire_responses (municipality_id, questionnaire_id, submitted_on, source, lang, submission_key, privacy_version)
    select q.municipality_id, q.id, '2026-05-04', 'online', 'de', 'bench-' || q.id || '-' || g, null
    from questionnaires q cross join generate_series(1, ${RESPONSES_PER_TENANT}) g
    where not exists (select 1 from questionnaire_responses r where r.questionnaire_id = q.id)`.execute(db.kysely);
  await sql`insert into questionnaire_answers (municipality_id, response_id, question_id, option_id)
    select r.municipality_id, r.id, qq.id, (select o.id from questionnaire_options o where o.question_id = qq.id order by o.position offset (r.id % 3) limit 1)
    from questionnaire_responses r join questionnaire_questions qq on qq.questionnaire_id = r.questionnaire_id
    where not exists (select 1 from questionnaire_answers a where a.response_id = r.id)`.execute(db.kysely);
  await sql`analyze`.execute(db.kysely);
}

async function pagesOfFirst(s: Services): Promise<Page[]> {
  const m = (await s.municipalities.findBySlug('kommune-1'))!;
  const plan = (await s.plans.findCurrentPublishedPlan(m.id))!;
  const tree = await s.plans.tree(m.id, plan.id);
  const field = tree.fields[Math.floor(tree.fields.length / 2)];
  const [questionnaire] = await s.questionnaires.list(m.id, { states: ['closed'] });
  return [
    { name: 'start', url: '/kommune-1' },
    { name: 'field', url: `/kommune-1/handlungsfelder/${field.id}` },
    { name: 'measure', url: `/kommune-1/massnahmen/${field.goals[0].measures[0].id}` },
    { name: 'catalogue (200)', url: '/kommune-1/katalog' },
    { name: 'search', url: '/kommune-1/suche?q=Sprachkurs' },
    { name: 'dashboard', url: '/kommune-1/umsetzung' },
    { name: 'questionnaire results', url: `/kommune-1/befragungen/${questionnaire.id}/ergebnisse` },
    { name: 'API: measures', url: '/api/v1/kommune-1/measures?limit=50' },
  ];
}

export async function measureGrowth(dir: string, log: (line: string) => void = console.log): Promise<GrowthStep[]> {
  const schema = `bench_growth_${Date.now()}`;
  const probe = new pg.Client({ connectionString: PG_URL });
  await probe.connect();
  await probe.query('create extension if not exists pg_trgm schema public');
  await probe.query(`create schema ${schema}`);
  const db = openDb({ databaseUrl: PG_URL, pgSchema: `${schema},public`, poolSize: 8 });
  const steps: GrowthStep[] = [];
  try {
    await migrate(db);
    // seeding only: the admins' passwords hashed cheaply (NODE_ENV=test allows it); the server runs as in production
    const s = buildServices(db, loadConfig({ NODE_ENV: 'test', DEMO_DATA: 'false', PASSWORD_HASH_COST: '10' }), systemClock);
    const text = generateCatalogue(MEASURES);
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema},public`);
    let made = 0;
    for (const tier of TIERS) {
      const t0 = performance.now();
      // four at a time: the server's two cores are busy, the pool has room
      let next = made + 1;
      await Promise.all(Array.from({ length: 4 }, async () => {
        while (next <= tier) {
          const i = next++;
          await createTenant(s, i, text);
          if (i % 100 === 0) log(`growth: ${i} municipalities`);
        }
      }));
      made = tier;
      await writeResponses(db);
      const seedSeconds = (performance.now() - t0) / 1000;
      const counts = (await sql<{ measures: number; responses: number; bytes: number }>`select (select count(*) from measures)::int as measures, (select count(*) from questionnaire_responses)::int as responses, (select coalesce(sum(pg_total_relation_size(c.oid)), 0) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r')::bigint as bytes`.execute(db.kysely)).rows[0];
      const server = await startServerProcess({ dataDir: path.join(dir, 'growth'), databaseUrl: url.toString(), env: { PAGE_CACHE_MB: '0' } });
      pinServer(server.child.pid);
      const pages: GrowthStep['pages'] = [];
      try {
        const measured = await pagesOfFirst(s);
        const runs = measured.map(() => [] as Run[]);
        for (const page of measured) wrk(server.base + page.url, 1, 1);
        for (let round = 0; round < ROUNDS; round++) measured.forEach((page, i) => runs[i].push(wrk(server.base + page.url, 1, SECONDS)));
        measured.forEach((page, i) => pages.push({ page: page.name, run: medianRun(runs[i]) }));
      } finally {
        await server.stop();
      }
      const step = { tenants: tier, measures: Number(counts.measures), responses: Number(counts.responses), seedSeconds, databaseMb: Number(counts.bytes) / 2 ** 20, pages };
      steps.push(step);
      log(`growth: ${tier} municipalities, ${step.measures} measures, ${step.responses} responses, ${step.databaseMb.toFixed(0)} MB; ${pages.map((p) => `${p.page} p50 ${p.run.p50.toFixed(2)} p99 ${p.run.p99.toFixed(2)}`).join('; ')}`);
    }
    await s.questionnaires.writer.close();
  } finally {
    await db.close();
    await probe.query(`drop schema ${schema} cascade`);
    await probe.end();
    fs.rmSync(path.join(dir, 'growth'), { recursive: true, force: true });
  }
  return steps;
}

const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

export function growthSection(steps: GrowthStep[]): string {
  if (!steps.length) return '';
  const first = steps[0];
  const last = steps[steps.length - 1];
  const rows = first.pages.map((p, i) => {
    const cells = steps.map((s) => `${f2(s.pages[i].run.p50)} · ${f2(s.pages[i].run.p99)}`);
    const change = (100 * (last.pages[i].run.p99 - p.run.p99)) / p.run.p99;
    return `| ${p.page} | ${cells.join(' | ')} | ${change >= 0 ? '+' : ''}${change.toFixed(0)} % |`;
  });
  return `## Growth: one PostgreSQL database, 1 to ${last.tenants.toLocaleString('en-US')} municipalities

Measured by \`npm run bench\` (bench/growth.ts) on ${new Date().toISOString().slice(0, 10)}. Each municipality has a published
${MEASURES}-measure plan (loaded through the import, as a town would) and a closed questionnaire with public results
and ${RESPONSES_PER_TENANT} responses (written in bulk). After each step the real server (one process, pinned to one core, page cache
off: every page made from the database) answers the first municipality's pages, one connection, wrk for
${SECONDS} s per page (after a 1-s warm-up), ${ROUNDS} times in turn; p50 · p99 in ms of each page's median run (by p99).

| tenants | measures | responses | tables and indexes | seeding the step |
|---:|---:|---:|---:|---:|
${steps.map((s) => `| ${s.tenants.toLocaleString('en-US')} | ${s.measures.toLocaleString('en-US')} | ${s.responses.toLocaleString('en-US')} | ${s.databaseMb.toFixed(0)} MB | ${s.seedSeconds.toFixed(0)} s |`).join('\n')}

| page | ${steps.map((s) => `${s.tenants.toLocaleString('en-US')} tenants`).join(' | ')} | p99 change |
|---|${steps.map(() => '---:|').join('')}---:|
${rows.join('\n')}
`;
}
