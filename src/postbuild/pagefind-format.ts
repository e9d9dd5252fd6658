/**
 * Everything that depends on Pagefind's own file formats, which are not its
 * public API and may change in any release: the build reads them to map
 * results to pages (fragments) and to keep a bundle's unchanged files
 * between builds (entry and meta files). So they are read here only, and
 * only for the Pagefind versions this module was checked against
 * (CHECKED_PAGEFIND); `checkPagefindVersion` stops the build on any other
 * installed version.
 *
 * Which files in a written Pagefind bundle the index uses, so files of the
 * bundle's previous version can be removed while unchanged ones are kept:
 * Pagefind names its fragments, index chunks and filter chunks by content
 * hash (`fragment/sv_1a2b3c4.pf_fragment`) and leaves a file alone when one
 * of that name exists. A changed shard is written into its previous bundle's
 * folder (src/postbuild/search-index.ts), so after a one-case change almost
 * every fragment is already there and need not be written again (on a slow
 * disk, creating a file per page is most of the time).
 * What the new index uses is listed in its files: `pagefind-entry.json`
 * names each language's meta file (`pagefind.<hash>.pf_meta`), and each meta
 * file (gzip) holds the hash of every page fragment, index chunk and filter
 * chunk of its language. Everything else under fragment/, index/ and filter/,
 * and every meta file the entry does not name, is from the earlier index.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * The Pagefind versions (major.minor) whose file formats this module was checked
 * against. Adding one: install it and run test/unit/search-index-build.test.ts and
 * search-index.test.ts, which read bundles written by the installed Pagefind here.
 */
export const CHECKED_PAGEFIND = ['1.6'] as const;

/** The installed Pagefind's version (its package.json is not exported, so read from disk). */
export function pagefindVersion(): string {
  const pkg = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** Throws, saying what to do, unless `version` is one whose file formats were checked. */
export function checkPagefindVersion(version: string = pagefindVersion()): void {
  const minor = version.split('.').slice(0, 2).join('.');
  if ((CHECKED_PAGEFIND as readonly string[]).includes(minor)) return;
  throw new Error(
    `Sökindexet byggs inte: Pagefind ${version} är installerat, men bygget läser Pagefinds egna filformat ` +
      `och är bara kontrollerat mot Pagefind ${CHECKED_PAGEFIND.join(', ')}. Installera en av dem ` +
      `(npm install pagefind@${CHECKED_PAGEFIND.at(-1)}) eller kontrollera src/postbuild/pagefind-format.ts ` +
      'mot den nya versionen och lägg till den i CHECKED_PAGEFIND.',
  );
}

/**
 * How much of the word index Pagefind puts in one chunk file, in its own unit (per word,
 * one per page it is on plus one per place on the page). A query loads, per bundle, the
 * chunk each of its words falls in: at Pagefind's default of 20 000, a common word's
 * chunk carries about 20 kB of its neighbours; at 5 000 it is mostly the word itself,
 * about 9 kB, while the metadata every search loads grows by about 1.5 kB per bundle for
 * the longer list of chunks. Smaller than 5 000 saves nothing more.
 */
export const INDEX_CHUNK_SIZE = 5_000;

/**
 * Pagefind reads the chunk size only from this environment variable (its "unstable"
 * setting), in the service process, which inherits this process's environment when the
 * Node API starts it on the first call.
 */
const INDEX_CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** Sets INDEX_CHUNK_SIZE for the Pagefind service this process starts next. */
export function setIndexChunkSize(env: NodeJS.ProcessEnv = process.env): void {
  env[INDEX_CHUNK_SIZE_VARIABLE] = String(INDEX_CHUNK_SIZE);
}

/** The prefix of a fragment's text once decompressed. */
const FRAGMENT_PREFIX = 'pagefind_dcd';

/**
 * The result id → site URL of every page in a written bundle, from its fragments:
 * one file per page (named by the id), or groups of pages (an object id → fragment)
 * when Pagefind bundles fragments.
 */
export function fragmentUrls(bundleDir: string): Map<string, string> {
  const urls = new Map<string, string>();
  const dir = join(bundleDir, 'fragment');
  if (!existsSync(dir)) return urls;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(readFileSync(join(dir, name)))
      .subarray(FRAGMENT_PREFIX.length)
      .toString('utf8');
    const json = JSON.parse(text) as Record<string, unknown>;
    if (typeof json['url'] === 'string') urls.set(name.replace(/\.pf_fragment$/, ''), json['url']);
    else for (const [id, fragment] of Object.entries(json)) urls.set(id, String((fragment as { url?: unknown }).url));
  }
  return urls;
}

/** The folders of hashed files. */
export const HASHED_FOLDERS = ['fragment', 'index', 'filter'] as const;

interface Entry {
  languages: Record<string, { hash: string; page_count: number }>;
}

/**
 * The hashes (`sv_1a2b3c4`) and meta files the index in `outputPath` uses.
 * Throws when the entry or a meta file is missing or unreadable, or lists
 * fewer files than the index has pages: then the caller writes the index
 * into an empty folder instead.
 */
export function usedIndexFiles(outputPath: string): { hashes: Set<string>; metaFiles: Set<string> } {
  const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as Entry;
  const hashes = new Set<string>();
  const metaFiles = new Set<string>();
  for (const [language, { hash, page_count }] of Object.entries(entry.languages)) {
    const metaFile = `pagefind.${hash}.pf_meta`;
    metaFiles.add(metaFile);
    const text = gunzipSync(readFileSync(join(outputPath, metaFile))).toString('latin1');
    const pattern = new RegExp(`${language.replace(/[^a-z0-9-]/gi, '')}_[0-9a-f]{6,}`, 'g');
    const found = new Set(text.match(pattern) ?? []);
    found.delete(hash);
    if (found.size < page_count)
      throw new Error(`${metaFile} listar ${found.size} filer men indexet har ${page_count} sidor`);
    for (const h of found) hashes.add(h);
  }
  return { hashes, metaFiles };
}

/** Removes the files of earlier indexes from `outputPath` (see the module comment); returns how many. */
export function removeUnusedIndexFiles(outputPath: string): number {
  const { hashes, metaFiles } = usedIndexFiles(outputPath);
  let removed = 0;
  for (const folder of HASHED_FOLDERS) {
    const dir = join(outputPath, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (!hashes.has(name.replace(/\.[^.]+$/, ''))) {
        rmSync(join(dir, name));
        removed++;
      }
    }
  }
  for (const name of readdirSync(outputPath)) {
    if (name.endsWith('.pf_meta') && !metaFiles.has(name)) {
      rmSync(join(outputPath, name));
      removed++;
    }
  }
  return removed;
}

/**
 * Pagefind's ready-made search interfaces, which every bundle carries (about 0.43 MB
 * each) and /sok/ never loads: it uses only `pagefind.js`, its worker, the WASM, the
 * entry, meta, index, filter and fragment files.
 */
export const UNUSED_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
] as const;

/** Removes UNUSED_UI_FILES from a written bundle. */
export function removeUnusedUiFiles(outputPath: string): void {
  for (const name of UNUSED_UI_FILES) rmSync(join(outputPath, name), { force: true });
}
