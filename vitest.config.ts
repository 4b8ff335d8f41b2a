import { defineConfig } from 'vitest/config';

// Unit and route tests run on SQLite and, when TEST_DATABASE_URL is set (always in CI), on PostgreSQL too:
// see test/engines.ts. Browser journeys live in their own project so they run one file at a time.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    setupFiles: ['test/setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/*.test.ts'], testTimeout: 60000, hookTimeout: 60000 },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 180000, hookTimeout: 180000, fileParallelism: false },
      },
    ],
  },
});
