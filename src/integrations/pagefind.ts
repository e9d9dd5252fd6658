/**
 * Builds the search index after the site is built: Pagefind's Node API
 * indexes the HTML in the output directory (only elements marked
 * `data-pagefind-body`, i.e. case pages; the language comes from
 * `<html lang="sv">`, so Swedish stemming applies) and writes
 * `<outDir>/pagefind/`, keeping unchanged files and removing those of
 * earlier indexes. Any error Pagefind reports fails the build with
 * Pagefind's own message; the Pagefind service is always closed.
 *
 * The steps take the Pagefind API as a parameter, so the error handling is
 * tested without a build (test/unit/pagefind-integration.test.ts).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { removeUnusedIndexFiles } from './pagefind-files.ts';

/** The part of Pagefind's Node API the build uses. */
export interface PagefindApi {
  createIndex: typeof pagefind.createIndex;
  close: typeof pagefind.close;
}

/** Every Pagefind response carries an `errors` array; empty means success. */
interface PagefindResponse {
  errors: string[];
}

/** The error that fails the build, naming the step and Pagefind's messages. */
export class PagefindBuildError extends Error {
  readonly step: string;
  readonly causes: readonly string[];
  constructor(step: string, causes: readonly string[], options?: ErrorOptions) {
    super(
      `Sökindexet kunde inte byggas: Pagefind rapporterade fel i steget ${step}:\n${causes.map((c) => `  - ${c}`).join('\n')}`,
      options,
    );
    this.name = 'PagefindBuildError';
    this.step = step;
    this.causes = causes;
  }
}

/** Returns the response when Pagefind reported no errors, else throws PagefindBuildError. */
export function checked<T extends PagefindResponse>(step: string, response: T): T {
  if (response.errors.length > 0) throw new PagefindBuildError(step, response.errors);
  return response;
}

export interface IndexSummary {
  pages: number;
  outputPath: string;
}

/**
 * Only case pages are indexed; reading just them (not every organisation,
 * statistics or data page) halves Pagefind's time at 10 000 cases (26 s → 13 s).
 */
export const CASE_PAGES_GLOB = 'arenden/*/index.html';

/**
 * Indexes the case pages in `siteDir` and writes the index to `siteDir/pagefind`:
 * createIndex → addDirectory → writeFiles, then close (also on failure).
 * Throws PagefindBuildError when any step reports errors, or when a step
 * itself fails (the original error kept as `cause`).
 */
export async function buildSearchIndex(siteDir: string, api: PagefindApi = pagefind): Promise<IndexSummary> {
  let step = 'createIndex';
  try {
    const created = checked(step, await api.createIndex());
    if (!created.index) throw new PagefindBuildError(step, ['Pagefind gav inget index tillbaka']);
    step = 'addDirectory';
    const added = checked(step, await created.index.addDirectory({ path: siteDir, glob: CASE_PAGES_GLOB }));
    step = 'writeFiles';
    // The output is kept between builds (astro.config.mjs), and Pagefind does not write a
    // file whose (content-hashed) name exists: unchanged fragments stay, and the files of
    // earlier indexes are removed after writing (src/integrations/pagefind-files.ts). If
    // the new index's file list cannot be read, the index is written into an empty folder.
    const outputPath = join(siteDir, 'pagefind');
    let written = checked(step, await created.index.writeFiles({ outputPath }));
    try {
      removeUnusedIndexFiles(outputPath);
    } catch {
      await rm(outputPath, { recursive: true, force: true });
      written = checked(step, await created.index.writeFiles({ outputPath }));
    }
    return { pages: added.page_count, outputPath: written.outputPath };
  } catch (error) {
    if (error instanceof PagefindBuildError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new PagefindBuildError(step, [message], { cause: error });
  } finally {
    await api.close();
  }
}

/** The Astro integration: runs buildSearchIndex in `astro:build:done`. */
export function pagefindSearch(api: PagefindApi = pagefind): AstroIntegration {
  return {
    name: 'insyn-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }) => {
        const summary = await buildSearchIndex(fileURLToPath(dir), api);
        logger.info(`Sökindex: ${summary.pages} ärendesidor indexerade, skrivet till ${summary.outputPath}`);
      },
    },
  };
}
