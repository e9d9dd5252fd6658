/**
 * The steps of `npm run build` after Astro's process has exited (src/cli/build.ts),
 * in order, each given its input as contract.ts describes it:
 *
 * 1. the per-case JSON files (case-json.ts);
 * 2. the sharded search index of the case pages (search-index.ts), once the
 *    installed Pagefind is one whose file formats the step was checked against.
 *
 * Returns the build's lines about them, in Swedish.
 */
import { join } from 'node:path';
import { caseFilesLine, writeCaseFiles } from './case-json.ts';
import { indexRows, readPostbuildInput } from './contract.ts';
import { checkPagefindVersion, pagefindVersion } from './pagefind-format.ts';
import { buildSearchIndex, PAGES_CACHE, summaryLine } from './search-index.ts';

/** `cacheDir`: the build's cache folder, where the index keeps what speeds up the next build. */
export async function runPostbuild(siteDir: string, cacheDir: string, log: (line: string) => void): Promise<void> {
  const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
  const version = pagefindVersion();
  checkPagefindVersion(version);
  let started = performance.now();
  // The cases are let go before the index is built: at 100 000 cases they are over
  // a gigabyte, and Pagefind's service holds a shard's pages on top.
  const rows = (() => {
    const input = readPostbuildInput(siteDir);
    log(`${caseFilesLine(writeCaseFiles(input))} (${seconds(started)})`);
    return indexRows(input);
  })();
  started = performance.now();
  const summary = await buildSearchIndex(siteDir, rows, { version, pagesDir: join(cacheDir, PAGES_CACHE) });
  log(`${summaryLine(summary)} (${seconds(started)})`);
}
