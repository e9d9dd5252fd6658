/** /data/utfall.csv: one row per target or result (see src/lib/export/csv.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { newestFirst } from '../../lib/domain/cases.ts';
import { outcomesTable, toCsv } from '../../lib/export/csv.ts';
import { fileResponse } from '../../lib/export/responses.ts';

export const GET: APIRoute = async () => {
  const cases = newestFirst(await getCollection('cases'));
  return fileResponse(toCsv(outcomesTable(cases)), 'csv');
};
