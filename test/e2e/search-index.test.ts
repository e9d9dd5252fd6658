/**
 * The search index of the seed fixture site (built once in global setup),
 * read in Chromium the way visitors' browsers read it: exactly one record
 * per case page and nothing else, each with the filter values and meta
 * src/lib/search/meta.ts computes from the case file; Swedish stemming;
 * cases without an amount last in both amount orders; case pages free of
 * JavaScript.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateAll } from '../../src/lib/content/collection.ts';
import { caseSearchMeta } from '../../src/lib/search/meta.ts';
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

  it('holds exactly one record per case page, with the filter values and meta of its case file', async () => {
    const [all] = await queryIndex(browser, dir, [{ q: null }]);
    const casePages = listFiles(dir)
      .filter((f) => /^arenden\/[^/]+\/index\.html$/.test(f))
      .map((f) => `/${f.replace(/index\.html$/, '')}`);
    expect(cases).toHaveLength(5);
    expect(urls(all!).sort()).toEqual(casePages.sort());
    expect(new Set(urls(all!)).size).toBe(all!.length);
    for (const c of cases) {
      const record = all!.find((r) => r.url === `/arenden/${c.slug}/`);
      const expected = caseSearchMeta(c.data, buildDay);
      expect(record?.title, c.slug).toBe(c.data.title);
      expect(record?.filters, c.slug).toEqual(expected.filters);
      expect(record?.meta, c.slug).toMatchObject(expected.meta);
    }
  });

  it('has the seed cases under the right filters', async () => {
    const [linkoping, overdue, iop] = await queryIndex(browser, dir, [
      { filters: { organisation: { any: ['Linköpings kommun'] } } },
      { filters: { uppfoljning: { any: ['Har försenad återrapport'] } } },
      {
        filters: {
          typ: { any: ['Idéburet offentligt partnerskap (IOP)'] },
          part: { any: ['Linköpings Stadsmission'] },
        },
      },
    ]);
    expect(urls(linkoping!).sort()).toEqual([
      '/arenden/arbetsplatskorkortet-idrott-och-service/',
      '/arenden/iop-linkopings-stadsmission/',
      '/arenden/linkstep-stangastaden-2020/',
    ]);
    expect(urls(overdue!).length).toBeGreaterThan(0);
    for (const r of overdue!) expect(r.filters['uppfoljning']).toEqual(['Har försenad återrapport']);
    expect(urls(iop!)).toEqual(['/arenden/iop-linkopings-stadsmission/']);
  });

  it('stems Swedish: inflected words find the right case first', async () => {
    const [support, partnership] = await queryIndex(browser, dir, [
      { q: 'försörjningsstödet' },
      { q: 'partnerskapen' },
    ]);
    expect(support![0]?.url).toBe('/arenden/linkstep-stangastaden-2020/');
    expect(partnership![0]?.url).toBe('/arenden/iop-linkopings-stadsmission/');
  });

  it('sorts by amount both ways with the case without an amount last, and by date with undated cases last', async () => {
    const [high, low, newest, oldest] = await queryIndex(browser, dir, [
      { sort: { belopp_fallande: 'desc' } },
      { sort: { belopp_stigande: 'asc' } },
      { sort: { datum_fallande: 'desc' } },
      { sort: { datum_stigande: 'asc' } },
    ]);
    const noAmount = '/arenden/arbetsplatskorkortet-idrott-och-service/';
    for (const list of [high!, low!, newest!, oldest!]) expect(list).toHaveLength(cases.length);
    expect(urls(high!).slice(0, 4)).toEqual([
      '/arenden/linkstep-stangastaden-2020/',
      '/arenden/en-vag-in-steget-vidare/',
      '/arenden/iop-linkopings-stadsmission/',
      '/arenden/lund-samordnad-samverkan-arbetsmarknad/',
    ]);
    expect(urls(low!)).toEqual([...urls(high!).slice(0, 4)].reverse().concat(noAmount));
    expect(urls(high!).at(-1)).toBe(noAmount);
    expect(urls(newest!)[0]).toBe('/arenden/en-vag-in-steget-vidare/');
    expect(urls(oldest!)[0]).toBe(noAmount);
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
