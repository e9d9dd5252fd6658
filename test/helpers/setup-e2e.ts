/**
 * Global setup of the e2e project: makes sure Chromium is there (the project's
 * own test/helpers/ensure-chromium.ts: installs Debian's package when it may,
 * otherwise says how), then the seed, generated and configured fixture sites
 * (shared-sites.ts; the configured one's case bodies use every component),
 * and one Chromium that every browser test connects to (browser.ts), so no test
 * file pays for starting its own. Only this tier needs a browser.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './chromium.ts';
import { provideSites } from './shared-sites.ts';
import { ROOT } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the browser tests' shared Chromium listens (playwright's `connect`). */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = spawnSync(process.execPath, [join(ROOT, 'test/helpers/ensure-chromium.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (chromium.status !== 0) throw new Error('Webbläsartesterna kan inte köras utan Chromium (se meddelandet ovan).');
  const [server, removeSites] = await Promise.all([
    launchChromiumServer(),
    provideSites(project, ['seed', 'generated', 'configured']),
  ]);
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
    removeSites();
  };
}
