/** /data/finansiering.csv: one row per funding entry (see src/lib/export/csv.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { newestFirst } from '../../lib/domain/cases.ts';
import { fundingTable, toCsv } from '../../lib/export/csv.ts';
import { fileResponse } from '../../lib/export/responses.ts';

export const GET: APIRoute = async () => {
  const cases = newestFirst(await getCollection('cases'));
  return fileResponse(toCsv(fundingTable(cases)), 'csv');
};
