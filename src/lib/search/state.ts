/**
 * The search page's whole state (query, filters, sort, page) and its URL,
 * both ways, plus what it asks of the facet table. The URL is the truth: a
 * copied link restores the same search, and back/forward replay it.
 *
 * `/sok/?q=stadsmission&organisation=Linköpings+kommun&part=A&part=B&sortering=nyast&sida=2`
 * - `q`: the words typed;
 * - one parameter per filter key (fields.ts), repeated for several values;
 *   values of one filter are alternatives (any), different filters all apply;
 * - `beslutat-fran`, `beslutat-till` (partial dates), `belopp-fran`,
 *   `belopp-till` (kronor): the range filters (fields.ts, RANGE_PARAMS);
 * - `sortering`: a SORT_OPTIONS id, left out for the default;
 * - `sida`: the page of results, from 1, left out for the first.
 * Unknown parameters, unknown sort ids and bad page numbers are ignored.
 * Pure and DOM-free, so it runs in the browser bundle and in unit tests.
 */
import { pageRange } from '../core/paging.ts';
import { isPartialDate } from '../core/partial-date.ts';
import {
  DEFAULT_SORT_WITHOUT_QUERY,
  FILTER_KEYS,
  type FilterKey,
  PAGE_SIZE,
  RANGE_PARAMS,
  type RangeKey,
  SORT_OPTIONS,
  type SortId,
} from './fields.ts';
import type { Query, Ranges } from './query.ts';

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  ranges: Ranges;
  /** undefined: the default (best match with a query, newest first without). */
  sort: SortId | undefined;
  page: number;
}

export const QUERY_PARAM = 'q';
export const SORT_PARAM = 'sortering';
export const PAGE_PARAM = 'sida';

export const EMPTY_STATE: SearchState = { q: '', filters: {}, ranges: {}, sort: undefined, page: 1 };

const RANGE_KEYS = Object.keys(RANGE_PARAMS) as RangeKey[];

/** A range bound from its URL text: a partial date for the decision day, whole kronor (spaces allowed) for amounts. */
export function parseRangeValue(key: RangeKey, text: string): string | number | undefined {
  const value = text.trim();
  if (key === 'decidedFrom' || key === 'decidedTo') return isPartialDate(value) ? value : undefined;
  const digits = value.replace(/[\s\u00a0]/g, '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : undefined;
}

/** The ranges in a query string; bad values are ignored. */
function parseRanges(params: URLSearchParams): Ranges {
  const ranges: Record<string, string | number> = {};
  for (const key of RANGE_KEYS) {
    const value = parseRangeValue(key, params.get(RANGE_PARAMS[key]) ?? '');
    if (value !== undefined) ranges[key] = value;
  }
  return ranges as Ranges;
}

const isSortId = (v: string): v is SortId => SORT_OPTIONS.some((o) => o.id === v);

/** Reads the state from a query string (`?q=…` or `q=…`) or URLSearchParams. */
export function parseState(query: string | URLSearchParams): SearchState {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const filters: Partial<Record<FilterKey, string[]>> = {};
  for (const key of FILTER_KEYS) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((v) => v.trim())
          .filter((v) => v !== ''),
      ),
    ];
    if (values.length > 0) filters[key] = values;
  }
  const sortParam = params.get(SORT_PARAM) ?? '';
  const pageParam = params.get(PAGE_PARAM) ?? '';
  const page = /^[1-9]\d{0,5}$/.test(pageParam) ? Number(pageParam) : 1;
  return {
    q: (params.get(QUERY_PARAM) ?? '').trim(),
    filters,
    ranges: parseRanges(params),
    sort: isSortId(sortParam) ? sortParam : undefined,
    page,
  };
}

/** The query string for a state (`?q=…&organisation=…`), or '' for the empty state. Stable parameter order. */
export function stateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set(QUERY_PARAM, state.q.trim());
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  for (const key of RANGE_KEYS) {
    const value = state.ranges[key];
    if (value !== undefined) params.set(RANGE_PARAMS[key], String(value));
  }
  if (state.sort !== undefined) params.set(SORT_PARAM, state.sort);
  if (state.page > 1) params.set(PAGE_PARAM, String(state.page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The sort actually used: the chosen one, else best match with a query and newest first without. */
export function effectiveSort(state: SearchState): SortId {
  return state.sort ?? (state.q.trim() === '' ? DEFAULT_SORT_WITHOUT_QUERY : 'relevans');
}

/** What the facet table is asked for a state (query.ts). */
export function tableQuery(state: SearchState): Query {
  return { filters: state.filters, ranges: state.ranges, sort: effectiveSort(state) };
}

/** A state with one filter value switched on or off; back to the first page. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string, on: boolean): SearchState {
  const current = state.filters[key] ?? [];
  const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  const filters = { ...state.filters };
  if (next.length > 0) filters[key] = next;
  else delete filters[key];
  return { ...state, filters, page: 1 };
}

/** "Inga träffar", "1 träff", "12 träffar" (with the query, when there is one). */
export function hitsAnnouncement(hits: number, q: string): string {
  const count = hits === 0 ? 'Inga träffar' : hits === 1 ? '1 träff' : `${hits.toLocaleString('sv-SE')} träffar`;
  return q.trim() === '' ? `${count}.` : `${count} för ”${q.trim()}”.`;
}

/** The status line: the announcement and, when there are several pages, which hits are shown. */
export function statusText(hits: number, q: string, page: number, pageSize = PAGE_SIZE): string {
  const { first, last } = pageRange(page, hits, pageSize);
  const range = hits > pageSize ? ` Visar ${first}–${last}.` : '';
  return `${hitsAnnouncement(hits, q)}${range}`;
}
