/**
 * /sok/export/<k>.json: each case's line of /data/arenden.csv and entry of
 * /data/arenden.json, in chunks of the facet table's rows, for the search
 * page's download of the hits (src/lib/search/table.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { newestFirst } from '../../../lib/domain/cases.ts';
import { caseAbsoluteUrl } from '../../../lib/export/links.ts';
import { fileResponse } from '../../../lib/export/responses.ts';
import { exportChunks } from '../../../lib/search/table.ts';
import type { ExportChunk } from '../../../lib/search/table-format.ts';

export const getStaticPaths = (async () => {
  const cases = newestFirst(await getCollection('cases'));
  return exportChunks(cases, caseAbsoluteUrl).map((chunk, k) => ({
    params: { chunk: String(k) },
    props: { chunk },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ chunk: ExportChunk }> = ({ props }) => fileResponse(JSON.stringify(props.chunk), 'json');
