/**
 * The routes of the table downloads, `/data/<table>.csv` and
 * `/data/<table>.xlsx` (src/pages/data/[table].csv.ts and [table].xlsx.ts):
 * one path per table of `TABLE_DOWNLOADS` (src/lib/export/tables.ts).
 *
 * Each path's cache key covers what its file holds: every case (by its
 * digest, in the order of the rows), the data version (a workbook's "Om
 * filen" sheet) and the site-wide inputs (build day, settings, aliases).
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
  /** The cases, newest first: the order of the rows. */
  cases: CaseEntry[];
}

/** One path per table, for the route of one format. */
export function tableDownloadPaths(collection: readonly CaseEntry[]) {
  const cases = newestFirst(collection);
  // Hashed once, not once per table: at 100 000 cases each key would hash every digest.
  const data = pageKey(cases, dataVersion(BUILD_DATE));
  const site = siteInputs();
  return TABLE_NAMES.map((table) => ({
    params: { table },
    props: { table, cases } satisfies TableRouteProps,
    cacheKey: pageKey(site, table, data),
  }));
}

/** The rows of a table download, the same for its CSV file and its workbook. */
export function tableOf({ table, cases }: TableRouteProps): Table {
  return TABLE_DOWNLOADS[table].build(cases, { urlOf: caseAbsoluteUrl, buildDate: BUILD_DATE });
}
