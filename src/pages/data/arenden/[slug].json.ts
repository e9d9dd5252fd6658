/** /data/arenden/<slug>.json: one case with every field and its URL (see src/lib/export/json.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { CaseEntry } from '../../../lib/domain/cases.ts';
import { caseJson, toJson } from '../../../lib/export/json.ts';
import { absolute } from '../../../lib/export/links.ts';
import { fileResponse } from '../../../lib/export/responses.ts';
import { caseUrl } from '../../../lib/site.ts';

export const getStaticPaths = (async () => {
  const cases = await getCollection('cases');
  return cases.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: CaseEntry }> = ({ props, site }) =>
  fileResponse(toJson(caseJson(props.entry, absolute(caseUrl(props.entry.id), site))), 'json');
