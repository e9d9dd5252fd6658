/** /rattelser.atom: an Atom feed of every correction in every case, newest first (see src/lib/export/feeds.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../lib/config.ts';
import { corrections } from '../lib/domain/case-links.ts';
import { CORRECTIONS_FEED_PATH } from '../lib/export/downloads.ts';
import { correctionsFeed } from '../lib/export/feeds.ts';
import { caseAbsoluteUrl, siteAbsolute } from '../lib/export/links.ts';
import { fileResponse } from '../lib/export/responses.ts';
import { SITE_NAME, url } from '../lib/site.ts';

export const GET: APIRoute = async () => {
  const cases = await getCollection('cases');
  const body = correctionsFeed(corrections(cases), {
    title: `${SITE_NAME} – rättelser`,
    subtitle: 'Rättelser av fel i ärendena, nyast först.',
    selfUrl: siteAbsolute(url(CORRECTIONS_FEED_PATH)),
    pageUrl: siteAbsolute(url('/')),
    urlOf: caseAbsoluteUrl,
    buildDate: BUILD_DATE,
  });
  return fileResponse(body, 'atom');
};
