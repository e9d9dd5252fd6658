import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs every project; `npm run test:unit`, `test:build` and
 * `test:e2e` run one (`vitest run --project <name>`):
 * - unit (test/unit): src/ without a build or a browser, no global setup;
 * - build (test/build): fixture sites built with `astro build` and read,
 *   CLIs end to end, the incremental-build contract;
 * - e2e (test/e2e): built fixture sites in real Chromium, with axe-core. Its
 *   global setup makes sure Chromium is there.
 * The fixture sites several files read are built once per run in global
 * setup and shared by the build and e2e projects (test/helpers/shared-sites.ts).
 */
export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          globalSetup: ['test/helpers/setup-build.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/helpers/setup-e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
