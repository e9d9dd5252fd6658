/**
 * The form editor under /redigera/: its page (src/lib/editor/page.ts) and files
 * (src/lib/editor/assets.ts), written into the build's output once Astro has
 * rendered the pages (before pruning, so they count as this build's output), and
 * served by `astro dev` for `npm run redigera`. Nothing is written or served
 * when the editor is off; src/pages/redigera/[...off].astro then says how to
 * turn it on.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { config } from '../lib/config.ts';
import { EDITOR_DIR } from '../lib/core/security.ts';
import { writeEditorAssets } from '../lib/editor/assets.ts';
import { editorBackend } from '../lib/editor/backend.ts';
import { editorPageHtml } from '../lib/editor/page.ts';

/** The page and the files, into `dir` (the output's /redigera/); says how many and whether the bundles were kept. */
async function writeEditor(dir: string): Promise<string> {
  const { files, fromCache } = await writeEditorAssets(dir);
  writeFileSync(join(dir, 'index.html'), editorPageHtml());
  return `${files.length + 1} filer${fromCache ? ' (skripten oförändrade, ur byggcachen)' : ''}`;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

export function editorAssets(): AstroIntegration {
  return {
    name: 'insyn-editor',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (editorBackend() === undefined) return;
        const written = await writeEditor(join(fileURLToPath(dir), EDITOR_DIR));
        logger.info(`/${EDITOR_DIR}/: redigeraren, ${written}`);
      },
      'astro:server:setup': async ({ server, logger }) => {
        if (editorBackend() === undefined) return;
        const dir = mkdtempSync(join(tmpdir(), 'insyn-redigera-'));
        await writeEditor(dir);
        const prefix = `${config.base}${EDITOR_DIR}/`;
        logger.info(`Redigeraren: ${prefix}`);
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          if (!path.startsWith(prefix)) return next();
          const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
          if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
          res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
          res.end(readFileSync(file));
        });
      },
    },
  };
}
