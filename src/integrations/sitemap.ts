/**
 * Writes `<outDir>/sitemap.xml` after the build from the list of pages the
 * build produced (so every page is in it, whichever file made it), with
 * absolute URLs from `site` (INSYN_SITE) and `base` (INSYN_BASE), and the
 * build date as `lastmod`.
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { BUILD_DATE } from '../lib/config.ts';
import { isoDay } from '../lib/core/partial-date.ts';
import { absolute } from '../lib/export/links.ts';
import { htmlPagePaths, sitemapXml } from '../lib/export/sitemap.ts';

export function sitemap(): AstroIntegration {
  let site: string | undefined;
  let base = '/';
  return {
    name: 'insyn-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
        base = config.base;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        const urls = htmlPagePaths(
          pages.map((p) => p.pathname),
          base,
        ).map((p) => absolute(p, site));
        writeFileSync(new URL('sitemap.xml', dir), sitemapXml(urls, isoDay(BUILD_DATE)));
        logger.info(`sitemap.xml: ${urls.length} sidor`);
      },
    },
  };
}
