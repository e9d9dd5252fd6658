/**
 * Writes `<outDir>/sitemap.xml` after the build from the list of pages the
 * build produced (so every page is in it, whichever file made it), with
 * absolute URLs from `site` (INSYN_SITE) and `base` (INSYN_BASE), and the
 * build date as `lastmod`; past 50 000 pages, as the index of
 * `sitemap-1.xml` … (src/lib/export/sitemap.ts). Files of an earlier build's
 * longer list are pruned with the rest of its output (prune-output.ts).
 */
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { BUILD_DATE } from '../lib/config.ts';
import { isoDay } from '../lib/core/partial-date.ts';
import { absolute } from '../lib/export/links.ts';
import { htmlPagePaths, sitemapFiles } from '../lib/export/sitemap.ts';

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
        const files = sitemapFiles(urls, { site, base, lastmod: isoDay(BUILD_DATE) });
        for (const { file, xml } of files) writeFileSync(new URL(file, dir), xml);
        logger.info(`sitemap.xml: ${urls.length} sidor${files.length > 1 ? ` i ${files.length - 1} filer` : ''}`);
      },
    },
  };
}
