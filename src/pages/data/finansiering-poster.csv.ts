/** /data/finansiering-poster.csv: one row per item of a funding entry (see src/lib/export/csv.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { newestFirst } from '../../lib/domain/cases.ts';
import { fundingItemsTable, toCsv } from '../../lib/export/csv.ts';
import { fileResponse } from '../../lib/export/responses.ts';

export const GET: APIRoute = async () => {
  const cases = newestFirst(await getCollection('cases'));
  return fileResponse(toCsv(fundingItemsTable(cases)), 'csv');
};
