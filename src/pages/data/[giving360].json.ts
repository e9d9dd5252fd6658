/**
 * /data/360giving.json: the 360Giving data package, written only when it is
 * published (at least one grant, valid against the standard's schemas; see
 * `giving360Publication` in src/lib/export/giving360.ts). When no funding
 * entry qualifies there is no file, and /data/ says why. A dynamic route so
 * that it can give no path at all.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { BUILD_DATE } from '../../lib/config.ts';
import { readOrganisationAliases } from '../../lib/content/organisations-file.ts';
import { newestFirst } from '../../lib/domain/cases.ts';
import { GIVING360_PATH, giving360Options } from '../../lib/export/downloads.ts';
import { giving360, giving360Publication, type Giving360Result } from '../../lib/export/giving360.ts';
import { toJson } from '../../lib/export/json.ts';
import { siteAbsolute } from '../../lib/export/links.ts';
import { fileResponse } from '../../lib/export/responses.ts';
import { dataVersion } from '../../lib/history/data-version.ts';
import { organisationIndex } from '../../views/organisation-pages.ts';

/** `360giving`, the file's name without `.json`. */
const NAME = GIVING360_PATH.replace(/^\/data\//, '').replace(/\.json$/, '');

export const getStaticPaths = (async () => {
  const collection = await getCollection('cases');
  const cases = newestFirst(collection);
  const result = giving360(
    cases,
    giving360Options(
      BUILD_DATE,
      siteAbsolute,
      dataVersion(BUILD_DATE),
      organisationIndex(collection, readOrganisationAliases()),
    ),
  );
  return giving360Publication(result).publish ? [{ params: { giving360: NAME }, props: { result } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ result: Giving360Result }> = ({ props }) =>
  fileResponse(toJson(props.result.package), 'json');
