/**
 * The long lists of the organisation and body pages are paged like the case
 * list, on the generated fixture site (230 cases, built once in global setup,
 * test/helpers/shared-sites.ts). An organisation's page keeps its summary and
 * the first ten rows of each list; a longer list is whole under its own path
 * (/organisationer/<org>/arenden/, penningfloden-fran/, penningfloden-till/,
 * forsenade/; /organisationer/<org>/<body>/arenden/, penningfloden/,
 * uppfoljningar/; /utfall/<org>/alla/, saknar-utfall/), a hundred rows a page.
 * Cases in = rows out: the pages of a list together hold every one of its rows
 * exactly once, in order. An embed page lists the first ten overdue follow-ups
 * and links to the organisation's list of all of them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readOrganisationAliases } from '../../src/lib/content/organisations-file.ts';
import { parseCase } from '../../src/lib/content/parse-case.ts';
import type { CaseEntry } from '../../src/lib/domain/cases.ts';
import { buildOrganisations } from '../../src/lib/domain/organisations.ts';
import { groupOutcomes, outcomeRows } from '../../src/lib/domain/outcomes.ts';
import { moneyFlows } from '../../src/lib/domain/totals.ts';
import { groupFollowUps, trackFollowUps } from '../../src/lib/domain/tracker.ts';
import { generateCases } from '../helpers/generator.ts';
import { listPages, tableRows } from '../helpers/paged.ts';
import { GENERATED } from '../helpers/shared-sites.ts';
import { listFiles, readPage, ROOT, SEED_ORGANISATIONS, TEST_BUILD_DATE, textOf } from '../helpers/site.ts';
import { htmlProblems } from '../helpers/html-validate.ts';

const outDir = inject('generatedSiteDir');
const cases: CaseEntry[] = generateCases(GENERATED.count, GENERATED.seed).map((c) => ({
  id: c.slug,
  data: parseCase(c.path, c.source).parsed!.data,
}));
const index = buildOrganisations(cases, readOrganisationAliases(ROOT, SEED_ORGANISATIONS));
const buildDate = new Date(`${TEST_BUILD_DATE}T12:00:00Z`);
const flows = moneyFlows(cases);
const followUps = (list: CaseEntry[]) => groupFollowUps(trackFollowUps(list, buildDate));

/** The case slugs a paged list shows over all its pages, and how many pages it has. */
function listed(first: string): { pages: string[]; slugs: (string | undefined)[]; rows: ReturnType<typeof tableRows> } {
  const pages = listPages(outDir, first);
  const rows = pages.flatMap((p) => tableRows(readPage(outDir, p)));
  return { pages, slugs: rows.map((r) => r.slug), rows };
}

/** A list's rows on its own page and pages: the first ten on the page, all of them (if more) in pages. */
function expectPaged(
  page: string,
  first: string,
  expected: { slug: string; time?: string }[],
  linkText: string,
  { ordered = true } = {},
) {
  const html = readPage(outDir, page);
  if (expected.length <= 10) {
    expect(existsSync(join(outDir, first, 'index.html')), first).toBe(false);
    expect(html).not.toContain(`href="${first}"`);
    return;
  }
  expect(textOf(html)).toContain(`Visa alla ${expected.length} ${linkText}`);
  expect(html).toContain(`href="${first}"`);
  const { pages, rows } = listed(first);
  const count = Math.ceil(expected.length / 100);
  expect(pages).toEqual(Array.from({ length: count }, (_, i) => (i === 0 ? first : `${first}sida/${i + 1}/`)));
  const slugs = rows.map((r) => r.slug);
  if (ordered) expect(slugs).toEqual(expected.map((e) => e.slug));
  // Flows keep the collection's order, which the test does not know: the same rows, each once.
  else expect([...slugs].sort()).toEqual(expected.map((e) => e.slug).sort());
  if (expected[0]?.time !== undefined) expect(rows.map((r) => r.time)).toEqual(expected.map((e) => e.time));
  // The page's preview is the list's beginning.
  const preview = tableRows(html).filter((r) => r.html.includes(`href="/arenden/`));
  expect(slugs.slice(0, 10).every((slug) => preview.some((r) => r.slug === slug))).toBe(true);
  expect(() => readPage(outDir, `${first}sida/1/`)).toThrow();
  expect(() => readPage(outDir, `${first}sida/${count + 1}/`)).toThrow();
}

const slugOf = (name: string, c: CaseEntry) => index.slugFor(name, c.data);

describe('an organisation page and its lists', () => {
  const largest = [...index.organisations].sort((a, b) => b.cases.length - a.cases.length)[0]!;

  it('has organisations with more than ten cases in a role on the generated site, so they have lists of their own', () => {
    expect(largest.byRole.some((r) => r.cases.length > 10)).toBe(true);
    expect(existsSync(join(outDir, 'organisationer', largest.slug, 'arenden', 'index.html'))).toBe(true);
  });

  it('shows at most ten rows of each list on the organisation page, and the summary', () => {
    const html = readPage(outDir, `/organisationer/${largest.slug}/`);
    const lists = [...html.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].filter((m) =>
      m[1]!.includes('href="/arenden/'),
    );
    expect(lists.length).toBeGreaterThan(1);
    for (const table of lists) expect((table[1]!.match(/<tr/g) ?? []).length).toBeLessThanOrEqual(10);
    expect(textOf(html)).toContain(`${largest.name} förekommer i ${largest.cases.length} ärenden`);
    for (const id of ['pengar', 'forsenade', 'arenden']) expect(html).toContain(`id="${id}"`);
  });

  for (const org of index.organisations) {
    it(`lists every case, money flow and overdue follow-up of ${org.slug} exactly once`, () => {
      const page = `/organisationer/${org.slug}/`;
      const base = page;
      // Cases: the page shows the first ten of each role and links the whole list.
      expectPaged(
        page,
        `${base}arenden/`,
        org.cases.map((c) => ({ slug: c.id })),
        `ärenden där ${org.name} deltar`,
      );
      const given = flows.filter((f) => slugOf(f.from, f.entry) === org.slug).map((f) => ({ slug: f.entry.id }));
      expectPaged(page, `${base}penningfloden-fran/`, given, `penningflöden från ${org.name}`, { ordered: false });
      const received = flows
        .filter((f) => f.to !== undefined && slugOf(f.to, f.entry) === org.slug)
        .map((f) => ({ slug: f.entry.id }));
      expectPaged(page, `${base}penningfloden-till/`, received, `penningflöden till ${org.name}`, { ordered: false });
      const overdue = (followUps(org.cases).groups.find((g) => g.state === 'overdue')?.items ?? []).map((i) => ({
        slug: i.entry.id,
        time: i.followUp.due,
      }));
      expectPaged(page, `${base}forsenade/`, overdue, `försenade uppföljningar i ärenden där ${org.name} deltar`);
    });
  }

  it('names the list, says how many rows it shows, and links back to the organisation', () => {
    const html = readPage(outDir, `/organisationer/${largest.slug}/arenden/`);
    expect(html).toContain(`<title>Ärenden där ${largest.name} deltar – Insyn</title>`);
    expect(textOf(html)).toContain(`Alla ${largest.cases.length}.`);
    expect(html).toContain(`<a href="/organisationer/${largest.slug}/">${largest.name}</a>`);
    // One page (the 230 cases give no organisation more than a hundred): no pagination bar.
    expect(html).not.toContain('class="pagination"');
  });
});

describe('a body page and its lists', () => {
  it('has bodies with a list longer than ten on the generated site', () => {
    const lists = listFiles(outDir).filter((f) =>
      /^organisationer\/[^/]+\/[^/]+\/(arenden|penningfloden|uppfoljningar)\/index\.html$/.test(f),
    );
    expect(lists.length).toBeGreaterThan(0);
  });

  for (const body of index.bodies) {
    it(`lists every case, money flow and follow-up of ${body.orgSlug}/${body.slug} exactly once`, () => {
      const page = `/organisationer/${body.orgSlug}/${body.slug}/`;
      expectPaged(
        page,
        `${page}arenden/`,
        body.cases.map((c) => ({ slug: c.id })),
        `ärenden i ${body.name}`,
      );
      const ids = new Set(body.cases.map((c) => c.id));
      const money = flows.filter((f) => ids.has(f.entry.id));
      // The body's flows follow its cases (newest first), each case's flows in the case's order.
      const order = new Map(body.cases.map((c, i) => [c.id, i]));
      const sorted = money
        .map((f, i) => ({ f, i }))
        .sort((a, b) => order.get(a.f.entry.id)! - order.get(b.f.entry.id)! || a.i - b.i)
        .map(({ f }) => ({ slug: f.entry.id }));
      expectPaged(page, `${page}penningfloden/`, sorted, `penningflöden i ärenden hos ${body.name}`);
      const items = followUps(body.cases).groups.flatMap((g) =>
        g.items.map((i) => ({ slug: i.entry.id, time: i.followUp.due })),
      );
      expectPaged(page, `${page}uppfoljningar/`, items, `utlovade återrapporter i ärenden hos ${body.name}`);
    });
  }
});

describe('an outcomes page and its lists', () => {
  const outcomes = groupOutcomes(outcomeRows(cases), (c) => slugOf(c.data.organisation, c));
  const nameOf = (slug: string) => index.bySlug.get(slug)!.name;
  /** Each row's indicator (its row header) and case. */
  const shown = (html: string) =>
    tableRows(html).map((r) => [textOf(/<th[^>]*>([\s\S]*?)<\/th>/.exec(r.html)![1]!), r.slug]);

  it('has an organisation with more than ten targets on the generated site', () => {
    expect(Math.max(...[...outcomes.values()].map((rows) => rows.length))).toBeGreaterThan(10);
  });

  for (const [slug, rows] of outcomes) {
    it(`lists every target and result of ${slug} exactly once, and those without a result`, () => {
      const page = `/utfall/${slug}/`;
      const name = nameOf(slug);
      const missing = rows.filter((r) => r.missingResult);
      for (const [list, expected, what] of [
        ['alla', rows, `mål och utfall i ärenden som ${name} beslutar om`],
        ['saknar-utfall', missing, `mål utan rapporterat utfall i ärenden som ${name} beslutar om`],
      ] as const) {
        expectPaged(
          page,
          `${page}${list}/`,
          expected.map((r) => ({ slug: r.entry.id })),
          what,
        );
        if (expected.length > 10)
          expect(listPages(outDir, `${page}${list}/`).flatMap((p) => shown(readPage(outDir, p)))).toEqual(
            expected.map((r) => [r.outcome.indicator, r.entry.id]),
          );
      }
      // The page's two tables: the first ten of all, then the first ten without a result.
      expect(shown(readPage(outDir, page))).toEqual(
        [...rows.slice(0, 10), ...missing.slice(0, 10)].map((r) => [r.outcome.indicator, r.entry.id]),
      );
    });
  }
});

describe('an embed page', () => {
  for (const org of index.organisations) {
    it(`lists the first ten overdue follow-ups of ${org.slug} and links to all of them`, () => {
      const html = readPage(outDir, `/inbaddning/${org.slug}/`);
      const overdue = followUps(org.cases).groups.find((g) => g.state === 'overdue')?.items ?? [];
      const section = html.slice(html.indexOf('Försenade återrapporter'));
      const listed = [...section.matchAll(/<li><a href="\/arenden\/([^/"]+)\/"/g)].map((m) => m[1]);
      expect(listed).toEqual(overdue.slice(0, 10).map((i) => i.entry.id));
      const link = `href="/organisationer/${org.slug}/forsenade/"`;
      if (overdue.length > 10) {
        expect(section).toContain(link);
        expect(textOf(section)).toContain(`De 10 första av ${overdue.length}.`);
      } else expect(section).not.toContain(link);
    });
  }
});

describe('HTML of the organisation lists', () => {
  it('every page of the organisation, body and outcome lists passes html-validate', async () => {
    const pages = listFiles(outDir).filter(
      (f) =>
        /^(organisationer|utfall)\//.test(f) &&
        /\/(arenden|penningfloden|penningfloden-fran|penningfloden-till|forsenade|uppfoljningar|alla|saknar-utfall)\/(sida\/\d+\/)?index\.html$/.test(
          f,
        ),
    );
    expect(pages.length).toBeGreaterThan(5);
    expect(await htmlProblems(outDir, pages)).toEqual([]);
  });
});
