/**
 * /data/<table>.xlsx for each table download: the rows of /data/<table>.csv
 * as an Excel workbook (see src/lib/export/xlsx.ts), with a sheet of the
 * columns' meanings and one about the file.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../lib/config.ts';
import { siteAbsolute } from '../../lib/export/links.ts';
import { fileResponse } from '../../lib/export/responses.ts';
import { TABLE_DOWNLOADS, workbookInfo } from '../../lib/export/tables.ts';
import { toXlsx } from '../../lib/export/xlsx.ts';
import { dataVersion } from '../../lib/history/data-version.ts';
import { tableDownloadPaths, type TableRouteProps } from '../../views/table-downloads.ts';

export const getStaticPaths = (async () =>
  tableDownloadPaths(await getCollection('cases'), 'xlsx')) satisfies GetStaticPaths;

export const GET: APIRoute<TableRouteProps> = async ({ props }) => {
  const { spec } = TABLE_DOWNLOADS[props.table];
  const info = workbookInfo(spec, props.rows, dataVersion(BUILD_DATE), BUILD_DATE, siteAbsolute);
  return fileResponse(new Uint8Array(await toXlsx(props.rows, spec, info)), 'xlsx');
};
