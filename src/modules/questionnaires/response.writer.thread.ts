// The response writer's thread (response.writer.ts storeInThread): its own connection to the SQLite file, one
// transaction per batch it is sent (prepared statements, no query builder), the results (or why it failed) sent
// back once committed.
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../../platform/db/db.js';
import { sqliteResponseWrites } from './questionnaire.repository.js';
import { CodeUsedError, writeAll, type ThreadReply, type ThreadRequest } from './response.writer.js';

const port = parentPort!;
const writes = sqliteResponseWrites(openSqlite((workerData as { file: string }).file));

// one batch after the other, in the order they came
let last: Promise<void> = Promise.resolve();
port.on('message', (request: ThreadRequest) => {
  last = last.then(async () => {
    let reply: ThreadReply;
    try {
      reply = { id: request.id, ok: true, results: await writes.transaction(() => writeAll(writes, request.batch)) };
    } catch (e) {
      reply = { id: request.id, ok: false, codeUsed: e instanceof CodeUsedError, message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
});
