/** /sok/kolumner/<key>.json: a deferred filter's column of the facet table (src/lib/search/table-format.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../../lib/config.ts';
import { newestFirst } from '../../../lib/domain/cases.ts';
import { fileResponse } from '../../../lib/export/responses.ts';
import { facetTable, splitTable } from '../../../lib/search/table.ts';
import type { ColumnFile } from '../../../lib/search/table-format.ts';
import { pageKey } from '../../../views/page-key.ts';

export const getStaticPaths = (async () => {
  const { table } = facetTable(newestFirst(await getCollection('cases')), BUILD_DATE);
  // The file is its column: one whose values are unchanged is kept from the last build.
  return splitTable(table).columns.map(([key, column]) => ({
    params: { key },
    props: { column },
    cacheKey: pageKey(column),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ column: ColumnFile }> = ({ props }) => fileResponse(JSON.stringify(props.column), 'json');
