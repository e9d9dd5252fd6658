/**
 * The files of the form editor on /redigera/, served from the site itself (no
 * CDN): src/scripts/editor.ts bundled with Sveltia CMS's npm build (pinned in
 * package.json) and what that build loads on demand (the Swedish texts, its
 * fonts, code-highlighting grammars), plus config.json, generated from the case
 * format. The integration src/integrations/editor.ts writes them into a build
 * and serves them from `astro dev` (`npm run redigera`).
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { config, type Config } from '../config.ts';
import { siteAbsolute } from '../export/links.ts';
import { url } from '../site.ts';
import type { EditorBundle } from './bundle.ts';
import { editorBackend } from './backend.ts';
import { editorComponents, editorConfig } from './cms-config.ts';

/** The editor's start-up script, under /redigera/ (the page loads it as a module). */
export const EDITOR_SCRIPT = 'insyn-editor.js';

/** The editor's configuration, under /redigera/. */
export const EDITOR_CONFIG = 'config.json';

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
 * their paths relative to it. The bundle is deterministic: the same sources give the
 * same bytes and names, so a rebuild rewrites identical files.
 */
export async function writeEditorAssets(dir: string, settings: Config = config): Promise<string[]> {
  const bundle = editorBundle(settings);
  if (bundle === undefined) return [];
  mkdirSync(dir, { recursive: true });
  // Paths from the project root: in a build this module runs from Astro's bundle, not from src/.
  const result = await build({
    entryPoints: { [EDITOR_SCRIPT.replace(/\.js$/, '')]: join(process.cwd(), 'src', 'scripts', 'editor.ts') },
    outdir: dir,
    bundle: true,
    // Sveltia loads languages, grammars and its React layer with import() when needed.
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    chunkNames: 'delar/[name]-[hash]',
    metafile: true,
    logLevel: 'error',
  });
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
  const bundled = Object.keys(result.metafile.outputs).map((p) => p.slice(p.indexOf(dir) + dir.length + 1));
  return [...bundled, ...copied, EDITOR_CONFIG];
}
