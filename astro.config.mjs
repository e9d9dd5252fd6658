// @ts-check
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { editorAssets } from './src/integrations/editor.ts';
import { securityHeaders } from './src/integrations/headers.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { pruneStaleOutput } from './src/integrations/prune-output.ts';
import { config } from './src/lib/config.ts';

/**
 * Settings come from the environment, read and validated once in
 * src/lib/config.ts (README, "Configuration"), so one repository can deploy
 * anywhere and tests and the benchmark can build fixture sites side by side.
 */
export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  outDir: config.outDir,
  cacheDir: config.cacheDir,
  // Pages render 4 at a time: page writes wait on the disk, so overlapping them
  // shortens route generation at the same CPU and memory.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // The CSP forbids inline scripts: never inline a small <script> bundle into the page.
  // The output is not emptied first: unchanged case pages stay in place (incrementalBuild
  // below), and once every page is written pruneStaleOutput removes whatever this build
  // did not make. The search index is built after Astro has exited (src/cli/build.ts).
  // With the output not emptied, Vite's watcher (astro dev, npm run redigera) would walk it
  // and whatever else builds write beside the sources: the benchmark's and the tests'
  // sites. At 10 000 cases that is tens of thousands of files before the server is ready.
  vite: {
    build: { assetsInlineLimit: 0, emptyOutDir: false },
    // The search page's worker (src/scripts/search-worker.ts) is a module worker: it imports
    // Pagefind's pagefind.js from the built index at run time.
    worker: { format: 'es' },
    server: {
      watch: {
        ignored: [
          `${resolve(fileURLToPath(new URL('.', import.meta.url)), config.outDir)}/**`,
          '**/.bench/**',
          '**/.test-builds/**',
        ],
      },
    },
  },
  // Pruning runs after every integration that writes into the output (the sitemap); it
  // leaves the per-case JSON files and the search index alone, which the steps run by
  // src/cli/build.ts once Astro has exited write and prune themselves. The security headers come last:
  // they list the output's top-level entries, and the index's folder even before it exists.
  integrations: [mdx(), sitemap(), editorAssets(), pruneStaleOutput(), securityHeaders()],
  devToolbar: { enabled: false },
  // Editors: the Astro VS Code extension completes and validates case frontmatter
  // from the collection schema (.vscode/settings.json, content/README.md).
  // incrementalBuild: a case page whose cache key (src/views/page-key.ts) and code
  // are unchanged is kept from the last build instead of rendered again: at 10 000 cases
  // a rebuild after changing one case renders one case page, not 10 000.
  // parallelPrerender: off unless INSYN_PRERENDER_WORKERS asks for it (src/lib/config.ts).
  experimental: {
    contentIntellisense: true,
    incrementalBuild: true,
    parallelPrerender: config.prerenderWorkers ? { workers: config.prerenderWorkers } : false,
  },
});
