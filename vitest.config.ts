import { defineConfig } from 'vitest/config';

// Three tiers, one runner: pure unit tests; integration tests (services and HTTP through
// app.inject(), against SQLite and, when TEST_DATABASE_URL is set, PostgreSQL); and browser
// journeys in Chromium. `npm test` (scripts/test.ts) runs them in that order.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.ts', 'src/**/*.unit.test.tsx'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Two cores: one worker per core keeps argon2 and the databases from starving.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          // A real browser on a shared 2-core machine can miss a timing once; a journey that
          // fails twice is a real failure (the first failure still prints).
          retry: 1,
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
