/**
 * What a search costs a visitor, in bytes: a measuring tool for the
 * benchmark (`npm run bench` calls measureSearchBytes on each built size)
 * and for `node test/bench/search-bytes-cli.ts <dir> [query]`; the site never
 * imports it.
 *
 * Chromium opens /sok/ on the built site in a new browser context (an empty
 * cache), served as a static host would: without compression by default, so
 * the figures are upper bounds, or with `gzip: true` compressed as a host
 * compresses (test/helpers/static-server.ts; Pagefind's index and fragment files
 * are gzipped already). It waits until the page announces its first results
 * and the network is quiet, then types a query and waits for its results and
 * a quiet network again. It reports the bytes of every response in two phases:
 * opening the search page (everything the page fetches without a query), and
 * the query itself. Bytes are the response bodies as transferred (encoded,
 * as Chromium counts them); headers are left out.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { serve } from '../helpers/static-server.ts';

export interface FetchedFile {
  path: string;
  bytes: number;
}

export interface PhaseBytes {
  requests: number;
  bytes: number;
  /** The bytes that came from `/pagefind/` (script, WASM, index, fragments). */
  pagefindBytes: number;
  files: FetchedFile[];
}

export interface SearchBytes {
  query: string;
  hits: string;
  /** Opening /sok/ until the first results show. */
  open: PhaseBytes;
  /** Typing the query until its results show. */
  search: PhaseBytes;
  /** Both phases together. */
  totalBytes: number;
}

/** The default query: a common Swedish word, inflected, that the generated cases contain. */
export const TYPICAL_QUERY = 'försörjningsstödet';

async function bodyBytes(request: Request): Promise<number> {
  const response = await request.response();
  if (!response) return 0;
  const sizes = await request.sizes().catch(() => undefined);
  if (sizes && sizes.responseBodySize > 0) return sizes.responseBodySize;
  // Chromium reports no body size for what a web worker fetches (Pagefind's worker script):
  // a compressed response's length header is then what was transferred, its body decoded is not.
  const length = Number(response.headers()['content-length']);
  if (response.headers()['content-encoding'] && Number.isInteger(length) && length > 0) return length;
  return (await response.body().catch(() => Buffer.alloc(0))).length;
}

/** Records finished requests from now on; `stop` returns their bytes. */
export function record(page: Page, origin: string): { stop: () => Promise<PhaseBytes> } {
  const done: Request[] = [];
  const onFinished = (r: Request) => done.push(r);
  page.on('requestfinished', onFinished);
  return {
    stop: async () => {
      page.off('requestfinished', onFinished);
      const files = await Promise.all(
        done.map(async (r) => ({
          path: r.url().startsWith(origin) ? r.url().slice(origin.length) : r.url(),
          bytes: await bodyBytes(r),
        })),
      );
      const bytes = files.reduce((a, f) => a + f.bytes, 0);
      const pagefindBytes = files.filter((f) => f.path.includes('/pagefind/')).reduce((a, f) => a + f.bytes, 0);
      return { requests: files.length, bytes, pagefindBytes, files };
    },
  };
}

/** The live region's text once it names the query (the search page announces every result). */
async function waitForAnnouncement(page: Page, pattern: RegExp): Promise<string> {
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById('sok-status')?.textContent ?? ''),
    pattern.source,
    {
      timeout: 120_000,
    },
  );
  return (await page.locator('#sok-status').textContent()) ?? '';
}

/**
 * Measures the bytes the search page and one query download from a built
 * site directory. Pass a browser to reuse one; otherwise Chromium is
 * launched and closed here.
 */
export async function measureSearchBytes(
  siteDir: string,
  options: { query?: string; browser?: Browser; gzip?: boolean } = {},
): Promise<SearchBytes> {
  const query = options.query ?? TYPICAL_QUERY;
  // Launch first: if Chromium is missing, no server is left open to keep the process alive.
  const browser = options.browser ?? (await launchChromium());
  const server = await serve(siteDir, { gzip: options.gzip ?? false }).catch(async (error: unknown) => {
    if (!options.browser) await browser.close();
    throw error;
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const opening = record(page, server.url);
    await page.goto(`${server.url}/sok/`);
    // The HTML already announces the default search; data-run="0" until the script has shown its own.
    await page.waitForFunction(() => (document.getElementById('sok-resultat')?.dataset['run'] ?? '1') !== '0');
    await waitForAnnouncement(page, /träff/);
    await page.waitForLoadState('networkidle');
    const open = await opening.stop();

    const querying = record(page, server.url);
    await page.locator('#sok-fraga').fill(query);
    await page.locator('#sok-fraga').press('Enter');
    const hits = await waitForAnnouncement(page, new RegExp(`för ”${query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`));
    await page.waitForLoadState('networkidle');
    const search = await querying.stop();
    return { query, hits, open, search, totalBytes: open.bytes + search.bytes };
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
    await server.close();
  }
}
