/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a page whose key and code are unchanged since the last build is copied
 * from the previous output instead of being rendered again. The key must
 * therefore cover every input the page reads that is not code: Astro itself
 * hashes the page's modules, the Astro config and the lockfile.
 *
 * test/build/incremental.test.ts holds the contract: a rebuild after changes
 * gives byte for byte the same site as a clean build.
 */
import { createHash } from 'node:crypto';
import { BUILD_DATE } from '../build-info.ts';
import { isoDay } from '../domain/partial-date.ts';
import { CONTACT_EMAIL, REPO_BRANCH, REPO_URL } from '../site.ts';
import { readOrganisationAliases } from './organisations-file.ts';

/** A short stable key for any JSON-serialisable inputs. */
export function pageKey(...inputs: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('base64url');
}

/**
 * What every page reads besides its own data: the build day (phases and
 * follow-up states), the site settings from the environment (repository
 * links, contact address) and the organisation aliases (names → links).
 */
export function siteInputs(): unknown[] {
  return [isoDay(BUILD_DATE), REPO_URL ?? null, REPO_BRANCH, CONTACT_EMAIL ?? null, readOrganisationAliases()];
}
