// Responses survive a crash of the server: the real server (src/main.ts, node itself with tsx as a loader, so
// that no wrapper process survives the kill) runs on a SQLite file; many residents at once go through the
// answering pages over HTTP (start, one post per page, submit, the redirect to the thanks page and the thanks
// page), each with its own marker in a free-text answer. A response counts as acknowledged only once its thanks
// page came. The server is killed with SIGKILL in the middle of the burst and started again on the same file:
// every acknowledged response is stored exactly once with all its answers, no marker is stored twice, no
// response is stored half, and sending an acknowledged response's final submit again stores nothing new.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAnswers, httpFlow, setUpQuestionnaire, type HttpFlow } from '../bench/questionnaires.js';
import { startServerProcess } from '../bench/server-process.js';
import type { Definition } from '../src/modules/questionnaires/questionnaire.model.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { openDb } from '../src/platform/db/db.js';
import { migrate } from '../src/platform/db/migrate.js';
import { buildServices } from '../src/services.js';

/** The server on the data directory; resolves once it printed the line with its port. */
const startServer = (dataDir: string) => startServerProcess({ dataDir });

describe('questionnaire responses over HTTP and SIGKILL', () => {
  let dir: string;
  let file: string;
  let slug: string;
  let questionnaireId: number;
  let def: Definition;
  let answersPerResponse: number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teilhabe-kill-'));
    file = path.join(dir, 'teilhabe.sqlite');
    const db = openDb({ sqliteFile: file });
    await migrate(db);
    const services = buildServices(db, loadConfig({ DEMO_DATA: 'false', DATA_DIR: dir, NODE_ENV: 'test' }), systemClock);
    const q = await setUpQuestionnaire(services);
    ({ slug, questionnaireId, def } = q);
    // one response through the service, to learn how many answer rows a complete response has
    const r = await services.questionnaires.submit(q.municipalityId, questionnaireId, { answers: completeAnswers(def, 999999), source: 'online', privacyVersion: 1, lang: 'de', submissionKey: 'probe' });
    answersPerResponse = (await db.kysely.selectFrom('questionnaire_answers').select('id').where('response_id', '=', r.responseId).execute()).length;
    await db.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The stored responses of the questionnaire, their answer counts and markers. */
  async function stored() {
    const db = openDb({ sqliteFile: file });
    try {
      const responses = await db.kysely.selectFrom('questionnaire_responses').select(['id', 'submission_key']).where('questionnaire_id', '=', questionnaireId).execute();
      const counts = await db.kysely
        .selectFrom('questionnaire_answers')
        .select((eb) => ['response_id', eb.fn.countAll<number>().as('n')])
        .where('response_id', 'in', responses.map((r) => r.id))
        .groupBy('response_id')
        .execute();
      const markers = await db.kysely
        .selectFrom('questionnaire_answers as a')
        .innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id')
        .select(['r.id', 'a.value_text'])
        .where('r.questionnaire_id', '=', questionnaireId)
        .where('a.value_text', 'like', 'marker-%')
        .execute();
      return { responses, counts, markers: markers.map((m) => m.value_text!) };
    } finally {
      await db.close();
    }
  }

  it('keeps every response acknowledged with the thanks page exactly once after a kill in the middle of a burst', async () => {
    const CLIENTS = 40;
    const KILL_AFTER = 120;
    const server = await startServer(dir);

    // 1. the burst: CLIENTS residents at a time, each one after the other, until the server is gone
    const acknowledged: Array<{ marker: string; flow: HttpFlow }> = [];
    let next = 0;
    let killed = false;
    const failedBeforeKill: string[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (!killed) {
          const i = next++;
          const marker = `marker-${i}`;
          let flow: HttpFlow;
          try {
            flow = await httpFlow(server.base, slug, def, i, marker);
          } catch {
            // the connection broke: the kill
            if (!killed) failedBeforeKill.push('connection broken');
            return;
          }
          if (!flow.acknowledged) {
            if (!killed) failedBeforeKill.push(flow.failure);
            return;
          }
          acknowledged.push({ marker, flow });
          if (acknowledged.length === KILL_AFTER && !killed) {
            killed = true;
            server.child.kill('SIGKILL');
          }
        }
      }),
    );
    // (when every resident stopped before the kill, the server is stopped here and the failures are reported)
    if (!killed) server.child.kill('SIGKILL');
    const exit = await server.exited;
    expect(exit.signal, server.stderr()).toBe('SIGKILL');
    expect(failedBeforeKill, server.stderr()).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // the kill came in the middle: residents were on their way when it came
    expect(next).toBeGreaterThan(acknowledged.length);

    // 2. the file after the kill: every acknowledged response once, with all its answers; no marker twice;
    // no response stored half
    const after = await stored();
    const keys = after.responses.map((r) => r.submission_key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(after.counts.length).toBe(after.responses.length);
    expect(after.counts.every((c) => Number(c.n) === answersPerResponse)).toBe(true);
    expect(new Set(after.markers).size).toBe(after.markers.length);
    const storedMarkers = new Set(after.markers);
    for (const a of acknowledged) expect(storedMarkers.has(a.marker), a.marker).toBe(true);

    // 3. started again on the same file: the final submit of every acknowledged response sent again finds
    // its response (the thanks page again) and stores nothing new
    const again = await startServer(dir);
    try {
      for (const a of acknowledged) {
        const r = await a.flow.resend(again.base);
        expect(r.status).toBe(303);
        expect(r.location ?? '').toMatch(/\/danke$/);
      }
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
    const later = await stored();
    expect(later.responses.length).toBe(after.responses.length);
    expect(later.markers.sort()).toEqual(after.markers.sort());
  }, 300_000);
});
