// The questionnaire burst: 10,000 complete responses to a published open questionnaire of 15 questions from
// 50 concurrent clients, on SQLite (a file, WAL, synchronous=FULL) and PostgreSQL. Measured twice where it
// can be: through the service (`services.questionnaires.submit`, the group-commit writer) and over HTTP on
// loopback through the residents' answering route (`POST publicAnswer`) of the real app. Every submit counts
// only once its promise or its response came back, i.e. once its response is committed.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Answers, Definition } from '../src/modules/questionnaires/questionnaire.model.js';
import type { QuestionnaireSpec } from '../src/modules/questionnaires/index.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { openDb, type Db } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildServices, type Services } from '../src/services.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 10000);
export const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/**
 * The answering route's limit per client for open questionnaires is switched off for the bench (all clients
 * come from 127.0.0.1); the variable is read by the answering route's configuration.
 */
export const BENCH_ENV = { QUESTIONNAIRE_RATE_LIMIT: '0' };

const by = { userId: null, name: 'bench' };

/** 15 questions over three sections, every question type, a condition and demographics. */
export const benchSpec: QuestionnaireSpec = {
  title: 'Befragung Zusammenleben (Last)',
  state: 'published',
  access: 'open',
  privacy: 'Ihre Antworten sind anonym.',
  sections: [
    {
      title: 'Sprache und Bildung',
      questions: [
        { key: 'kurs', type: 'single', text: 'Haben Sie einen Sprachkurs besucht?', required: true, options: ['Ja', 'Nein'] },
        { type: 'scale', text: 'Wie zufrieden waren Sie?', condition: { question: 'kurs', options: ['Ja'] }, config: { min: 1, max: 5, minLabel: 'gar nicht', maxLabel: 'sehr' } },
        { type: 'multiple', text: 'Welche Angebote kennen Sie?', options: ['Sprachcafé', 'Hausaufgabenhilfe', 'Elternkurs', { label: 'Anderes, nämlich', other: true }] },
        { type: 'matrix', text: 'Wie bewerten Sie diese Angebote?', rows: ['Kita', 'Schule', 'VHS'], columns: ['gut', 'mittel', 'schlecht'] },
        { type: 'ranking', text: 'Was ist Ihnen am wichtigsten?', options: ['Sprache', 'Arbeit', 'Wohnung'] },
      ],
    },
    {
      title: 'Arbeit und Wohnen',
      questions: [
        { type: 'short_text', text: 'Ihr Beruf' },
        { type: 'long_text', text: 'Was fehlt Ihnen?' },
        { type: 'number', text: 'Wie viele Personen leben in Ihrem Haushalt?', config: { min: 1, max: 20, integer: true } },
        { type: 'date', text: 'Seit wann wohnen Sie hier?' },
        { type: 'single', text: 'Wohnen Sie zur Miete?', options: ['Ja', 'Nein', 'Keine Angabe'] },
      ],
    },
    {
      title: 'Über Sie',
      questions: [
        { type: 'single', demographic: 'age', text: 'Alter', options: ['unter 18', '18–29', '30–49', '50–64', '65 und älter'] },
        { type: 'multiple', demographic: 'languages', text: 'Sprachen', options: ['Deutsch', 'Arabisch', 'Türkisch', 'Ukrainisch'] },
        { type: 'single', demographic: 'years_in_germany', text: 'Jahre in Deutschland', options: ['unter 2', '2–5', '6–10', 'über 10'] },
        { type: 'single', demographic: 'district', text: 'Ortsteil', options: ['Kernstadt', 'Nord', 'Süd'] },
        { type: 'long_text', text: 'Möchten Sie uns noch etwas sagen?' },
      ],
    },
  ],
};

/** A complete answer to every question of the definition; `marker` goes into the first text answer. */
export function completeAnswers(def: Definition, i: number, marker = `Antwort ${i}`): Answers {
  const answers: Answers = {};
  let firstText = true;
  for (const q of def.sections.flatMap((s) => s.questions)) {
    const pick = (n: number) => (i * 7 + q.id) % n;
    switch (q.type) {
      case 'single':
        answers[q.id] = { optionIds: [q.options[q.position === 1 ? 0 : pick(q.options.length)].id] };
        break;
      case 'multiple':
        answers[q.id] = { optionIds: [q.options[0].id, q.options[q.options.length - 1].id], other: 'Nachbarschaftstreff' };
        break;
      case 'scale':
        answers[q.id] = { number: 1 + pick(5) };
        break;
      case 'matrix':
        answers[q.id] = { rows: Object.fromEntries(q.rows.map((r, k) => [String(r.id), q.columns[(k + i) % q.columns.length].id])) };
        break;
      case 'ranking':
        answers[q.id] = { ranks: Object.fromEntries(q.options.map((o, k) => [String(o.id), ((k + i) % q.options.length) + 1])) };
        break;
      case 'short_text':
      case 'long_text':
        answers[q.id] = { text: firstText ? marker : 'Mehr Abendkurse und eine Kinderbetreuung währenddessen.' };
        firstText = false;
        break;
      case 'number':
        answers[q.id] = { number: 1 + pick(6) };
        break;
      case 'date':
        answers[q.id] = { date: `20${10 + pick(15)}-0${1 + pick(9)}-15` };
        break;
    }
  }
  return answers;
}

/** A municipality with a plan and the published open bench questionnaire. */
export async function setUpQuestionnaire(services: Services): Promise<{ municipalityId: number; slug: string; questionnaireId: number; def: Definition }> {
  const slug = `last-${Date.now().toString(36)}`;
  const { municipality } = await services.municipalities.create(
    { slug, name: 'Laststadt', office_name: '', contact_person: '', contact_email: '', contact_phone: '', contact_address: '', admin_email: `${slug}@example.org`, admin_name: 'Bench' },
    by,
  );
  const planId = await services.plans.createPlan(municipality.id, { title: 'Integrationsplan', edition: '', period_start: null, period_end: null, intro: '' }, by);
  const questionnaireId = await services.questionnaires.createFromSpec(municipality.id, planId, benchSpec, by);
  const def = (await services.questionnaires.definition(municipality.id, questionnaireId))!;
  return { municipalityId: municipality.id, slug, questionnaireId, def };
}

export interface BurstResult {
  label: string;
  responses: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  batches?: number;
  /** HTTP requests sent in all, where a response takes several */
  requests?: number;
  /** CPU time per response of the server process and of the clients' process (ms), where measured */
  serverCpuMs?: number;
  clientCpuMs?: number;
}

/** Runs a burst and adds the CPU time per response the server process and this (the clients') process used. */
async function measuredBurst(proc: ServerProcess, label: string, one: (i: number, client: number) => Promise<number | void>): Promise<BurstResult> {
  const dir = process.env.BENCH_CPU_PROF;
  if (dir) proc.child.kill('SIGUSR2'); // profile-hook.mjs: starts a CPU profile
  const server0 = proc.cpuMs();
  const client0 = process.cpuUsage();
  const r = await burst(label, one);
  const client = process.cpuUsage(client0);
  r.serverCpuMs = (proc.cpuMs() - server0) / r.responses;
  if (dir) {
    // the second signal writes the profile: wait for its file, so that a stop of the server cannot cut it off
    const before = fs.readdirSync(dir).length;
    proc.child.kill('SIGUSR2');
    for (let i = 0; i < 200 && fs.readdirSync(dir).length === before; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  r.clientCpuMs = (client.user + client.system) / 1000 / r.responses;
  return r;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `one(i)` RESPONSES times from CLIENTS concurrent loops; each loop waits for its answer before the next. */
export async function burst(label: string, one: (i: number, client: number) => Promise<number | void>, total = RESPONSES, clients = CLIENTS): Promise<BurstResult> {
  const latencies: number[] = [];
  let requests = 0;
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (next < total) {
        const i = next++;
        const s = process.hrtime.bigint();
        const sent = await one(i, client);
        requests += sent ?? 0;
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  latencies.sort((a, b) => a - b);
  return { label, responses: total, seconds, perSecond: Math.round(total / seconds), p50: percentile(latencies, 50), p99: percentile(latencies, 99), ...(requests ? { requests } : {}) };
}

/**
 * The fields the answering pages take for these answers (answer.schema.ts on the answering branch): `q<id>`
 * (choices by option id, repeated for several), `q<id>_other`, matrix `q<id>_r<rowId>`, ranking
 * `q<id>_o<optionId>`. Every page is sent all fields; a page reads only its own questions.
 */
export function answerForm(def: Definition, answers: Answers): URLSearchParams {
  const form = new URLSearchParams();
  for (const q of def.sections.flatMap((s) => s.questions)) {
    const a = answers[q.id];
    if (!a) continue;
    const name = `q${q.id}`;
    for (const id of a.optionIds ?? []) form.append(name, String(id));
    if (a.other) form.set(`${name}_other`, a.other);
    if (a.text !== undefined) form.set(name, a.text);
    if (a.number !== undefined) form.set(name, String(a.number));
    if (a.date !== undefined) form.set(name, a.date);
    for (const [row, col] of Object.entries(a.rows ?? {})) form.set(`${name}_r${row}`, String(col));
    for (const [opt, rank] of Object.entries(a.ranks ?? {})) form.set(`${name}_o${opt}`, String(rank));
  }
  return form;
}

/**
 * Connections the clients share, kept alive as a browser keeps them (node:http: fetch costs the clients' process
 * about four times the CPU per request, which on two cores would be taken from the server).
 */
const agents = new Map<string, http.Agent>();
const agentFor = (base: string) => {
  let agent = agents.get(base);
  if (!agent) agents.set(base, (agent = new http.Agent({ keepAlive: true, maxSockets: 64 })));
  return agent;
};

/** A browser-like session: keeps cookies and the CSRF token of the last page (none on a page for nobody in particular, the start page). */
export class HttpSession {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(public base: string) {}
  /**
   * One request. A kept-alive connection the server closed just as it was reused fails before any answer came:
   * sent again once on a new connection, as browsers do (every request here is safe to repeat: a submit is
   * stored once under its key).
   */
  async send(path: string, form?: URLSearchParams): Promise<{ status: number; html: string; location: string | null }> {
    try {
      return await this.sendOnce(path, form);
    } catch (e) {
      if ((e as { reusedSocket?: boolean }).reusedSocket) return this.sendOnce(path, form);
      throw e;
    }
  }

  private sendOnce(path: string, form?: URLSearchParams): Promise<{ status: number; html: string; location: string | null }> {
    const url = new URL(path, this.base);
    const body = form ? form.toString() : undefined;
    const headers: Record<string, string | number> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    // as a browser posts a form of the site's own page: its origin and the Fetch Metadata that says so
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: url.origin, 'sec-fetch-site': 'same-origin' });
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: body === undefined ? 'GET' : 'POST', headers, agent: agentFor(this.base) }, (res) => {
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair] = c.split(';');
          const eq = pair.indexOf('=');
          this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const html = Buffer.concat(chunks).toString('utf8');
          this.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf;
          resolve({ status: res.statusCode ?? 0, html, location: res.headers.location ?? null });
        });
        res.on('error', reject);
      });
      req.on('error', (e) => reject(Object.assign(e, { reusedSocket: req.reusedSocket })));
      req.end(body);
    });
  }
}

const walkOf = (html: string) => /name="walk" value="([^"]+)"/.exec(html)?.[1];

/** A resident at the review page: the session and the final form, ready to submit. */
export interface AtReview {
  session: HttpSession;
  /** the review page's form with "submit" */
  final: URLSearchParams;
  answerPath: string;
  /** requests the way to the review took */
  requests: number;
}

/**
 * One resident over HTTP up to the review page: the start page, "start", one post per page with the answers
 * ("next"), each carrying the sealed walk of the page before. `marker` goes into the first free-text answer.
 * Throws with where it stopped.
 */
export async function walkToReview(session: HttpSession, slug: string, def: Definition, i: number, marker?: string): Promise<AtReview> {
  const id = def.questionnaire.id;
  const answerPath = `/${slug}/befragungen/${id}/antworten`;
  let requests = 0;
  const send = (p: string, form?: URLSearchParams) => {
    requests++;
    return session.send(p, form);
  };
  const fail = (what: string, r: { status: number; location?: string | null }) => new Error(`${what}: ${r.status}${r.location ? ` → ${r.location}` : ''}`);
  const start = await send(`/${slug}/befragungen/${id}`);
  if (start.status !== 200) throw fail('start page', start);
  let page = await send(answerPath, new URLSearchParams({ _csrf: session.csrf, nav: 'start' }));
  if (page.status !== 200 || !walkOf(page.html)) throw fail('start', page);
  const fields = answerForm(def, completeAnswers(def, i, marker));
  for (let step = 0; step <= def.sections.length + 1; step++) {
    const walk = walkOf(page.html);
    if (!walk) throw fail(`page ${step + 1} without its walk`, page);
    if (/name="nav" value="submit"/.test(page.html)) {
      return { session, final: new URLSearchParams({ _csrf: session.csrf, walk, section: '0', nav: 'submit' }), answerPath, requests };
    }
    const form = new URLSearchParams(fields);
    form.set('_csrf', session.csrf);
    form.set('walk', walk);
    form.set('section', /name="section" value="(\d+)"/.exec(page.html)?.[1] ?? '0');
    form.set('nav', 'next');
    page = await send(answerPath, form);
    if (page.status !== 200) throw fail(`page ${step + 1}`, page);
  }
  throw fail('no submit after every page', page);
}

/** The review's submit: true when answered with the redirect to the thanks page (the response is committed). */
export async function submitReview(at: AtReview): Promise<{ ok: boolean; status: number; location: string | null }> {
  const done = await at.session.send(at.answerPath, at.final);
  return { ok: done.status === 303 && (done.location ?? '').endsWith('/danke'), status: done.status, location: done.location };
}

/** What one resident's way through the answering pages came to. */
export interface HttpFlow {
  /** true when the final submit was answered with the redirect to the thanks page and the thanks page came */
  acknowledged: boolean;
  /** how many requests the way took */
  requests: number;
  /** where the way stopped, when it was not acknowledged */
  failure: string;
  /** sends the final submit once more, with the same cookies, walk and CSRF token (a resent form) */
  resend(base: string): Promise<{ status: number; location: string | null }>;
}

/**
 * One resident over HTTP through the answering pages (walkToReview), then "submit" on the review page, which
 * answers with a redirect to the thanks page once the response is committed; the thanks page is fetched too.
 * Acknowledged only when the redirect and the thanks page came.
 */
export async function httpFlow(base: string, slug: string, def: Definition, i: number, marker?: string): Promise<HttpFlow> {
  const session = new HttpSession(base);
  let at: AtReview | null = null;
  let requests = 0;
  const flow: HttpFlow = {
    acknowledged: false,
    failure: '',
    get requests() {
      return requests;
    },
    async resend(to: string) {
      if (!at) throw new Error('this flow never reached its submit');
      session.base = to;
      const r = await session.send(at.answerPath, at.final);
      return { status: r.status, location: r.location };
    },
  };
  try {
    at = await walkToReview(session, slug, def, i, marker);
  } catch (e) {
    flow.failure = (e as Error).message;
    return flow;
  } finally {
    requests += at?.requests ?? 0;
  }
  const done = await submitReview(at);
  requests++;
  if (!done.ok) {
    flow.failure = `submit: ${done.status}${done.location ? ` → ${done.location}` : ''}`;
    return flow;
  }
  const thanks = await session.send(new URL(done.location!, base).pathname);
  requests++;
  flow.acknowledged = thanks.status === 200;
  if (!flow.acknowledged) flow.failure = `thanks page: ${thanks.status}`;
  return flow;
}

async function onEngine(label: string, db: Db, server: { dataDir: string; databaseUrl?: string }): Promise<{ results: BurstResult[]; notes: string[] }> {
  await migrate(db);
  const config = loadConfig({ DEMO_DATA: 'false', DATA_DIR: server.dataDir, ...BENCH_ENV });
  const services = buildServices(db, config, systemClock);
  const results: BurstResult[] = [];
  const notes: string[] = [];

  // the writer alone, in this process
  const svc = await setUpQuestionnaire(services);
  const before = { ...services.questionnaires.writer.stats };
  const r = await burst(`${label}, service`, async (i) => {
    await services.questionnaires.submit(svc.municipalityId, svc.questionnaireId, {
      answers: completeAnswers(svc.def, i),
      source: 'online',
      privacyVersion: 1,
      lang: 'de',
      submissionKey: `bench-${i}`,
    });
  });
  r.batches = services.questionnaires.writer.stats.batches - before.batches;
  const stored = await services.questionnaires.responses(svc.municipalityId, svc.questionnaireId);
  if (stored !== RESPONSES) throw new Error(`${label}: ${stored} responses stored, ${RESPONSES} submitted`);
  results.push(r);

  // over HTTP on loopback: the real server in a process of its own on the same database, the clients here
  const http = await setUpQuestionnaire(services);
  // BENCH_CPU_PROF=<dir>: the server process writes a V8 CPU profile of each burst there (bench/profile-hook.mjs)
  const prof = process.env.BENCH_CPU_PROF;
  const proc = await startServerProcess({ ...server, nodeArgs: prof ? ['--import', path.join(import.meta.dirname, 'profile-hook.mjs')] : undefined, env: prof ? { BENCH_CPU_PROF: prof } : undefined });
  try {
    const probe = await httpFlow(proc.base, http.slug, http.def, 999999);
    if (!probe.acknowledged) throw new Error(`${label}: the answering route refused a response: ${probe.failure}`);
    // 1. every resident goes through the pages up to the review (nothing is stored on the way)
    const sessions = Array.from({ length: CLIENTS }, () => new HttpSession(proc.base));
    const ready: AtReview[] = new Array<AtReview>(RESPONSES);
    const pages = await measuredBurst(proc, `${label}, HTTP: the pages up to the review`, async (i, client) => {
      ready[i] = await walkToReview(sessions[client], http.slug, http.def, i);
      return ready[i].requests;
    });
    // 2. the submits: each acknowledged with the redirect to the thanks page once its response is committed
    const submits = await measuredBurst(proc, `${label}, HTTP: the submits`, async (i) => {
      const done = await submitReview(ready[i]);
      if (!done.ok) throw new Error(`${label}: a submit was refused: ${done.status} ${done.location ?? ''}`);
      return 1;
    });
    const over = await services.questionnaires.responses(http.municipalityId, http.questionnaireId);
    if (over !== RESPONSES + 1) throw new Error(`${label}: ${over} responses stored over HTTP, ${RESPONSES + 1} acknowledged`);
    const whole = pages.seconds + submits.seconds;
    results.push(pages, submits, {
      label: `${label}, HTTP: the whole way (both together)`,
      responses: RESPONSES,
      seconds: whole,
      perSecond: Math.round(RESPONSES / whole),
      p50: Number.NaN,
      p99: Number.NaN,
      requests: (pages.requests ?? 0) + (submits.requests ?? 0),
    });
  } finally {
    await proc.stop();
  }
  return { results, notes };
}

export async function measureQuestionnaires(): Promise<{ results: BurstResult[]; notes: string[]; load: number }> {
  const out: { results: BurstResult[]; notes: string[]; load: number } = { results: [], notes: [], load: os.loadavg()[0] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-bench-q-'));
  // the server's own file name under DATA_DIR (src/main.ts), so that the server process opens the same file
  const sqlite = openDb({ sqliteFile: path.join(dir, 'teilhabe.sqlite') });
  try {
    const r = await onEngine('SQLite (file, WAL, synchronous=FULL)', sqlite, { dataDir: dir });
    out.results.push(...r.results);
    out.notes.push(...r.notes);
  } finally {
    await sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.BENCH_SQLITE_ONLY === 'true') return out;
  let probe: pg.Client | undefined;
  const schema = `bench_q_${Date.now()}`;
  try {
    probe = new pg.Client({ connectionString: PG_URL });
    await probe.connect();
    await probe.query('create extension if not exists pg_trgm schema public');
    await probe.query(`create schema ${schema}`);
  } catch (e) {
    out.notes.push(`PostgreSQL not measured: ${(e as Error).message}`);
    await probe?.end().catch(() => undefined);
    return out;
  }
  const pgdb = openDb({ databaseUrl: PG_URL, pgSchema: `${schema},public` });
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-bench-qpg-'));
  try {
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema},public`);
    const r = await onEngine('PostgreSQL 127.0.0.1', pgdb, { dataDir: pgDir, databaseUrl: url.toString() });
    out.results.push(...r.results);
    out.notes.push(...r.notes);
  } finally {
    await pgdb.close();
    await probe.query(`drop schema ${schema} cascade`);
    await probe.end();
    fs.rmSync(pgDir, { recursive: true, force: true });
  }
  return out;
}

const dash = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

export function questionnairesSection({ results, notes, load }: { results: BurstResult[]; notes: string[]; load: number }): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `## Questionnaire responses in a burst

${RESPONSES.toLocaleString('en')} complete responses (15 questions in three sections, every question type, about
20 answer rows each) to one published open questionnaire, from ${CLIENTS} concurrent clients; each client sends
its next response when the previous one is acknowledged. Acknowledged means committed: submits wait in a queue
while a transaction runs and the next transaction writes all of them (group commit,
src/modules/questionnaires/response.writer.ts); SQLite runs WAL with synchronous=FULL. Machine: ${os.cpus().length} × ${cpu},
Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, shared with other work: load average
${load.toFixed(1)} when the run began (on 2 cores, anything above 2 means the bench got a fraction of the CPU).

| run | responses | seconds | responses/s | requests/s | p50 (ms) | p99 (ms) | transactions | server CPU ms/response | clients' CPU ms/response |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${results.map((r) => `| ${r.label} | ${r.responses} | ${r.seconds.toFixed(1)} | ${r.perSecond} | ${r.requests ? Math.round(r.requests / r.seconds) : '–'} | ${dash(r.p50)} | ${dash(r.p99)} | ${r.batches ?? '–'} | ${dash(r.serverCpuMs, 2)} | ${dash(r.clientCpuMs, 2)} |`).join('\n')}

"Service" calls \`services.questionnaires.submit\` in-process (the writer alone). "HTTP" drives the real server
(src/main.ts, started in a process of its own on the same database, bench/server-process.ts) from the bench's
process over loopback with keep-alive connections, in two bursts: first every resident goes through the
answering pages up to the review (start page, \`POST …/antworten\` to start, one post per page with the answers,
each carrying the sealed walk of the page before; nothing is stored on the way), then every resident sends the
review's submit, which counts once the redirect to the thanks page came back, i.e. once its response is committed.
"Whole way" adds both. "Server CPU" is the server process's CPU time (/proc) per response in that burst,
"clients' CPU" the bench process's: on two cores both compete for the same CPUs.
The answering route's per-client limit for open questionnaires would stop 50 clients on one address: the
bench sets \`QUESTIONNAIRE_RATE_LIMIT=0\`. \`npx tsx bench/run.ts questionnaires\` runs only this section
(\`BENCH_RESPONSES\`, \`BENCH_CLIENTS\` change the size; \`BENCH_SQLITE_ONLY=true\` leaves PostgreSQL out).

The goal (at least 1,000 durable responses per second on SQLite) counts acknowledged submits: the row "HTTP: the
submits". The pages before it are reads and renders and are given apart, as requests/s.

How the writer gets there: on a SQLite file the transactions run in a worker thread with a connection of its
own (src/modules/questionnaires/response.writer.thread.ts), so inserting, committing and the fsync (about 4.6 ms
per batch here) leave the event loop free for the next requests; the thread inserts with prepared statements, one
row per run (\`sqliteResponseWrites\` in questionnaire.repository.ts). Before, it used the query builder's
multi-row inserts: a batch of another size made another SQL text, so almost every batch prepared a statement with
thousands of parameters anew. The thread and the prepared statements together (each landed after the last
run, so their shares were not measured apart) took the submits from 948 to about 3,000 per second, and the
server's CPU per submit from 1.43 to about 0.4 ms (both threads). In memory and on PostgreSQL the writer commits in-process
through Kysely (PostgreSQL's driver waits without holding the loop). What is left per submit is mostly Hono and the
Node adapter reading a form post of this size, the middleware (language, CSRF, tenant lookup), opening the
sealed walk and the last check of every shown answer.

To see where the time goes: \`BENCH_CPU_PROF=<dir>\` writes a V8 CPU profile of each HTTP burst from the server
process, with the event loop's utilisation and the CPU split next to it (bench/profile-hook.mjs, started and
stopped by signals around the burst).

Durability is tested, not benched: test/questionnaire-durability.test.ts starts the real server (src/main.ts)
on a SQLite file, lets 40 residents at a time go through the answering pages over HTTP, each with its own
marker in a free-text answer, and kills the server with SIGKILL once 120 responses were acknowledged with the
thanks page; after a restart on the same file every acknowledged response is there once with all its answer
rows, no marker is stored twice, no response is stored half, and each acknowledged response's final submit sent
again leads to the thanks page and stores nothing new.
${notes.length ? `\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
}
