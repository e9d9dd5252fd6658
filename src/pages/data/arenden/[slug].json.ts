/**
 * /data/arenden/<slug>.json in `astro dev`: one case with every field and its
 * URL (see src/lib/export/json.ts). The production build writes these files
 * by splitting /data/arenden.json instead (src/postbuild/case-json.ts),
 * which is much faster than one route per case.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { CaseEntry } from '../../../lib/domain/cases.ts';
import { BUILD_DATE } from '../../../lib/config.ts';
import { caseFile, caseJson, toJson, versionJson } from '../../../lib/export/json.ts';
import { dataVersion } from '../../../lib/history/data-version.ts';
import { caseAbsoluteUrl } from '../../../lib/export/links.ts';
import { fileResponse } from '../../../lib/export/responses.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const cases = await getCollection('cases');
  return cases.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CaseEntry }> = ({ props }) =>
  fileResponse(
    toJson(caseFile(caseJson(props.entry, caseAbsoluteUrl(props.entry.id)), versionJson(dataVersion(BUILD_DATE)))),
    'json',
  );
