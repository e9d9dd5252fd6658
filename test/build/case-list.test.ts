/**
 * The case list in pages at a size where it matters: the generated fixture
 * site (230 cases, built once in global setup, test/helpers/shared-sites.ts)
 * gives /arenden/ and /arenden/sida/2/ and /3/ with 100, 100 and 30 cases,
 * newest first, every case on exactly one page; the pagination bar links
 * them (rel prev/next, the current page marked). Its axe check in Chromium
 * is in test/e2e/case-list.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { generateCases } from '../helpers/generator.ts';
import { GENERATED } from '../helpers/shared-sites.ts';
import { readPage } from '../helpers/site.ts';

const outDir = inject('generatedSiteDir');
const cases = generateCases(GENERATED.count, GENERATED.seed);

const caseLinks = (html: string) =>
  [...html.matchAll(/<th scope="row"[^>]*><a href="\/arenden\/([^/"]+)\/">/g)].map((m) => m[1]!);
const PAGES = ['/arenden/', '/arenden/sida/2/', '/arenden/sida/3/'];

describe('the case list in pages', () => {
  it('puts every case on exactly one page, 100 to a page', () => {
    expect(cases).toHaveLength(230);
    const perPage = PAGES.map((p) => caseLinks(readPage(outDir, p)));
    expect(perPage.map((p) => p.length)).toEqual([100, 100, 30]);
    expect(perPage.flat().sort()).toEqual(cases.map((c) => c.slug).sort());
    expect(() => readPage(outDir, '/arenden/sida/4/')).toThrow();
    expect(() => readPage(outDir, '/arenden/sida/1/')).toThrow();
  });

  it('says which cases a page shows and links the other pages', () => {
    const second = readPage(outDir, '/arenden/sida/2/');
    expect(second).toContain('<title>Alla ärenden, sida 2 av 3 – Insyn</title>');
    expect(second).toContain('Ärende 101–200 av 230, nyast först.');
    expect(second).toMatch(/<nav class="pagination" aria-label="Sidor i ärendelistan">/);
    expect(second).toMatch(/<a class="pagination-step" rel="prev" href="\/arenden\/">/);
    expect(second).toMatch(/<a class="pagination-step" rel="next" href="\/arenden\/sida\/3\/">/);
    expect(second).toMatch(
      /<a href="\/arenden\/sida\/2\/" aria-current="page" aria-label="Sida 2, den här sidan">2<\/a>/,
    );
    const first = readPage(outDir, '/arenden/');
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('Ärende 1–100 av 230, nyast först.');
    expect(readPage(outDir, '/arenden/sida/3/')).not.toContain('rel="next"');
  });
});
