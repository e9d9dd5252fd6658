/**
 * The files of the form editor on /redigera/, served from the site itself (no
 * CDN): src/scripts/editor.ts bundled with Sveltia CMS's npm build (pinned in
 * package.json) and what that build loads on demand (the Swedish texts, its
 * fonts, code-highlighting grammars), plus config.json, generated from the case
 * format; and src/scripts/draft-page.ts, the script of the page that drafts a
 * case from a decision document, with its PDF and Word readers as chunks it
 * loads only for such a file. The integration src/integrations/editor.ts writes them into a build
 * and serves them from `astro dev` (`npm run redigera`).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';
import { config, type Config } from '../config.ts';
import { siteAbsolute } from '../export/links.ts';
import { url } from '../site.ts';
import { DRAFT_SCRIPT, EDITOR_CONFIG, EDITOR_SCRIPT, type EditorBundle } from './bundle.ts';
import { cachedBundle, EDITOR_CACHE_DIR } from './bundle-cache.ts';
import { editorBackend } from './backend.ts';
import { editorComponents, editorConfig } from './cms-config.ts';

/**
 * Sveltia's UI styles also declare its three fonts at a CDN (cdn.jsdelivr.net). The
 * editor's policy blocks that origin, and the fonts are served from assets/ already;
 * the failed faces stay in the page's font set beside the loaded ones, and which one a
 * check meets then depends on timing. So the CDN declarations are left out of the bundle.
 */
const CDN_FONT_FACE = /@font-face\s*\{[^}]*https:\/\/cdn\.jsdelivr\.net\/fontsource\/[^}]*\}/g;

const withoutCdnFonts: Plugin = {
  name: 'insyn-without-cdn-fonts',
  setup(b) {
    b.onLoad({ filter: /[\\/]@sveltia[\\/]cms[\\/](?:npm|dist)[\\/][^\\/]+\.m?js$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(CDN_FONT_FACE, ''),
      loader: 'js',
    }));
  },
};

/** What config.json holds for these settings, or undefined when the editor is off. */
export function editorBundle(settings: Config = config): EditorBundle | undefined {
  const backend = editorBackend(settings);
  if (backend === undefined) return undefined;
  return {
    config: editorConfig(backend, {
      casesFolder: settings.casesDir,
      siteUrl: siteAbsolute(url('/')),
      logo: url('/favicon.svg'),
    }),
    components: editorComponents(),
  };
}

/**
 * Writes the editor's files into `dir` (the output's /redigera/ folder) and returns
 * their paths relative to it, and whether both bundles came from the build cache. The
 * bundle is deterministic: the same sources give the same bytes and names, so a rebuild
 * rewrites identical files.
 */
export async function writeEditorAssets(
  dir: string,
  settings: Config = config,
): Promise<{ files: string[]; fromCache: boolean }> {
  const bundle = editorBundle(settings);
  if (bundle === undefined) return { files: [], fromCache: false };
  mkdirSync(dir, { recursive: true });
  // Paths from the project root: in a build this module runs from Astro's bundle, not from src/.
  // Two builds, so that the two scripts share no chunk: Sveltia finds its fonts and
  // workers beside the module that asks (new URL('assets/…', import.meta.url)), and a
  // shared chunk would move that module into delar/.
  // Each bundle is kept in the build cache and reused while its sources are the same
  // (bundle-cache.ts); CDN_FONT_FACE is what the one plugin does.
  const results = await Promise.all(
    [
      [EDITOR_SCRIPT, 'editor.ts'],
      [DRAFT_SCRIPT, 'draft-page.ts'],
    ].map(([script, source]) =>
      cachedBundle(
        {
          // Paths from the project root: in a build this module runs from Astro's bundle, not from src/.
          entryPoints: { [script!.replace(/\.js$/, '')]: join(process.cwd(), 'src', 'scripts', source!) },
          outdir: dir,
          bundle: true,
          // Sveltia loads languages, grammars and its React layer with import() when needed;
          // the draft page its PDF and Word readers.
          splitting: true,
          format: 'esm',
          target: 'es2022',
          minify: true,
          legalComments: 'linked',
          chunkNames: 'delar/[name]-[hash]',
          logLevel: 'error',
          plugins: [withoutCdnFonts],
        },
        join(settings.cacheDir, EDITOR_CACHE_DIR, script!),
        CDN_FONT_FACE.source,
      ),
    ),
  );
  // Its fonts and workers, which Sveltia finds beside the script (new URL('assets/…', import.meta.url)).
  const assets = join(dirname(createRequire(join(process.cwd(), 'package.json')).resolve('@sveltia/cms')), 'assets');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  const copied = readdirSync(assets)
    .filter((name) => !name.endsWith('.map'))
    .map((name) => {
      copyFileSync(join(assets, name), join(dir, 'assets', name));
      return `assets/${name}`;
    });
  writeFileSync(join(dir, EDITOR_CONFIG), `${JSON.stringify(bundle)}\n`);
  return {
    files: [...results.flatMap((r) => r.outputs), ...copied, EDITOR_CONFIG],
    fromCache: results.every((r) => r.fromCache),
  };
}
