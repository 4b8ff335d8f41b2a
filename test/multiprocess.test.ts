// Two app processes on one PostgreSQL behind nginx (as docs/deployment.md describes), under a mixed load over
// HTTP: residents read public pages, residents answer a questionnaire, an officer adds progress notes in the
// admin area. One process is killed with SIGKILL in the middle. Every write that was acknowledged (the thanks
// page came; the note's redirect came) is stored, each once, and the other process keeps serving: reads and
// writes go on through nginx after the kill. Needs PostgreSQL and nginx; in CI both are required.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFlow, HttpSession, setUpQuestionnaire } from '../bench/questionnaires.js';
import { startServerProcess, type ServerProcess } from '../bench/server-process.js';
import type { Definition } from '../src/modules/questionnaires/questionnaire.model.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { openDb } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildServices } from '../src/services.js';
import { PG_URL } from './support.js';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
const required = process.env.CI === 'true';
const PASSWORD_OF_OFFICER = 'ein-langes-passwort-fuer-den-test';

if (required && (!PG_URL || !NGINX)) throw new Error('CI needs PostgreSQL (TEST_DATABASE_URL) and nginx for the multi-process test');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe.skipIf(!PG_URL || !NGINX)('two processes on PostgreSQL behind nginx, one killed with SIGKILL', () => {
  const database = `multi_${process.pid}`;
  const url = PG_URL?.replace(/\/[^/]*$/, `/${database}`) ?? '';
  let dir: string;
  let slug: string;
  let questionnaireId: number;
  let def: Definition;
  let measureId: number;
  let officerEmail: string;
  let apps: ServerProcess[] = [];
  let nginx: ChildProcess | null = null;
  let base = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-multi-'));
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.query(`create database ${database}`);
    await admin.end();

    // a municipality with an open questionnaire, a published plan with a measure, and an officer with a password
    const db = openDb({ databaseUrl: url, poolSize: 2 });
    await migrate(db);
    const services = buildServices(db, loadConfig({ DEMO_DATA: 'false', DATA_DIR: dir, NODE_ENV: 'test', PASSWORD_HASH_COST: '10' }), systemClock);
    const q = await setUpQuestionnaire(services);
    ({ slug, questionnaireId, def } = q);
    const by = { userId: null, name: 'Test' };
    const planId = await services.importPlan(q.municipalityId, {
      plan: { title: 'Integrationsplan Laststadt' },
      fields: [{ title: 'Sprache', visions: [], furtherMeasures: [], goals: [{ text: 'Deutsch lernen', measures: [{ number: '1', text: 'Sprachkurse ausbauen', actors: [], status: { category: 'planned', label: 'In Planung', date: null }, notes: [] }] }] }],
    }, by, { state: 'published' });
    measureId = (await services.plans.tree(q.municipalityId, planId)).fields[0].goals[0].measures[0].id;
    officerEmail = `${slug}@example.org`;
    const officer = (await services.auth.findUserByEmail(officerEmail))!;
    await services.auth.setPassword(officer.id, PASSWORD_OF_OFFICER);
    await db.close();

    // two app processes, and nginx in front of both
    const env = { PASSWORD_HASH_COST: '10', NODE_ENV: 'test' };
    apps = await Promise.all([startServerProcess({ dataDir: dir, databaseUrl: url, env }), startServerProcess({ dataDir: dir, databaseUrl: url, env })]);
    const port = await freePort();
    const conf = path.join(dir, 'nginx.conf');
    const asRoot = process.getuid?.() === 0;
    fs.writeFileSync(conf, `
${asRoot ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream teilhabe {
    server ${new URL(apps[0].base).host} max_fails=1 fail_timeout=30s;
    server ${new URL(apps[1].base).host} max_fails=1 fail_timeout=30s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://teilhabe;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_next_upstream error timeout http_502;
    }
  }
}
`);
    nginx = spawn(NGINX!, ['-p', dir, '-c', conf], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${base}/readyz`)).ok) break;
      } catch {
        // nginx not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 120_000);

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    await Promise.all(apps.map((a) => a.stop()));
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores every acknowledged write and keeps serving through the other process', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const officer = new HttpSession(base);
    await officer.send('/anmelden');
    const signedIn = await officer.send('/anmelden', new URLSearchParams({ _csrf: officer.csrf, email: officerEmail, password: PASSWORD_OF_OFFICER, next: '' }));
    expect(signedIn.status).toBe(303);

    const notes: string[] = [];
    const answers: string[] = [];
    const log = { readsOk: 0, readsFailed: 0, afterKill: { readsOk: 0, notes: 0, answers: 0 } };
    let killed = false;
    let stop = false;
    let n = 0;

    const reader = async () => {
      const session = new HttpSession(base);
      while (!stop) {
        try {
          const r = await session.send(n++ % 2 ? `/${slug}` : `/${slug}/katalog`);
          if (r.status === 200) {
            log.readsOk++;
            if (killed) log.afterKill.readsOk++;
          } else log.readsFailed++;
        } catch {
          log.readsFailed++;
        }
      }
    };
    const resident = async () => {
      while (!stop) {
        const marker = `marker-${n++}`;
        try {
          const flow = await httpFlow(base, slug, def, n, marker);
          if (flow.acknowledged) {
            answers.push(marker);
            if (killed) log.afterKill.answers++;
          }
        } catch {
          // a broken way: not acknowledged
        }
      }
    };
    const writer = async () => {
      let i = 0;
      while (!stop) {
        const text = `Vermerk ${++i}`;
        try {
          const page = await officer.send(`/${slug}/verwaltung/massnahmen/${measureId}`);
          if (page.status !== 200) continue;
          const r = await officer.send(`/${slug}/verwaltung/massnahmen/${measureId}/notizen`, new URLSearchParams({ _csrf: officer.csrf, text, note_date: '' }));
          if (r.status === 303) {
            notes.push(text);
            if (killed) log.afterKill.notes++;
          }
        } catch {
          // the connection broke: not acknowledged
        }
      }
    };

    const load = Promise.all([reader(), reader(), resident(), resident(), resident(), writer()]);
    // the kill in the middle: once writes of every kind were acknowledged
    while (answers.length < 10 || notes.length < 5) await new Promise((r) => setTimeout(r, 20));
    apps[0].child.kill('SIGKILL');
    killed = true;
    expect((await apps[0].exited).signal).toBe('SIGKILL');
    const atKill = { answers: answers.length, notes: notes.length };
    // go on until the surviving process took writes of every kind and reads
    const deadline = Date.now() + 60_000;
    while ((log.afterKill.answers < 10 || log.afterKill.notes < 5 || log.afterKill.readsOk < 20) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await load;

    const said = JSON.stringify({ log, atKill });
    expect(log.afterKill.readsOk, said).toBeGreaterThanOrEqual(20);
    expect(log.afterKill.answers, said).toBeGreaterThanOrEqual(10);
    expect(log.afterKill.notes, said).toBeGreaterThanOrEqual(5);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // every acknowledged write is stored, once
    const db = openDb({ databaseUrl: url, poolSize: 1 });
    try {
      const storedNotes = (await db.kysely.selectFrom('progress_notes').select('text').where('measure_id', '=', measureId).execute()).map((r) => r.text);
      for (const text of notes) expect(storedNotes.filter((t) => t === text), text).toHaveLength(1);
      const markers = (
        await db.kysely
          .selectFrom('questionnaire_answers as a')
          .innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id')
          .select('a.value_text')
          .where('r.questionnaire_id', '=', questionnaireId)
          .where('a.value_text', 'like', 'marker-%')
          .execute()
      ).map((r) => r.value_text);
      for (const marker of answers) expect(markers.filter((m) => m === marker), marker).toHaveLength(1);
      // each acknowledged note has its audit entry
      const audits = await db.kysely.selectFrom('audit_log').select('id').where('action', '=', 'measure.note').execute();
      expect(audits.length).toBeGreaterThanOrEqual(notes.length);
    } finally {
      await db.close();
    }
  }, 180_000);
});
