import { defineConfig } from 'vitest/config';

/**
 * Three projects so CI can run the database-backed suites twice (PGlite, then PostgreSQL):
 * - unit: pure packages (domain, dispatch), no I/O;
 * - db:   repositories and HTTP tests on a real database (PGlite unless DATABASE_URL is set);
 * - e2e:  the built app in Debian's Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/domain/**/*.test.ts', 'packages/dispatch/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['packages/db/**/*.test.ts', 'apps/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite takes ~700 MB per instance and the machine has 2 cores: keep the pool small.
          pool: 'forks',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // A page's answer to a click can take over a second on a busy machine (a route's code loaded,
          // then its reads): polls wait up to 15 s by default instead of vitest's 1 s.
          expect: { poll: { timeout: 15_000 } },
          pool: 'forks',
          maxWorkers: 1,
        },
      },
    ],
  },
});
