/** /data/360giving.json: the 360Giving data package (see src/lib/export/giving360.ts for what is in it and why). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../lib/config.ts';
import { newestFirst } from '../../lib/domain/cases.ts';
import { giving360Options } from '../../lib/export/downloads.ts';
import { giving360 } from '../../lib/export/giving360.ts';
import { toJson } from '../../lib/export/json.ts';
import { absolutizer } from '../../lib/export/links.ts';
import { fileResponse } from '../../lib/export/responses.ts';

export const GET: APIRoute = async ({ site }) => {
  const cases = newestFirst(await getCollection('cases'));
  return fileResponse(toJson(giving360(cases, giving360Options(BUILD_DATE, absolutizer(site))).package), 'json');
};
