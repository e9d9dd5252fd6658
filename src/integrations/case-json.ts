/**
 * Writes `/data/arenden/<slug>.json`, one file per case, after the build by
 * splitting `/data/arenden.json` (built from the same collection by
 * src/pages/data/arenden.json.ts), so each file is exactly that case's
 * entry in the full download. One Astro route per case cost about 1 ms a
 * file (10 s at 10 000 cases); this costs a fraction of a second. In
 * `astro dev` the route in src/pages/data/arenden/[slug].json.ts serves them.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { CASE_JSON_PATH } from '../lib/export/downloads.ts';
import { TaskQueue } from '../lib/task-queue.ts';
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
      'astro:build:done': async ({ dir, logger }) => {
        const files = splitCasesFile(readFileSync(new URL('data/arenden.json', dir), 'utf8'));
        mkdirSync(new URL('data/arenden/', dir), { recursive: true });
        // Several at a time: one by one, 10 000 writes took 1.9 s.
        const writes = new TaskQueue();
        for (const [path, text] of files) writes.add(() => writeFile(new URL(path.slice(1), dir), text));
        await writes.done();
        logger.info(`${files.length} JSON-filer, en per ärende, i /data/arenden/`);
      },
    },
  };
}
