// Public pages over HTTP, side by side with nginx serving the same bytes: the real server (src/main.ts) in a
// process of its own on one core, nginx (one worker) on the same core, and wrk on the other core. Each page is
// fetched once from the app as a browser asks for it (gzip accepted); nginx then serves exactly those bytes from
// disk (gzip_static), so the two differ only in what makes the bytes. Datasets: the demo municipality and a
// municipality with a 500-measure plan; engines: SQLite and PostgreSQL. "Warm" is the app as it runs (its page
// cache on); "cold" the app with its page cache off, every page made from the database.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { seedDemo } from '../src/modules/demo/index.js';
import { planReport, renderReport } from '../src/modules/editions/report.service.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { openDb, type Db } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildServices, type Services } from '../src/services.js';
import { generateCatalogue } from './catalogue.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Seconds per wrk run. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
export const CONNECTIONS = [1, 10, 50];
const LARGE_ROWS = 500;
const bench = { userId: null, name: 'Benchmark' };

export interface Page {
  name: string;
  url: string;
}

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx/3xx (must be none). */
  bad: number;
}

export interface PageRow {
  dataset: string;
  engine: string;
  page: string;
  /** Bytes of the gzip body on the wire (what nginx serves as well). */
  bytes: number;
  /** The page with its stylesheet and scripts (not fonts), compressed as served. */
  weight: number;
  warm: Record<number, { app: Run; nginx: Run }>;
  cold: Run;
}

// ---- tools on the machine --------------------------------------------------------------------------------------

function has(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0 || fs.existsSync(`/usr/sbin/${program}`);
}

/** wrk and nginx from Debian's packages when missing (the bench machine is a Debian like CI's). */
export function ensureTools(): void {
  const missing = [['wrk', 'wrk'], ['nginx', 'nginx']].filter(([bin]) => !has(bin)).map(([, pkg]) => pkg);
  if (!missing.length) return;
  console.log(`installing ${missing.join(', ')} (apt-get)`);
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

const CPUS = os.cpus().length;
/** The server's core and the load generator's: apart where the machine has two. */
const SERVER_CPU = CPUS > 1 ? '1' : '0';
const CLIENT_CPU = '0';

function pin(pid: number | undefined, cpu: string): void {
  if (pid && has('taskset')) spawnSync('taskset', ['-a', '-p', '-c', cpu, String(pid)], { stdio: 'ignore' });
}

/** Pins a server process (every thread) to the server's core. */
export function pinServer(pid: number | undefined): void {
  pin(pid, SERVER_CPU);
}

// ---- wrk -------------------------------------------------------------------------------------------------------

function toMs(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

/** One wrk run against `url` with `connections` connections (one thread, on the client's core). */
export function wrk(url: string, connections: number, seconds = SECONDS): Run {
  const args = ['-c', CLIENT_CPU, 'wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-H', 'Accept-Encoding: gzip', url];
  const out = execFileSync('taskset', args, { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
  const bad = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0) + Number(/Socket errors:.*timeout (\d+)/.exec(out)?.[1] ?? 0);
  if (!Number.isFinite(rps)) throw new Error(`wrk printed no rate:\n${out}`);
  return { rps, p50, p99, bad };
}

// ---- nginx -----------------------------------------------------------------------------------------------------

export interface Nginx {
  base: string;
  root: string;
  stop(): Promise<void>;
}

/** nginx with one worker on the server's core, serving `root` (each file beside its .gz, gzip_static). */
export async function startNginx(dir: string): Promise<Nginx> {
  const root = path.join(dir, 'www');
  fs.mkdirSync(root, { recursive: true });
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log error;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp; uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  default_type text/html;
  sendfile on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    gzip_static on;
  }
}
`);
  const child: ChildProcess = spawn('taskset', ['-c', SERVER_CPU, has('nginx') && fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx', '-c', conf, '-p', dir], { stdio: 'ignore' });
  const exited = new Promise((r) => child.once('close', r));
  for (let i = 0; ; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      if (i > 200) throw new Error('nginx did not start');
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return {
    base: `http://127.0.0.1:${port}`,
    root,
    async stop() {
      child.kill('SIGQUIT');
      await exited;
    },
  };
}

// ---- data ------------------------------------------------------------------------------------------------------

/** A database with the demo municipality and `grossstadt` (a published 500-measure plan). */
async function seedData(services: Services): Promise<void> {
  await seedDemo(services);
  const { municipality } = await services.municipalities.create(
    { slug: 'grossstadt', name: 'Großstadt', office_name: '', contact_person: '', contact_email: '', contact_phone: '', contact_address: '', admin_email: 'admin@grossstadt.example', admin_name: 'Bench' },
    bench,
  );
  await services.wordings.seedDefaults(municipality.id);
  const parsed = await services.imports.parse(municipality.id, 'bench.txt', Buffer.from(generateCatalogue(LARGE_ROWS)), {}, ((k: string) => k) as never);
  if (!parsed.ok) throw new Error(`parse failed: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  await services.importPlan(municipality.id, parsed.plan, bench, { state: 'published' });
}

/** The pages of a municipality, with ids read from its published plan. */
async function pagesOf(services: Services, slug: string): Promise<Page[]> {
  const m = (await services.municipalities.findBySlug(slug))!;
  const plan = (await services.plans.findCurrentPublishedPlan(m.id))!;
  const tree = await services.plans.tree(m.id, plan.id);
  const field = tree.fields[Math.floor(tree.fields.length / 2)];
  const measure = field.goals[0].measures[0];
  const pages: Page[] = [
    { name: 'start', url: `/${slug}` },
    { name: 'field', url: `/${slug}/handlungsfelder/${field.id}` },
    { name: 'measure', url: `/${slug}/massnahmen/${measure.id}` },
    { name: 'catalogue', url: `/${slug}/katalog` },
    { name: 'actors', url: `/${slug}/akteure` },
    { name: 'search', url: `/${slug}/suche?q=Sprachkurs` },
    { name: 'dashboard', url: `/${slug}/umsetzung` },
    { name: 'Wegweiser', url: `/${slug}/wegweiser` },
  ];
  const [questionnaire] = await services.questionnaires.list(m.id, { states: ['published'] });
  if (questionnaire) pages.push({ name: 'questionnaire', url: `/${slug}/befragungen/${questionnaire.id}` });
  pages.push({ name: 'API: measures', url: `/api/v1/${slug}/measures?limit=50` });
  return pages;
}

export interface Dataset {
  label: string;
  slug: string;
  pages: Page[];
}

export interface Prepared {
  engine: 'SQLite' | 'PostgreSQL';
  server: { dataDir: string; databaseUrl?: string };
  datasets: Dataset[];
  /** Milliseconds to gather and render the yearly report PDF of the demo plan (after one unmeasured run). */
  reportPdfMs: number;
  drop(): Promise<void>;
}

async function withServices<T>(db: Db, dir: string, fn: (s: Services, db: Db) => Promise<T>): Promise<T> {
  await migrate(db);
  const services = buildServices(db, loadConfig({ DEMO_DATA: 'false', DATA_DIR: dir }), systemClock);
  try {
    return await fn(services, db);
  } finally {
    await services.questionnaires.writer.close();
    await db.close();
  }
}

async function reportPdf(services: Services): Promise<number> {
  const m = (await services.municipalities.findBySlug('musterstadt'))!;
  const plan = (await services.plans.findCurrentPublishedPlan(m.id))!;
  const once = async () => {
    const t0 = performance.now();
    const pdf = await renderReport(await planReport(services, systemClock, m, plan.id), 'pdf');
    if (pdf.length < 1000) throw new Error('the report PDF is empty');
    return performance.now() - t0;
  };
  await once();
  return once();
}

export async function prepare(engine: 'SQLite' | 'PostgreSQL', dir: string): Promise<Prepared> {
  const fill = async (s: Services, db: Db) => {
    await seedData(s);
    // the planner's statistics, as PostgreSQL's autovacuum leaves them soon after a load (SQLite's ANALYZE alike):
    // measured right after seeding, the planner would otherwise guess a 500-row table holds one row
    await sql`analyze`.execute(db.kysely);
    const datasets: Dataset[] = [
      { label: 'demo', slug: 'musterstadt', pages: await pagesOf(s, 'musterstadt') },
      { label: `${LARGE_ROWS} measures`, slug: 'grossstadt', pages: await pagesOf(s, 'grossstadt') },
    ];
    return { datasets, reportPdfMs: await reportPdf(s) };
  };
  if (engine === 'SQLite') {
    const dataDir = path.join(dir, 'sqlite');
    fs.mkdirSync(dataDir, { recursive: true });
    const got = await withServices(openDb({ sqliteFile: path.join(dataDir, 'teilhabe.sqlite') }), dataDir, fill);
    return { engine, server: { dataDir }, ...got, drop: async () => {} };
  }
  const schema = `bench_http_${Date.now()}`;
  const probe = new pg.Client({ connectionString: PG_URL });
  await probe.connect();
  await probe.query('create extension if not exists pg_trgm schema public');
  await probe.query(`create schema ${schema}`);
  const got = await withServices(openDb({ databaseUrl: PG_URL, pgSchema: `${schema},public` }), dir, fill);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    engine, server: { dataDir: path.join(dir, 'pg'), databaseUrl: url.toString() }, ...got,
    async drop() {
      await probe.query(`drop schema ${schema} cascade`);
      await probe.end();
    },
  };
}

// ---- measuring -------------------------------------------------------------------------------------------------

function rssMb(pid: number | undefined): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: Number.NaN, peak: Number.NaN };
  }
}

async function startApp(prepared: Prepared, env: Record<string, string>): Promise<ServerProcess> {
  fs.mkdirSync(prepared.server.dataDir, { recursive: true });
  const proc = await startServerProcess({ ...prepared.server, env: { DEMO_DATA: 'false', ...env } });
  pinServer(proc.child.pid);
  return proc;
}

/** The gzip body of a page as the app sends it to a browser, and its stylesheet and scripts (compressed as served). */
function fetchPage(base: string, url: string): { gzip: Buffer; plain: Buffer; weight: number } {
  const curl = (u: string, accept: string) => execFileSync('curl', ['-s', '-f', '-H', `Accept-Encoding: ${accept}`, base + u], { maxBuffer: 64 * 1024 * 1024 });
  const raw = curl(url, 'gzip');
  const gzipped = raw[0] === 0x1f && raw[1] === 0x8b;
  const plain = gzipped ? zlib.gunzipSync(raw) : raw;
  const gzip = gzipped ? raw : zlib.gzipSync(raw);
  let weight = raw.length;
  const assets = new Set([...plain.toString().matchAll(/(?:href|src)="(\/assets\/[^"]+\.(?:css|js)[^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&')));
  for (const asset of assets) weight += curl(asset, 'br, gzip').length;
  return { gzip, plain, weight };
}

/**
 * Node's own HTTP server answering one page's gzip bytes from memory and nothing else, pinned like the app: what
 * any Node program can do at most on this core, beside what nginx does.
 */
async function bareNode(file: string): Promise<{ base: string; stop(): Promise<void> }> {
  const script = `const http = require('node:http'); const fs = require('node:fs'); const body = fs.readFileSync(${JSON.stringify(file)});
    http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', 'content-encoding': 'gzip', 'content-length': body.length }); res.end(body); })
      .listen(0, '127.0.0.1', function () { console.log('port ' + this.address().port); });`;
  const child = spawn('taskset', ['-c', SERVER_CPU, process.execPath, '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((r) => child.once('close', r));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /port (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
    void exited.then(() => reject(new Error('the bare Node server ended')));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface EngineResult {
  engine: string;
  /** The machine's load average (1 minute) when the engine's runs began and ended: other work shares the cores. */
  load: [number, number];
  /** Node's own server with the first page's bytes (see bareNode), per connection count. */
  bare: Record<number, Run>;
  rows: PageRow[];
  rss: { rest: number; peak: number };
  reportPdfMs: number;
}

export async function measureEngine(prepared: Prepared, dir: string, log: (line: string) => void = console.log): Promise<EngineResult> {
  const loadBefore = os.loadavg()[0];
  const nginx = await startNginx(path.join(dir, `nginx-${prepared.engine}`));
  const rows: PageRow[] = [];
  const bare: Record<number, Run> = {};
  const rss = { rest: Number.NaN, peak: Number.NaN };
  try {
    // warm: the app as it runs
    const app = await startApp(prepared, {});
    try {
      rss.rest = rssMb(app.child.pid).rss;
      let n = 0;
      for (const dataset of prepared.datasets) {
        for (const page of dataset.pages) {
          const { gzip, plain, weight } = fetchPage(app.base, page.url);
          const file = `p${n++}.html`;
          fs.writeFileSync(path.join(nginx.root, file), plain);
          fs.writeFileSync(path.join(nginx.root, `${file}.gz`), gzip);
          const warm: PageRow['warm'] = {};
          for (const c of CONNECTIONS) {
            const appRun = wrk(app.base + page.url, c);
            const nginxRun = wrk(`${nginx.base}/${file}`, c);
            warm[c] = { app: appRun, nginx: nginxRun };
          }
          rows.push({ dataset: dataset.label, engine: prepared.engine, page: page.name, bytes: gzip.length, weight, warm, cold: { rps: 0, p50: 0, p99: 0, bad: 0 } });
          const w10 = warm[10];
          log(`${prepared.engine} ${dataset.label} ${page.name}: ${gzip.length} B, warm 10 conns ${w10.app.rps.toFixed(0)}/s vs nginx ${w10.nginx.rps.toFixed(0)}/s (${((100 * w10.app.rps) / w10.nginx.rps).toFixed(0)} %)`);
        }
      }
      rss.peak = rssMb(app.child.pid).peak;
      const node = await bareNode(path.join(nginx.root, 'p0.html.gz'));
      try {
        for (const c of CONNECTIONS) bare[c] = wrk(node.base, c);
      } finally {
        await node.stop();
      }
    } finally {
      await app.stop();
    }
    // cold: every page made from the database, one visitor at a time
    const cold = await startApp(prepared, { PAGE_CACHE_MB: '0' });
    try {
      let i = 0;
      for (const dataset of prepared.datasets) {
        for (const page of dataset.pages) {
          const row = rows[i++];
          row.cold = wrk(cold.base + page.url, 1);
          log(`${prepared.engine} ${dataset.label} ${page.name}: cold p50 ${row.cold.p50.toFixed(2)} ms`);
        }
      }
    } finally {
      await cold.stop();
    }
  } finally {
    await nginx.stop();
  }
  return { engine: prepared.engine, load: [loadBefore, os.loadavg()[0]], bare, rows, rss, reportPdfMs: prepared.reportPdfMs };
}

// ---- the report ------------------------------------------------------------------------------------------------

const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

export function httpSection(results: EngineResult[]): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines: string[] = [];
  lines.push(`## Public pages over HTTP, beside nginx

Measured by \`npm run bench\` (bench/http.ts) on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${CPUS} × ${cpu},
${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ${os.type()} ${os.release()}. The app (src/main.ts, one process) and nginx (one worker,
\`gzip_static\`) each run pinned to core ${SERVER_CPU}; wrk (one thread) runs on core ${CLIENT_CPU}, ${SECONDS} s per run, over loopback,
asking for gzip as browsers do. nginx serves exactly the bytes the app sent (fetched once from the app), so the
two differ only in what makes them. "Share" is the app's requests per second as a part of nginx's in the same
run. "Warm" is the app as it runs (its page cache on; every page after the first visit); "cold" is the app
with \`PAGE_CACHE_MB=0\`, every page made from the database, one visitor at a time. Bytes are the gzip body
on the wire; "weight" adds the page's stylesheet and scripts as served (no fonts, no images).
`);
  for (const r of results) {
    for (const dataset of [...new Set(r.rows.map((x) => x.dataset))]) {
      const rows = r.rows.filter((x) => x.dataset === dataset);
      lines.push(`### ${r.engine}, ${dataset}

| page | bytes | weight | ${CONNECTIONS.map((c) => `${c} conn: app/s · nginx/s · share · p50 · p99 (ms)`).join(' | ')} | cold p50 · p99 (ms) |
|---|---:|---:|${CONNECTIONS.map(() => '---:|').join('')}---:|
${rows
  .map((x) => `| ${x.page} | ${f0(x.bytes)} | ${f0(x.weight)} | ${CONNECTIONS.map((c) => {
    const w = x.warm[c];
    return `${f0(w.app.rps)} · ${f0(w.nginx.rps)} · **${f0((100 * w.app.rps) / w.nginx.rps)} %** · ${f2(w.app.p50)} · ${f2(w.app.p99)}`;
  }).join(' | ')} | ${f2(x.cold.p50)} · ${f2(x.cold.p99)} |`)
  .join('\n')}
`);
    }
    const start = r.rows[0];
    lines.push(`${r.engine}: Node's own HTTP server answering the ${start.dataset} ${start.page} page's bytes from memory and doing nothing else (pinned
like the app), beside nginx with the same bytes: ${CONNECTIONS.map((c) => `${c} conn ${f0(r.bare[c].rps)}/s (${f0((100 * r.bare[c].rps) / start.warm[c].nginx.rps)} % of nginx)`).join(', ')}. No Node program answers faster than this on the core.
`);
    const bad = r.rows.reduce((a, x) => a + x.cold.bad + CONNECTIONS.reduce((b, c) => b + x.warm[c].app.bad, 0), 0);
    lines.push(`${r.engine}: memory (RSS) of the app ${f0(r.rss.rest)} MB at rest (started, nothing asked yet), ${f0(r.rss.peak)} MB at its peak under load; the
yearly report PDF of the demo plan gathered and rendered in ${f0(r.reportPdfMs)} ms (in-process, after one unmeasured run).
Answers other than 2xx/3xx during the runs: ${bad}. Load average of the machine (1 min) at the start and the end of
these runs: ${r.load[0].toFixed(1)} and ${r.load[1].toFixed(1)} (the bench's own wrk and app keep both cores busy: about 2)${Math.max(...r.load) > 2.5 ? '; above 2.5 other work shared the cores, so these figures may be low and uneven: measure again on a quiet machine' : ''}.
`);
  }
  return lines.join('\n');
}
