/** /uppfoljning.ics: every promised follow-up report as a calendar event (see src/lib/export/ical.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE, config } from '../lib/config.ts';
import { newestFirst } from '../lib/domain/cases.ts';
import { FOLLOW_UP_CALENDAR_PATH } from '../lib/export/downloads.ts';
import { followUpCalendar } from '../lib/export/ical.ts';
import { caseAbsoluteUrl, siteAbsolute } from '../lib/export/links.ts';
import { fileResponse } from '../lib/export/responses.ts';
import { dataVersion, versionId, versionText } from '../lib/history/data-version.ts';
import { url } from '../lib/site.ts';

export const GET: APIRoute = async () => {
  const cases = newestFirst(await getCollection('cases'));
  const body = followUpCalendar(cases, {
    buildDate: BUILD_DATE,
    urlOf: caseAbsoluteUrl,
    host: config.site === undefined ? 'insyn' : new URL(config.site).hostname,
    calendarUrl: siteAbsolute(url(FOLLOW_UP_CALENDAR_PATH)),
    version: { id: versionId(dataVersion(BUILD_DATE)), text: versionText(dataVersion(BUILD_DATE)) },
  });
  return fileResponse(body, 'ics');
};
