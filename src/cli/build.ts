/**
 * `npm run build`: builds the site in two steps.
 *
 *   node src/cli/build.ts [-- astro build's flags, e.g. --force]
 *
 * 1. `astro build`, in a child process of this Node with a larger heap, so its
 *    memory is given back before the next step starts. If it fails, so does
 *    this, with Astro's output and exit code.
 * 2. Once Astro has exited, in this process: the per-case JSON files, split
 *    from /data/arenden.json (src/postbuild/case-json.ts), and the sharded
 *    search index of the case pages (src/postbuild/search-index.ts). Any
 *    Pagefind error fails the build with Pagefind's own messages.
 *
 * What step 2 needs is imported only once Astro has exited, so this process
 * holds no more than Node itself while Astro's build is at its peak.
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
 * where V8 on its own let it reach four times the live data (782 MB of heap for 180 MB
 * live at 10 000 cases). Measured on a cold 10 000-case build, peak RSS of the process
 * tree: 1.50–1.60 GB by default, 1.38–1.44 GB with this. It costs CPU for the extra
 * collections: 67 s against 56 s in two bench runs; Astro's wall time in two A/B pairs,
 * 53.2 and 49.8 s against 46.1 and 49.6 s. 1.30 times gave 1.37 GB; 2 times, 1.42 GB.
 */
export const ASTRO_HEAP_GROWTH = '--heap-growing-percent=50';

const code = await new Promise<number>((done, fail) => {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${ASTRO_HEAP_MB}`, ASTRO_HEAP_GROWTH, astro, 'build', ...process.argv.slice(2)],
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
  const { caseFilesLine, writeCaseFiles } = await import('../postbuild/case-json.ts');
  const { buildSearchIndex, summaryLine } = await import('../postbuild/search-index.ts');
  const { readTableRows } = await import('../lib/search/table-files.ts');
  const siteDir = resolve(root, config.outDir);
  const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  let started = performance.now();
  console.log(`${caseFilesLine(writeCaseFiles(siteDir))} (${seconds(started)})`);
  started = performance.now();
  console.log(`${summaryLine(await buildSearchIndex(siteDir, readTableRows))} (${seconds(started)})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
