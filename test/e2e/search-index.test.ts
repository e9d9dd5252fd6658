/**
 * The sharded search index of the seed fixture site (built once in global
 * setup), read in Chromium the way visitors' browsers read it, through
 * src/scripts/search-shards.ts: every case page in exactly one bundle and one
 * row, the facet table one row per case with the filter values
 * src/lib/search/meta.ts computes from the case file; Swedish stemming, also of
 * words with å, ä and ö, which are kept as letters of their own; excerpts on
 * demand; case pages free of JavaScript.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { indexRows, readPostbuildInput } from '../../src/postbuild/contract.ts';
import { buildSearchIndex } from '../../src/postbuild/search-index.ts';
import { validateAll } from '../../src/lib/content/collection.ts';
import { FILTER_FIELDS } from '../../src/lib/search/fields.ts';
import { caseSearchMeta } from '../../src/lib/search/meta.ts';
import {
  INDEX_DIR,
  readRows,
  ROWS_FILE,
  SHARDS_FILE,
  type RowsFile,
  type ShardsFile,
} from '../../src/lib/search/shards.ts';
import { fragmentUrls } from '../../src/postbuild/pagefind-format.ts';
import { readTable, readTableRows } from '../helpers/search-table.ts';
import { testBrowser } from '../helpers/browser.ts';
import { searchShardsIn } from '../helpers/pagefind.ts';
import { listFiles, ROOT, SEED_CASES, TEST_BUILD_DATE } from '../helpers/site.ts';

const dir = inject('siteDir');
const { cases } = validateAll(ROOT, SEED_CASES);
const rows = readTableRows(dir);
const buildDay = new Date(`${TEST_BUILD_DATE}T12:00:00Z`);
const index = join(dir, INDEX_DIR);
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const slugsOf = (hits: { row: number }[]) => hits.map((h) => rows[h.row]!.slug);

describe('the sharded search index of the seed fixture site', () => {
  it('lists its bundles, each a Swedish Pagefind index, and every case page in exactly one row of one bundle', () => {
    const manifest = JSON.parse(readFileSync(join(index, SHARDS_FILE), 'utf8')) as ShardsFile;
    expect(manifest.version).toBe(3);
    expect(manifest.shards.length).toBeGreaterThan(0);
    const casePages = listFiles(dir).filter((f) => /^arenden\/[^/]+\/index\.html$/.test(f));
    expect(cases).toHaveLength(5);
    expect(casePages).toHaveLength(cases.length);
    expect(rows.map((r) => `arenden/${r.slug}/index.html`).sort()).toEqual(casePages.sort());

    const find = readRows(
      JSON.parse(readFileSync(join(index, ROWS_FILE), 'utf8')) as RowsFile,
      rows.length,
      manifest.shards.length,
    );
    const seen: number[] = [];
    manifest.shards.forEach(({ bundle, pages }, k) => {
      expect(bundle).toMatch(/^[a-z0-9-]+\/$/);
      const entry = JSON.parse(readFileSync(join(index, bundle, 'pagefind-entry.json'), 'utf8'));
      expect(Object.keys(entry.languages)).toEqual(['sv']);
      expect(entry.languages.sv.page_count).toBe(pages);
      // Each of the bundle's results names its own row, and that row is its page's.
      const urls = fragmentUrls(join(index, bundle));
      expect(urls.size).toBe(pages);
      for (const [id, url] of urls) {
        const found = find(id);
        expect(found, id).toEqual({ row: expect.any(Number), bundle: k });
        const { row } = found as { row: number };
        expect(url).toBe(`/arenden/${rows[row]!.slug}/`);
        seen.push(row);
      }
    });
    expect(seen.sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
  });

  it('was built from rows handed over in the facet table order (src/postbuild/contract.ts)', () => {
    expect(indexRows(readPostbuildInput(dir))).toEqual(rows);
  });

  it('has one facet-table row per case, with its filter values', () => {
    const table = readTable(dir);
    rows.forEach((row, i) => {
      const c = cases.find((x) => x.slug === row.slug)!;
      const expected = caseSearchMeta(c.data, buildDay).filters;
      for (const field of FILTER_FIELDS) {
        const cell = table.facets[field.key][i]!;
        const values = (typeof cell === 'number' ? (cell < 0 ? [] : [cell]) : cell).map(
          (v) => table.values[field.key][v],
        );
        expect(values, `${row.slug} ${field.key}`).toEqual(expected[field.key] ?? []);
      }
    });
  });

  it('stems Swedish and keeps å, ä and ö letters of their own', async () => {
    const { hits } = await searchShardsIn(browser, dir, [
      'partnerskapen',
      'försörjningsstödet',
      'ängens',
      'förlängningen',
      'anges',
    ]);
    const [partnership, support, meadow, extension, stated] = hits.map((h) => slugsOf(h));
    expect(partnership![0]).toBe('iop-linkopings-stadsmission');
    expect(support![0]).toBe('linkstep-stangastaden-2020');
    // No seed case has a word beginning with "äng"; four say "anges", and with å, ä, ö
    // folded to a, a, o "ängens" would prefix-match them all.
    expect(stated!.length).toBeGreaterThan(0);
    expect(meadow).toEqual([]);
    // Words with å, ä, ö still find their inflections, and only those: a shard without the
    // word does not answer with a shorter one ("för", "försörjning", "partner") as one
    // index over every case would not.
    const text = (slug: string) => readFileSync(join(dir, `arenden/${slug}/index.html`), 'utf8');
    expect(extension!.length).toBeGreaterThan(0);
    for (const slug of extension!) expect(text(slug), slug).toMatch(/förlängning/);
    expect(partnership).toEqual(['iop-linkopings-stadsmission']);
    expect(support).toEqual(['linkstep-stangastaden-2020']);
  });

  it('finds other inflections of a word with å, ä or ö, by its stem letter for letter', async () => {
    const { hits } = await searchShardsIn(browser, dir, ['stöden', 'tjänsten', 'nämnderna']);
    const [support, services, boards] = hits.map((h) => slugsOf(h));
    const text = (slug: string) => readFileSync(join(dir, `arenden/${slug}/index.html`), 'utf8');
    const says = (stem: string) => new RegExp(`(^|[^\\p{L}])${stem}`, 'iu');
    // linkstep says only "stödet"; arbetsplatskorkortet and iop only "tjänster"; lund only "nämnder".
    expect(support).toEqual(expect.arrayContaining(['linkstep-stangastaden-2020', 'en-vag-in-steget-vidare']));
    expect(services).toEqual(
      expect.arrayContaining(['arbetsplatskorkortet-idrott-och-service', 'linkstep-stangastaden-2020']),
    );
    expect(boards).toEqual(
      expect.arrayContaining(['linkstep-stangastaden-2020', 'lund-samordnad-samverkan-arbetsmarknad']),
    );
    for (const [stem, found] of [
      ['stöd', support],
      ['tjänst', services],
      ['nämnd', boards],
    ] as const)
      for (const slug of found!) expect(text(slug), `${stem}: ${slug}`).toMatch(says(stem));
  });

  it('finds nothing for a word no case has, not every case with a short word it starts with', async () => {
    const queries = ['insyn', 'inskrivna', 'insyn kommun', 'försörjningstöd', 'försörjning'];
    const run = await searchShardsIn(browser, dir, queries);
    expect(run.error).toBeUndefined();
    const [insight, enrolled, both, misspelt, provision] = run.hits.map((h) => slugsOf(h));
    // No seed case has "insyn" or "inskrivna" (nor a word starting with them): Pagefind
    // alone answers both with "in", which four of the five cases have.
    for (const c of cases) expect(c.source, c.file).not.toMatch(/insyn|inskrivn/i);
    expect(insight).toEqual([]);
    expect(enrolled).toEqual([]);
    expect(both).toEqual([]);
    // A misspelt ending still finds the word of four letters or more it starts with.
    expect(provision!.length).toBeGreaterThan(0);
    expect([...misspelt!].sort()).toEqual([...provision!].sort());
  });

  it('orders hits by score across bundles and loads an excerpt with the words marked', async () => {
    const { hits } = await searchShardsIn(browser, dir, ['kommun']);
    const found = hits[0]!;
    expect(found.length).toBeGreaterThan(1);
    for (let i = 1; i < found.length; i++) expect(found[i - 1]!.score).toBeGreaterThanOrEqual(found[i]!.score);
    expect(new Set(found.map((h) => h.row)).size).toBe(found.length);
    expect(found[0]!.excerpt).toMatch(/<mark>kommun/i);
  });

  it('rejects a search when a bundle cannot be loaded, rather than leave its hits out', async () => {
    const manifest = JSON.parse(readFileSync(join(index, SHARDS_FILE), 'utf8')) as ShardsFile;
    expect(manifest.shards.length).toBeGreaterThan(1);
    const [first, last] = [manifest.shards[0]!.bundle, manifest.shards.at(-1)!.bundle];
    const rows = await searchShardsIn(browser, dir, ['kommun'], { fail: /\/pagefind\/rows\.json$/ });
    expect(rows.error).toBe('Sökindexet kunde inte läsas: /pagefind/rows.json gav 404');
    // The first bundle's files (its runtime's), and a bundle merged into it.
    // Pagefind only logs a metadata or WASM file that did not load; its searches then reject.
    for (const file of [
      `${first}pagefind-entry.json`,
      `${first}pagefind.sv_`,
      `${first}wasm.sv.pagefind`,
      `${last}pagefind-entry.json`,
      `${last}pagefind.sv_`,
    ]) {
      const run = await searchShardsIn(browser, dir, ['kommun'], { fail: new RegExp(`/pagefind/${file}`) });
      expect(run.error, file).toBeDefined();
      expect(run.hits, file).toEqual([]);
    }
    const list = await searchShardsIn(browser, dir, ['kommun'], { fail: /shards\.json$/ });
    expect(list.error).toBe('Sökindexet kunde inte läsas: /pagefind/shards.json gav 404');
  });

  it('leaves other pages out of the index, loads the search script as a file, and case pages without JavaScript', () => {
    const sok = readFileSync(join(dir, 'sok/index.html'), 'utf8');
    expect(sok).not.toContain('data-pagefind-body');
    expect(sok).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
    for (const c of cases) {
      const html = readFileSync(join(dir, `arenden/${c.slug}/index.html`), 'utf8');
      expect(html, c.slug).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
      expect(html, c.slug).toContain('data-pagefind-body');
    }
    expect(existsSync(join(index, 'pagefind.js'))).toBe(false);
  });
});

describe('the seed fixture site indexed in shards of one case each', () => {
  it('finds the same cases for every query as its one index: no shard answers with a shorter word', async () => {
    const sharded = mkdtempSync(join(tmpdir(), 'insyn-shards-'));
    try {
      cpSync(dir, sharded, { recursive: true });
      const summary = await buildSearchIndex(sharded, readTableRows(sharded), { cap: 1 });
      expect(summary.shards).toHaveLength(cases.length);
      const whole = JSON.parse(readFileSync(join(index, SHARDS_FILE), 'utf8')) as ShardsFile;
      expect(whole.shards.length).toBeLessThan(cases.length);
      // Words some shards lack, so Pagefind alone would answer there with "för", "försörjning", "partner" …
      const queries = [
        'försörjningsstödet',
        'partnerskapen',
        'stöden',
        'tjänsten',
        'nämnderna',
        'arbetsträning',
        'kommun',
      ];
      const few = await searchShardsIn(browser, dir, queries);
      const many = await searchShardsIn(browser, sharded, queries);
      expect(many.error).toBeUndefined();
      // One runtime for the five bundles: one script, one worker, one WASM, each bundle's entry
      // and metadata once.
      const fetched = (name: RegExp) => many.requests.filter((path) => name.test(path));
      expect(fetched(/\/pagefind\.js$/)).toHaveLength(1);
      expect(fetched(/\/pagefind-worker\.js$/)).toHaveLength(1);
      expect(fetched(/\/wasm\.[a-z]+\.pagefind$/)).toHaveLength(1);
      expect(fetched(/\.pf_meta$/)).toHaveLength(cases.length);
      // The entry files are tagged with their bundle's name, which changes with its content: cacheable.
      const entries = fetched(/\/pagefind-entry\.json/);
      expect(entries).toHaveLength(cases.length);
      for (const path of entries) {
        const [, bundle, tag] = /^\/pagefind\/([^/]+)\/pagefind-entry\.json\?ts=(.+)$/.exec(path)!;
        expect(tag).toBe(bundle);
      }
      queries.forEach((q, i) => {
        expect([...slugsOf(many.hits[i]!)].sort(), q).toEqual([...slugsOf(few.hits[i]!)].sort());
      });
    } finally {
      rmSync(sharded, { recursive: true, force: true });
    }
  });
});
