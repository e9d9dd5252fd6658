/**
 * Everything an organisation's or a body's page shows, assembled from the
 * cases once: its cases by role, the money it gives and receives (per basis
 * and per year, never summed across bases), and its follow-ups; and the
 * view-models of the other pages that group cases by organisation (tracker,
 * statistics, outcomes).
 *
 * Each is computed once per build (`once` below): every route of a build
 * reads the same collection, so the organisation index, the organisation
 * site and the tracker are kept with their inputs and handed to every page
 * that asks with the same inputs.
 */
import { type CaseEntry, sameEntries } from '../lib/domain/cases.ts';
import type { AliasEntry } from '../lib/content/organisations-file.ts';
import {
  type Body,
  buildOrganisations,
  type Organisation,
  type OrganisationIndex,
} from '../lib/domain/organisations.ts';
import {
  countFollowUpsBy,
  type CountRow,
  groupFollowUps,
  type Tracker,
  trackFollowUps,
  type TrackedFollowUp,
} from '../lib/domain/tracker.ts';
import {
  caseCounts,
  type MoneyFlow,
  moneyByOrganisation,
  moneyByYear,
  moneyFlows,
  rankOrganisations,
  sumFlows,
  totalsNotes,
  type YearRow,
} from '../lib/domain/totals.ts';
import type { Basis } from '../lib/core/vocabulary.ts';
import { groupOutcomes, outcomeRows, outcomeSummary } from '../lib/domain/outcomes.ts';

/** Money on one side (given or received): the flows, sums per basis and per year. */
export interface MoneySide<T extends CaseEntry = CaseEntry> {
  flows: MoneyFlow<T>[];
  byBasis: Record<Basis, number>;
  withoutAmount: number;
  byYear: YearRow[];
}

export interface OrganisationPage<T extends CaseEntry = CaseEntry> {
  org: Organisation<T>;
  given: MoneySide<T>;
  received: MoneySide<T>;
  /** Follow-ups in every case it takes part in, by state. */
  followUps: Tracker<T>;
  overdue: TrackedFollowUp<T>[];
}

export interface BodyPage<T extends CaseEntry = CaseEntry> {
  body: Body<T>;
  /** Every money flow in the body's cases. */
  money: MoneySide<T>;
  followUps: Tracker<T>;
}

export interface OrganisationSite<T extends CaseEntry = CaseEntry> {
  index: OrganisationIndex<T>;
  pages: OrganisationPage<T>[];
  bodyPages: BodyPage<T>[];
  /** Overdue follow-ups per organisation slug. */
  overdueCount: (slug: string) => number;
}

/** What a view-model is computed from. */
interface SiteInputs {
  cases: readonly CaseEntry[];
  aliases: readonly AliasEntry[];
  /** The build date's time (follow-up states); 0 where it does not matter. */
  day: number;
}

function sameInputs(a: SiteInputs, b: SiteInputs): boolean {
  return (
    a.day === b.day &&
    (a.aliases === b.aliases || JSON.stringify(a.aliases) === JSON.stringify(b.aliases)) &&
    sameEntries(a.cases, b.cases)
  );
}

/**
 * Computes a view-model once for the same inputs: keeps the last inputs and
 * result, so within one build (one process) every page shares one result,
 * and any other input computes afresh. Results are shared: pages must not
 * change them.
 */
function once<R>(compute: (inputs: SiteInputs) => R): (inputs: SiteInputs) => R {
  let last: { inputs: SiteInputs; result: R } | undefined;
  return (inputs) => {
    if (last && sameInputs(last.inputs, inputs)) return last.result;
    const result = compute(inputs);
    last = { inputs: { ...inputs, cases: [...inputs.cases] }, result };
    return result;
  };
}

const indexOnce = once(({ cases, aliases }) => buildOrganisations(cases, aliases));

/**
 * The organisation index of the site (src/lib/domain/organisations.ts),
 * built once per build: pages and routes that link organisations or group
 * cases by them take it from here rather than calling buildOrganisations.
 */
export function organisationIndex<T extends CaseEntry>(
  cases: readonly T[],
  aliases: readonly AliasEntry[],
): OrganisationIndex<T> {
  return indexOnce({ cases, aliases, day: 0 }) as OrganisationIndex<T>;
}

function side<T extends CaseEntry>(flows: MoneyFlow<T>[]): MoneySide<T> {
  const sums = sumFlows(flows);
  return { flows, byBasis: sums.byBasis, withoutAmount: sums.withoutAmount, byYear: moneyByYear(flows) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Flows with their payer's and payee's organisation slugs (by organisationsnummer where the case gives one). */
function linkFlows<T extends CaseEntry>(flows: MoneyFlow<T>[], index: OrganisationIndex<T>): MoneyFlow<T>[] {
  return flows.map((f) => ({
    ...f,
    fromSlug: index.slugFor(f.from, f.entry.data),
    ...(f.to !== undefined ? { toSlug: index.slugFor(f.to, f.entry.data) } : {}),
  }));
}

/** Follow-ups with their case's deciding organisation's slug. */
function linkFollowUps<T extends CaseEntry>(
  items: TrackedFollowUp<T>[],
  index: OrganisationIndex<T>,
): TrackedFollowUp<T>[] {
  return items.map((t) => ({ ...t, orgSlug: index.slugFor(t.entry.data.organisation, t.entry.data) }));
}

const siteOnce = once(({ cases, aliases, day }) => buildOrganisationSite(cases, aliases, new Date(day)));

/** Every organisation and body page's data, computed once per build. */
export function organisationSite<T extends CaseEntry>(
  cases: readonly T[],
  aliases: readonly AliasEntry[],
  buildDate: Date,
): OrganisationSite<T> {
  return siteOnce({ cases, aliases, day: buildDate.getTime() }) as OrganisationSite<T>;
}

function buildOrganisationSite<T extends CaseEntry>(
  cases: readonly T[],
  aliases: readonly AliasEntry[],
  buildDate: Date,
): OrganisationSite<T> {
  const index = organisationIndex(cases, aliases);
  // Bucket once, so each page is linear in its own cases (thousands of organisations stay fast).
  const givenBy = new Map<string, MoneyFlow<T>[]>();
  const receivedBy = new Map<string, MoneyFlow<T>[]>();
  const flowsOf = new Map<string, MoneyFlow<T>[]>();
  for (const f of linkFlows(moneyFlows(cases), index)) {
    push(givenBy, f.fromSlug!, f);
    if (f.toSlug !== undefined) push(receivedBy, f.toSlug, f);
    push(flowsOf, f.entry.id, f);
  }
  const trackedOf = new Map<string, TrackedFollowUp<T>[]>();
  for (const t of linkFollowUps(trackFollowUps(cases, buildDate), index)) push(trackedOf, t.entry.id, t);
  const followUpsOf = (list: readonly T[]) => groupFollowUps(list.flatMap((c) => trackedOf.get(c.id) ?? []));
  const pages = index.organisations.map((org) => {
    const followUps = followUpsOf(org.cases);
    return {
      org,
      given: side(givenBy.get(org.slug) ?? []),
      received: side(receivedBy.get(org.slug) ?? []),
      followUps,
      overdue: followUps.groups.find((g) => g.state === 'overdue')?.items ?? [],
    };
  });
  const bodyPages = index.bodies.map((body) => ({
    body,
    money: side(body.cases.flatMap((c) => flowsOf.get(c.id) ?? [])),
    followUps: followUpsOf(body.cases),
  }));
  const overdue = new Map(pages.map((p) => [p.org.slug, p.overdue.length]));
  return { index, pages, bodyPages, overdueCount: (slug) => overdue.get(slug) ?? 0 };
}

/** How many follow-ups of each group /uppfoljning/ shows; every one is on the group's own pages. */
export const TRACKER_PREVIEW = 10;

/**
 * The tracker: every follow-up grouped by state, counted per deciding
 * organisation and per body. /uppfoljning/ shows the counts and the first
 * TRACKER_PREVIEW of each group; each group is listed whole, in pages, under
 * its own path (`followUpGroupPath`).
 */
export interface TrackerPage<T extends CaseEntry = CaseEntry> {
  tracker: Tracker<T>;
  byOrganisation: (CountRow & { slug: string })[];
  byBody: (CountRow & { orgSlug: string; slug: string; orgName: string })[];
}

const trackerOnce = once(({ cases, aliases, day }) => buildTrackerPage(cases, aliases, new Date(day)));

/** The tracker's data, computed once per build (for /uppfoljning/ and every page of its groups). */
export function trackerPage<T extends CaseEntry>(
  cases: readonly T[],
  aliases: readonly AliasEntry[],
  buildDate: Date,
): TrackerPage<T> {
  return trackerOnce({ cases, aliases, day: buildDate.getTime() }) as TrackerPage<T>;
}

function buildTrackerPage<T extends CaseEntry>(
  cases: readonly T[],
  aliases: readonly AliasEntry[],
  buildDate: Date,
): TrackerPage<T> {
  const index = organisationIndex(cases, aliases);
  const items = linkFollowUps(trackFollowUps(cases, buildDate), index);
  const orgName = (slug: string) => index.bySlug.get(slug)?.name ?? slug;
  const byOrganisation = countFollowUpsBy(items, (i) => {
    const slug = i.orgSlug!;
    return { key: slug, name: orgName(slug) };
  }).map((r) => ({ ...r, slug: r.key }));
  const bodyNames = new Map(index.bodies.map((b) => [`${b.orgSlug}/${b.slug}`, b.name]));
  const byBody = countFollowUpsBy(items, (i) => {
    const { orgSlug, slug } = index.bodyOf(i.entry.data);
    const key = `${orgSlug}/${slug}`;
    return { key, name: bodyNames.get(key) ?? i.entry.data.body };
  }).map((r) => {
    const [orgSlug = '', slug = ''] = r.key.split('/');
    return { ...r, orgSlug, slug, orgName: orgName(orgSlug) };
  });
  return { tracker: groupFollowUps(items), byOrganisation, byBody };
}

/** The statistics page's figures. */
export function statisticsPage<T extends CaseEntry>(cases: readonly T[], aliases: readonly AliasEntry[]) {
  const index = organisationIndex(cases, aliases);
  const flows = moneyFlows(cases);
  const orgRows = moneyByOrganisation(flows, index.slugFor, (slug) => index.bySlug.get(slug)?.name ?? slug);
  return {
    notes: totalsNotes(cases, flows),
    sums: sumFlows(flows),
    byYear: moneyByYear(flows),
    givers: rankOrganisations(orgRows, 'given'),
    receivers: rankOrganisations(orgRows, 'received'),
    counts: caseCounts(cases),
  };
}

const outcomesOnce = once(({ cases, aliases }) => buildOutcomesPage(cases, aliases));

/** The outcomes overview: summary, targets without a result, and one page per deciding organisation; once per build. */
export function outcomesPage<T extends CaseEntry>(cases: readonly T[], aliases: readonly AliasEntry[]) {
  return outcomesOnce({ cases, aliases, day: 0 }) as ReturnType<typeof buildOutcomesPage<T>>;
}

function buildOutcomesPage<T extends CaseEntry>(cases: readonly T[], aliases: readonly AliasEntry[]) {
  const index = organisationIndex(cases, aliases);
  const rows = outcomeRows(cases);
  const groups = groupOutcomes(rows, (entry) => index.slugFor(entry.data.organisation, entry.data));
  const sections = [...groups.entries()]
    .map(([slug, list]) => ({
      slug,
      name: index.bySlug.get(slug)?.name ?? slug,
      rows: list,
      summary: outcomeSummary(list),
      missing: list.filter((r) => r.missingResult),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
  return { summary: outcomeSummary(rows), missing: rows.filter((r) => r.missingResult), sections };
}
