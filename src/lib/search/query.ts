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
 * - A filter whose column is deferred (not yet put in the table) is not
 *   counted: its counts are empty. A query that needs a deferred column
 *   (columnsNeeded) is an error.
 */
import { FILTER_FIELDS, type FilterKey, type SortId } from './fields.ts';
import {
  AMOUNT_COLUMN,
  type ColumnKey,
  DATES_COLUMN,
  dateCode,
  type FacetTable,
  firstDayCode,
  hasColumn,
  lastDayCode,
} from './table-format.ts';

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

/**
 * The deferred columns (table-format.ts) a query needs: its filters', the dates to sort
 * oldest first or narrow by day, the amounts to sort or narrow by amount.
 */
export function columnsNeeded(query: Query): ColumnKey[] {
  const { ranges, sort } = query;
  const needed = FILTER_FIELDS.filter((f) => (query.filters[f.key]?.length ?? 0) > 0).map((f): ColumnKey => f.key);
  if (sort === 'aldst' || ranges.decidedFrom || ranges.decidedTo) needed.push(DATES_COLUMN);
  if (sort.startsWith('belopp') || ranges.amountMin !== undefined || ranges.amountMax !== undefined)
    needed.push(AMOUNT_COLUMN);
  return needed;
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
 * A filter's column as typed arrays, made once per table: the JSON's `number | number[]`
 * per row costs a type check and an array per row, and counting touches every row and
 * filter (100 000 × 9 at national scale). A one-value filter has `single` (the value's
 * index, or -1); a several-value filter has row `r`'s indexes at `values[offsets[r]]` up
 * to `values[offsets[r + 1]]`. Every column has the same shape, so the loop below sees one.
 */
interface Column {
  single: Int32Array | null;
  offsets: Int32Array | null;
  values: Int32Array | null;
}

const columnsOf = new WeakMap<FacetTable, (Column | null)[]>();

/** The table's columns, in FILTER_FIELDS' order; null for a deferred one. */
function columns(table: FacetTable): (Column | null)[] {
  let made = columnsOf.get(table);
  if (made) return made;
  made = FILTER_FIELDS.map((f): Column | null => {
    if (!hasColumn(table, f.key)) return null;
    const facet = table.facets[f.key];
    if (!f.multi) return { single: Int32Array.from(facet as number[]), offsets: null, values: null };
    const offsets = new Int32Array(table.count + 1);
    for (let row = 0; row < table.count; row++) offsets[row + 1] = offsets[row]! + (facet[row] as number[]).length;
    const values = new Int32Array(offsets[table.count]!);
    for (let row = 0; row < table.count; row++) values.set(facet[row] as number[], offsets[row]!);
    return { single: null, offsets, values };
  });
  columnsOf.set(table, made);
  return made;
}

/** Adds one row's values of a column to its tally. */
function tally(column: Column, counts: Int32Array, row: number): void {
  if (column.single !== null) {
    const value = column.single[row]!;
    if (value >= 0) counts[value]!++;
    return;
  }
  const values = column.values!;
  for (let i = column.offsets![row]!, end = column.offsets![row + 1]!; i < end; i++) counts[values[i]!]!++;
}

/** Whether a row has one of the wanted values (flags by value index) in a column. */
function has(column: Column, wanted: Uint8Array, row: number): boolean {
  if (column.single !== null) {
    const value = column.single[row]!;
    return value >= 0 && wanted[value] === 1;
  }
  const values = column.values!;
  for (let i = column.offsets![row]!, end = column.offsets![row + 1]!; i < end; i++)
    if (wanted[values[i]!] === 1) return true;
  return false;
}

/**
 * The selection for a query. `hits`: Pagefind's hits as rows in relevance
 * order when there are words, or undefined for every case.
 */
export function select(table: FacetTable, query: Query, hits?: ArrayLike<number>): Selection {
  const missing = columnsNeeded(query).filter((key) => !hasColumn(table, key));
  if (missing.length > 0) throw new Error(`Sökkolumnen ${missing.join(', ')} är inte inläst`);
  const cols = columns(table);
  // The filters in use: their column's position in FILTER_FIELDS, and their values as flags.
  const active = FILTER_FIELDS.flatMap((f, k) => {
    const chosen = query.filters[f.key] ?? [];
    if (chosen.length === 0) return [];
    const index = valueIndex(table, f.key);
    const wanted = new Uint8Array(table.values[f.key].length);
    for (const v of chosen) {
      const i = index.get(v);
      if (i !== undefined) wanted[i] = 1;
    }
    return [{ k, wanted }];
  });
  const inRange = rangeTest(table, query.ranges);
  const counts = FILTER_FIELDS.map((f) => new Int32Array(table.values[f.key].length));

  const matching = new Uint8Array(table.count);
  let candidates: ArrayLike<number> = hits ?? order(table, 'nyast');
  for (let c = 0; c < candidates.length; c++) {
    const row = candidates[c]!;
    if (inRange && !inRange(row)) continue;
    let failed = -1;
    let failures = 0;
    for (let a = 0; a < active.length; a++)
      if (!has(cols[active[a]!.k]!, active[a]!.wanted, row)) {
        failed = active[a]!.k;
        if (++failures > 1) break;
      }
    if (failures === 0) {
      matching[row] = 1;
      for (let k = 0; k < cols.length; k++) if (cols[k]) tally(cols[k]!, counts[k]!, row);
    } else if (failures === 1) tally(cols[failed]!, counts[failed]!, row);
  }

  const rows: number[] = [];
  candidates = hits && query.sort === 'relevans' ? hits : order(table, query.sort);
  for (let c = 0; c < candidates.length; c++) if (matching[candidates[c]!] === 1) rows.push(candidates[c]!);
  let withoutAmount = 0;
  for (const row of rows) if (table.stated[row] !== '1') withoutAmount++;
  return {
    rows,
    counts: Object.fromEntries(FILTER_FIELDS.map((f, k) => [f.key, Array.from(counts[k]!)])) as Record<
      FilterKey,
      number[]
    >,
    withoutAmount,
  };
}
