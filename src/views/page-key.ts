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
import { BUILD_DATE, BUILD_ONLY_SETTINGS, config } from '../lib/config.ts';
import { isoDay } from '../lib/core/partial-date.ts';
import { readOrganisationAliases } from '../lib/content/organisations-file.ts';

/** A collection entry stands in a key by its digest (of its file's path, text and renderer). */
function isDigestedEntry(value: unknown): value is { collection: string; id: string; digest: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'collection' in value &&
    'id' in value &&
    typeof (value as { digest?: unknown }).digest === 'string'
  );
}

function keyPart(_key: string, value: unknown): unknown {
  if (isDigestedEntry(value)) return `entry:${value.collection}/${value.id}@${value.digest}`;
  if (value instanceof Map) return { map: [...value] };
  if (value instanceof Set) return { set: [...value] };
  if (typeof value === 'function')
    throw new TypeError('En funktion kan inte ingå i en sidas cachenyckel: skicka data, inte funktioner, som props.');
  return value;
}

/**
 * A short stable key for the inputs: plain data, Maps and Sets as their
 * contents, collection entries by their digest (so a page listing 2 000
 * cases hashes 2 000 digests, not 2 000 cases).
 */
export function pageKey(...inputs: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(inputs, keyPart)).digest('base64url');
}

/** The site-wide inputs' key, computed once per build. */
let siteKey: string | undefined;

/**
 * What every page reads besides its own data: the build day (phases and
 * follow-up states), the whole configuration (every setting but where and how
 * the build runs, so a new setting is covered without anyone adding it here)
 * and the organisation aliases (names → links). As one key, computed once: the
 * same for every page of a build, so no page's key hashes the alias list again.
 */
export function siteInputs(): string {
  if (siteKey === undefined) {
    const settings = Object.entries(config).filter(
      ([key]) => !BUILD_ONLY_SETTINGS.includes(key as keyof typeof config),
    );
    siteKey = pageKey(isoDay(BUILD_DATE), settings, readOrganisationAliases());
  }
  return siteKey;
}
