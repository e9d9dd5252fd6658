/**
 * The one contract between Astro's build and the steps that run once Astro's
 * process has exited (src/cli/build.ts runs them, src/postbuild/run.ts in order):
 * what they receive, and from where.
 *
 * They receive the built site's folder and every case as the full download
 * `/data/arenden.json` gives it (src/lib/export/json.ts), in the case list's
 * order, newest first, which is also the order of the search page's facet
 * table (src/lib/search/table.ts builds both from `newestFirst`), so a case's
 * position here is its table row.
 *
 * Why a file of the site rather than data handed over in memory: the steps run
 * in another process, after Astro's, so that Astro's memory is given back
 * before they start (holding every case's JSON inside Astro set the build's
 * peak). The download is the one file that already holds what they need, and
 * each per-case file must be exactly that case's entry in it. It is read once,
 * here; nothing else of the site's output is parsed back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yearOf } from '../lib/core/partial-date.ts';
import { CASES_JSON_PATH } from '../lib/export/downloads.ts';
import type { CasesFile } from '../lib/export/json.ts';
import type { IndexRow } from '../lib/search/shards.ts';

export interface PostbuildInput {
  /** The built site (Astro's output folder). */
  siteDir: string;
  /** `/data/arenden.json`: the data version and every case, in the facet table's row order. */
  cases: CasesFile;
}

/** Reads the input of the post-Astro steps from the site Astro has just built in `siteDir`. */
export function readPostbuildInput(siteDir: string): PostbuildInput {
  const file = join(siteDir, CASES_JSON_PATH);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file} saknas: Astros bygge skrev inte hela webbplatsen.`, { cause: error });
  }
  return { siteDir, cases: JSON.parse(text) as CasesFile };
}

/** What the search index needs of each case, in row order: its slug and decision year. */
export function indexRows(input: PostbuildInput): IndexRow[] {
  return input.cases.cases.map((c) => ({ slug: c.slug, year: c.decided ? yearOf(c.decided) : undefined }));
}
