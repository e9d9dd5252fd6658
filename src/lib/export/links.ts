/**
 * Absolute links for the exports (feeds, sitemap, JSON, 360Giving, JSON-LD,
 * iCalendar): a base-aware site path (from `url()` / `caseUrl()` in
 * src/lib/site.ts) made absolute against the configured site origin
 * (`Astro.site`, from INSYN_SITE).
 */

/** `/insyn/arenden/x/` + `https://a.se` → `https://a.se/insyn/arenden/x/`. */
export function absolute(path: string, site: URL | string | undefined): string {
  if (site === undefined) return path;
  return new URL(path, site).href;
}

/** Turns site paths into absolute URLs; one per export run. */
export type Absolutize = (path: string) => string;

export function absolutizer(site: URL | string | undefined): Absolutize {
  return (path) => absolute(path, site);
}
