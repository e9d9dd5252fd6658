/** /data/arenden.xlsx: the rows of arenden.csv as an Excel workbook (see src/lib/export/xlsx.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../lib/config.ts';
import { newestFirst } from '../../lib/domain/cases.ts';
import { absolute, absolutizer } from '../../lib/export/links.ts';
import { fileResponse } from '../../lib/export/responses.ts';
import { TABLE_DOWNLOADS, workbookInfo } from '../../lib/export/tables.ts';
import { toXlsx } from '../../lib/export/xlsx.ts';
import { dataVersion } from '../../lib/history/data-version.ts';
import { caseUrl } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const cases = newestFirst(await getCollection('cases'));
  const { spec, build } = TABLE_DOWNLOADS['arenden'];
  const table = build(cases, { urlOf: (slug) => absolute(caseUrl(slug), site), buildDate: BUILD_DATE });
  const info = workbookInfo(spec, table, dataVersion(BUILD_DATE), BUILD_DATE, absolutizer(site));
  return fileResponse(new Uint8Array(await toXlsx(table, spec, info)), 'xlsx');
};
