/**
 * The long lists of an organisation's, a body's and an organisation's
 * outcomes page, whole, in pages: the page itself keeps the summary
 * (figures, sums per basis and year, the bodies) and the first LIST_PREVIEW
 * rows of each list; a list longer than that is listed whole under its own
 * path, ROWS_PER_PAGE a page (`/organisationer/<org>/arenden/`, …/sida/2/
 * and on; `/utfall/<org>/alla/`), so the pages stay light however many
 * cases an organisation has. Shorter lists are whole on the page and get no
 * list of their own.
 *
 * The lists' first path segments (`arenden`, `penningfloden-fran`, …) sit
 * beside the bodies' slugs under `/organisationer/<org>/`; they are declared
 * in the domain (ORGANISATION_LIST_SLUGS), whose body slugs never take one.
 */
import type { CaseEntry } from '../lib/domain/cases.ts';
import { bodyPath, ORGANISATION_LIST_SLUGS, organisationPath } from '../lib/domain/organisations.ts';
import type { OutcomeRow } from '../lib/domain/outcomes.ts';
import type { MoneyFlow } from '../lib/domain/totals.ts';
import type { TrackedFollowUp } from '../lib/domain/tracker.ts';
import type { BodyPage, OrganisationPage, OrganisationSite } from './organisation-pages.ts';
import { pageItems, pageNumbers, pageParam, ROWS_PER_PAGE } from './pagination.ts';

/** How many rows of each long list an organisation's or a body's page shows. */
export const LIST_PREVIEW = 10;

/** An organisation's lists and where each is listed whole, under `/organisationer/<org>/`. */
export const ORGANISATION_LIST_SEGMENT = {
  cases: `${ORGANISATION_LIST_SLUGS.cases}/`,
  given: `${ORGANISATION_LIST_SLUGS.given}/`,
  received: `${ORGANISATION_LIST_SLUGS.received}/`,
  overdue: `${ORGANISATION_LIST_SLUGS.overdue}/`,
} as const;
export type OrganisationListKind = keyof typeof ORGANISATION_LIST_SEGMENT;

/** A body's lists and where each is listed whole, under `/organisationer/<org>/<body>/`. */
export const BODY_LIST_SEGMENT = {
  cases: 'arenden/',
  money: 'penningfloden/',
  followUps: 'uppfoljningar/',
} as const;
export type BodyListKind = keyof typeof BODY_LIST_SEGMENT;

/** An organisation's outcome lists and where each is listed whole, under `/utfall/<org>/`. */
export const OUTCOME_LIST_SEGMENT = {
  all: 'alla/',
  missing: 'saknar-utfall/',
} as const;
export type OutcomeListKind = keyof typeof OUTCOME_LIST_SEGMENT;

/** The site path of an organisation's outcomes page. */
export const outcomesPath = (slug: string): string => `/utfall/${slug}/`;

/** The site path of the first page of an organisation's list. */
export const organisationListPath = (slug: string, kind: OrganisationListKind): string =>
  `${organisationPath(slug)}${ORGANISATION_LIST_SEGMENT[kind]}`;

/** The site path of the first page of a body's list. */
export const bodyListPath = (orgSlug: string, bodySlug: string, kind: BodyListKind): string =>
  `${bodyPath(orgSlug, bodySlug)}${BODY_LIST_SEGMENT[kind]}`;

/** A list's rows, tagged with the table that shows them. */
export type ListRows<T extends CaseEntry = CaseEntry> =
  | { table: 'cases'; rows: T[] }
  | { table: 'flows'; rows: MoneyFlow<T>[] }
  | { table: 'followUps'; rows: TrackedFollowUp<T>[] }
  | { table: 'outcomes'; rows: OutcomeRow<T>[] };

/** One long list: what it lists (its heading, the link's text), the way back, and every row in order. */
export interface PagedList<T extends CaseEntry = CaseEntry> {
  /** The site path of its first page. */
  path: string;
  /** What the list holds, in lower case: "penningflöden från Linköpings kommun" ("Visa alla 412 …"). */
  what: string;
  /** Its heading: `what` with a capital. */
  title: string;
  /** The breadcrumb above the heading, outermost first. */
  trail: { name: string; path: string }[];
  list: ListRows<T>;
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Whether a list is longer than its page shows, so it has pages of its own. */
export const isPaged = (rows: readonly unknown[]): boolean => rows.length > LIST_PREVIEW;

/** An organisation's long lists, every kind (shorter ones too: the page takes its titles from here). */
export function organisationLists<T extends CaseEntry>(
  page: OrganisationPage<T>,
): Record<OrganisationListKind, PagedList<T>> {
  const { org } = page;
  const trail = [
    { name: 'Organisationer', path: '/organisationer/' },
    { name: org.name, path: organisationPath(org.slug) },
  ];
  const of = (kind: OrganisationListKind, what: string, list: ListRows<T>): PagedList<T> => ({
    path: organisationListPath(org.slug, kind),
    what,
    title: capitalised(what),
    trail,
    list,
  });
  return {
    cases: of('cases', `ärenden där ${org.name} deltar`, { table: 'cases', rows: org.cases }),
    given: of('given', `penningflöden från ${org.name}`, { table: 'flows', rows: page.given.flows }),
    received: of('received', `penningflöden till ${org.name}`, { table: 'flows', rows: page.received.flows }),
    overdue: of('overdue', `försenade uppföljningar i ärenden där ${org.name} deltar`, {
      table: 'followUps',
      rows: page.overdue,
    }),
  };
}

/** A body's long lists, every kind. */
export function bodyLists<T extends CaseEntry>(page: BodyPage<T>): Record<BodyListKind, PagedList<T>> {
  const { body } = page;
  const trail = [
    { name: 'Organisationer', path: '/organisationer/' },
    { name: body.orgName, path: organisationPath(body.orgSlug) },
    { name: body.name, path: bodyPath(body.orgSlug, body.slug) },
  ];
  const of = (kind: BodyListKind, what: string, list: ListRows<T>): PagedList<T> => ({
    path: bodyListPath(body.orgSlug, body.slug, kind),
    what,
    title: capitalised(what),
    trail,
    list,
  });
  return {
    cases: of('cases', `ärenden i ${body.name}`, { table: 'cases', rows: body.cases }),
    money: of('money', `penningflöden i ärenden hos ${body.name}`, { table: 'flows', rows: page.money.flows }),
    followUps: of('followUps', `utlovade återrapporter i ärenden hos ${body.name}`, {
      table: 'followUps',
      rows: page.followUps.groups.flatMap((g) => g.items),
    }),
  };
}

/** One organisation's targets and results on its outcomes page (src/views/organisation-pages.ts, outcomesPage). */
export interface OutcomeSection<T extends CaseEntry = CaseEntry> {
  slug: string;
  name: string;
  rows: OutcomeRow<T>[];
  missing: OutcomeRow<T>[];
}

/** An organisation's outcome lists, every kind. */
export function outcomeLists<T extends CaseEntry>(section: OutcomeSection<T>): Record<OutcomeListKind, PagedList<T>> {
  const { slug, name } = section;
  const trail = [
    { name: 'Mål och utfall', path: '/utfall/' },
    { name, path: outcomesPath(slug) },
  ];
  const of = (kind: OutcomeListKind, what: string, rows: OutcomeRow<T>[]): PagedList<T> => ({
    path: `${outcomesPath(slug)}${OUTCOME_LIST_SEGMENT[kind]}`,
    what,
    title: capitalised(what),
    trail,
    list: { table: 'outcomes', rows },
  });
  return {
    all: of('all', `mål och utfall i ärenden som ${name} beslutar om`, section.rows),
    missing: of('missing', `mål utan rapporterat utfall i ärenden som ${name} beslutar om`, section.missing),
  };
}

/** Every outcome list of the site's organisations that has pages of its own. */
export function pagedOutcomeLists<T extends CaseEntry>(sections: readonly OutcomeSection<T>[]): PagedList<T>[] {
  return sections.flatMap((s) => Object.values(outcomeLists(s))).filter((l) => isPaged(l.list.rows));
}

/** Every list of the site's organisations and bodies that has pages of its own (longer than LIST_PREVIEW). */
export function pagedOrganisationLists<T extends CaseEntry>(site: OrganisationSite<T>): PagedList<T>[] {
  return [
    ...site.pages.flatMap((p) => Object.values(organisationLists(p))),
    ...site.bodyPages.flatMap((p) => Object.values(bodyLists(p))),
  ].filter((l) => isPaged(l.list.rows));
}

/**
 * The pages of lists that have pages, for a `[...list]` route under
 * `/<section>/[org]/` (`/organisationer/[org]/`: `arenden`, `arenden/sida/2`,
 * `<body>/penningfloden`, …; `/utfall/[org]/`: `alla`, …): the route's params
 * and each page's props, which are all it shows.
 */
export function listRoutes<T extends CaseEntry>(lists: readonly PagedList<T>[]) {
  return lists.flatMap(({ path, what, title, trail, list }) => {
    // '/<section>/<org>/<rest>/' → org and rest.
    const [org = '', ...rest] = path.split('/').filter(Boolean).slice(1);
    return pageNumbers(list.rows.length, ROWS_PER_PAGE).map((page) => ({
      params: { org, list: [...rest, pageParam(page)].filter(Boolean).join('/') },
      props: {
        path,
        what,
        title,
        trail,
        page,
        shown: { table: list.table, rows: pageItems<unknown>(list.rows, page, ROWS_PER_PAGE) } as ListRows<T>,
        total: list.rows.length,
      },
    }));
  });
}
