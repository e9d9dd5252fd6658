/**
 * Builds the facet table of /sok/ (format: table-format.ts) from the cases,
 * in the case list's order: one row per case, in every file. The pages under
 * src/pages/sok/ write it; the search index step reads its rows
 * (table-files.ts) to map Pagefind's hits to rows.
 */
import { type CaseEntry, caseDate, sameEntries } from '../domain/cases.ts';
import { isoDay } from '../core/partial-date.ts';
import { CASE_COLUMNS, casesTable, csvParts } from '../export/csv.ts';
import { type CasesFileHead, caseJson } from '../export/json.ts';
import { FILTER_FIELDS, FILTER_KEYS, type FilterKey } from './fields.ts';
import { isShortGroup } from './filter-groups.ts';
import { HIT_FILTERS } from './hit.ts';
import { caseSearchMeta } from './meta.ts';
import {
  CHUNK_SIZE,
  chunkCount,
  type ColumnFile,
  type ColumnKey,
  AMOUNT_COLUMN,
  DATES_COLUMN,
  EXPORT_CHUNK_SIZE,
  dateCode,
  type DisplayRow,
  type ExportChunk,
  type ExportHead,
  type FacetTable,
  TABLE_VERSION,
} from './table-format.ts';

const MULTI: ReadonlySet<FilterKey> = new Set(FILTER_FIELDS.filter((f) => f.multi).map((f) => f.key));

/** Sorted by frequency, most frequent first; ties in Swedish alphabetical order. */
function byFrequency(counts: Map<string, number>): string[] {
  const collator = new Intl.Collator('sv');
  return [...counts].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).map(([value]) => value);
}

type Built = { table: FacetTable; display: DisplayRow[] };

/** The last table built: the search page and the table's two routes ask for the same one in a build. */
let last: { cases: readonly CaseEntry[]; buildDate: number; chunkSize: number; built: Built } | undefined;

/** The facet table and the display rows of `cases`, which must be in the case list's order (newestFirst). */
export function facetTable(cases: readonly CaseEntry[], buildDate: Date, chunkSize = CHUNK_SIZE): Built {
  if (last && last.buildDate === buildDate.getTime() && last.chunkSize === chunkSize && sameEntries(last.cases, cases))
    return last.built;
  const built = buildTable(cases, buildDate, chunkSize);
  last = { cases: [...cases], buildDate: buildDate.getTime(), chunkSize, built };
  return built;
}

function buildTable(cases: readonly CaseEntry[], buildDate: Date, chunkSize: number): Built {
  const metas = cases.map((c) => caseSearchMeta(c.data, buildDate));
  const values = {} as FacetTable['values'];
  const facets = {} as FacetTable['facets'];
  for (const key of FILTER_KEYS) {
    const counts = new Map<string, number>();
    for (const m of metas) for (const v of m.filters[key] ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
    const list = byFrequency(counts);
    const index = new Map(list.map((v, i) => [v, i]));
    values[key] = list;
    facets[key] = metas.map((m) => {
      const indexes = (m.filters[key] ?? []).map((v) => index.get(v) as number);
      return MULTI.has(key) ? indexes : (indexes[0] ?? -1);
    });
  }
  const table: FacetTable = {
    version: TABLE_VERSION,
    buildDate: isoDay(buildDate),
    count: cases.length,
    chunkSize,
    exportChunkSize: EXPORT_CHUNK_SIZE,
    values,
    facets,
    decided: cases.map((c) => (c.data.decided ? dateCode(c.data.decided) : 0)),
    start: cases.map((c) => (c.data.decided ? 0 : dateCode(caseDate(c.data) ?? ''))),
    amount: metas.map((m) => m.amount ?? -1),
    stated: metas.map((m) => (m.amount === undefined ? '0' : '1')).join(''),
  };
  const display = cases.map((c, i): DisplayRow => {
    const m = metas[i]!;
    return [
      c.id,
      c.data.title,
      m.dateLine,
      m.amountLine,
      m.periodLine,
      m.filters.organisation?.[0] ?? '',
      m.filters.organ?.[0] ?? '',
    ];
  });
  return { table, display };
}

/**
 * `/sok/tabell.json` and the deferred columns (table-format.ts) of a built table: the
 * column of a filter whose group starts closed (filter-groups.ts), unless a hit shows it,
 * the dates and the amounts.
 */
export function splitTable(table: FacetTable): { file: FacetTable; columns: [ColumnKey, ColumnFile][] } {
  const shown: readonly FilterKey[] = HIT_FILTERS;
  const filters = FILTER_KEYS.filter((key) => !shown.includes(key) && !isShortGroup(table.values[key].length));
  const values = { ...table.values };
  const facets = { ...table.facets };
  for (const key of filters) {
    values[key] = [];
    facets[key] = [];
  }
  return {
    file: {
      ...table,
      values,
      facets,
      decided: [],
      start: [],
      amount: [],
      deferred: [...filters, DATES_COLUMN, AMOUNT_COLUMN],
    },
    columns: [
      ...filters.map((key): [ColumnKey, ColumnFile] => [key, { values: table.values[key], facet: table.facets[key] }]),
      [DATES_COLUMN, { decided: table.decided, start: table.start }],
      [AMOUNT_COLUMN, { amount: table.amount }],
    ],
  };
}

/** Splits rows into chunks of `chunkSize`. */
export function chunks<T>(rows: readonly T[], chunkSize = CHUNK_SIZE): T[][] {
  return Array.from({ length: chunkCount(rows.length, chunkSize) }, (_, k) =>
    rows.slice(k * chunkSize, (k + 1) * chunkSize),
  );
}

/** The head of a download of the hits: the CSV header line (with BOM) and `/data/arenden.json` without its cases. */
export function exportHead(file: CasesFileHead): ExportHead {
  return { csvHeader: csvParts({ columns: CASE_COLUMNS, rows: [] }).header, json: { ...file } };
}

/**
 * One chunk of the download of hits: each of `cases`' line of `/data/arenden.csv` and entry
 * of `/data/arenden.json`. The cases of chunk k are rows k × EXPORT_CHUNK_SIZE on of the
 * facet table (`chunks(newestFirst(cases), EXPORT_CHUNK_SIZE)`); a line or an entry
 * depends on its own case only, so a chunk is made from its own cases.
 */
export function exportChunk(cases: readonly CaseEntry[], urlOf: (slug: string) => string): ExportChunk {
  return { csv: csvParts(casesTable(cases, urlOf)).rows, json: cases.map((c) => caseJson(c, urlOf(c.id))) };
}
