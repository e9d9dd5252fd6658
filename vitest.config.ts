import { defineConfig } from 'vitest/config';

/**
 * One command runs everything (`npm test`):
 * - test/unit: src/lib without a build;
 * - test/build: fixture sites and the real site built and asserted;
 * - test/e2e: the built site in real Chromium, with axe-core.
 * The real site is built once in global setup and shared.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
