/** /data/uppfoljningar.csv: one row per promised follow-up (see src/lib/export/csv.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../lib/config.ts';
import { newestFirst } from '../../lib/domain/cases.ts';
import { followUpsTable, toCsv } from '../../lib/export/csv.ts';
import { fileResponse } from '../../lib/export/responses.ts';

export const GET: APIRoute = async () => {
  const cases = newestFirst(await getCollection('cases'));
  return fileResponse(toCsv(followUpsTable(cases, BUILD_DATE)), 'csv');
};
