/**
 * The search's vocabulary, shared by the build (what each case page tags for
 * Pagefind, see meta.ts) and the search page in the browser (what it asks
 * Pagefind for, see state.ts): filter keys, which double as URL parameters,
 * their Swedish names, and the sort orders. Pure data, no imports, so the
 * browser bundle stays small.
 */

/** One filter: its Pagefind key (also its URL parameter) and its Swedish name. */
export interface FilterField {
  key: string;
  label: string;
}

/** Filters in the order the search page shows them. */
export const FILTER_FIELDS = [
  { key: 'organisation', label: 'Organisation' },
  { key: 'organ', label: 'Beslutande organ' },
  { key: 'typ', label: 'Typ av ärende' },
  { key: 'status', label: 'Status' },
  { key: 'ar', label: 'Beslutsår' },
  { key: 'part', label: 'Part' },
  { key: 'amne', label: 'Ämne' },
  { key: 'plats', label: 'Plats' },
  { key: 'uppfoljning', label: 'Uppföljning' },
] as const satisfies readonly FilterField[];

export type FilterKey = (typeof FILTER_FIELDS)[number]['key'];

export const FILTER_KEYS: readonly FilterKey[] = FILTER_FIELDS.map((f) => f.key);

/** The one value of the `uppfoljning` filter: the case has a report that is overdue on the build day. */
export const OVERDUE_FILTER_VALUE = 'Har försenad återrapport';

/**
 * Pagefind sort keys. Pagefind drops every result that lacks the sort key
 * being sorted by, and sorts one key in both directions. To keep cases
 * without a date or an amount in the results, and last in both directions,
 * each order has its own key that every case carries (see sortValues in
 * meta.ts).
 */
export const SORT_KEYS = {
  dateDesc: 'datum_fallande',
  dateAsc: 'datum_stigande',
  amountDesc: 'belopp_fallande',
  amountAsc: 'belopp_stigande',
} as const;

export type SortKey = (typeof SORT_KEYS)[keyof typeof SORT_KEYS];

/** A sort order as the search page offers it (`sortering=` in the URL). */
export interface SortOption {
  id: string;
  label: string;
  /** The Pagefind sort, or undefined for relevance. */
  pagefind?: { key: SortKey; direction: 'asc' | 'desc' };
}

export const SORT_OPTIONS = [
  { id: 'relevans', label: 'Bäst matchning' },
  { id: 'nyast', label: 'Datum, nyast först', pagefind: { key: SORT_KEYS.dateDesc, direction: 'desc' } },
  { id: 'aldst', label: 'Datum, äldst först', pagefind: { key: SORT_KEYS.dateAsc, direction: 'asc' } },
  { id: 'belopp-hogst', label: 'Belopp, högst först', pagefind: { key: SORT_KEYS.amountDesc, direction: 'desc' } },
  { id: 'belopp-lagst', label: 'Belopp, lägst först', pagefind: { key: SORT_KEYS.amountAsc, direction: 'asc' } },
] as const satisfies readonly SortOption[];

export type SortId = (typeof SORT_OPTIONS)[number]['id'];

/** The order used when there is no query to rank by. */
export const DEFAULT_SORT_WITHOUT_QUERY: SortId = 'nyast';

/** Pagefind meta keys a case page sets besides the title (shown in each result). */
export const META_KEYS = {
  organisation: 'organisation',
  date: 'datum',
  amount: 'belopp',
} as const;

/** Results per page. */
export const PAGE_SIZE = 10;
