/**
 * The benchmark's browser measurements (test/bench/search-timing.ts and
 * search-bytes.ts) on the seed fixture site, as `npm run bench` runs them on
 * its own sites: they find their way through the search page's hooks and
 * return finite numbers in the expected shape; and on a stand-in page written
 * here, that keeps only the hooks (as a rewritten search page may): no counts
 * beside the filters, a "Söker…" status before each answer, and a first choice
 * of filters that leaves no hits. No timing is asserted (speed is measured by
 * `npm run bench`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measureSearchBytes } from '../bench/search-bytes.ts';
import { measureSearchTiming } from '../bench/search-timing.ts';
import { launchChromium } from '../helpers/browser.ts';

const dir = inject('siteDir');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
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
  it('time the navigation with two filters and a sort, a filter click and a query, every round', async () => {
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
    for (const s of [t.navigation, t.filterClick, t.query]) {
      expect(s.errors).toEqual([]);
      finite(s.samples, 2);
      expect(s.median).toBeGreaterThanOrEqual(s.min!);
      expect(s.median).toBeLessThanOrEqual(s.max!);
    }
    expect(t.navigation.min).toBeGreaterThan(0);
    expect(t.filterClick.filter).not.toBeNull();
    expect(t.filters).not.toContainEqual(t.filterClick.filter);
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
  });
});

/** A stand-in /sok/ with the hooks only: 40 cases, typ A–C, år 2020–2021 (typ A only in 2021). */
const STAND_IN = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Sök</title></head><body>
<form id="sok-formular"><input id="sok-fraga" name="q"><button>Sök</button></form>
<p id="sok-status" role="status"></p>
<section id="sok-filter">
  <label><input type="checkbox" name="typ" value="A"> A <span>14</span></label>
  <label><input type="checkbox" name="typ" value="B"> B <span>13</span></label>
  <label><input type="checkbox" name="typ" value="C"> C <span>13</span></label>
  <label><input type="checkbox" name="ar" value="2020"> 2020 <span>20</span></label>
  <label><input type="checkbox" name="ar" value="2021"> 2021 <span>20</span></label>
</section>
<ol id="sok-traffar"></ol>
<script>
const cases = Array.from({ length: 40 }, (_, i) => ({
  title: 'Ärende ' + i, typ: 'ABC'[i % 3], ar: i % 3 === 0 ? '2021' : String(2020 + (i % 2)), amount: i * 1000,
  text: i % 4 === 0 ? 'försörjningsstödet' : 'annat',
}));
const status = document.getElementById('sok-status');
const list = document.getElementById('sok-traffar');
let timer;
function render() {
  status.textContent = 'Söker…';
  clearTimeout(timer);
  timer = setTimeout(() => {
    const params = new URLSearchParams(location.search);
    const q = params.get('q') ?? '';
    const hits = cases.filter((c) => ['typ', 'ar'].every((k) => !params.has(k) || params.getAll(k).includes(c[k])) && (!q || c.text.includes(q)));
    hits.sort((a, b) => b.amount - a.amount);
    list.replaceChildren(...hits.slice(0, 10).map((c) => Object.assign(document.createElement('li'), { textContent: c.title })));
    status.textContent = hits.length ? hits.length + ' träffar.' : 'Inga träffar.';
    for (const box of document.querySelectorAll('#sok-filter input')) box.checked = params.getAll(box.name).includes(box.value);
  }, 30);
}
document.getElementById('sok-filter').addEventListener('change', (e) => {
  const params = new URLSearchParams(location.search);
  const box = e.target;
  const values = params.getAll(box.name).filter((v) => v !== box.value);
  params.delete(box.name);
  for (const v of box.checked ? [...values, box.value] : values) params.append(box.name, v);
  history.pushState(null, '', '?' + params);
  render();
});
document.getElementById('sok-formular').addEventListener('submit', (e) => {
  e.preventDefault();
  const params = new URLSearchParams(location.search);
  params.set('q', document.getElementById('sok-fraga').value);
  history.pushState(null, '', '?' + params);
  render();
});
render();
</script></body></html>`;

describe('the search timing on a stand-in page with the hooks only', () => {
  const site = mkdtempSync(join(tmpdir(), 'insyn-stand-in-'));
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('finds two filters that leave hits, and times every round', async () => {
    mkdirSync(join(site, 'sok'));
    writeFileSync(join(site, 'sok/index.html'), STAND_IN);
    writeFileSync(join(site, '404.html'), 'saknas');
    const t = await measureSearchTiming(site, { browser, rounds: 2 });
    // typ=A is first; år 2020 comes first but leaves no hits with it, so 2021.
    expect(t.filters).toEqual([
      { key: 'typ', value: 'A' },
      { key: 'ar', value: '2021' },
    ]);
    expect(t.filterClick.filter).toEqual({ key: 'typ', value: 'B' });
    for (const s of [t.navigation, t.filterClick, t.query]) {
      expect(s.errors).toEqual([]);
      finite(s.samples, 2);
    }
    // The stand-in answers 30 ms after a "Söker…" status, which does not count as an answer.
    for (const s of [t.filterClick, t.query]) expect(s.min).toBeGreaterThanOrEqual(30);
  });
});
