/** `astro check` (TypeScript strictest, Astro components included) finds no errors, warnings or hints. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/site.ts';

it('astro check is clean', () => {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'check'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
  });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(output, output).toMatch(/- 0 errors\s+- 0 warnings\s+- 0 hints/);
  expect(result.status, output).toBe(0);
}, 180_000);
