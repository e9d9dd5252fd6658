/**
 * The case list in pages at a size where it matters: 230 generated cases
 * give /arenden/ and /arenden/sida/2/ and /3/ with 100, 100 and 30 cases,
 * newest first, every case on exactly one page; the pagination bar links
 * them (rel prev/next, the current page marked), and a later page has no
 * axe violations in Chromium.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../src/tools/bench/generator.ts';
import { axeViolations, browserSession, describeViolations } from '../helpers/browser.ts';
import { buildSite, readPage, ROOT, testBuildsDir } from '../helpers/site.ts';

const N = 230;
const DIR = `.bench/case-list-${process.pid}`;
const CASES = `${DIR}/cases`;
const cases = generateCases(N, 5);
mkdirSync(testBuildsDir(), { recursive: true });
const outDir = join(mkdtempSync(join(testBuildsDir(), 'case-list-')), 'dist');

beforeAll(async () => {
  for (const c of cases) {
    const file = join(ROOT, CASES, c.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, c.source);
  }
  const result = await buildSite({ cases: CASES, outDir });
  expect(result.ok, result.output).toBe(true);
}, 180_000);
afterAll(() => {
  rmSync(join(ROOT, DIR), { recursive: true, force: true });
  rmSync(join(outDir, '..'), { recursive: true, force: true });
});

const caseLinks = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/arenden\/([^/"]+)\/">/g)].map((m) => m[1]!);
const PAGES = ['/arenden/', '/arenden/sida/2/', '/arenden/sida/3/'];

describe('the case list in pages', () => {
  it('puts every case on exactly one page, 100 to a page', () => {
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
    expect(second).toMatch(/<a href="\/arenden\/sida\/2\/" aria-current="page" aria-label="Sida 2, den här sidan">2<\/a>/);
    const first = readPage(outDir, '/arenden/');
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('Ärende 1–100 av 230, nyast först.');
    expect(readPage(outDir, '/arenden/sida/3/')).not.toContain('rel="next"');
  });

  describe('in Chromium', () => {
    const session = browserSession(outDir);
    it('has no axe violations on a middle page, at 1280 and 320 px', async () => {
      for (const width of [1280, 320]) {
        await session.page.setViewportSize({ width, height: 900 });
        await session.page.goto(`${session.server.url}/arenden/sida/2/`);
        const violations = await axeViolations(session.page);
        expect(violations, describeViolations(violations)).toEqual([]);
      }
    });
  });
});
