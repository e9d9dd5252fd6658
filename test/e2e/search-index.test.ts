/**
 * The search index of the seed fixture site (built once in global setup),
 * read in Chromium the way visitors' browsers read it: exactly one record
 * per case page and nothing else; the facet table one row per case, with
 * the filter values src/lib/search/meta.ts computes from the case file;
 * Swedish stemming; case pages free of JavaScript.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateAll } from '../../src/lib/content/collection.ts';
import { FILTER_FIELDS } from '../../src/lib/search/fields.ts';
import { caseSearchMeta } from '../../src/lib/search/meta.ts';
import { readTable, readTableRows } from '../../src/lib/search/table-files.ts';
import { launchChromium } from '../helpers/browser.ts';
import { type IndexRecord, queryIndex } from '../helpers/pagefind.ts';
import { listFiles, ROOT, SEED_CASES, TEST_BUILD_DATE } from '../helpers/site.ts';

const dir = inject('siteDir');
const { cases } = validateAll(ROOT, SEED_CASES);
const buildDay = new Date(`${TEST_BUILD_DATE}T12:00:00Z`);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const urls = (records: IndexRecord[]) => records.map((r) => r.url);

describe('the search index of the seed fixture site', () => {
  it('is written by the build, in Swedish', () => {
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['sv']);
    expect(entry.languages.sv.page_count).toBe(cases.length);
  });

  it('holds exactly one record per case page, and the facet table one row per case with its filter values', async () => {
    const [all] = await queryIndex(browser, dir, [{ q: 'och' }]);
    const casePages = listFiles(dir)
      .filter((f) => /^arenden\/[^/]+\/index\.html$/.test(f))
      .map((f) => `/${f.replace(/index\.html$/, '')}`);
    expect(cases).toHaveLength(5);
    expect(urls(all!).sort()).toEqual(casePages.sort());
    expect(new Set(urls(all!)).size).toBe(all!.length);
    const rows = readTableRows(dir);
    const table = readTable(dir);
    expect(rows.map((r) => `/arenden/${r.slug}/`).sort()).toEqual(casePages.sort());
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

  it('stems Swedish: inflected words find the right case first', async () => {
    const [support, partnership] = await queryIndex(browser, dir, [
      { q: 'försörjningsstödet' },
      { q: 'partnerskapen' },
    ]);
    expect(support![0]?.url).toBe('/arenden/linkstep-stangastaden-2020/');
    expect(partnership![0]?.url).toBe('/arenden/iop-linkopings-stadsmission/');
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
    expect(existsSync(join(dir, 'pagefind/pagefind.js'))).toBe(true);
  });
});
