// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { securityHeaders } from './src/integrations/headers.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { caseJsonFiles } from './src/integrations/case-json.ts';
import { pruneStaleOutput } from './src/integrations/prune-output.ts';

/**
 * Settings come from the environment, so one repository can deploy anywhere:
 * - INSYN_SITE: the public origin, e.g. https://insyn.example.se (for links in feeds, sitemap, JSON-LD);
 * - INSYN_BASE: the path the site lives under, e.g. /insyn/ on GitHub Pages (default /).
 * See README.md, "Deploy". Tests and the benchmark also set INSYN_OUT_DIR and
 * INSYN_CACHE_DIR (and INSYN_CASES_DIR, read by src/content.config.ts) to build
 * fixture sites side by side.
 */
export default defineConfig({
  site: process.env.INSYN_SITE || 'https://insyn.example.se',
  base: process.env.INSYN_BASE || '/',
  trailingSlash: 'always',
  outDir: process.env.INSYN_OUT_DIR || './dist',
  cacheDir: process.env.INSYN_CACHE_DIR || './node_modules/.astro',
  // Pages render 4 at a time: page writes wait on the disk, and overlapping them took
  // route generation at 10 000 cases from 26 s to 20 s (same CPU, same memory).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // The CSP forbids inline scripts: never inline a small <script> bundle into the page.
  // The output is not emptied first: unchanged case pages stay in place (incrementalBuild
  // below), and once every page is written pruneStaleOutput removes whatever this build
  // did not make, before Pagefind reads the pages.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  // Pruning runs after every integration that writes into the output (headers, per-case
  // JSON, sitemap) and before Pagefind, which prunes its own folder.
  integrations: [mdx(), securityHeaders(), caseJsonFiles(), sitemap(), pruneStaleOutput(), pagefindSearch()],
  devToolbar: { enabled: false },
  // Editors: the Astro VS Code extension completes and validates case frontmatter
  // from the collection schema (.vscode/settings.json, content/README.md).
  // incrementalBuild: a case page whose cache key (src/lib/content/page-key.ts) and code
  // are unchanged is kept from the last build instead of rendered again: at 10 000 cases
  // a rebuild after changing one case renders one case page, not 10 000.
  experimental: { contentIntellisense: true, incrementalBuild: true },
});
