/**
 * Everything an organisation's or a body's page shows, assembled from the
 * cases once: its cases by role, the money it gives and receives (per basis
 * and per year, never summed across bases), and its follow-ups.
 */
import type { CaseEntry } from '../../lib/domain/cases.ts';
import type { AliasEntry } from '../../lib/content/organisations-file.ts';
import {
  type Body,
  buildOrganisations,
  type Organisation,
  type OrganisationIndex,
} from '../../lib/domain/organisations.ts';
import {
  countFollowUpsBy,
  type CountRow,
  groupFollowUps,
  type Tracker,
  trackFollowUps,
  type TrackedFollowUp,
} from '../../lib/domain/tracker.ts';
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
} from '../../lib/domain/totals.ts';
import type { Basis } from '../../lib/core/vocabulary.ts';
import { groupOutcomes, outcomeRows, outcomeSummary } from '../../lib/domain/outcomes.ts';

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

/** Builds every organisation and body page's data. */
export function organisationSite<T extends CaseEntry>(
  cases: readonly T[],
  aliases: readonly AliasEntry[],
  buildDate: Date,
): OrganisationSite<T> {
  const index = buildOrganisations(cases, aliases);
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

/** How many reported follow-ups the tracker lists (newest first); the rest are on the bodies' pages. */
export const REPORTED_SHOWN = 200;

/**
 * The tracker page: every open follow-up grouped by state, the newest
 * REPORTED_SHOWN reported ones (so the page stays light at 10 000 cases),
 * counted per deciding organisation and per body.
 */
export interface TrackerPage<T extends CaseEntry = CaseEntry> {
  tracker: Tracker<T>;
  /** The groups as listed on the page (reported ones capped). */
  listed: Tracker<T>['groups'];
  /** Reported follow-ups not listed. */
  reportedNotListed: number;
  byOrganisation: (CountRow & { slug: string })[];
  byBody: (CountRow & { orgSlug: string; slug: string; orgName: string })[];
}

export function trackerPage<T extends CaseEntry>(
  cases: readonly T[],
  aliases: readonly AliasEntry[],
  buildDate: Date,
): TrackerPage<T> {
  const index = buildOrganisations(cases, aliases);
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
  const tracker = groupFollowUps(items);
  const listed = tracker.groups.map((g) =>
    g.state === 'reported' ? { ...g, items: g.items.slice(0, REPORTED_SHOWN) } : g,
  );
  return {
    tracker,
    listed,
    reportedNotListed: Math.max(0, tracker.counts.reported - REPORTED_SHOWN),
    byOrganisation,
    byBody,
  };
}

/** The statistics page's figures. */
export function statisticsPage<T extends CaseEntry>(cases: readonly T[], aliases: readonly AliasEntry[]) {
  const index = buildOrganisations(cases, aliases);
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

/** The outcomes overview: summary, targets without a result, and one page per deciding organisation. */
export function outcomesPage<T extends CaseEntry>(cases: readonly T[], aliases: readonly AliasEntry[]) {
  const index = buildOrganisations(cases, aliases);
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
