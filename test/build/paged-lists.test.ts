/**
 * The lists that grow with the cases are paged like the case list, on the
 * generated fixture site (230 cases, built once in global setup,
 * test/helpers/shared-sites.ts): each follow-up group of the tracker under
 * /uppfoljning/<group>/ (…/sida/2/ and on), the amounts 360Giving leaves out
 * under /data/utelamnade-belopp/. Cases in = rows out: the pages of a list
 * together hold every item exactly once, in order, and are linked with
 * prev/next; /uppfoljning/ and /data/ keep the counts. The paged pages are
 * valid HTML too (html-valid.test.ts validates the seed and configured sites).
 */
import { describe, expect, inject, it } from 'vitest';
import { parseCase } from '../../src/lib/content/parse-case.ts';
import type { CaseEntry } from '../../src/lib/domain/cases.ts';
import { newestFirst } from '../../src/lib/domain/cases.ts';
import { FOLLOW_UP_GROUP_SLUG, groupFollowUps, trackFollowUps } from '../../src/lib/domain/tracker.ts';
import { giving360LeftOut } from '../../src/lib/export/giving360.ts';
import { generateCases } from '../helpers/generator.ts';
import { listPages, tableRows } from '../helpers/paged.ts';
import { GENERATED } from '../helpers/shared-sites.ts';
import { listFiles, readPage, TEST_BUILD_DATE, textOf } from '../helpers/site.ts';
import { htmlProblems } from '../helpers/html-validate.ts';

const outDir = inject('generatedSiteDir');
const cases: CaseEntry[] = generateCases(GENERATED.count, GENERATED.seed).map((c) => ({
  id: c.slug,
  data: parseCase(c.path, c.source).parsed!.data,
}));
const tracker = groupFollowUps(trackFollowUps(cases, new Date(`${TEST_BUILD_DATE}T12:00:00Z`)));

const rows = tableRows;
const pagesOf = (first: string): string[] => listPages(outDir, first);

describe('the follow-up tracker in pages', () => {
  it('has enough follow-ups on the generated site to page at least one group', () => {
    expect(Math.max(...tracker.groups.map((g) => g.items.length))).toBeGreaterThan(100);
  });

  for (const { state, items } of tracker.groups) {
    const slug = FOLLOW_UP_GROUP_SLUG[state];
    it(`lists every ${state} follow-up exactly once, in order, over /uppfoljning/${slug}/ and its pages`, () => {
      const paths = pagesOf(`/uppfoljning/${slug}/`);
      const count = Math.max(1, Math.ceil(items.length / 100));
      expect(paths).toEqual(
        Array.from({ length: count }, (_, i) => `/uppfoljning/${slug}/${i === 0 ? '' : `sida/${i + 1}/`}`),
      );
      const listed = paths.flatMap((p) => rows(readPage(outDir, p)));
      expect(listed.map((r) => [r.slug, r.time])).toEqual(items.map((i) => [i.entry.id, i.followUp.due]));
      expect(() => readPage(outDir, `/uppfoljning/${slug}/sida/${count + 1}/`)).toThrow();
      expect(() => readPage(outDir, `/uppfoljning/${slug}/sida/1/`)).toThrow();
    });
  }

  it('links back and forth, says which follow-ups a page shows, and names the page in its title', () => {
    const overdue = tracker.groups.find((g) => g.state === 'overdue')!.items.length;
    const second = readPage(outDir, '/uppfoljning/forsenade/sida/2/');
    const last = Math.ceil(overdue / 100);
    expect(second).toContain(`<title>Försenade återrapporter, sida 2 av ${last} – Insyn</title>`);
    expect(textOf(second)).toContain(`Återrapport 101–${Math.min(200, overdue)} av ${overdue}`);
    expect(second).toMatch(/<a class="pagination-step" rel="prev" href="\/uppfoljning\/forsenade\/">/);
    expect(second).toContain('<a href="/uppfoljning/">Uppföljning</a>');
    for (const other of ['snart', 'senare', 'rapporterade']) expect(second).toContain(`href="/uppfoljning/${other}/"`);
  });

  it('keeps the counts and the first ten of each group on /uppfoljning/, with its anchors and a link to each list', () => {
    const html = readPage(outDir, '/uppfoljning/');
    const text = textOf(html);
    expect(text).toContain(`Här finns alla ${tracker.total} återrapporter`);
    expect(html).toContain('id="per-organisation"');
    expect(html).toContain('id="per-organ"');
    for (const { state, items } of tracker.groups) {
      expect(html).toContain(`id="grupp-${state}"`);
      expect(html).toContain(`href="#grupp-${state}"`);
      if (items.length > 0) expect(html).toContain(`href="/uppfoljning/${FOLLOW_UP_GROUP_SLUG[state]}/"`);
    }
    expect(rows(html).filter((r) => r.time !== undefined)).toHaveLength(
      tracker.groups.reduce((n, g) => n + Math.min(10, g.items.length), 0),
    );
  });
});

describe('the amounts left out of 360Giving in pages', () => {
  const leftOut = giving360LeftOut(newestFirst(cases));

  it('lists every amount left out exactly once, in order, over /data/utelamnade-belopp/ and its pages', () => {
    expect(leftOut.length).toBeGreaterThan(100);
    const paths = pagesOf('/data/utelamnade-belopp/');
    expect(paths).toHaveLength(Math.ceil(leftOut.length / 100));
    expect(paths[1]).toBe('/data/utelamnade-belopp/sida/2/');
    const listed = paths.flatMap((p) => rows(readPage(outDir, p)));
    expect(listed.map((r) => r.slug)).toEqual(leftOut.map((l) => l.slug));
  });

  it('keeps only the counts per reason on /data/, which stays small', () => {
    const html = readPage(outDir, '/data/');
    expect(html).toContain(`Alla ${leftOut.length} belopp som inte ingår, med ärende och skäl`);
    expect(html).toContain('href="/data/utelamnade-belopp/"');
    expect(rows(html).some((r) => r.html.includes('href="/arenden/'))).toBe(false);
  });
});

describe('HTML of the paged lists', () => {
  it('every page of the paged lists passes html-validate', async () => {
    const pages = listFiles(outDir).filter(
      (f) => f.endsWith('.html') && /^(uppfoljning|data\/utelamnade-belopp|arenden\/sida)\//.test(f),
    );
    expect(pages.length).toBeGreaterThan(10);
    expect(await htmlProblems(outDir, pages)).toEqual([]);
  });
});
