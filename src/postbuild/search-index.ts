/**
 * Builds the sharded search index of a built site, after Astro has exited
 * (src/postbuild/run.ts): the case pages, in the shards src/lib/search/shards.ts
 * plans from the facet table's rows (handed over: contract.ts), each shard its own Pagefind index in
 * `<siteDir>/pagefind/<label>-<hash>/`, with `shards.json` listing them and `rows.json`
 * naming each result's row (the contract is described in shards.ts).
 *
 * Pagefind indexes only words: the language comes from `<html lang="sv">`, so
 * Swedish stemming applies; filters, counts and sorts come from the facet table.
 *
 * Incremental: a bundle's folder is named by a hash over its pages (slug and
 * HTML bytes), the Pagefind version and the options. A shard whose folder is
 * already there is kept as it is; a changed shard is written into a working
 * folder (its previous bundle moved aside, so unchanged fragments are not
 * written again; see pagefind-format.ts, which holds everything that reads
 * Pagefind's own file formats), renamed into place when complete, and
 * folders no longer listed are removed after `shards.json` is written. `rows.json` is rewritten only when a
 * page's row or id changed. So a one-case change re-indexes one shard.
 *
 * Memory: Pagefind's service holds every page of an index until it is written,
 * so at most INDEX_CONCURRENCY shards are in the service at a time, and each is
 * deleted from it once written.
 *
 * Any error Pagefind reports fails with Pagefind's own message and the step;
 * the service is always closed. The Pagefind API is a parameter, so the error
 * handling is tested without a build (test/unit/pagefind-integration.test.ts).
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { CASE_LIST_PATH, casePath } from '../lib/core/slug.ts';
import {
  fragmentUrls,
  INDEX_CHUNK_SIZE,
  pagefindVersion,
  removeUnusedIndexFiles,
  removeUnusedUiFiles,
  setIndexChunkSize,
} from './pagefind-format.ts';
import { writeIfChanged } from './write-if-changed.ts';
import {
  encodeRows,
  INDEX_DIR,
  planShards,
  type PlannedShard,
  ROWS_FILE,
  SHARDS_FILE,
  SHARDS_VERSION,
  type ShardsFile,
  type IndexRow,
} from '../lib/search/shards.ts';

/** The part of Pagefind's Node API the build uses. */
export interface PagefindApi {
  createIndex: typeof pagefind.createIndex;
  close: typeof pagefind.close;
}

/** Every Pagefind response carries an `errors` array; empty means success. */
interface PagefindResponse {
  errors: string[];
}

/** The error that fails the build, naming the step and Pagefind's messages. */
export class PagefindBuildError extends Error {
  readonly step: string;
  readonly causes: readonly string[];
  constructor(step: string, causes: readonly string[], options?: ErrorOptions) {
    super(
      `Sökindexet kunde inte byggas: Pagefind rapporterade fel i steget ${step}:\n${causes.map((c) => `  - ${c}`).join('\n')}`,
      options,
    );
    this.name = 'PagefindBuildError';
    this.step = step;
    this.causes = causes;
  }
}

/** The index and the table disagree: a case is missing from the index, or there twice. */
export class SearchIndexMismatchError extends Error {
  constructor(message: string) {
    super(`Sökindexet stämmer inte med ärendena: ${message}`);
    this.name = 'SearchIndexMismatchError';
  }
}

/** Returns the response when Pagefind reported no errors, else throws PagefindBuildError. */
export function checked<T extends PagefindResponse>(step: string, response: T): T {
  if (response.errors.length > 0) throw new PagefindBuildError(step, response.errors);
  return response;
}

/**
 * How many shards are indexed at the same time: one, since Pagefind's service already
 * uses every core for one index, and each shard in the service holds all its pages.
 */
export const INDEX_CONCURRENCY = 1;

/** The folder in the build's cache that keeps each shard's page links between builds (BuildIndexOptions.pagesDir). */
export const PAGES_CACHE = 'insyn-search-pages';

/** Written last into a bundle: result id → slug, what `rows.json` is made from on later builds. */
export const PAGES_FILE = 'pages.json';

/** The format of the hash inputs; raise it when what a bundle holds changes. */
const BUNDLE_FORMAT = 1;

/** A case page's file, relative to the site folder (its URL path is `casePath`). */
export const casePageFile = (slug: string) => `${casePath(slug).slice(1)}index.html`;

export interface ShardResult {
  label: string;
  bundle: string;
  pages: number;
  rebuilt: boolean;
}

export interface IndexSummary {
  /** Case pages indexed, over all shards. */
  pages: number;
  shards: ShardResult[];
  /** How many shards were indexed again (the rest were kept). */
  rebuilt: number;
  outputPath: string;
}

export interface BuildIndexOptions {
  api?: PagefindApi;
  cap?: number;
  /** Pagefind's version, part of the hash (default: the installed one). */
  version?: string;
  /**
   * Where each shard's folder of page links (linkShardPages) is kept between builds, one
   * folder per shard label; without it, each is made beside the index and removed.
   */
  pagesDir?: string;
}

/** The bundle folder of a shard: its label and a hash over what it indexes. */
function bundleName(label: string, hash: string): string {
  return `${label}-${hash.slice(0, 12)}`;
}

/** The hash over a shard's pages and everything else that shapes its index. */
export function shardHash(version: string, pages: readonly { slug: string; html: Buffer }[]): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: BUNDLE_FORMAT, version, chunk: INDEX_CHUNK_SIZE }));
  for (const { slug, html } of pages) {
    hash.update(`\0${slug}\0${html.length}\0`);
    hash.update(html);
  }
  return hash.digest('hex');
}

/** Whether `copy` is the site's `page` now: the same file (a hard link), or a copy made since the page was written. */
function isCurrent(page: string, copy: string): boolean {
  let mine;
  try {
    mine = statSync(copy);
  } catch {
    return false;
  }
  const theirs = statSync(page);
  if (mine.dev === theirs.dev && mine.ino === theirs.ino) return true;
  return mine.nlink === 1 && mine.size === theirs.size && mine.mtimeMs >= theirs.mtimeMs;
}

/**
 * Makes `dir` a folder of just the shard's case pages, at their paths in the site, as hard
 * links to them (copies where the file system cannot link). Pagefind reads a folder by
 * walking all of it, so given the whole site it would walk every case page once per shard.
 *
 * What is already right in `dir` is kept: a folder kept from the last build (PAGES_CACHE)
 * costs a look at each page, where making it again costs a directory per page (about
 * 0.3 ms each here, 1.2–1.6 s for a shard of 4 181 pages, and as much again to remove).
 */
export function linkShardPages(siteDir: string, dir: string, shard: PlannedShard): void {
  // The folder of every case page's folder (`arenden`).
  const parent = CASE_LIST_PATH.slice(1, -1);
  mkdirSync(join(dir, parent), { recursive: true });
  const wanted = new Set(shard.pages.map((p) => p.slug));
  for (const name of readdirSync(dir)) if (name !== parent) rmSync(join(dir, name), { recursive: true, force: true });
  const present = new Set(readdirSync(join(dir, parent)));
  for (const name of present) if (!wanted.has(name)) rmSync(join(dir, parent, name), { recursive: true, force: true });
  for (const slug of wanted) {
    const page = casePageFile(slug);
    const source = join(siteDir, page);
    const target = join(dir, page);
    if (present.has(slug)) {
      if (isCurrent(source, target)) continue;
      rmSync(target, { force: true });
    } else mkdirSync(dirname(target));
    try {
      linkSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
      copyFileSync(source, target);
    }
  }
}

/** A case page's URL (`/arenden/<slug>/`) → slug; undefined for any other page. */
const slugOfUrl = (url: string) => {
  const slug = url.split('/').at(-2);
  return slug && casePath(slug) === url ? slug : undefined;
};

/**
 * Runs one Pagefind step: its reported errors, or an error it throws (kept as
 * `cause`), fail with PagefindBuildError naming the step.
 */
export async function step<T extends PagefindResponse>(name: string, run: () => Promise<T>): Promise<T> {
  let response: T;
  try {
    response = await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new PagefindBuildError(name, [message], { cause: error });
  }
  return checked(name, response);
}

/** Indexes one shard into `<outputPath>/<bundle>/`; returns result id → slug. */
async function indexShard(
  api: PagefindApi,
  siteDir: string,
  outputPath: string,
  bundle: string,
  shard: PlannedShard,
  previous: string | undefined,
  pagesDir: string | undefined,
): Promise<Record<string, string>> {
  const tmp = join(outputPath, `.${bundle}.tmp`);
  const pages = pagesDir ? join(pagesDir, shard.label) : join(outputPath, `.${bundle}.pages`);
  rmSync(tmp, { recursive: true, force: true });
  // Written over the shard's previous bundle, moved aside: Pagefind skips every fragment
  // that is already there, and what the new index does not use is removed after writing.
  if (previous) renameSync(join(outputPath, previous), tmp);
  const created = await step('createIndex', () => api.createIndex());
  if (!created.index) throw new PagefindBuildError('createIndex', ['Pagefind gav inget index tillbaka']);
  const index = created.index;
  try {
    // Pagefind reads the shard's pages itself, in parallel, faster than being sent each page.
    linkShardPages(siteDir, pages, shard);
    const added = await step(`addDirectory (${shard.label})`, () =>
      index.addDirectory({ path: pages, glob: casePageFile('*') }),
    );
    const read = added.page_count;
    if (read !== shard.pages.length)
      throw new SearchIndexMismatchError(
        `delen ${shard.label} har ${shard.pages.length} ärendesidor men Pagefind läste ${read}`,
      );
    const write = () => step(`writeFiles (${shard.label})`, () => index.writeFiles({ outputPath: tmp }));
    await write();
    if (previous) {
      try {
        removeUnusedIndexFiles(tmp);
      } catch {
        // The new index's file list could not be read: write it into an empty folder.
        rmSync(tmp, { recursive: true, force: true });
        await write();
      }
    }
    removeUnusedUiFiles(tmp);
  } finally {
    if (!pagesDir) rmSync(pages, { recursive: true, force: true });
    // Frees the service's copy of the pages; if the service is gone, the error above says why.
    await index.deleteIndex().catch(() => undefined);
  }
  const ids: Record<string, string> = {};
  const wanted = new Set(shard.pages.map((p) => p.slug));
  for (const [id, url] of fragmentUrls(tmp)) {
    const slug = slugOfUrl(url);
    if (slug === undefined || !wanted.has(slug))
      throw new SearchIndexMismatchError(`delen ${shard.label} har en sida som inte hör dit: ${url}`);
    ids[id] = slug;
  }
  const found = new Set(Object.values(ids));
  const missing = [...wanted].filter((s) => !found.has(s));
  if (missing.length > 0 || Object.keys(ids).length !== wanted.size)
    throw new SearchIndexMismatchError(
      `delen ${shard.label} indexerade ${Object.keys(ids).length} sidor av ${wanted.size}` +
        (missing.length > 0 ? `; saknas: ${missing.slice(0, 5).join(', ')}` : ''),
    );
  writeFileSync(join(tmp, PAGES_FILE), JSON.stringify(ids));
  rmSync(join(outputPath, bundle), { recursive: true, force: true });
  renameSync(tmp, join(outputPath, bundle));
  return ids;
}

/** A kept bundle's result id → slug, or undefined when it is not there or not complete. */
function readBundle(bundleDir: string): Record<string, string> | undefined {
  try {
    return JSON.parse(readFileSync(join(bundleDir, PAGES_FILE), 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
}

/** The folder of an earlier bundle with this label (the shard before its pages changed), if any. */
function previousBundle(outputPath: string, label: string): string | undefined {
  const name = new RegExp(`^${label}-[0-9a-f]{12}$`);
  return readdirSync(outputPath).find((entry) => name.test(entry));
}

/** Runs `work` over `items`, at most `limit` at a time; the first failure rejects once all started work ends. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (next < items.length && failures.length === 0) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failures.length > 0) throw failures[0];
}

/**
 * Builds the sharded index of the case pages in `siteDir`, whose facet-table rows are
 * `rows` (see the module comment).
 * Throws PagefindBuildError when Pagefind reports an error or a step of it fails (the
 * original error kept as `cause`), SearchIndexMismatchError when the index and
 * the table's rows disagree; reading or writing files fails with the file system's error.
 */
export async function buildSearchIndex(
  siteDir: string,
  rows: readonly IndexRow[],
  options: BuildIndexOptions = {},
): Promise<IndexSummary> {
  const api = options.api ?? pagefind;
  // Before the first call, which starts the service (it is closed again below).
  setIndexChunkSize();
  const version = options.version ?? pagefindVersion();
  const outputPath = join(siteDir, INDEX_DIR);
  mkdirSync(outputPath, { recursive: true });
  const plan = planShards(rows, options.cap);
  const results: (ShardResult & { ids: Record<string, string> })[] = [];
  try {
    await pool(plan, INDEX_CONCURRENCY, async (shard) => {
      const pages = shard.pages.map(({ slug }) => {
        const file = join(siteDir, casePageFile(slug));
        if (!existsSync(file)) throw new SearchIndexMismatchError(`ärendesidan ${casePageFile(slug)} finns inte`);
        return { slug, html: readFileSync(file) };
      });
      const bundle = bundleName(shard.label, shardHash(version, pages));
      const kept = readBundle(join(outputPath, bundle));
      const ids =
        kept ??
        (await indexShard(
          api,
          siteDir,
          outputPath,
          bundle,
          shard,
          previousBundle(outputPath, shard.label),
          options.pagesDir,
        ));
      results.push({ label: shard.label, bundle, pages: shard.pages.length, rebuilt: !kept, ids });
    });
  } finally {
    await api.close();
  }
  // In plan order, whatever order the shards finished in.
  const order = new Map(plan.map((s, i) => [s.label, i]));
  results.sort((a, b) => order.get(a.label)! - order.get(b.label)!);

  const rowOf = new Map(rows.map((r, i) => [r.slug, i]));
  const hitRows: { id: string; bundle: number }[] = new Array(rows.length);
  results.forEach((shard, bundle) => {
    for (const [id, slug] of Object.entries(shard.ids)) {
      const row = rowOf.get(slug);
      if (row === undefined) throw new SearchIndexMismatchError(`${slug} finns i indexet men inte i tabellen`);
      if (hitRows[row]) throw new SearchIndexMismatchError(`${slug} finns i mer än en del av indexet`);
      hitRows[row] = { id, bundle };
    }
  });
  const seen = hitRows.filter(Boolean).length;
  if (seen !== rows.length) {
    const missing = rows.filter((_, row) => !hitRows[row]).map((r) => r.slug);
    throw new SearchIndexMismatchError(
      `${seen} ärendesidor indexerade men tabellen har ${rows.length} rader; saknas: ${missing.slice(0, 5).join(', ')}`,
    );
  }
  writeIfChanged(join(outputPath, ROWS_FILE), JSON.stringify(encodeRows(hitRows, (row) => casePath(rows[row]!.slug))));
  const manifest: ShardsFile = {
    version: SHARDS_VERSION,
    shards: results.map((s) => ({ bundle: `${s.bundle}/`, pages: s.pages })),
  };
  writeIfChanged(join(outputPath, SHARDS_FILE), `${JSON.stringify(manifest)}\n`);
  // Everything else in the folder is from earlier builds: old bundles, unfinished ones,
  // and the files of the single index of earlier versions.
  const current = new Set([SHARDS_FILE, ROWS_FILE, ...results.map((s) => s.bundle)]);
  for (const name of readdirSync(outputPath)) {
    if (!current.has(name)) rmSync(join(outputPath, name), { recursive: true, force: true });
  }
  const labels = new Set(plan.map((s) => s.label));
  if (options.pagesDir && existsSync(options.pagesDir))
    for (const name of readdirSync(options.pagesDir))
      if (!labels.has(name)) rmSync(join(options.pagesDir, name), { recursive: true, force: true });
  const shards = results.map(({ ids: _ids, ...s }) => s);
  return {
    pages: seen,
    shards,
    rebuilt: shards.filter((s) => s.rebuilt).length,
    outputPath,
  };
}

/** The build's one line about the index, in Swedish. */
export function summaryLine(summary: IndexSummary): string {
  return `Sökindex: ${summary.pages} ärendesidor i ${summary.shards.length} delar, ${summary.rebuilt} byggda om`;
}
