/**
 * Installs a Debian package for the tests when it is missing, as the test tiers
 * do for Chromium (ensure-chromium.ts) and Java (vnu.ts): with apt-get, when we
 * may (root, or passwordless sudo). The caller says what the package is for and,
 * when this returns false, how to install it by hand.
 */
import { spawnSync } from 'node:child_process';

/** Installs `pkg` (saying so, and why); false when apt-get is not there, we may not, or it failed. */
export function aptInstall(pkg: string, why: string): boolean {
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (!hasApt || !(isRoot || sudo)) return false;
  console.log(`Installerar Debians paket ${pkg} ${why} …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args: string[]) =>
    (isRoot
      ? spawnSync('apt-get', args, { stdio: 'inherit', env })
      : spawnSync('sudo', ['-n', 'apt-get', ...args], { stdio: 'inherit', env })
    ).status === 0;
  return apt(['update', '-qq']) && apt(['install', '-y', '-qq', pkg]);
}
