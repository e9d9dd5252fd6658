/**
 * /sok/export/<k>.json: each case's line of /data/arenden.csv and entry of
 * /data/arenden.json, in chunks of the facet table's rows, for the search
 * page's download of the hits (src/lib/search/table.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { type CaseEntry, newestFirst } from '../../../lib/domain/cases.ts';
import { caseAbsoluteUrl } from '../../../lib/export/links.ts';
import { fileResponse } from '../../../lib/export/responses.ts';
import { chunks, exportChunk } from '../../../lib/search/table.ts';
import { EXPORT_CHUNK_SIZE } from '../../../lib/search/table-format.ts';
import { pageKey, siteInputs } from '../../../views/page-key.ts';

export const getStaticPaths = (async () => {
  const site = siteInputs();
  const cases = newestFirst(await getCollection('cases'));
  return chunks(cases, EXPORT_CHUNK_SIZE).map((part, k) => ({
    params: { chunk: String(k) },
    props: { cases: part },
    cacheKey: pageKey(site, part),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ cases: CaseEntry[] }> = ({ props }) =>
  fileResponse(JSON.stringify(exportChunk(props.cases, caseAbsoluteUrl)), 'json');
