/** /sok/rader/<k>.json: what the search page shows of each hit, in chunks of the facet table's rows. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../../lib/config.ts';
import { newestFirst } from '../../../lib/domain/cases.ts';
import { fileResponse } from '../../../lib/export/responses.ts';
import { chunks, facetTable } from '../../../lib/search/table.ts';
import type { DisplayRow } from '../../../lib/search/table-format.ts';

export const getStaticPaths = (async () => {
  const { display } = facetTable(newestFirst(await getCollection('cases')), BUILD_DATE);
  return chunks(display).map((rows, k) => ({ params: { chunk: String(k) }, props: { rows } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ rows: DisplayRow[] }> = ({ props }) => fileResponse(JSON.stringify(props.rows), 'json');
