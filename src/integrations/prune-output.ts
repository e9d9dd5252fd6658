/**
 * Keeps the output directory exactly this build's output.
 *
 * The output directory is not emptied before a build (`vite.build.emptyOutDir:
 * false` in astro.config.mjs): with Astro's incremental build, a case page
 * whose cache key and code are unchanged stays where the last build wrote it
 * (see src/views/page-key.ts). Everything else is written again. So,
 * in `astro:build:done`, once every page is written and before the search index
 * reads the pages (so a deleted case never reaches the index), every file that is
 * older than this build and is neither one of this build's pages nor a file of
 * `public/` is something an earlier build made and this one did not (the page
 * of a deleted case, a stylesheet under an old hash), and is removed, with the
 * folders it leaves empty. Files of `public/` count as this build's whatever
 * their time: since Astro 7.4 their copies in the output keep the source's
 * modification time, older than the build. A `.git` folder in the output is
 * left alone, as Astro does, and so are the folders of the per-case JSON files
 * and of the search index, which the steps after Astro (src/cli/build.ts)
 * write and prune themselves.
 *
 * test/build/incremental.test.ts holds the contract: after any rebuild the
 * output equals a clean build's, file for file and byte for byte.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CASE_JSON_DIR } from '../lib/export/downloads.ts';
import { INDEX_DIR } from '../lib/search/shards.ts';
import { HEADERS_FILE } from './headers.ts';

export interface OutputFile {
  /** Relative to the output directory, with `/` separators. */
  path: string;
  mtimeMs: number;
}

/** The files to remove: older than `since` and not among `current` (this build's pages). */
export function staleFiles(files: readonly OutputFile[], since: number, current: ReadonlySet<string>): string[] {
  return files.filter((f) => f.mtimeMs < since && !current.has(f.path)).map((f) => f.path);
}

/**
 * Folders of the output (paths below it) that pruning leaves alone: `.git`
 * (Astro keeps it too), and the folders the steps after Astro write and prune
 * themselves: the per-case JSON files (src/postbuild/case-json.ts) and
 * Pagefind's (src/postbuild/search-index.ts), which keeps unchanged shards
 * from earlier builds.
 */
export const LEFT_ALONE = new Set(['.git', CASE_JSON_DIR.slice(1, -1), INDEX_DIR]);

/** A path below `root` with `/` separators, as the output's files are named. */
const outputPath = (root: string, path: string) => relative(root, path).split(sep).join('/');

/**
 * Every file under `dir` (paths below it), except those in LEFT_ALONE's folders and those
 * in `known`, with its modification time: a file of `known` (this build's) is never
 * stale, so its time is not read (at 10 000 cases that is most of the output).
 */
function walk(dir: string, known: ReadonlySet<string> = new Set()): OutputFile[] {
  const files: OutputFile[] = [];
  const visit = (folder: string, below: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = below + entry.name;
      if (entry.isDirectory()) {
        if (!LEFT_ALONE.has(path)) visit(join(folder, entry.name), `${path}/`);
      } else if (!known.has(path)) files.push({ path, mtimeMs: lstatSync(join(folder, entry.name)).mtimeMs });
    }
  };
  visit(dir, '');
  return files;
}

/** Removes the stale files under `dir`, then the folders that left empty; returns how many files went. */
export function pruneOutput(dir: string, since: number, current: ReadonlySet<string>): number {
  const stale = staleFiles(walk(dir, current), since, current);
  const parents = new Set<string>();
  for (const path of stale) {
    rmSync(join(dir, path));
    for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) parents.add(folder);
  }
  // Deepest first, so that a folder holding only an emptied folder goes too.
  const deepestFirst = [...parents].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of deepestFirst) {
    if (readdirSync(join(dir, folder)).length === 0) rmdirSync(join(dir, folder));
  }
  return stale.length;
}

/**
 * The file system's own "now" for `dir`: a marker file is written there and
 * its modification time read back, so the build's start compares fairly with
 * the times the same file system gives the files, even where it keeps them
 * coarsely (whole seconds on HFS+, two on FAT). A file written after this has
 * the same time or a later one; so `staleFiles` keeps a file with the same time.
 */
export function fileSystemNow(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const marker = join(dir, '.insyn-build-start');
  writeFileSync(marker, '');
  const { mtimeMs } = statSync(marker);
  rmSync(marker);
  return mtimeMs;
}

/** Whether `dir` is missing or holds nothing. */
const isEmptyFolder = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

export function pruneStaleOutput(): AstroIntegration {
  let outDir: string | undefined;
  let publicDir: string | undefined;
  let startedAt: number | undefined;
  let startedEmpty = false;
  return {
    name: 'insyn-prune-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
      },
      // Before the build writes anything.
      'astro:build:start': () => {
        if (!outDir) return;
        startedEmpty = isEmptyFolder(outDir);
        startedAt = fileSystemNow(outDir);
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        if (startedAt === undefined)
          throw new Error('insyn-prune-output: bygget saknar starttid (astro:build:start kördes inte)');
        // An output that was empty when the build started holds only what this build
        // wrote: nothing to look for, and walking it would cost a cold build dearly.
        if (startedEmpty) return;
        const root = fileURLToPath(dir);
        const current = new Set([...assets.values()].flat().map((url) => outputPath(root, fileURLToPath(url))));
        // Astro copies public/ into the output with the files' own (older) times.
        if (publicDir && existsSync(publicDir)) for (const file of walk(publicDir)) current.add(file.path);
        // Written again by the security headers, which come after this integration.
        current.add(HEADERS_FILE);
        const removed = pruneOutput(root, startedAt, current);
        if (removed > 0)
          logger.info(`${removed} filer från tidigare byggen som inte längre hör till webbplatsen togs bort`);
      },
    },
  };
}
