/**
 * Reads a built site's Pagefind index the way visitors do: Chromium loads
 * `<base>pagefind/pagefind.js` from the served site and runs searches.
 * `indexRecords` returns every record (url, title, filters, meta) in the
 * order a sort gives.
 */
import type { Browser } from 'playwright-core';
import { serve } from '../../src/tools/static-server.ts';

export interface IndexRecord {
  url: string;
  title: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

export interface IndexQuery {
  q?: string | null;
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/**
 * The in-page code, as text: vitest rewrites `import()` in test code, so a
 * function passed to page.evaluate could not load pagefind.js.
 */
const RUN_QUERIES = `async (queries) => {
  const pf = await import(location.origin + '/pagefind/pagefind.js');
  await pf.options({ baseUrl: '/' });
  await pf.init();
  const out = [];
  for (const q of queries) {
    const search = await pf.search(q.q ?? null, { filters: q.filters ?? {}, ...(q.sort ? { sort: q.sort } : {}) });
    const data = await Promise.all(search.results.map((r) => r.data()));
    out.push(data.map((d) => ({ url: d.url, title: d.meta.title ?? '', filters: d.filters, meta: d.meta })));
  }
  return out;
}`;

/** Runs queries against the index of `dir` in a fresh page; returns the records of each, in result order. */
export async function queryIndex(browser: Browser, dir: string, queries: IndexQuery[]): Promise<IndexRecord[][]> {
  const server = await serve(dir);
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/404.html`);
    return (await page.evaluate(`(${RUN_QUERIES})(${JSON.stringify(queries)})`)) as IndexRecord[][];
  } finally {
    await page.close();
    await server.close();
  }
}
