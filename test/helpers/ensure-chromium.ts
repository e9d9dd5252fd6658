/**
 * Runs in the browser tests' global setup (test/helpers/setup-e2e.ts): they
 * drive Debian's Chromium (Playwright cannot download its own browsers here).
 * If it is missing and we may install packages (root or passwordless sudo,
 * with apt-get), install it; otherwise explain how, and stop.
 *
 * CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH as path } from './chromium.ts';

function run(cmd: string, args: string[]): boolean {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

if (!existsSync(path)) {
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (hasApt && (isRoot || sudo)) {
    console.log(`Chromium saknas (${path}); installerar Debians paket chromium för webbläsartesterna …`);
    const prefix = isRoot ? [] : ['sudo', '-n'];
    const apt = (args: string[]) =>
      prefix.length ? run(prefix[0]!, [...prefix.slice(1), 'apt-get', ...args]) : run('apt-get', args);
    if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', 'chromium']) || !existsSync(path)) {
      console.error('Kunde inte installera Chromium. Installera det själv: sudo apt-get install -y chromium');
      process.exit(1);
    }
  } else {
    console.error(
      `Webbläsartesterna behöver Chromium, men ${path} finns inte.\n` +
        'Installera Debians paket: sudo apt-get install -y chromium\n' +
        'eller peka på en annan Chromium med CHROMIUM_PATH=/sökväg/till/chromium.',
    );
    process.exit(1);
  }
}
