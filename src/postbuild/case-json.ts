/**
 * Writes `/data/arenden/<slug>.json`, one file per case, by splitting
 * `/data/arenden.json` (built from the same collection by
 * src/pages/data/arenden.json.ts), so each file is exactly that case's entry
 * in the full download, followed by the download's data version. One Astro
 * route per case cost about 1 ms a file (10 s at 10 000 cases); this costs a
 * fraction of a second. In `astro dev` the route in
 * src/pages/data/arenden/[slug].json.ts serves them.
 *
 * It is a step of `npm run build` (src/cli/build.ts), run after Astro's
 * process has exited: parsing the full download holds every case at once
 * (150 MB at 10 000 cases, ten times that at 100 000), which in Astro's
 * `astro:build:done`, on top of all Astro still held, set the build's peak.
 *
 * The folder is this step's own: pruning (src/integrations/prune-output.ts)
 * leaves it alone, and this step removes the file of every case that is gone.
 * A file whose text is already what the build would write is not written
 * again: at 10 000 cases rewriting every unchanged file took 1 s of a
 * rebuild, comparing 0.1 s. Plain synchronous calls: one by one, they beat a
 * queue of 16 asynchronous ones (10 000 new files: 0.2 s against 0.4 s).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CASE_JSON_DIR, CASE_JSON_PATH, CASES_JSON_PATH } from '../lib/export/downloads.ts';
import { caseFile, type CasesFile, toJson } from '../lib/export/json.ts';
import { writeIfChanged } from './write-if-changed.ts';

/** The per-case files as [site path, text] pairs, from the full download's text. */
export function* splitCasesFile(text: string): Generator<[string, string]> {
  const file = JSON.parse(text) as CasesFile;
  for (const c of file.cases) yield [CASE_JSON_PATH(c.slug), toJson(caseFile(c, file.version))];
}

export interface CaseFilesSummary {
  files: number;
  written: number;
  removed: number;
}

/** Writes the per-case files of the built site in `siteDir` and removes those of cases that are gone. */
export function writeCaseFiles(siteDir: string): CaseFilesSummary {
  const dir = join(siteDir, CASE_JSON_DIR);
  mkdirSync(dir, { recursive: true });
  const names = new Set<string>();
  let written = 0;
  for (const [path, text] of splitCasesFile(readFileSync(join(siteDir, CASES_JSON_PATH), 'utf8'))) {
    const file = join(siteDir, path.slice(1));
    names.add(basename(file));
    if (writeIfChanged(file, text)) written++;
  }
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (names.has(name)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return { files: names.size, written, removed };
}

/** The build's one line about the per-case files, in Swedish. */
export function caseFilesLine(s: CaseFilesSummary): string {
  return (
    `${s.files} JSON-filer, en per ärende, i ${CASE_JSON_DIR} (${s.written} nya eller ändrade` +
    (s.removed > 0 ? `, ${s.removed} borttagna)` : ')')
  );
}
