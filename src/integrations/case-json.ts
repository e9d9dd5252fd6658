/**
 * Writes `/data/arenden/<slug>.json`, one file per case, after the build by
 * splitting `/data/arenden.json` (built from the same collection by
 * src/pages/data/arenden.json.ts), so each file is exactly that case's
 * entry in the full download, followed by the download's data version. One Astro route per case cost about 1 ms a
 * file (10 s at 10 000 cases); this costs a fraction of a second. In
 * `astro dev` the route in src/pages/data/arenden/[slug].json.ts serves them.
 *
 * A file whose text is already what the build would write is not written
 * again, only given this build's time, so that src/integrations/prune-output.ts
 * keeps it: overwriting a file frees its old blocks, and at 10 000 cases
 * rewriting every unchanged file took 1 s of a rebuild, comparing 0.1 s.
 * Plain synchronous calls: one by one, they beat a queue of 16 asynchronous
 * ones (10 000 new files: 0.2 s against 0.4 s).
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { CASE_JSON_PATH } from '../lib/export/downloads.ts';
import { caseFile, type CasesFile, toJson } from '../lib/export/json.ts';

/** The per-case files as [site path, text] pairs, from the full download's text. */
export function splitCasesFile(text: string): [string, string][] {
  const file = JSON.parse(text) as CasesFile;
  return file.cases.map((c) => [CASE_JSON_PATH(c.slug), toJson(caseFile(c, file.version))]);
}

/**
 * Makes `file` hold `text`: writes it when it is missing or different, else
 * only sets its times to `now`. Returns whether it wrote.
 */
export function writeIfChanged(file: URL | string, text: string, now: Date): boolean {
  let current: string | undefined;
  try {
    current = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (current === text) {
    utimesSync(file, now, now);
    return false;
  }
  writeFileSync(file, text);
  return true;
}

export function caseJsonFiles(): AstroIntegration {
  return {
    name: 'insyn-case-json',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = splitCasesFile(readFileSync(new URL('data/arenden.json', dir), 'utf8'));
        mkdirSync(new URL('data/arenden/', dir), { recursive: true });
        const now = new Date();
        let written = 0;
        for (const [path, text] of files) if (writeIfChanged(new URL(path.slice(1), dir), text, now)) written++;
        logger.info(`${files.length} JSON-filer, en per ärende, i /data/arenden/ (${written} nya eller ändrade)`);
      },
    },
  };
}
