/**
 * The routes of the table downloads, `/data/<table>.csv` and
 * `/data/<table>.xlsx` (src/pages/data/[table].csv.ts and [table].xlsx.ts):
 * one path per table of `TABLE_DOWNLOADS` (src/lib/export/tables.ts).
 *
 * The tables are built once per build, for both routes, when their paths are
 * listed, and each path's cache key covers what its file holds: the table's
 * rows and the site-wide inputs (build day, settings, aliases), and for a
 * workbook the data version too (its "Om filen" sheet; a CSV file has no place
 * for it). A change that leaves a table's rows as they were (a case's text,
 * most often) leaves its files as they were too.
 */
import { BUILD_DATE } from '../lib/config.ts';
import { type CaseEntry, newestFirst } from '../lib/domain/cases.ts';
import type { Table } from '../lib/export/csv.ts';
import { caseAbsoluteUrl } from '../lib/export/links.ts';
import { TABLE_DOWNLOADS, TABLE_NAMES, type TableName } from '../lib/export/tables.ts';
import { dataVersion } from '../lib/history/data-version.ts';
import { pageKey, siteInputs } from './page-key.ts';

export interface TableRouteProps {
  table: TableName;
  /** Its rows, the same for its CSV file and its workbook. */
  rows: Table;
}

/** This build's tables and their keys, by the cases they were built from. */
let built: { cases: string; tables: { table: TableName; rows: Table; csv: string; xlsx: string }[] } | undefined;

/** One path per table, for the route of one format. */
export function tableDownloadPaths(collection: readonly CaseEntry[], format: 'csv' | 'xlsx') {
  const cases = newestFirst(collection);
  // By digest: a key of the cases, not of their contents.
  const casesKey = pageKey(cases);
  if (built?.cases !== casesKey) {
    const site = siteInputs();
    const version = dataVersion(BUILD_DATE);
    built = {
      cases: casesKey,
      tables: TABLE_NAMES.map((table) => {
        const rows = TABLE_DOWNLOADS[table].build(cases, { urlOf: caseAbsoluteUrl, buildDate: BUILD_DATE });
        const csv = pageKey(site, table, rows);
        return { table, rows, csv, xlsx: pageKey(csv, version) };
      }),
    };
  }
  return built.tables.map((t) => ({
    params: { table: t.table },
    props: { table: t.table, rows: t.rows } satisfies TableRouteProps,
    cacheKey: t[format],
  }));
}
