/** /sok/export/huvud.json: the head of a download of search hits (CSV header, the JSON file's head). */
import type { APIRoute } from 'astro';
import { BUILD_DATE } from '../../../lib/config.ts';
import { casesFileHead } from '../../../lib/export/json.ts';
import { fileResponse } from '../../../lib/export/responses.ts';
import { dataVersion } from '../../../lib/history/data-version.ts';
import { exportHead } from '../../../lib/search/table.ts';

export const GET: APIRoute = () =>
  fileResponse(JSON.stringify(exportHead(casesFileHead(BUILD_DATE, dataVersion(BUILD_DATE)))), 'json');
