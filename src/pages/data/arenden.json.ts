/** /data/arenden.json: every case with every field and its URL (see src/lib/export/json.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../lib/config.ts';
import { newestFirst } from '../../lib/domain/cases.ts';
import { casesFile, toJson } from '../../lib/export/json.ts';
import { caseAbsoluteUrl } from '../../lib/export/links.ts';
import { fileResponse } from '../../lib/export/responses.ts';
import { dataVersion } from '../../lib/history/data-version.ts';

export const GET: APIRoute = async () => {
  const cases = newestFirst(await getCollection('cases'));
  return fileResponse(toJson(casesFile(cases, caseAbsoluteUrl, BUILD_DATE, dataVersion(BUILD_DATE))), 'json');
};
