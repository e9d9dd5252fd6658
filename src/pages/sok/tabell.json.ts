/** /sok/tabell.json: the facet table the search page filters, counts and sorts over (src/lib/search/table.ts), without its deferred columns. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../lib/config.ts';
import { newestFirst } from '../../lib/domain/cases.ts';
import { fileResponse } from '../../lib/export/responses.ts';
import { facetTable, splitTable } from '../../lib/search/table.ts';

export const GET: APIRoute = async () => {
  const { table } = facetTable(newestFirst(await getCollection('cases')), BUILD_DATE);
  return fileResponse(JSON.stringify(splitTable(table).file), 'json');
};
