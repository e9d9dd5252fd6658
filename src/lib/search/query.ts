/**
 * Filtering, counting and sorting over the facet table (table-format.ts), in
 * the browser: what /sok/ shows for a state, with or without words. Pure and
 * DOM-free, so unit tests run it on tables made by the build's own code.
 *
 * - Values of one filter are alternatives (any); different filters, the date
 *   range and the amount range all apply.
 * - A count beside a filter value is the number of hits that value would give
 *   with the other filters as they are: for a filter in use, its other values
 *   are counted as if it were not (so "any" stays honest).
 * - With words, the candidates are Pagefind's hits (in relevance order);
 *   without, every case.
 * - Sorted by date or amount, a case without one comes last in both
 *   directions; ties keep the case list's order (the row order).
 */
import { FILTER_FIELDS, type FilterKey, type SortId } from './fields.ts';
import { dateCode, type FacetTable, firstDayCode, lastDayCode } from './table-format.ts';

export interface Ranges {
  /** Partial dates (`2019`, `2019-06`, `2019-06-01`): the decision day overlaps from–to. */
  decidedFrom?: string;
  decidedTo?: string;
  /** Kronor: the amount the case sorts by is within min–max (a case without an amount is out). */
  amountMin?: number;
  amountMax?: number;
}

export interface Query {
  filters: Partial<Record<FilterKey, readonly string[]>>;
  ranges: Ranges;
  sort: SortId;
}

export interface Selection {
  /** The matching rows, in the chosen order. */
  rows: number[];
  /** Per filter key, per value index: the count described above. */
  counts: Record<FilterKey, number[]>;
  /** How many of the matching rows state no amount. */
  withoutAmount: number;
}

/** Per table and filter, each value's index in `values`, made once per table. */
const valueIndexes = new WeakMap<FacetTable, Map<FilterKey, Map<string, number>>>();

/** The index of each of a filter's values in the table (what a row's facet holds for it). */
export function valueIndex(table: FacetTable, key: FilterKey): ReadonlyMap<string, number> {
  let byTable = valueIndexes.get(table);
  if (!byTable) valueIndexes.set(table, (byTable = new Map()));
  let index = byTable.get(key);
  if (!index) byTable.set(key, (index = new Map(table.values[key].map((v, i) => [v, i]))));
  return index;
}

/** Rows in each sort order but relevance, computed once per table. */
const orders = new WeakMap<FacetTable, Map<SortId, Int32Array>>();

const sortDate = (t: FacetTable, row: number): number => t.decided[row] || t.start[row] || 0;

function order(table: FacetTable, sort: SortId): Int32Array {
  let byTable = orders.get(table);
  if (!byTable) orders.set(table, (byTable = new Map()));
  let rows = byTable.get(sort);
  if (rows) return rows;
  rows = Int32Array.from({ length: table.count }, (_, i) => i);
  const missingLast =
    (value: (row: number) => number, missing: number, direction: 1 | -1) =>
    (a: number, b: number): number => {
      const va = value(a);
      const vb = value(b);
      if (va === missing || vb === missing) return va === vb ? a - b : va === missing ? 1 : -1;
      return (va - vb) * direction || a - b;
    };
  if (sort === 'aldst') rows.sort(missingLast((r) => sortDate(table, r), 0, 1));
  else if (sort === 'belopp-hogst') rows.sort(missingLast((r) => table.amount[r] ?? -1, -1, -1));
  else if (sort === 'belopp-lagst') rows.sort(missingLast((r) => table.amount[r] ?? -1, -1, 1));
  // 'nyast' and 'relevans' without words: the row order is the case list's order.
  byTable.set(sort, rows);
  return rows;
}

/** A predicate for the ranges, or undefined when none is set. */
function rangeTest(table: FacetTable, ranges: Ranges): ((row: number) => boolean) | undefined {
  const from = ranges.decidedFrom ? firstDayCode(dateCode(ranges.decidedFrom)) : undefined;
  const to = ranges.decidedTo ? lastDayCode(dateCode(ranges.decidedTo)) : undefined;
  const { amountMin: min, amountMax: max } = ranges;
  if (from === undefined && to === undefined && min === undefined && max === undefined) return undefined;
  return (row) => {
    if (from !== undefined || to !== undefined) {
      const code = table.decided[row] ?? 0;
      if (code === 0) return false;
      if (from !== undefined && lastDayCode(code) < from) return false;
      if (to !== undefined && firstDayCode(code) > to) return false;
    }
    if (min !== undefined || max !== undefined) {
      const amount = table.amount[row] ?? -1;
      if (amount < 0) return false;
      if (min !== undefined && amount < min) return false;
      if (max !== undefined && amount > max) return false;
    }
    return true;
  };
}

/**
 * The selection for a query. `hits`: Pagefind's hits as rows in relevance
 * order when there are words, or undefined for every case.
 */
export function select(table: FacetTable, query: Query, hits?: readonly number[]): Selection {
  const active = FILTER_FIELDS.filter((f) => (query.filters[f.key]?.length ?? 0) > 0).map((f) => {
    const index = valueIndex(table, f.key);
    const wanted = new Set((query.filters[f.key] ?? []).map((v) => index.get(v) ?? -2));
    const column = table.facets[f.key];
    const test = f.multi
      ? (row: number) => (column[row] as number[]).some((i) => wanted.has(i))
      : (row: number) => wanted.has(column[row] as number);
    return { key: f.key, test };
  });
  const inRange = rangeTest(table, query.ranges);
  const counts = Object.fromEntries(
    FILTER_FIELDS.map((f) => [f.key, new Array<number>(table.values[f.key].length).fill(0)]),
  ) as Record<FilterKey, number[]>;
  const count = (key: FilterKey, row: number) => {
    const value = table.facets[key][row];
    const tally = counts[key];
    if (typeof value === 'number') {
      if (value >= 0) tally[value]!++;
    } else for (const i of value!) tally[i]!++;
  };

  const matching = new Uint8Array(table.count);
  let candidates: Iterable<number> = hits ?? order(table, 'nyast');
  for (const row of candidates) {
    if (inRange && !inRange(row)) continue;
    let failed: FilterKey | undefined;
    let failures = 0;
    for (const f of active)
      if (!f.test(row)) {
        failed = f.key;
        if (++failures > 1) break;
      }
    if (failures === 0) {
      matching[row] = 1;
      for (const f of FILTER_FIELDS) count(f.key, row);
    } else if (failures === 1) count(failed!, row);
  }

  const rows: number[] = [];
  candidates = hits && query.sort === 'relevans' ? hits : order(table, query.sort);
  for (const row of candidates) if (matching[row] === 1) rows.push(row);
  let withoutAmount = 0;
  for (const row of rows) if ((table.amount[row] ?? -1) < 0) withoutAmount++;
  return { rows, counts, withoutAmount };
}
