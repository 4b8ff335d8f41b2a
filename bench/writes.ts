// The write paths of the plan, measured: time (median of several runs) and the number of SQL statements
// one operation sends, on the demo plan and on a generated 4,000-measure plan, on SQLite and PostgreSQL.
// Run by `npm run bench` (all sections) or `npx tsx bench/run.ts writes` (this section only).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seedDemo } from '../src/modules/demo/index.js';
import { loadConfig } from '../src/platform/config.js';
import { systemClock } from '../src/platform/clock.js';
import { openDb, type Db } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildServices, type Services } from '../src/services.js';
import { generateCatalogue } from './catalogue.js';

// ---- the adapter: every call into the services is here, and only here ------------------------------------
// The service APIs are going to be refactored; then only this object should need to change.

const bench = { userId: null, name: 'Benchmark' };

/** The represented actor and the 10 measures it leads, as the form of `adminOwnMeasures` would post them. */
interface Representative {
  actor: { id: number; name: string };
  user: { id: number; email: string; name: string; isInstanceAdmin: boolean; mustChangePassword: boolean };
  measureIds: number[];
}

const ops = {
  // -- setup, not timed --
  /** The demo municipality and its published plan, as `seedDemo` makes them. */
  async seedDemoPlan(s: Services): Promise<number> {
    await seedDemo(s);
    return (await s.municipalities.list())[0].id;
  },
  /** A municipality with the generated catalogue imported (parse + importPlan, as bench/run.ts) and published. */
  async importGeneratedPlan(s: Services, text: string): Promise<number> {
    const { municipality } = await s.municipalities.create(
      { slug: 'bench-writes', name: 'Bench', office_name: '', contact_person: '', contact_email: '', contact_phone: '', contact_address: '', admin_email: 'bench-writes@example.org', admin_name: 'Bench' },
      bench,
    );
    await s.wordings.seedDefaults(municipality.id);
    const parsed = await s.imports.parse(municipality.id, 'bench.txt', Buffer.from(text), {}, ((k: string) => k) as never);
    if (!parsed.ok) throw new Error(`parse failed: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    await s.importPlan(municipality.id, parsed.plan, bench, { state: 'published' });
    return municipality.id;
  },
  /** A measure in the middle of the published plan. */
  async pickMeasure(s: Services, municipalityId: number): Promise<number> {
    const plan = (await s.plans.findCurrentPublishedPlan(municipalityId))!;
    const tree = await s.plans.tree(municipalityId, plan.id);
    const field = tree.fields[Math.floor(tree.fields.length / 2)];
    return field.goals[Math.floor(field.goals.length / 2)].measures[0].id;
  },
  /** A representative (role actor_rep) of the actor that leads the most measures of the published plan. */
  async addRepresentative(s: Services, municipalityId: number, count: number): Promise<Representative> {
    const plan = (await s.plans.findCurrentPublishedPlan(municipalityId))!;
    const [top] = (await s.actors.list(municipalityId, plan.id)).sort((a, b) => Number(b.lead_count) - Number(a.lead_count));
    const email = 'vertretung@bench.example';
    await s.representatives.add(municipalityId, { name: 'Bench Vertretung', email, actor_id: top.id }, bench);
    const row = (await s.auth.findUserByEmail(email))!;
    const actor = (await s.representatives.actorOf(municipalityId, row.id))!;
    const measureIds = (await s.representatives.ownMeasures(municipalityId, actor.id)).flatMap((g) => g.measures).map((m) => m.id).slice(0, count);
    if (measureIds.length < count) throw new Error(`${actor.name} leads only ${measureIds.length} measures`);
    return { actor, user: { id: row.id, email: row.email, name: row.name, isInstanceAdmin: false, mustChangePassword: false }, measureIds };
  },
  /** Lets `around` run each search re-index of a write (for the breakdown): the touched documents' refresh and
   * any whole-plan rebuild. Returns the undo. */
  instrumentReindex(s: Services, around: <T>(fn: () => Promise<T>) => Promise<T>): () => void {
    const search = s.search;
    const { refresh, rebuildPlan } = search;
    search.refresh = ((...args: Parameters<typeof refresh>) => around(() => refresh.apply(search, args))) as typeof refresh;
    search.rebuildPlan = ((...args: Parameters<typeof rebuildPlan>) => around(() => rebuildPlan.apply(search, args))) as typeof rebuildPlan;
    return () => {
      search.refresh = refresh;
      search.rebuildPlan = rebuildPlan;
    };
  },

  // -- the timed operations --
  changeStatus: (s: Services, municipalityId: number, measureId: number, label: string) =>
    s.plans.changeStatus(municipalityId, measureId, { status_label: label, status_category: null, note: 'Benchmark' }, bench),
  addNote: (s: Services, municipalityId: number, measureId: number, text: string) =>
    s.plans.addNote(municipalityId, measureId, { text, note_date: null }, bench),
  /** What POST adminOwnMeasures does after resolving the actor: RepresentativeService.changeOwn with the form. */
  async saveAsRepresentative(s: Services, municipalityId: number, rep: Representative, label: string, note: string): Promise<void> {
    const values: Record<string, string> = {};
    for (const id of rep.measureIds) {
      values[`status_label_${id}`] = label;
      values[`note_${id}`] = note;
    }
    const result = await s.representatives.changeOwn(municipalityId, rep.actor, rep.user, values);
    if (!result.ok || result.count !== rep.measureIds.length) throw new Error(`changeOwn: ${JSON.stringify(result)}`);
  },
};

// ---- measuring --------------------------------------------------------------------------------------------

export type WriteEngine = 'sqlite' | 'postgres';
export type WritePlan = 'demo' | '4000';
export type WriteOperation = 'status change' | 'progress note' | 'representative saves 10 measures';

export interface WriteRow {
  engine: WriteEngine;
  plan: WritePlan;
  operation: WriteOperation;
  /** SQL statements one operation sent (the same in every measured run, else the largest). */
  statements: number;
  medianMs: number;
  /** Measured runs (after one unmeasured warm-up run). */
  runs: number;
  /** The part spent in the search re-index (the touched documents' refresh, or a plan rebuild), when the adapter can see it. */
  reindex?: { statements: number; medianMs: number };
}

const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const GENERATED_ROWS = 4000;
/** Measured runs per operation: 20 on the demo plan; fewer on the 4,000-measure plan, where writes are slow. */
const RUNS: Record<WritePlan, Record<WriteOperation, number>> = {
  demo: { 'status change': 20, 'progress note': 20, 'representative saves 10 measures': 20 },
  4000: { 'status change': 10, 'progress note': 10, 'representative saves 10 measures': 5 },
};
/** Two configured wordings; runs alternate between them, so that every run really changes the status. */
const LABELS = ['Abgeschlossen', 'In Umsetzung'];

function ms(start: bigint) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Counts the statements Kysely sends while switched on, and those inside a search re-index. */
class Meter {
  private on = false;
  private depth = 0;
  statements = 0;
  reindexStatements = 0;
  reindexMs = 0;
  readonly sql: string[] = [];

  readonly onQuery = (sql: string) => {
    if (!this.on) return;
    this.statements++;
    if (this.depth > 0) this.reindexStatements++;
    if (process.env.BENCH_WRITES_SQL) this.sql.push(sql);
  };

  readonly around = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (!this.on) return fn();
    this.depth++;
    const t0 = process.hrtime.bigint();
    try {
      return await fn();
    } finally {
      this.depth--;
      this.reindexMs += ms(t0);
    }
  };

  start() {
    this.statements = this.reindexStatements = this.reindexMs = 0;
    this.sql.length = 0;
    this.on = true;
  }

  stop() {
    this.on = false;
  }
}

async function measure(meter: Meter, runs: number, op: (run: number) => Promise<void>) {
  await op(0); // warm-up: caches, JIT, and the first change away from the imported status
  const times: number[] = [];
  const counts: number[] = [];
  const reindexTimes: number[] = [];
  const reindexCounts: number[] = [];
  for (let run = 1; run <= runs; run++) {
    meter.start();
    const t0 = process.hrtime.bigint();
    await op(run);
    times.push(ms(t0));
    meter.stop();
    counts.push(meter.statements);
    reindexCounts.push(meter.reindexStatements);
    reindexTimes.push(meter.reindexMs);
    if (run === 1 && meter.sql.length) console.log(meter.sql.map((s) => `  ${s.slice(0, 160)}`).join('\n'));
  }
  if (new Set(counts).size > 1) console.warn(`statement counts differ between runs: ${counts.join(', ')}`);
  return {
    statements: Math.max(...counts),
    medianMs: median(times),
    runs,
    reindex: reindexCounts.some((n) => n > 0) ? { statements: Math.max(...reindexCounts), medianMs: median(reindexTimes) } : undefined,
  };
}

/** A fresh database: a file under os.tmpdir() (WAL, as openDb sets it up), or a schema of its own. */
async function freshDb(engine: WriteEngine, onQuery: (sql: string) => void): Promise<{ db: Db; dir: string; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-bench-writes-'));
  if (engine === 'sqlite') {
    const db = openDb({ sqliteFile: path.join(dir, 'bench.sqlite'), onQuery });
    return { db, dir, close: async () => { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `bench_w_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query('create extension if not exists pg_trgm schema public');
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const db = openDb({ databaseUrl: PG_URL, pgSchema: `${schema},public`, onQuery });
  return {
    db, dir,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function benchPlan(engine: WriteEngine, plan: WritePlan): Promise<WriteRow[]> {
  const meter = new Meter();
  const { db, dir, close } = await freshDb(engine, meter.onQuery);
  try {
    await migrate(db);
    const services = buildServices(db, loadConfig({ DEMO_DATA: 'false', DATA_DIR: dir }), systemClock);
    const t0 = process.hrtime.bigint();
    const mid = plan === 'demo' ? await ops.seedDemoPlan(services) : await ops.importGeneratedPlan(services, generateCatalogue(GENERATED_ROWS));
    const measureId = await ops.pickMeasure(services, mid);
    const rep = await ops.addRepresentative(services, mid, 10);
    console.log(`${engine} / ${plan}: set up in ${ms(t0).toFixed(0)} ms; representative of ${rep.actor.name}`);
    ops.instrumentReindex(services, meter.around);
    const rows: WriteRow[] = [];
    const add = async (operation: WriteOperation, op: (run: number) => Promise<void>) => {
      const row: WriteRow = { engine, plan, operation, ...(await measure(meter, RUNS[plan][operation], op)) };
      console.log(`  ${operation}: ${row.statements} statements, ${row.medianMs.toFixed(1)} ms (median of ${row.runs})` +
        (row.reindex ? `; re-index ${row.reindex.statements} statements, ${row.reindex.medianMs.toFixed(1)} ms` : ''));
      rows.push(row);
    };
    await add('status change', (run) => ops.changeStatus(services, mid, measureId, LABELS[run % 2]));
    await add('progress note', (run) => ops.addNote(services, mid, measureId, `Benchmark-Notiz ${run}`).then(() => undefined));
    await add('representative saves 10 measures', (run) => ops.saveAsRepresentative(services, mid, rep, LABELS[run % 2], `Benchmark-Vermerk ${run}`));
    return rows;
  } finally {
    await close();
  }
}

/** Measures the write paths on both engines and both plans. PostgreSQL is skipped (with a warning) when unreachable. */
export async function benchWrites(options: { engines?: WriteEngine[]; plans?: WritePlan[] } = {}): Promise<WriteRow[]> {
  const rows: WriteRow[] = [];
  for (const engine of options.engines ?? ['sqlite', 'postgres']) {
    for (const plan of options.plans ?? ['demo', '4000']) {
      try {
        rows.push(...(await benchPlan(engine, plan)));
      } catch (e) {
        if (engine === 'postgres' && /ECONNREFUSED|connect|password|does not exist/i.test((e as Error).message)) {
          console.warn(`PostgreSQL not measured: ${(e as Error).message}`);
          break;
        }
        throw e;
      }
    }
  }
  return rows;
}

// ---- the "## Write paths" section of docs/performance.md -------------------------------------------------
// The section holds a fixed "before" table between markers that every run keeps as it is, and a "current"
// table that every run replaces. `--as-before` records a run as the before table (only while there is none).

const BEFORE = ['<!-- bench:writes:before -->', '<!-- /bench:writes:before -->'] as const;
const CURRENT = ['<!-- bench:writes:current -->', '<!-- /bench:writes:current -->'] as const;
const HEADING = '## Write paths';

function between(doc: string, [open, close]: readonly [string, string]): string | null {
  const a = doc.indexOf(open);
  const b = doc.indexOf(close, a);
  return a >= 0 && b > a ? doc.slice(a, b + close.length) : null;
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: new URL('..', import.meta.url), encoding: 'utf8' });
  } catch {
    return '';
  }
}

const ENGINE_LABEL: Record<WriteEngine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

function table(rows: WriteRow[]): string {
  const runs = (plan: WritePlan) => {
    const r = rows.filter((x) => x.plan === plan);
    const byOp = [...new Set(r.map((x) => `${x.operation} ${x.runs}`))];
    return r.length === 0 ? '' : new Set(r.map((x) => x.runs)).size === 1 ? `${r[0].runs}` : byOp.join(', ');
  };
  const breakdown = rows.find((r) => r.engine === 'sqlite' && r.plan === 'demo' && r.operation === 'status change');
  const lines = [
    '| engine | plan | operation | statements | median ms |',
    '|---|---|---|---:|---:|',
    ...rows.map((r) => `| ${ENGINE_LABEL[r.engine]} | ${r.plan} | ${r.operation} | ${r.statements} | ${r.medianMs.toFixed(1)} |`),
    '',
    `Runs per figure (median of): demo plan ${runs('demo') || '–'}; 4000-measure plan ${runs('4000') || '–'}.`,
  ];
  if (!rows.some((r) => r.engine === 'postgres')) lines.push('PostgreSQL: not measured (not reachable, or not asked for).');
  if (breakdown?.reindex) {
    lines.push(
      '',
      `Search re-index in the status change (demo plan, SQLite): ${breakdown.reindex.statements} of the ${breakdown.statements} statements ` +
        `and ${breakdown.reindex.medianMs.toFixed(1)} of the ${breakdown.medianMs.toFixed(1)} ms (median) are the search refresh at the ` +
        'end of the write (SearchService.refresh: read the touched measure and its actors, delete its document, insert the new one).',
    );
  }
  return lines.join('\n');
}

function block(markers: readonly [string, string], title: string, rows: WriteRow[]): string {
  const dirty = git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean).map((l) => l.slice(3));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    markers[0],
    `### ${title}`,
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${cpu}.` +
      (dirty.length ? ` Uncommitted changes under src/ at the time: ${dirty.join(', ')}.` : ''),
    '',
    table(rows),
    markers[1],
  ].join('\n');
}

/** Throws when `--as-before` would overwrite the before table that `doc` already keeps. */
export function checkCanRecordBefore(doc: string): void {
  if (between(doc, BEFORE)) throw new Error('docs/performance.md already has a before table; remove its block by hand to record a new one');
}

/** The whole "## Write paths" section: the kept before table of `existingDoc` (or a new one) and the current run. */
export function writePathsSection(existingDoc: string, rows: WriteRow[], options: { asBefore?: boolean } = {}): string {
  const sha = git('rev-parse', '--short', 'HEAD').trim() || 'unknown';
  const kept = between(existingDoc, BEFORE);
  if (options.asBefore) checkCanRecordBefore(existingDoc);
  const before = options.asBefore ? block(BEFORE, `Before the module refactor (commit ${sha})`, rows) : kept;
  const current = options.asBefore ? null : block(CURRENT, `After: current run (commit ${sha})`, rows);
  return `${HEADING}

What one write of the plan costs, called on the services directly (no HTTP): a status change of one measure
(\`PlanService.changeStatus\`), a progress note (\`PlanService.addNote\`), and an actor representative saving the
status and a note of 10 of the measures their actor leads (\`RepresentativeService.changeOwn\`, as the form of
"Meine Maßnahmen" posts it; no update round is open). Plans: the demo municipality (\`seedDemo\`, 43 measures)
and a generated, published ${GENERATED_ROWS}-measure plan (bench/catalogue.ts). SQLite is a file under the temp
directory (WAL, synchronous=FULL, as \`openDb\` opens it); PostgreSQL a fresh schema on 127.0.0.1, dropped after.

"statements" counts every SQL statement one operation sends through Kysely (\`DbOptions.onQuery\`, Kysely's
\`log\` hook): the reads before the transaction, everything inside it, and the \`begin\` and \`commit\` of the
transaction, which Kysely sends through the same path on both engines. The SQLite pragmas set when the
database is opened are not counted (no operation sends them). Time is the median wall time of the operation
after one unmeasured warm-up run, on a shared 2-core machine: compare orders of magnitude, not digits.

${[before, current].filter(Boolean).join('\n\n')}

Where the difference comes from: before, every plan write rebuilt the plan's whole search index inside its
transaction (load the plan tree, delete and insert every document), so its cost grew with the plan, a note paid
it too, and a representative's save paid it twice per measure. Now every write goes through \`AuditedWrites\`:
it refreshes only the documents it touched, once, when its outermost transaction ends, and a note touches none;
whole-plan rebuilds are left to the bulk paths (import, copy, renumbering, deleting a field or goal). The before
table was measured while other work loaded the machine (load average about 3), so its times run high; the
statement counts do not depend on load and tell the same story.
`;
}

/** Replaces the "## Write paths" section of `doc` (up to the next "## " heading), or appends it. */
export function replaceWritePathsSection(doc: string, section: string): string {
  const at = doc.indexOf(`\n${HEADING}\n`);
  if (at < 0) return `${doc.trimEnd()}\n\n${section}`;
  const next = doc.indexOf('\n## ', at + 1);
  return `${doc.slice(0, at + 1)}${section}${next < 0 ? '' : `\n${doc.slice(next + 1)}`}`;
}
