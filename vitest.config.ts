import { defineConfig } from 'vitest/config';
import CrawlFirst from './test/sequencer.js';

// Unit and route tests run on SQLite and, when TEST_DATABASE_URL is set (always in CI), on PostgreSQL too:
// see test/support.ts. Browser journeys live in their own project.
//
// Unit files run several at a time even on two cores: most of their time waits on fsync, PostgreSQL and
// scrypt, not on the CPU (vitest's default would be one worker per core but one). TEST_WORKERS overrides it.
// Browser journeys run two at a time (E2E_WORKERS): each waits on its browser as much as on the CPU.
//
// A worker keeps its modules from one file to the next (isolate: false): loading the app with its document
// and chart libraries took a few seconds per file, most of the suite's time. Files must not leave state
// behind; each file builds its own app and database (test/support.ts).
const workers = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not ${process.env[name]}`);
  return n;
};
const unitWorkers = workers('TEST_WORKERS', 3);
const e2eWorkers = workers('E2E_WORKERS', 2);

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    setupFiles: ['test/setup.ts'],
    isolate: false,
    sequence: { sequencer: CrawlFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/*.test.ts'],
          maxWorkers: unitWorkers,
          // the unit files first, then the browser files (projects with their own worker counts need an order)
          sequence: { sequencer: CrawlFirst, groupOrder: 0 },
          testTimeout: 60000,
          hookTimeout: 60000,
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 180000, hookTimeout: 180000, maxWorkers: e2eWorkers, sequence: { sequencer: CrawlFirst, groupOrder: 1 } },
      },
    ],
  },
});
