/**
 * The benchmark's browser measurements (test/bench/search-timing.ts and
 * search-bytes.ts) on the seed fixture site, as `npm run bench` runs them on
 * its own sites: they find their way through the search page's hooks and
 * return finite numbers in the expected shape. No timing is asserted (speed
 * is measured by `npm run bench`).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measureSearchBytes } from '../bench/search-bytes.ts';
import { measureSearchTiming } from '../bench/search-timing.ts';
import { testBrowser } from '../helpers/browser.ts';

const dir = inject('siteDir');
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const finite = (samples: number[], rounds: number) => {
  expect(samples).toHaveLength(rounds);
  for (const ms of samples) {
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(0);
  }
};

describe("the benchmark's search measurements on the seed site", () => {
  it('time the navigation with two filters and a sort, a typed query, a shared link with words and a filter click on it, every round', async () => {
    const t = await measureSearchTiming(dir, { browser, rounds: 2 });
    expect(t.rounds).toBe(2);
    expect(t.cache).toBe('cold');
    expect(t.load.every(Number.isFinite)).toBe(true);
    expect(t.filters).toHaveLength(2);
    expect(t.filters[0]!.key).not.toBe(t.filters[1]!.key);
    const params = new URL(t.start, 'http://x').searchParams;
    expect(t.start.startsWith('/sok/?')).toBe(true);
    expect(params.get('sortering')).toBe('belopp-hogst');
    for (const f of t.filters) expect(params.getAll(f.key)).toContain(f.value);
    expect(t.link.path).toBe('/sok/?q=f%C3%B6rs%C3%B6rjningsst%C3%B6det');
    for (const s of [t.navigation, t.link, t.filterClick, t.query]) {
      expect(s.errors).toEqual([]);
      finite(s.samples, 2);
      expect(s.median).toBeGreaterThanOrEqual(s.min!);
      expect(s.median).toBeLessThanOrEqual(s.max!);
    }
    expect(t.navigation.min).toBeGreaterThan(0);
    expect(t.link.min).toBeGreaterThan(0);
    // The link's page loads the table, Pagefind and the hits' rows and excerpts.
    expect(t.link.bytes).toBeGreaterThan(10_000);
    expect(t.filterClick.filter).not.toBeNull();
    expect(t.query.text).toBe('försörjningsstödet');
  });

  it('count the bytes on opening /sok/, fewer when the site is served with gzip', async () => {
    const [raw, gzip] = [
      await measureSearchBytes(dir, { browser }),
      await measureSearchBytes(dir, { browser, gzip: true }),
    ];
    for (const m of [raw, gzip]) {
      expect(m.open.files.map((f) => f.path)).toContain('/sok/');
      expect(m.open.bytes).toBe(m.open.files.reduce((sum, f) => sum + f.bytes, 0));
      expect(m.hits).toMatch(/träff/);
    }
    const page = (m: typeof raw) => m.open.files.find((f) => f.path === '/sok/')!.bytes;
    expect(page(gzip)).toBeLessThan(page(raw));
    expect(gzip.open.bytes).toBeLessThan(raw.open.bytes);
    // Without words Pagefind is not loaded; with them, its script and WASM are compressed too.
    expect(gzip.open.pagefindBytes).toBe(0);
    expect(gzip.search.pagefindBytes).toBeGreaterThan(0);
    expect(gzip.search.pagefindBytes).toBeLessThan(raw.search.pagefindBytes);
    // Pagefind runs in the page's own worker, so its own worker is never fetched. What that
    // worker fetches (Pagefind's script, among others) Chromium reports with no body size:
    // it counts as transferred, compressed, not as its decoded length.
    for (const m of [raw, gzip]) expect(m.search.files.some((f) => f.path.endsWith('/pagefind-worker.js'))).toBe(false);
    const file = (m: typeof raw, end: RegExp) => m.search.files.find((f) => end.test(f.path))!.bytes;
    for (const end of [/\/search-worker[^/]*\.js$/, /\/pagefind\.js$/])
      expect(file(gzip, end)).toBeLessThan(file(raw, end) / 2);
  });
});
