/**
 * /data/<table>.csv for each table download (src/lib/export/tables.ts):
 * arenden (one row per case), finansiering (per funding entry),
 * finansiering-poster (per item of a funding entry), uppfoljningar (per
 * promised follow-up) and utfall (per target or result). See
 * src/lib/export/csv.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { toCsv } from '../../lib/export/csv.ts';
import { fileResponse } from '../../lib/export/responses.ts';
import { tableDownloadPaths, type TableRouteProps } from '../../views/table-downloads.ts';

export const getStaticPaths = (async () =>
  tableDownloadPaths(await getCollection('cases'), 'csv')) satisfies GetStaticPaths;

export const GET: APIRoute<TableRouteProps> = ({ props }) => fileResponse(toCsv(props.rows), 'csv');
