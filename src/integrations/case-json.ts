/**
 * Writes `/data/arenden/<slug>.json`, one file per case, after the build by
 * splitting `/data/arenden.json` (built from the same collection by
 * src/pages/data/arenden.json.ts), so each file is exactly that case's
 * entry in the full download. One Astro route per case cost about 1 ms a
 * file (10 s at 10 000 cases); this costs a fraction of a second. In
 * `astro dev` the route in src/pages/data/arenden/[slug].json.ts serves them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { CASE_JSON_PATH } from '../lib/export/downloads.ts';
import { type CasesFile, toJson } from '../lib/export/json.ts';

/** The per-case files as [site path, text] pairs, from the full download's text. */
export function splitCasesFile(text: string): [string, string][] {
  const file = JSON.parse(text) as CasesFile;
  return file.cases.map((c) => [CASE_JSON_PATH(c.slug), toJson(c)]);
}

export function caseJsonFiles(): AstroIntegration {
  return {
    name: 'insyn-case-json',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = splitCasesFile(readFileSync(new URL('data/arenden.json', dir), 'utf8'));
        mkdirSync(new URL('data/arenden/', dir), { recursive: true });
        for (const [path, text] of files) writeFileSync(new URL(path.slice(1), dir), text);
        logger.info(`${files.length} JSON-filer, en per ärende, i /data/arenden/`);
      },
    },
  };
}
