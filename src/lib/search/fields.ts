/**
 * The search's vocabulary, shared by the build (the facet table, table.ts)
 * and the search page in the browser (state.ts, query.ts): filter keys, which
 * double as URL parameters, their Swedish names, the range filters and the
 * sort orders. Pure data, no imports, so the browser bundle stays small.
 */

/** One filter: its key (also its URL parameter), its Swedish name, and whether a case can have several values. */
export interface FilterField {
  key: string;
  label: string;
  multi: boolean;
}

/** Filters in the order the search page shows them. */
export const FILTER_FIELDS = [
  { key: 'organisation', label: 'Organisation', multi: false },
  { key: 'organ', label: 'Beslutande organ', multi: false },
  { key: 'typ', label: 'Typ av ärende', multi: false },
  { key: 'status', label: 'Status', multi: false },
  { key: 'ar', label: 'Beslutsår', multi: false },
  { key: 'part', label: 'Part', multi: true },
  { key: 'amne', label: 'Ämne', multi: true },
  { key: 'plats', label: 'Plats', multi: true },
  { key: 'uppfoljning', label: 'Uppföljning', multi: false },
] as const satisfies readonly FilterField[];

export type FilterKey = (typeof FILTER_FIELDS)[number]['key'];

export const FILTER_KEYS: readonly FilterKey[] = FILTER_FIELDS.map((f) => f.key);

/** The one value of the `uppfoljning` filter: the case has a report that is overdue on the build day. */
export const OVERDUE_FILTER_VALUE = 'Har försenad återrapport';

/** A sort order as the search page offers it (`sortering=` in the URL). */
export interface SortOption {
  id: string;
  label: string;
}

/**
 * Sort orders. Relevance comes from Pagefind (score order across shards); the
 * others from the facet table (src/lib/search/query.ts), where a case without
 * a date or an amount comes last in both directions: a missing amount is never 0.
 */
export const SORT_OPTIONS = [
  { id: 'relevans', label: 'Bäst matchning' },
  { id: 'nyast', label: 'Datum, nyast först' },
  { id: 'aldst', label: 'Datum, äldst först' },
  { id: 'belopp-hogst', label: 'Belopp, högst först' },
  { id: 'belopp-lagst', label: 'Belopp, lägst först' },
] as const satisfies readonly SortOption[];

export type SortId = (typeof SORT_OPTIONS)[number]['id'];

/** The order used when there is no query to rank by. */
export const DEFAULT_SORT_WITHOUT_QUERY: SortId = 'nyast';

/**
 * Range filters, kept in the URL like the others: the decision day (from, to;
 * `2019`, `2019-06` or `2019-06-01`) and the amount in kronor (at least, at most).
 */
export const RANGE_PARAMS = {
  decidedFrom: 'beslutat-fran',
  decidedTo: 'beslutat-till',
  amountMin: 'belopp-fran',
  amountMax: 'belopp-till',
} as const;

export type RangeKey = keyof typeof RANGE_PARAMS;

/** Results per page. */
export const PAGE_SIZE = 10;
