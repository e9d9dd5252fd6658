/** /data/datapackage.json: the CSV tables as a Frictionless Tabular Data Package (see src/lib/export/datapackage.ts). */
import type { APIRoute } from 'astro';
import { BUILD_DATE } from '../../lib/config.ts';
import { dataPackage } from '../../lib/export/datapackage.ts';
import { toJson } from '../../lib/export/json.ts';
import { siteAbsolute } from '../../lib/export/links.ts';
import { fileResponse } from '../../lib/export/responses.ts';
import { TABLE_DOWNLOADS } from '../../lib/export/tables.ts';
import { dataVersion } from '../../lib/history/data-version.ts';

// The package describes the tables' columns, which are the same for any cases: no table is built here.
export const GET: APIRoute = () =>
  fileResponse(toJson(dataPackage(Object.values(TABLE_DOWNLOADS), dataVersion(BUILD_DATE), siteAbsolute)), 'json');
