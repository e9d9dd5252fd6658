/**
 * Writes `/data/arenden/<slug>.json`, one file per case: exactly that case's
 * entry in the full download `/data/arenden.json`, followed by the download's
 * data version. A step of `npm run build` after Astro has exited (its input:
 * contract.ts), because one Astro route per case costs about 1 ms a file where
 * this costs a fraction of a second. In `astro dev` the route in
 * src/pages/data/arenden/[slug].json.ts serves the same files.
 *
 * The folder is this step's own: pruning (src/integrations/prune-output.ts)
 * leaves it alone, and this step removes the file of every case that is gone.
 * A file whose text is already what the build would write is left alone, so a
 * rebuild writes only what changed.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CASE_JSON_DIR, CASE_JSON_PATH } from '../lib/export/downloads.ts';
import { caseFile, type CasesFile, toJson } from '../lib/export/json.ts';
import type { PostbuildInput } from './contract.ts';
import { writeIfChanged } from './write-if-changed.ts';

/** The per-case files as [site path, text] pairs. */
export function* caseFiles(file: CasesFile): Generator<[string, string]> {
  for (const c of file.cases) yield [CASE_JSON_PATH(c.slug), toJson(caseFile(c, file.version))];
}

export interface CaseFilesSummary {
  files: number;
  written: number;
  removed: number;
}

/** Writes the per-case files into the built site and removes those of cases that are gone. */
export function writeCaseFiles({ siteDir, cases }: PostbuildInput): CaseFilesSummary {
  const dir = join(siteDir, CASE_JSON_DIR);
  mkdirSync(dir, { recursive: true });
  const names = new Set<string>();
  let written = 0;
  for (const [path, text] of caseFiles(cases)) {
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
