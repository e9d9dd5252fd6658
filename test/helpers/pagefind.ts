/**
 * Reads a built site's sharded search index the way visitors do: Chromium
 * loads src/scripts/search-shards.ts and the modules it imports (their types
 * stripped, served from the site's own origin so the pages' CSP allows them)
 * and searches every bundle through Pagefind's own `pagefind.js`.
 */
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serve } from './static-server.ts';
import { ROOT } from './site.ts';

export interface ShardQueryHit {
  row: number;
  score: number;
  /** Pagefind's excerpt HTML. */
  excerpt: string;
}

export interface ShardSearchRun {
  /** The hits of each query, in the order searchShards gives them (none if a search rejected). */
  hits: ShardQueryHit[][];
  /** The message a rejected preload or search gave. */
  error?: string;
  /** Every URL path (with its query string) the page fetched, in order. */
  requests: string[];
}

/** Where the page finds src/ (any free path on the served site): modules import each other by relative paths. */
const SRC_PATH = '/__src/';
const MODULE_PATH = `${SRC_PATH}scripts/search-shards.ts`;

/**
 * The in-page code, as text: vitest rewrites `import()` in test code, so a
 * function passed to page.evaluate could not load the module.
 */
const RUN_QUERIES = `async ([base, queries]) => {
  const m = await import(location.origin + '${MODULE_PATH}');
  try {
    await m.preloadShards(base);
    const out = [];
    for (const q of queries) {
      const hits = await m.searchShards(base, q);
      out.push(
        await Promise.all(
          Array.from(hits.rows, async (row, i) => ({ row, score: hits.scores[i], excerpt: await m.hitExcerpt(base, q, row) })),
        ),
      );
    }
    return { hits: out };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
}`;

/**
 * Runs queries against the sharded index of the site in `dir` (served at `/`) in a fresh
 * page. Requests whose path matches `fail` are answered with 404.
 */
export async function searchShardsIn(
  browser: Browser,
  dir: string,
  queries: string[],
  { fail }: { fail?: RegExp } = {},
): Promise<ShardSearchRun> {
  const server = await serve(dir);
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    requests.push(`${url.pathname}${url.search}`);
  });
  try {
    await page.route(`${server.url}${SRC_PATH}**`, (route) => {
      const file = join(ROOT, 'src', new URL(route.request().url()).pathname.slice(SRC_PATH.length));
      return route.fulfill({
        status: 200,
        contentType: 'text/javascript',
        body: stripTypeScriptTypes(readFileSync(file, 'utf8')),
      });
    });
    if (fail)
      await page.route(
        (url) => fail.test(url.pathname),
        (route) => route.fulfill({ status: 404, body: '' }),
      );
    await page.goto(`${server.url}/404.html`);
    const run = (await page.evaluate(`(${RUN_QUERIES})(${JSON.stringify(['/', queries])})`)) as {
      hits?: ShardQueryHit[][];
      error?: string;
    };
    return { hits: run.hits ?? [], ...(run.error !== undefined ? { error: run.error } : {}), requests };
  } finally {
    await page.close();
    await server.close();
  }
}
