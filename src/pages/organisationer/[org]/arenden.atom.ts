/**
 * /organisationer/<slug>/arenden.atom: an Atom feed of every case an
 * organisation takes part in (decides, or is a party, payer or payee),
 * newest first. Organisations and their slugs (alias-aware) come from
 * src/lib/domain/organisations.ts, the same as the organisation pages.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../../lib/config.ts';
import { readOrganisationAliases } from '../../../lib/content/organisations-file.ts';
import type { CaseEntry } from '../../../lib/domain/cases.ts';
import { organisationPath } from '../../../lib/domain/organisations.ts';
import { addedDay } from '../../../lib/export/added.ts';
import { organisationFeedPath } from '../../../lib/export/downloads.ts';
import { atomFeed } from '../../../lib/export/feeds.ts';
import { caseAbsoluteUrl, siteAbsolute } from '../../../lib/export/links.ts';
import { fileResponse } from '../../../lib/export/responses.ts';
import { dataVersion, versionId } from '../../../lib/history/data-version.ts';
import { SITE_NAME, url } from '../../../lib/site.ts';
import { organisationIndex } from '../../../views/organisation-pages.ts';
import { pageKey, siteInputs } from '../../../views/page-key.ts';

export const getStaticPaths = (async () => {
  const { organisations } = organisationIndex(await getCollection('cases'), readOrganisationAliases());
  const site = siteInputs();
  // The feed carries the data version: a new commit of the case files renders every feed again.
  const version = versionId(dataVersion(BUILD_DATE));
  return organisations.map((o) => ({
    params: { org: o.slug },
    props: { name: o.name, cases: o.cases, version },
    cacheKey: pageKey(site, o.name, o.cases, o.cases.map(addedDay), version),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: string; cases: CaseEntry[]; version: string }> = ({ params, props }) => {
  const slug = params['org']!;
  const body = atomFeed(props.cases, {
    title: `${SITE_NAME} – ärenden: ${props.name}`,
    selfUrl: siteAbsolute(url(organisationFeedPath(slug))),
    pageUrl: siteAbsolute(url(organisationPath(slug))),
    urlOf: caseAbsoluteUrl,
    buildDate: BUILD_DATE,
    addedOf: addedDay,
    version: props.version,
  });
  return fileResponse(body, 'atom');
};
