/** /data/arenden.csv: one row per case (see src/lib/export/csv.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { absolute } from '../../lib/export/links.ts';
import { caseUrl } from '../../lib/site.ts';
import { newestFirst } from '../../lib/domain/cases.ts';
import { casesTable, toCsv } from '../../lib/export/csv.ts';
import { fileResponse } from '../../lib/export/responses.ts';

export const GET: APIRoute = async ({ site }) => {
  const cases = newestFirst(await getCollection('cases'));
  return fileResponse(toCsv(casesTable(cases, (slug) => absolute(caseUrl(slug), site))), 'csv');
};
