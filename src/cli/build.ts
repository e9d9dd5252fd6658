/**
 * `npm run build`: builds the site in two steps.
 *
 *   node src/cli/build.ts [-- astro build's flags, e.g. --force]
 *
 * 1. `astro build`, in a child process of this Node with a larger heap, so its
 *    memory is given back before the next step starts. If it fails, so does
 *    this, with Astro's output and exit code.
 * 2. Once Astro has exited, in this process: the steps of src/postbuild/
 *    (run.ts; their input is described in contract.ts), the per-case JSON
 *    files and the sharded search index. Any error, Pagefind's included,
 *    fails the build with its own message.
 *
 * Step 2 is imported only once Astro has exited, so this process holds no
 * more than Node itself while Astro's build is at its peak.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const astro = join(root, 'node_modules/astro/bin/astro.mjs');

/** Astro's heap limit: a 100 000-case build needs more than Node's default. */
export const ASTRO_HEAP_MB = 8192;

/**
 * How far V8 lets Astro's heap grow past what the last full collection kept: 1.5 times,
 * where V8 on its own lets it reach about four times the live data. It trades some CPU
 * for the extra collections against a lower memory peak of the whole build.
 */
export const ASTRO_HEAP_GROWTH = '--heap-growing-percent=50';

/**
 * The young generation's half, 8 MB where V8 takes 16: Astro's peak comes while it holds
 * every case and renders pages, and the smaller nursery keeps about 130 MB less of short-lived
 * objects at that peak (10 000 cases: 1 458 MiB → 1 325 MiB), at no measurable cost in time.
 */
export const ASTRO_YOUNG_GENERATION = '--max-semi-space-size=8';

const code = await new Promise<number>((done, fail) => {
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${ASTRO_HEAP_MB}`,
      ASTRO_HEAP_GROWTH,
      ASTRO_YOUNG_GENERATION,
      astro,
      'build',
      ...process.argv.slice(2),
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  child.on('error', fail);
  child.on('close', (status, signal) => done(status ?? (signal ? 1 : 0)));
});
if (code !== 0) process.exit(code);

try {
  // Read only now: a wrong setting has already failed Astro's build, with Astro's message.
  const { config } = await import('../lib/config.ts');
  const { runPostbuild } = await import('../postbuild/run.ts');
  await runPostbuild(resolve(root, config.outDir), resolve(root, config.cacheDir), (line) => console.log(line));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
