// The process the durability test kills: it opens the SQLite file as the server does (WAL, synchronous=FULL),
// builds the real services and submits responses through `services.questionnaires.submit` (the group-commit
// writer the answering route calls), 50 at a time. It prints `ready`, then `ack <key> <responseId> <dup>` on
// stdout after each submit's promise resolved (stdout to a pipe is written synchronously on Linux, so a line
// the parent read was acknowledged before the kill), and `done` at the end.
// Usage: tsx questionnaire-durability.child.ts <sqlite file> <municipality id> <questionnaire id> <from> <count>
import path from 'node:path';
import { completeAnswers } from '../bench/questionnaires.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { openDb } from '../src/platform/db/db.js';
import { buildServices } from '../src/services.js';

const [file, municipality, questionnaire, from, count] = process.argv.slice(2);
const municipalityId = Number(municipality);
const questionnaireId = Number(questionnaire);
const db = openDb({ sqliteFile: file });
const services = buildServices(db, loadConfig({ DEMO_DATA: 'false', DATA_DIR: path.dirname(file), NODE_ENV: 'test' }), systemClock);
const def = (await services.questionnaires.definition(municipalityId, questionnaireId))!;
process.stdout.write('ready\n');
let next = Number(from);
const end = Number(from) + Number(count);
await Promise.all(
  Array.from({ length: 50 }, async () => {
    while (next < end) {
      const i = next++;
      const key = `key-${i}`;
      const r = await services.questionnaires.submit(municipalityId, questionnaireId, {
        answers: completeAnswers(def, i, `marker-${i}`),
        source: 'online',
        privacyVersion: 1,
        lang: 'de',
        submissionKey: key,
      });
      process.stdout.write(`ack ${key} ${r.responseId} ${r.duplicate ? 1 : 0}\n`);
    }
  }),
);
process.stdout.write('done\n');
await db.close();
