/** /data/datapackage.json: the CSV tables as a Frictionless Tabular Data Package (see src/lib/export/datapackage.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../lib/config.ts';
import { newestFirst } from '../../lib/domain/cases.ts';
import { dataPackage } from '../../lib/export/datapackage.ts';
import { toJson } from '../../lib/export/json.ts';
import { absolute, absolutizer } from '../../lib/export/links.ts';
import { fileResponse } from '../../lib/export/responses.ts';
import { TABLE_DOWNLOADS } from '../../lib/export/tables.ts';
import { dataVersion } from '../../lib/history/data-version.ts';
import { caseUrl } from '../../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const cases = newestFirst(await getCollection('cases'));
  const context = { urlOf: (slug: string) => absolute(caseUrl(slug), site), buildDate: BUILD_DATE };
  const tables = Object.values(TABLE_DOWNLOADS).map(({ spec, build }) => ({ spec, table: build(cases, context) }));
  return fileResponse(toJson(dataPackage(tables, dataVersion(BUILD_DATE), absolutizer(site))), 'json');
};
