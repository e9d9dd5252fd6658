/**
 * `sitemap.xml` (sitemaps.org protocol 0.9): every HTML page of the built
 * site as an absolute, base-aware URL, sorted, without the 404 page and
 * the embed pages (`/inbaddning/…`, made for frames and marked noindex) and
 * the editor's pages (`/redigera/…`, for staff, noindex). The
 * list comes from the build itself (src/integrations/sitemap.ts), so a page
 * added later is listed without touching this file.
 *
 * The protocol allows at most 50 000 URLs in one sitemap (a national site has
 * about 120 000 pages): a longer list is split into `sitemap-1.xml`,
 * `sitemap-2.xml` … of at most SITEMAP_MAX_URLS each, and `sitemap.xml` is then
 * the sitemap index that lists them, so crawlers keep one address.
 */
import { EDITOR_DIR, EMBED_DIR } from '../core/security.ts';
import { escapeXml } from './feeds.ts';
import { absolute } from './links.ts';

/** The configured base as a path prefix: `/`, `/insyn/`. */
const basePrefix = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

/** Site paths of the built HTML pages (`/`, `/arenden/x/`), from the build's page list. */
export function htmlPagePaths(pathnames: readonly string[], base: string): string[] {
  const prefix = basePrefix(base);
  const paths = new Set<string>();
  for (const raw of pathnames) {
    const p = raw.replace(/^\/+|\/+$/g, '');
    if (/\.[a-z0-9]+$/i.test(p)) continue; // endpoints: .json, .csv, .atom, .ics, .xml
    if (p === '404' || p === '500') continue;
    if (p === EMBED_DIR || p.startsWith(`${EMBED_DIR}/`)) continue;
    if (p === EDITOR_DIR || p.startsWith(`${EDITOR_DIR}/`)) continue; // the editor's pages, for staff (noindex)
    paths.add(p === '' ? prefix : `${prefix}${p}/`);
  }
  return [...paths].sort();
}

/** The sitemap XML for absolute page URLs. */
export function sitemapXml(urls: readonly string[], lastmod?: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${escapeXml(u)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** The most URLs one sitemap file may list (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;

/** The sitemap index XML for absolute sitemap URLs. */
export function sitemapIndexXml(locs: readonly string[], lastmod?: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...locs.map(
      (u) => `  <sitemap><loc>${escapeXml(u)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>`,
    ),
    '</sitemapindex>',
    '',
  ].join('\n');
}

/**
 * The sitemap files for absolute page URLs: `sitemap.xml` alone when they fit in
 * one, else `sitemap.xml` as the index of `sitemap-1.xml` … (at the site's root
 * under `base`), in order, at most `max` URLs each.
 */
export function sitemapFiles(
  urls: readonly string[],
  {
    site,
    base,
    lastmod,
    max = SITEMAP_MAX_URLS,
  }: { site: URL | string | undefined; base: string; lastmod?: string; max?: number },
): { file: string; xml: string }[] {
  if (urls.length <= max) return [{ file: 'sitemap.xml', xml: sitemapXml(urls, lastmod) }];
  const parts = Array.from({ length: Math.ceil(urls.length / max) }, (_, i) => ({
    file: `sitemap-${i + 1}.xml`,
    xml: sitemapXml(urls.slice(i * max, (i + 1) * max), lastmod),
  }));
  const index = sitemapIndexXml(
    parts.map((p) => absolute(`${basePrefix(base)}${p.file}`, site)),
    lastmod,
  );
  return [{ file: 'sitemap.xml', xml: index }, ...parts];
}
