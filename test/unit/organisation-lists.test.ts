/** The pages of the organisation and body lists (src/pages/_views/organisation-lists.ts): every row on exactly one page. */
import { describe, expect, it } from 'vitest';
import type { CaseEntry } from '../../src/lib/domain/cases.ts';
import {
  bodyListPath,
  LIST_PREVIEW,
  organisationListPath,
  organisationListRoutes,
} from '../../src/pages/_views/organisation-lists.ts';
import type { OrganisationSite } from '../../src/pages/_views/organisation-pages.ts';
import { pagedPath } from '../../src/pages/_views/pagination.ts';

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
  const routes = organisationListRoutes(site);
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
