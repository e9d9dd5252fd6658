/** /arenden.atom: an Atom feed of every case, newest first (see src/lib/export/feeds.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../lib/config.ts';
import { addedDay } from '../lib/export/added.ts';
import { ALL_CASES_FEED_PATH } from '../lib/export/downloads.ts';
import { atomFeed } from '../lib/export/feeds.ts';
import { caseAbsoluteUrl, siteAbsolute } from '../lib/export/links.ts';
import { fileResponse } from '../lib/export/responses.ts';
import { dataVersion, versionId } from '../lib/history/data-version.ts';
import { SITE_NAME, url } from '../lib/site.ts';

export const GET: APIRoute = async () => {
  const cases = await getCollection('cases');
  const body = atomFeed(cases, {
    title: `${SITE_NAME} – alla ärenden`,
    subtitle: 'Beslut, avtal, partnerskap och ansökningar om arbetsmarknadsinsatser, nyast först.',
    selfUrl: siteAbsolute(url(ALL_CASES_FEED_PATH)),
    pageUrl: siteAbsolute(url('/arenden/')),
    urlOf: caseAbsoluteUrl,
    buildDate: BUILD_DATE,
    addedOf: addedDay,
    version: versionId(dataVersion(BUILD_DATE)),
  });
  return fileResponse(body, 'atom');
};
