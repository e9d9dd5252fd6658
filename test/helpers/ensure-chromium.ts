/**
 * Runs in the browser tests' global setup (test/helpers/setup-e2e.ts): they
 * drive Debian's Chromium (Playwright cannot download its own browsers here).
 * If it is missing, install it where we may (apt.ts); otherwise explain how,
 * and stop.
 *
 * CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).
 */
import { existsSync } from 'node:fs';
import { aptInstall } from './apt.ts';
import { CHROMIUM_PATH as path } from './chromium.ts';

if (!existsSync(path) && !(aptInstall('chromium', `för webbläsartesterna (${path} saknas)`) && existsSync(path))) {
  console.error(
    `Webbläsartesterna behöver Chromium, men ${path} finns inte och kunde inte installeras.\n` +
      'Installera Debians paket: sudo apt-get install -y chromium\n' +
      'eller peka på en annan Chromium med CHROMIUM_PATH=/sökväg/till/chromium.',
  );
  process.exit(1);
}
