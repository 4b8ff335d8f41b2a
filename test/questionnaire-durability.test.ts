// Responses survive a crash: a process submits a burst of responses through the group-commit writer to a
// SQLite file and is killed with SIGKILL in the middle of it; after a restart on the same file every response
// that was acknowledged is stored exactly once with all its answers, no response is stored half, and submitting
// the acknowledged keys again stores nothing twice. The process is not the HTTP server: it calls the service
// the answering route calls (test/questionnaire-durability.child.ts), and acknowledges on stdout after each
// resolved submit, where the route would send its success page.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpQuestionnaire } from '../bench/questionnaires.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { openDb } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildServices } from '../src/services.js';

const CHILD = path.join(import.meta.dirname, 'questionnaire-durability.child.ts');

interface Ack {
  key: string;
  responseId: number;
  duplicate: boolean;
}

/** Starts the submitting process (node itself, with tsx as a loader: no wrapper process would survive a kill); `onLine` sees each line of its stdout. */
function start(args: string[], onLine: (line: string, child: ChildProcessWithoutNullStreams) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: 'pipe' });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  readline.createInterface({ input: child.stdout }).on('line', (line) => onLine(line, child));
  return { child, exited, stderr: () => stderr };
}

function parseAck(line: string): Ack | null {
  const m = /^ack (\S+) (\d+) ([01])$/.exec(line);
  return m ? { key: m[1], responseId: Number(m[2]), duplicate: m[3] === '1' } : null;
}

describe('questionnaire responses and SIGKILL', () => {
  let dir: string;
  let file: string;
  let municipalityId: number;
  let questionnaireId: number;
  let answersPerResponse: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-kill-'));
    file = path.join(dir, 'teilhabe.sqlite');
    const db = openDb({ sqliteFile: file });
    await migrate(db);
    const services = buildServices(db, loadConfig({ DEMO_DATA: 'false', DATA_DIR: dir, NODE_ENV: 'test' }), systemClock);
    const q = await setUpQuestionnaire(services);
    municipalityId = q.municipalityId;
    questionnaireId = q.questionnaireId;
    // one response, to learn how many answer rows a complete response has
    const { completeAnswers } = await import('../bench/questionnaires.js');
    const r = await services.questionnaires.submit(municipalityId, questionnaireId, { answers: completeAnswers(q.def, 999999), source: 'online', privacyVersion: 1, lang: 'de', submissionKey: 'probe' });
    answersPerResponse = (await db.kysely.selectFrom('questionnaire_answers').select('id').where('response_id', '=', r.responseId).execute()).length;
    await db.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged response exactly once after a kill in the middle of a burst', async () => {
    const TOTAL = 20000;
    const KILL_AFTER = 400;
    // 1. the burst, killed once KILL_AFTER submits were acknowledged
    const acked: Ack[] = [];
    let finished = false;
    const burst = start([file, String(municipalityId), String(questionnaireId), '0', String(TOTAL)], (line, child) => {
      const ack = parseAck(line);
      if (ack) {
        acked.push(ack);
        if (acked.length === KILL_AFTER) child.kill('SIGKILL');
      }
      if (line === 'done') finished = true;
    });
    const killed = await burst.exited;
    expect(killed.signal, burst.stderr()).toBe('SIGKILL');
    expect(finished).toBe(false);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acked.length).toBeLessThan(TOTAL);
    expect(acked.every((a) => !a.duplicate)).toBe(true);

    // 2. restarted on the same file: submit every key up to past the last acknowledged one again
    const highest = Math.max(...acked.map((a) => Number(a.key.slice(4))));
    const again: Ack[] = [];
    let done = false;
    const retry = start([file, String(municipalityId), String(questionnaireId), '0', String(highest + 100)], (line) => {
      const ack = parseAck(line);
      if (ack) again.push(ack);
      if (line === 'done') done = true;
    });
    const exit = await retry.exited;
    expect(exit.code, retry.stderr()).toBe(0);
    expect(done).toBe(true);

    // every acknowledged response was found under its key, with the id it was acknowledged with
    const againByKey = new Map(again.map((a) => [a.key, a]));
    for (const a of acked) expect(againByKey.get(a.key)).toEqual({ key: a.key, responseId: a.responseId, duplicate: true });

    // 3. the file: each key once, each acknowledged response with all its answers and its own marker
    const db = openDb({ sqliteFile: file });
    try {
      const responses = await db.kysely.selectFrom('questionnaire_responses').select(['id', 'submission_key']).where('questionnaire_id', '=', questionnaireId).execute();
      const keys = responses.map((r) => r.submission_key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBe(highest + 100 + 1); // 0 … highest+99, and the probe
      const counts = await db.kysely
        .selectFrom('questionnaire_answers')
        .select((eb) => ['response_id', eb.fn.countAll<number>().as('n')])
        .where('response_id', 'in', responses.map((r) => r.id))
        .groupBy('response_id')
        .execute();
      // no response stored half: all have every answer row
      expect(counts.length).toBe(responses.length);
      expect(counts.every((c) => Number(c.n) === answersPerResponse)).toBe(true);
      const markers = await db.kysely
        .selectFrom('questionnaire_answers as a')
        .innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id')
        .select(['r.id', 'r.submission_key', 'a.value_text'])
        .where('a.value_text', 'like', 'marker-%')
        .execute();
      const markerOf = new Map(markers.map((m) => [m.id, m.value_text]));
      for (const a of acked) expect(markerOf.get(a.responseId)).toBe(`marker-${a.key.slice(4)}`);
      expect(markers.length).toBe(highest + 100);
    } finally {
      await db.close();
    }
  }, 180_000);
});
