/**
 * Rendered case bodies, kept outside Astro's content data store: one HTML
 * file per case in `<cacheDir>/insyn-bodies/`, named by slug and digest.
 *
 * Why: Astro inlines the whole data store into the build as one JSON string.
 * Bodies are about 60 % of it; near 100 000 cases that string would pass
 * Node's maximum string length (about 537 M characters) and the build would
 * fail, and it costs memory at every size. The loader writes each body here
 * once (skipped by digest like the rest) and records the file in the entry's
 * `rendered.metadata.bodyFile`; the case page reads it with `caseBodyHtml()`
 * instead of Astro's `render(entry)`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BodyFacts } from './render-body.ts';

/** The directory under Astro's cache dir that holds rendered bodies. */
export const BODY_DIR = 'insyn-bodies';

/** The file for one rendered body: `<slug>.<digest>.html`. */
export function bodyFilePath(cacheDir: string, slug: string, digest: string): string {
  return join(cacheDir, BODY_DIR, `${slug}.${digest}.html`);
}

const madeDirs = new Set<string>();

/** Writes a rendered body to its file (bodyFilePath). */
export function writeBodyFile(file: string, html: string): void {
  const dir = dirname(file);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  try {
    writeFileSync(file, html);
  } catch (error) {
    // The directory was removed since (a cleared cache in a long dev session): make it again.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, html);
  }
}

/** Removes a body file the store no longer refers to (its case changed or is gone). */
export function removeBodyFile(file: string | undefined): void {
  if (file !== undefined) rmSync(file, { force: true });
}

/** The part of a collection entry this module reads. */
export interface EntryWithBody {
  id: string;
  rendered?: { html: string; metadata?: { bodyFile?: unknown; [key: string]: unknown } } | undefined;
}

/** The body facts (links, corrections, quoted sources) the loader recorded for an entry, if any. */
export function bodyFactsOf(entry: EntryWithBody): BodyFacts | undefined {
  const facts = entry.rendered?.metadata?.['facts'];
  return typeof facts === 'object' && facts !== null ? (facts as BodyFacts) : undefined;
}

/** The file the loader recorded for an entry's body, if any. */
export function bodyFileOf(entry: EntryWithBody): string | undefined {
  const file = entry.rendered?.metadata?.bodyFile;
  return typeof file === 'string' ? file : undefined;
}

/**
 * The rendered HTML of a case's body, for `<Fragment set:html={…} />` on the
 * case page. Reads the file the loader wrote; falls back to HTML held in the
 * store (entries from other loaders). Throws if the file has gone, naming it,
 * so a broken cache never publishes an empty page. Asynchronous, so pages
 * rendering side by side (`build.concurrency`) read while others render
 * instead of holding the build's main thread.
 */
export async function caseBodyHtml(entry: EntryWithBody): Promise<string> {
  const file = bodyFileOf(entry);
  if (file === undefined) return entry.rendered?.html ?? '';
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`Brödtexten för ärendet "${entry.id}" saknas i byggets cache (${file}). Bygg om med en tom cache (ta bort ${BODY_DIR} och data-store.json).`, { cause: error });
  }
}
