/**
 * A wrong setting stops the build and the command-line tools before they do
 * anything, with the variable, what was found and what is expected
 * (src/lib/config.ts). Astro refuses the config before building, so no site
 * is built here.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SEED_CASES, SEED_ORGANISATIONS } from '../helpers/site.ts';

function run(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      INSYN_CASES_DIR: SEED_CASES,
      INSYN_ORGANISATIONS_FILE: SEED_ORGANISATIONS,
      INSYN_OUT_DIR: join(ROOT, '.test-builds', 'config-never-written'),
      ...env,
    },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const EXPECTED = 'INSYN_BASE: fick "insyn", förväntade en sökväg med snedstreck först och sist, t.ex. /insyn/';

describe('a wrong setting', () => {
  it('stops npm run build (astro build, then the index) with the variable, the value and what is expected', () => {
    const r = run('src/cli/build.ts', [], { INSYN_BASE: 'insyn' });
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('Fel i inställningarna (miljövariabler)');
    expect(r.out).toContain(EXPECTED);
  });

  it('stops npm run check with the message alone (no stack) and exit code 2', () => {
    const r = run('src/cli/check.ts', [], { INSYN_BASE: 'insyn', INSYN_BUILD_DATE: '2026-13-01' });
    expect(r.status).toBe(2);
    expect(r.out).toContain(EXPECTED);
    expect(r.out).toContain('INSYN_BUILD_DATE: fick "2026-13-01", förväntade ett datum som finns, ÅÅÅÅ-MM-DD');
    expect(r.out).not.toContain('node:internal');
    expect(r.out).not.toContain('    at ');
  });
});
