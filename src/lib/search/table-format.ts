/**
 * The facet table's format: what the build writes for /sok/ (table.ts) and
 * what the search page reads in the browser (query.ts). Pure, importing only
 * the field list and the partial-date helpers, so the browser bundle stays small.
 *
 * `/sok/tabell.json` holds what filtering, counting and sorting need, and
 * nothing else, as numbers: one entry per case in every column, rows in the
 * case list's order (newest first), so "newest first" is the row order.
 * - `values[key]`: the distinct values of a filter, most frequent first (so
 *   the commonest values have the shortest indexes);
 * - `facets[key][row]`: the index of the row's value in `values[key]`, or -1
 *   for none; for a filter whose cases can have several values (`multi` in
 *   fields.ts), an array of indexes;
 * - `decided[row]`, `start[row]`: the decision day and, only for a case
 *   without one, the period's start, as a date code (see dateCode), or 0;
 * - `amount[row]`: the amount in kronor the case sorts by, or -1 when it
 *   states none (never 0);
 * - `stated`: character `row` is `1` when the case states an amount, `0`
 *   when not: what the count of hits without an amount needs, on every search.
 * - `deferred`: columns not in this file, each in `/sok/kolumner/<key>.json`
 *   (ColumnFile), fetched when first needed (query.ts, columnsNeeded):
 *   - a filter whose group is long, which starts closed: when the group is
 *     opened or the search filters by it (the parties' column alone was a
 *     quarter of the table). Here it has `values[key]` and `facets[key]` empty.
 *     A filter a hit shows (hit.ts) is never deferred;
 *   - the dates (DATES_COLUMN, `decided` and `start`, here empty), needed only
 *     to sort oldest first or to narrow by decision day: newest first is the
 *     row order;
 *   - the amounts (AMOUNT_COLUMN, `amount`, here empty), needed only to sort
 *     by amount or to narrow by it.
 *   `withColumn` puts a column in.
 * What a hit shows (slug, title, date line …) is in `/sok/rader/<k>.json`,
 * `chunkSize` rows per file, fetched only for the hits on screen; what a
 * download of the hits holds is in `/sok/export/<k>.json`, `exportChunkSize`
 * rows per file.
 */
import { daysInMonth, parsePartialDate } from '../core/partial-date.ts';
import type { FilterKey } from './fields.ts';

export const TABLE_VERSION = 2;

export interface FacetTable {
  version: typeof TABLE_VERSION;
  /** The build day (YYYY-MM-DD): the follow-up filter is relative to it. */
  buildDate: string;
  count: number;
  /** Rows per file of `/sok/rader/` (what hits show). */
  chunkSize: number;
  /** Rows per file of `/sok/export/` (what a download holds). */
  exportChunkSize: number;
  values: Record<FilterKey, string[]>;
  facets: Record<FilterKey, (number | number[])[]>;
  decided: number[];
  start: number[];
  amount: number[];
  stated: string;
  /** Columns in their own files, not yet put in (see the module comment). */
  deferred?: ColumnKey[];
}

/** The deferred column of the dates (`decided` and `start`). */
export const DATES_COLUMN = 'datum';
/** The deferred column of the amounts (`amount`). */
export const AMOUNT_COLUMN = 'belopp';

/** A column that can be deferred: a filter's, the dates or the amounts. */
export type ColumnKey = FilterKey | typeof DATES_COLUMN | typeof AMOUNT_COLUMN;

/** `/sok/kolumner/<key>.json`: a deferred filter's values and column, as in FacetTable. */
export interface FilterColumnFile {
  values: string[];
  facet: (number | number[])[];
}

/** `/sok/kolumner/datum.json`: the dates, as in FacetTable. */
export interface DatesColumnFile {
  decided: number[];
  start: number[];
}

/** `/sok/kolumner/belopp.json`: the amounts, as in FacetTable. */
export interface AmountColumnFile {
  amount: number[];
}

export type ColumnFile = FilterColumnFile | DatesColumnFile | AmountColumnFile;

/** The per-row arrays of a deferred column's file, by its key. */
const rowArrays = (key: ColumnKey): string[] =>
  key === DATES_COLUMN ? ['decided', 'start'] : key === AMOUNT_COLUMN ? ['amount'] : ['facet'];

/** `table` with a deferred column put in: a new table, so what was computed from the old one is not reused. */
export function withColumn(table: FacetTable, key: ColumnKey, column: ColumnFile): FacetTable {
  if (!table.deferred?.includes(key)) return table;
  const lengths = rowArrays(key).map((name) => {
    const rows = (column as unknown as Record<string, unknown>)[name];
    return Array.isArray(rows) ? rows.length : -1;
  });
  if (lengths.some((n) => n !== table.count))
    throw new Error(`Sökkolumnen ${key} har ${lengths.join('/')} rader, söktabellen ${table.count}`);
  const deferred = table.deferred.filter((k) => k !== key);
  if (key === DATES_COLUMN) {
    const { decided, start } = column as DatesColumnFile;
    return { ...table, decided, start, deferred };
  }
  if (key === AMOUNT_COLUMN) return { ...table, amount: (column as AmountColumnFile).amount, deferred };
  const { values, facet } = column as FilterColumnFile;
  return { ...table, values: { ...table.values, [key]: values }, facets: { ...table.facets, [key]: facet }, deferred };
}

/** Whether a column is in the table (not deferred). */
export const hasColumn = (table: FacetTable, key: ColumnKey): boolean => !table.deferred?.includes(key);

/**
 * One hit as shown: `[slug, title, date line, amount line, period line, organisation, body]`
 * (kind and status from the table). The organisation and the body are here, not read from
 * their columns, so that those can be deferred: 1.4 kB more over a page of ten scattered
 * hits, against 15.8 kB of columns in the table at 10 000 generated cases.
 */
export type DisplayRow = [
  slug: string,
  title: string,
  dateLine: string,
  amountLine: string,
  periodLine: string,
  organisation: string,
  body: string,
];

/** A chunk of `/sok/export/<k>.json`: each row as its line of `/data/arenden.csv` and its entry of `/data/arenden.json`. */
export interface ExportChunk {
  csv: string[];
  json: unknown[];
}

/** `/sok/export/huvud.json`: the CSV's header line (with BOM) and the JSON download without its cases. */
export interface ExportHead {
  csvHeader: string;
  json: Record<string, unknown>;
}

/** Site paths of the table's files, relative to the site's base. */
export const TABLE_PATH = 'sok/tabell.json';
export const displayChunkPath = (chunk: number): string => `sok/rader/${chunk}.json`;
export const exportChunkPath = (chunk: number): string => `sok/export/${chunk}.json`;
export const EXPORT_HEAD_PATH = 'sok/export/huvud.json';
export const columnPath = (key: ColumnKey): string => `sok/kolumner/${key}.json`;

/**
 * Rows per display chunk: small, because a page of hits by relevance or amount has
 * its ten rows in up to ten chunks. Measured at 10 000 generated cases, gzipped: 20
 * rows are about 1.1 kB a chunk, 100 rows 3.4 kB, so a page of scattered hits loads
 * about 10 kB instead of 33 kB; 10 rows would save 4 kB more for twice the files.
 */
export const CHUNK_SIZE = 20;

/** Rows per export chunk: a download fetches every chunk its hits are in. */
export const EXPORT_CHUNK_SIZE = 1000;

/** Number of chunks for a number of rows. */
export function chunkCount(rows: number, chunkSize: number): number {
  return Math.ceil(rows / chunkSize);
}

/**
 * A partial date as a number, YYYYMMDD with 00 for the parts it does not give:
 * `2019` → 20190000, `2019-06` → 20190600, `2019-06-18` → 20190618. Numeric
 * order is the case list's order (a period by its first day, a less precise
 * date before a more precise one starting the same day). Returns 0 for text
 * that is not a partial date naming a real period (core/partial-date.ts).
 */
export function dateCode(text: string): number {
  const date = parsePartialDate(text.trim());
  return date ? date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0) : 0;
}

/** The first day a date code stands for, as YYYYMMDD. */
export function firstDayCode(code: number): number {
  const month = Math.floor(code / 100) % 100;
  const day = code % 100;
  return code - (code % 10_000) + (month || 1) * 100 + (day || 1);
}

/** The last day a date code stands for, as YYYYMMDD. */
export function lastDayCode(code: number): number {
  const year = Math.floor(code / 10_000);
  const month = Math.floor(code / 100) % 100;
  const day = code % 100;
  if (month === 0) return year * 10_000 + 1231;
  if (day !== 0) return code;
  return year * 10_000 + month * 100 + daysInMonth(year, month);
}

/** The year of a date code. */
export const yearOfCode = (code: number): number => Math.floor(code / 10_000);
