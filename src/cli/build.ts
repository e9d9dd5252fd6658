/**
 * `npm run build`: builds the site in two steps.
 *
 *   node src/cli/build.ts [-- astro build's flags, e.g. --force]
 *
 * 1. `astro build`, in a child process of this Node with a larger heap, so its
 *    memory is given back before the next step starts. If it fails, so does
 *    this, with Astro's output and exit code.
 * 2. The sharded search index of the case pages (src/integrations/pagefind.ts),
 *    in this process, once Astro has exited. Any Pagefind error fails the build
 *    with Pagefind's own messages.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, summaryLine } from '../integrations/pagefind.ts';
import { readTableRows } from '../lib/search/table-files.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const astro = join(root, 'node_modules/astro/bin/astro.mjs');

/** Astro's heap limit: a 100 000-case build needs more than Node's default. */
export const ASTRO_HEAP_MB = 8192;

const code = await new Promise<number>((done, fail) => {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${ASTRO_HEAP_MB}`, astro, 'build', ...process.argv.slice(2)],
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
  const started = performance.now();
  const summary = await buildSearchIndex(resolve(root, config.outDir), readTableRows);
  console.log(`${summaryLine(summary)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
