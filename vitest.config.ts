import { defineConfig } from 'vitest/config';

// Unit and route tests run on SQLite and, when TEST_DATABASE_URL is set (always in CI), on PostgreSQL too:
// see test/support.ts. Browser journeys live in their own project so they run one file at a time.
//
// Unit files run several at a time even on two cores: most of their time waits on fsync, PostgreSQL and
// scrypt, not on the CPU (vitest's default would be one worker per core but one). TEST_WORKERS overrides it.
const unitWorkers = Number(process.env.TEST_WORKERS ?? 3);
if (!Number.isInteger(unitWorkers) || unitWorkers < 1) throw new Error(`TEST_WORKERS must be a whole number of at least 1, not ${process.env.TEST_WORKERS}`);

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    setupFiles: ['test/setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/*.test.ts'],
          maxWorkers: unitWorkers,
          testTimeout: 60000,
          hookTimeout: 60000,
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 180000, hookTimeout: 180000, fileParallelism: false },
      },
    ],
  },
});
