/**
 * The follow-up tracker: every promised report across all cases, grouped by
 * its state on the build day (overdue, due within 60 days, later, reported;
 * see follow-up.ts), with counts per organisation and per deciding body.
 */
import type { FollowUp } from '../schema/case.ts';
import type { CaseEntry } from './cases.ts';
import { FOLLOW_UP_STATES, type FollowUpState, followUpState } from './follow-up.ts';
import { sortKey } from '../core/partial-date.ts';

/** One promised report with its case and state. */
export interface TrackedFollowUp<T extends CaseEntry = CaseEntry> {
  entry: T;
  followUp: FollowUp;
  state: FollowUpState;
  /** The slug of the case's deciding organisation, where a page has resolved it (by organisationsnummer). */
  orgSlug?: string;
}

export type StateCounts = Record<FollowUpState, number>;

const zeroCounts = (): StateCounts => ({ overdue: 0, 'due-soon': 0, later: 0, reported: 0 });

export interface CountRow {
  /** Grouping key (organisation slug, or `org/body` slugs). */
  key: string;
  name: string;
  counts: StateCounts;
  total: number;
}

export interface Tracker<T extends CaseEntry = CaseEntry> {
  /** One group per state, in FOLLOW_UP_STATES order (overdue first), each sorted by due date. */
  groups: { state: FollowUpState; items: TrackedFollowUp<T>[] }[];
  counts: StateCounts;
  total: number;
}

/** Every follow-up of every case with its state on `buildDate`. */
export function trackFollowUps<T extends CaseEntry>(cases: readonly T[], buildDate: Date): TrackedFollowUp<T>[] {
  return cases.flatMap((entry) =>
    (entry.data.followUps ?? []).map((followUp) => ({ entry, followUp, state: followUpState(followUp, buildDate) })),
  );
}

/**
 * Groups follow-ups by state. Open ones are sorted by due date, oldest first
 * (the longest overdue at the top); reported ones newest report first.
 */
export function groupFollowUps<T extends CaseEntry>(items: readonly TrackedFollowUp<T>[]): Tracker<T> {
  const counts = zeroCounts();
  for (const i of items) counts[i.state]++;
  const groups = FOLLOW_UP_STATES.map((state) => {
    const inState = items.filter((i) => i.state === state);
    const sorted =
      state === 'reported'
        ? inState.sort(
            (a, b) =>
              sortKey(b.followUp.done!).localeCompare(sortKey(a.followUp.done!)) ||
              a.entry.id.localeCompare(b.entry.id),
          )
        : inState.sort(
            (a, b) =>
              sortKey(a.followUp.due).localeCompare(sortKey(b.followUp.due)) || a.entry.id.localeCompare(b.entry.id),
          );
    return { state, items: sorted };
  });
  return { groups, counts, total: items.length };
}

/**
 * Counts per group (organisation or body), most overdue first, then most
 * follow-ups, then name. `keyOf` gives each item's key and display name.
 */
export function countFollowUpsBy<T extends CaseEntry>(
  items: readonly TrackedFollowUp<T>[],
  keyOf: (item: TrackedFollowUp<T>) => { key: string; name: string },
): CountRow[] {
  const rows = new Map<string, CountRow>();
  for (const item of items) {
    const { key, name } = keyOf(item);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, name, counts: zeroCounts(), total: 0 }));
    row.counts[item.state]++;
    row.total++;
  }
  return [...rows.values()].sort(
    (a, b) => b.counts.overdue - a.counts.overdue || b.total - a.total || a.name.localeCompare(b.name, 'sv-SE'),
  );
}

/** Headings for the tracker's groups. */
export const FOLLOW_UP_GROUP_HEADING: Record<FollowUpState, string> = {
  overdue: 'Försenade',
  'due-soon': 'Ska komma inom 60 dagar',
  later: 'Ska komma senare',
  reported: 'Rapporterade',
};

/** Titles of each group's own list ("Alla försenade återrapporter" links to it). */
export const FOLLOW_UP_GROUP_TITLE: Record<FollowUpState, string> = {
  overdue: 'Försenade återrapporter',
  'due-soon': 'Återrapporter som ska komma inom 60 dagar',
  later: 'Återrapporter som ska komma senare',
  reported: 'Återrapporter som har kommit',
};

/** The path segment of each group's own list under /uppfoljning/ (permanent: links point at them). */
export const FOLLOW_UP_GROUP_SLUG: Record<FollowUpState, string> = {
  overdue: 'forsenade',
  'due-soon': 'snart',
  later: 'senare',
  reported: 'rapporterade',
};

/** The site path of a group's list, its first page (without the base; wrap in `url()`). */
export const followUpGroupPath = (state: FollowUpState): string => `/uppfoljning/${FOLLOW_UP_GROUP_SLUG[state]}/`;
