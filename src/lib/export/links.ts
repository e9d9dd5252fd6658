/**
 * Absolute links for the exports (feeds, sitemap, JSON, 360Giving, JSON-LD,
 * iCalendar, the table downloads): a base-aware site path (from `url()` /
 * `caseUrl()` in src/lib/site.ts) made absolute against the site's origin.
 * The pages take the origin from one place, `config.site` (INSYN_SITE, which
 * is also Astro's `site`), through `siteAbsolute` and `caseAbsoluteUrl`.
 */
import { config } from '../config.ts';
import { caseUrl } from '../site.ts';

/** `/insyn/arenden/x/` + `https://a.se` → `https://a.se/insyn/arenden/x/`. */
export function absolute(path: string, site: URL | string | undefined): string {
  if (site === undefined) return path;
  return new URL(path, site).href;
}

/** Turns site paths into absolute URLs. */
export type Absolutize = (path: string) => string;

/** A site path made absolute against the configured origin (the path as it is when INSYN_SITE is not set). */
export const siteAbsolute: Absolutize = (path) => absolute(path, config.site);

/** The absolute URL of a case's page (`https://a.se/insyn/arenden/<slug>/`). */
export const caseAbsoluteUrl = (slug: string): string => siteAbsolute(caseUrl(slug));
