/**
 * /data/<table>.csv for each table download (src/lib/export/tables.ts):
 * arenden (one row per case), finansiering (per funding entry),
 * finansiering-poster (per item of a funding entry), uppfoljningar (per
 * promised follow-up) and utfall (per target or result). See
 * src/lib/export/csv.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../lib/config.ts';
import { toCsv } from '../../lib/export/csv.ts';
import { caseAbsoluteUrl } from '../../lib/export/links.ts';
import { fileResponse } from '../../lib/export/responses.ts';
import { TABLE_DOWNLOADS } from '../../lib/export/tables.ts';
import { tableDownloadPaths, type TableRouteProps } from '../../views/table-downloads.ts';

export const getStaticPaths = (async () => tableDownloadPaths(await getCollection('cases'))) satisfies GetStaticPaths;

export const GET: APIRoute<TableRouteProps> = ({ props }) => {
  const table = TABLE_DOWNLOADS[props.table].build(props.cases, {
    urlOf: caseAbsoluteUrl,
    buildDate: BUILD_DATE,
  });
  return fileResponse(toCsv(table), 'csv');
};
