/**
 * Writes `dist/_headers` with the site's security headers after the build:
 * one rule per top-level entry of the output, so that the embed pages can
 * allow framing while every other page forbids it (see src/lib/core/security.ts),
 * the search index's folder included.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { config } from '../lib/config.ts';
import { headersFile } from '../lib/core/security.ts';
import { editorBackend } from '../lib/editor/backend.ts';
import { INDEX_DIR } from '../lib/search/shards.ts';

/** The file, at the output's top level; written after pruning (src/integrations/prune-output.ts keeps it). */
export const HEADERS_FILE = '_headers';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'insyn-security-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        // The search index is written after Astro has exited (src/cli/build.ts), so its
        // folder is listed whether or not an earlier build left it there.
        const entries = new Set([...readdirSync(fileURLToPath(dir)), INDEX_DIR]);
        const editor = editorBackend() !== undefined;
        writeFileSync(new URL(HEADERS_FILE, dir), headersFile([...entries], config.base, { editor }));
      },
    },
  };
}
