/** /uppfoljning.ics: every promised follow-up report as a calendar event (see src/lib/export/ical.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../lib/config.ts';
import { newestFirst } from '../lib/domain/cases.ts';
import { FOLLOW_UP_CALENDAR_PATH } from '../lib/export/downloads.ts';
import { followUpCalendar } from '../lib/export/ical.ts';
import { absolute } from '../lib/export/links.ts';
import { fileResponse } from '../lib/export/responses.ts';
import { dataVersion, versionId, versionText } from '../lib/history/data-version.ts';
import { caseUrl, url } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const cases = newestFirst(await getCollection('cases'));
  const body = followUpCalendar(cases, {
    buildDate: BUILD_DATE,
    urlOf: (slug) => absolute(caseUrl(slug), site),
    host: site?.hostname ?? 'insyn',
    calendarUrl: absolute(url(FOLLOW_UP_CALENDAR_PATH), site),
    version: { id: versionId(dataVersion(BUILD_DATE)), text: versionText(dataVersion(BUILD_DATE)) },
  });
  return fileResponse(body, 'ics');
};
