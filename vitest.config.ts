import { defineConfig } from 'vitest/config';
import LongestFirst from './test/helpers/sequencer.ts';

/**
 * `npm test` runs every project; `npm run test:unit`, `test:tooling`,
 * `test:build` and `test:e2e` run one (`vitest run --project <name>`):
 * - unit (test/unit): src/ without a build or a browser, no global setup;
 * - tooling (test/bench, test/helpers): the benchmark's and the test helpers' own logic;
 * - build (test/build): fixture sites built with `astro build` and read,
 *   CLIs end to end, the incremental-build contract;
 * - e2e (test/e2e): built fixture sites in real Chromium, with axe-core. Its
 *   global setup makes sure Chromium is there.
 * The fixture sites several files read are built once per run in global
 * setup and shared by the build and e2e projects (test/helpers/shared-sites.ts).
 * A run ends with how many sites it built and its ten slowest files
 * (test/helpers/run-summary.ts).
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/run-summary.ts'],
    // The longest files first, across projects (test/helpers/sequencer.ts).
    sequence: { sequencer: LongestFirst },
    pool: 'forks',
    // A worker keeps its imported modules from one test file to the next: importing
    // src/ again for every file was a third of the unit tier's time. No test mocks a
    // module or changes the environment, and each file builds its own state.
    isolate: false,
    // One more worker than cores: a browser file spends much of its time waiting on
    // Chromium, and a build file on its child build, while the other cores have work.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'tooling', include: ['test/bench/**/*.test.ts', 'test/helpers/**/*.test.ts'] },
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
