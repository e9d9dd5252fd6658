/**
 * The pages of the organisation, body and outcome lists
 * (src/views/organisation-lists.ts): every row on exactly one page.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEntry } from '../../src/lib/domain/cases.ts';
import {
  bodyListPath,
  LIST_PREVIEW,
  listRoutes,
  organisationListPath,
  pagedOrganisationLists,
  pagedOutcomeLists,
  type OutcomeSection,
} from '../../src/views/organisation-lists.ts';
import type { OrganisationSite } from '../../src/views/organisation-pages.ts';
import { pagedPath } from '../../src/views/pagination.ts';

const entries = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, data: {} }) as unknown as CaseEntry);
const side = (n: number) => ({ flows: entries(n, 'f').map((entry) => ({ entry })), byBasis: {}, withoutAmount: 0 });

/** An organisation with 250 cases, 11 flows given, 10 received and none overdue; its body with 101 cases. */
const org = { slug: 'stora-kommunen', name: 'Stora kommunen', cases: entries(250, 'c'), byRole: [], bodies: [] };
const body = {
  orgSlug: 'stora-kommunen',
  orgName: 'Stora kommunen',
  slug: 'namnden',
  name: 'Nämnden',
  cases: entries(101, 'b'),
};
const site = {
  pages: [{ org, given: side(11), received: side(10), overdue: [], followUps: { groups: [] } }],
  bodyPages: [{ body, money: side(3), followUps: { groups: [{ state: 'overdue', items: entries(12, 'u') }] } }],
} as unknown as OrganisationSite;

describe('organisation list routes', () => {
  const routes = listRoutes(pagedOrganisationLists(site));
  const pathOf = (r: (typeof routes)[number]) => `/organisationer/${r.params.org}/${r.params.list}/`;

  it('pages only the lists longer than the preview, at their paths, page 1 without sida/1/', () => {
    expect(LIST_PREVIEW).toBe(10);
    expect(routes.map(pathOf)).toEqual([
      organisationListPath('stora-kommunen', 'cases'),
      pagedPath(organisationListPath('stora-kommunen', 'cases'), 2),
      pagedPath(organisationListPath('stora-kommunen', 'cases'), 3),
      '/organisationer/stora-kommunen/penningfloden-fran/',
      '/organisationer/stora-kommunen/namnden/arenden/',
      '/organisationer/stora-kommunen/namnden/arenden/sida/2/',
      bodyListPath('stora-kommunen', 'namnden', 'followUps'),
    ]);
    expect(routes.map((r) => r.props.path).every((p, i) => pathOf(routes[i]!).startsWith(p))).toBe(true);
  });

  it('puts every row of a list on exactly one page, in order, with the list size on each', () => {
    const cases = routes.filter((r) => r.props.path === '/organisationer/stora-kommunen/arenden/');
    expect(cases.map((r) => r.props.shown.rows.length)).toEqual([100, 100, 50]);
    expect(cases.flatMap((r): unknown[] => r.props.shown.rows)).toEqual(org.cases);
    expect(cases.map((r) => [r.props.page, r.props.total])).toEqual([
      [1, 250],
      [2, 250],
      [3, 250],
    ]);
    expect(cases[0]!.props.title).toBe('Ärenden där Stora kommunen deltar');
    expect(routes.at(-1)!.props).toMatchObject({
      what: 'utlovade återrapporter i ärenden hos Nämnden',
      trail: [
        { name: 'Organisationer', path: '/organisationer/' },
        { name: 'Stora kommunen', path: '/organisationer/stora-kommunen/' },
        { name: 'Nämnden', path: '/organisationer/stora-kommunen/namnden/' },
      ],
      shown: { table: 'followUps' },
    });
  });
});

describe('outcome list routes', () => {
  const rows = (n: number) => entries(n, 'o').map((entry) => ({ entry, outcome: {}, missingResult: true }));
  /** One organisation with 205 targets, 11 of them without a result; another with 10 and 10. */
  const sections = [
    { slug: 'stora-kommunen', name: 'Stora kommunen', rows: rows(205), missing: rows(11) },
    { slug: 'lilla-kommunen', name: 'Lilla kommunen', rows: rows(10), missing: rows(10) },
  ] as unknown as OutcomeSection[];
  const routes = listRoutes(pagedOutcomeLists(sections));

  it('pages only the lists longer than the preview, under /utfall/<org>/', () => {
    expect(routes.map((r) => `/utfall/${r.params.org}/${r.params.list}/`)).toEqual([
      '/utfall/stora-kommunen/alla/',
      '/utfall/stora-kommunen/alla/sida/2/',
      '/utfall/stora-kommunen/alla/sida/3/',
      '/utfall/stora-kommunen/saknar-utfall/',
    ]);
  });

  it('puts every row on exactly one page, in order, with its way back and table', () => {
    const all = routes.filter((r) => r.props.path === '/utfall/stora-kommunen/alla/');
    expect(all.flatMap((r): unknown[] => r.props.shown.rows)).toEqual(sections[0]!.rows);
    expect(all.map((r) => r.props.page)).toEqual([1, 2, 3]);
    expect(routes.at(-1)!.props).toMatchObject({
      title: 'Mål utan rapporterat utfall i ärenden som Stora kommunen beslutar om',
      total: 11,
      trail: [
        { name: 'Mål och utfall', path: '/utfall/' },
        { name: 'Stora kommunen', path: '/utfall/stora-kommunen/' },
      ],
      shown: { table: 'outcomes' },
    });
  });
});
