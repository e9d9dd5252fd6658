/**
 * `sitemap.xml` (sitemaps.org protocol 0.9): every HTML page of the built
 * site as an absolute, base-aware URL, sorted, without the 404 page and
 * the embed pages (`/inbaddning/…`, made for frames and marked noindex). The
 * list comes from the build itself (src/integrations/sitemap.ts), so a page
 * added later is listed without touching this file.
 */
import { EMBED_DIR } from '../core/security.ts';
import { escapeXml } from './feeds.ts';

/** Site paths of the built HTML pages (`/`, `/arenden/x/`), from the build's page list. */
export function htmlPagePaths(pathnames: readonly string[], base: string): string[] {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const paths = new Set<string>();
  for (const raw of pathnames) {
    const p = raw.replace(/^\/+|\/+$/g, '');
    if (/\.[a-z0-9]+$/i.test(p)) continue; // endpoints: .json, .csv, .atom, .ics, .xml
    if (p === '404' || p === '500') continue;
    if (p === EMBED_DIR || p.startsWith(`${EMBED_DIR}/`)) continue;
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
