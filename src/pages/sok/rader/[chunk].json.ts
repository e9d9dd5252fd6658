/** /sok/rader/<k>.json: what the search page shows of each hit, in chunks of the facet table's rows. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../../lib/config.ts';
import { newestFirst } from '../../../lib/domain/cases.ts';
import { fileResponse } from '../../../lib/export/responses.ts';
import { chunks, facetTable } from '../../../lib/search/table.ts';
import type { DisplayRow } from '../../../lib/search/table-format.ts';
import { pageKey } from '../../../views/page-key.ts';

export const getStaticPaths = (async () => {
  const { display } = facetTable(newestFirst(await getCollection('cases')), BUILD_DATE);
  // The file is its rows: a chunk whose rows are unchanged is kept from the last build.
  return chunks(display).map((rows, k) => ({ params: { chunk: String(k) }, props: { rows }, cacheKey: pageKey(rows) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ rows: DisplayRow[] }> = ({ props }) => fileResponse(JSON.stringify(props.rows), 'json');
