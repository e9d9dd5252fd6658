/**
 * Full-text search over the sharded Pagefind index, in the browser: which case
 * rows contain the query's words, and how well. No Node imports; run by
 * ./search-worker.ts for the search page (./search-words.ts). The files it reads
 * are described in src/lib/search/shards.ts:
 *
 * - `<base>pagefind/shards.json` lists the bundles, `<base>pagefind/rows.json` names
 *   each result's row and bundle;
 * - one Pagefind runtime searches them all: the first bundle's `pagefind.js` and WASM,
 *   and every other bundle merged into it (`mergeIndex`, which fetches no WASM of its
 *   own). On the search page this module runs in the page's worker (./search-worker.ts),
 *   where Pagefind runs its WASM itself instead of in a worker of its own. Each bundle's
 *   entry file is fetched with the bundle's name as its cache tag (`metaCacheTag`): a
 *   bundle's folder changes name whenever its content does, so the entry can be cached;
 * - å, ä and ö are letters of their own (`exactDiacritics`), so "ängens" does not find
 *   "angivet", while Swedish stemming still lets
 *   "partnerskapen" find "partnerskap" and "stöden" find "stödet" (each word is sent
 *   cut to its stem: src/lib/search/words.ts).
 *
 * Pagefind searches each bundle on its own and merges the hits by score (its BM25 score,
 * comparable across bundles). A bundle that would answer only with Pagefind's fallback to
 * a shorter word, where another bundle has the word, is left out, and so is one whose
 * answer for a word no case has rests on a fallback of fewer than four letters (see
 * `answering`, which reads each bundle's best hit). Other excerpts are loaded only when
 * asked for. Any bundle that cannot be loaded rejects the search: hits are never silently
 * missing.
 */
import {
  INDEX_DIR,
  readRows,
  type RowOfHit,
  ROWS_FILE,
  type RowsFile,
  SHARDS_FILE,
  SHARDS_VERSION,
  type ShardsFile,
} from '../lib/search/shards.ts';
import { recentPromises } from '../lib/core/recent.ts';
import { foundByWord, isExactQuery, pagefindQuery, restsOnShortFallback, searchKey } from '../lib/search/words.ts';

/** The hits of a search, best first. */
export interface ShardHits {
  /** Each hit's case, by its row in the facet table. */
  rows: Int32Array;
  /** Each hit's Pagefind relevance score (higher is better), in the order of `rows`. */
  scores: Float64Array;
}

/** The part of Pagefind's browser API used here (pagefind.js, 1.5 and later). */
interface PagefindResult {
  id: string;
  score: number;
  /** Where in the page's text (`content`, split at white space) the query's words were found. */
  words: number[];
  data(): Promise<{ excerpt: string; content: string; url: string }>;
}
interface PagefindOptions {
  basePath?: string;
  baseUrl: string;
  exactDiacritics: boolean;
  metaCacheTag: string;
}
interface PagefindInstance {
  mergeIndex(basePath: string, options: PagefindOptions): Promise<void>;
  search(
    term: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[]; unfilteredResultCount: number } | null>;
}
interface PagefindModule {
  createInstance(options: PagefindOptions & { basePath: string }): PagefindInstance;
}

/** A result with its row and bundle. */
interface Placed extends RowOfHit {
  result: PagefindResult;
}

interface Index {
  /** Undefined when the site has no case pages. */
  pagefind: PagefindInstance | undefined;
  bundles: number;
  /** rows.json read, on the first call (see searchSent). */
  find: () => ReturnType<typeof readRows>;
}

/** `make()`'s value, made on the first call. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * Search options that leave every page out: the index has no filters, so any filter
 * matches no page. Loads what a search needs (entry, metadata, WASM) and answers without
 * results, so it tells whether the runtime loaded.
 */
const NO_PAGE = { filters: { ingen: 'ingen' } };

/** Per site base: the index, loading or loaded. A failed load is forgotten, so the next search tries again. */
const loaded = new Map<string, Promise<Index>>();

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Sökindexet kunde inte läsas: ${url} gav ${response.status}`);
  return (await response.json()) as T;
}

async function load(base: string): Promise<Index> {
  const root = `${base}${INDEX_DIR}/`;
  const rowsFile = fetchJson<RowsFile>(`${root}${ROWS_FILE}`);
  // Read whether or not it is used, so a failed fetch is never left unhandled.
  rowsFile.catch(() => undefined);
  const manifest = await fetchJson<ShardsFile>(`${root}${SHARDS_FILE}`);
  if (manifest.version !== SHARDS_VERSION)
    throw new Error(`Sökindexet har ett okänt format: version ${String(manifest.version)}`);
  const [first, ...rest] = manifest.shards;
  const count = manifest.shards.reduce((sum, s) => sum + s.pages, 0);
  if (!first) {
    const file = await rowsFile;
    return { pagefind: undefined, bundles: 0, find: once(() => readRows(file, 0, 0)) };
  }
  const options = (bundle: string) => ({ baseUrl: base, exactDiacritics: true, metaCacheTag: bundle.slice(0, -1) });
  const pf = (await import(/* @vite-ignore */ `${root}${first.bundle}pagefind.js`)) as PagefindModule;
  const pagefind = pf.createInstance({ basePath: `${root}${first.bundle}`, ...options(first.bundle) });
  // A merged bundle waits for the first one's WASM, and would wait for ever if it failed to
  // load: the first bundle's own answer (which rejects then) is awaited beside them.
  const [file] = await Promise.all([
    rowsFile,
    pagefind.search(null, NO_PAGE),
    ...rest.map((s) => pagefind.mergeIndex(`${root}${s.bundle}`, options(s.bundle))),
  ]);
  return { pagefind, bundles: manifest.shards.length, find: once(() => readRows(file, count, manifest.shards.length)) };
}

function index(base: string): Promise<Index> {
  let promise = loaded.get(base);
  if (!promise) {
    promise = load(base);
    loaded.set(base, promise);
    promise.catch(() => loaded.delete(base));
  }
  return promise;
}

/** Loads the search index of the site at `base` (when the visitor starts typing, or a link has words). */
export async function preloadShards(base: string): Promise<void> {
  await index(base);
}

/** The row and bundle of a result whose id two bundles give: the candidate its fragment's URL names. */
async function byUrl(result: PagefindResult, candidates: readonly (RowOfHit & { path: string })[]): Promise<Placed> {
  const { url } = await result.data();
  const match = candidates.find((c) => url.endsWith(c.path));
  if (!match) throw new Error(`Sökindexet är inte helt: träffen ${result.id} (${url}) saknar rad`);
  return { row: match.row, bundle: match.bundle, result };
}

/**
 * The row and bundle of each result, read from rows.json; a result whose id two bundles
 * give is told apart by its fragment's URL (loaded for it alone). A search can give every
 * case: the others are placed without a promise each.
 */
async function place(find: ReturnType<typeof readRows>, results: readonly PagefindResult[]): Promise<Placed[]> {
  const placed = results.map((result): Placed | Promise<Placed> => {
    const found = find(result.id);
    if (found === undefined) throw new Error(`Sökindexet är inte helt: träffen ${result.id} saknar rad`);
    return 'candidates' in found ? byUrl(result, found.candidates) : { ...found, result };
  });
  return placed.some((p) => p instanceof Promise) ? Promise.all(placed) : (placed as Placed[]);
}

/**
 * The words a result was found by, as they stand in its text: its word locations in its
 * fragment's text (one fragment, which Pagefind keeps for the excerpt).
 */
async function matchedWords(result: PagefindResult): Promise<string[]> {
  const text = (await result.data()).content.split(/\s+/);
  return result.words.map((at) => text[at] ?? '');
}

/**
 * Which bundles may answer for `query` (one flag per bundle, in SHARDS_FILE's order), so the
 * shards together answer as one index would. `placed` are the hits of every bundle, best first.
 *
 * Pagefind matches a word by its stem and every longer indexed word that starts with it;
 * when an index has no such word, it falls back to the longest indexed word the stem
 * starts with ("försörjning" for "försörjningsstödet", "partner" for "partnerskapen").
 * One index over every case falls back only when no case has the word; each shard
 * decides on its own, so a shard without the word would add cases that merely contain
 * a shorter word. Pagefind picks the words it searches a query word by once per index,
 * so every hit of a bundle rests on the same ones, and its best hit's matched words tell
 * which (one fragment per bundle with hits): a bundle whose hits for a word rest on a
 * fallback is left out where another bundle has the word. `query` is as sent to Pagefind
 * (pagefindQuery): each word cut to its stem. A quoted query is exact already.
 *
 * Where no bundle has a word, every bundle answers by its fallback, as one index would,
 * unless that fallback is too short to stand in for the word ("in" for "insyn",
 * restsOnShortFallback): then the bundle is left out.
 */
async function answering(placed: readonly Placed[], bundles: number, query: string): Promise<boolean[]> {
  const words = query.split(' ').filter(Boolean);
  const every = Array.from({ length: bundles }, () => true);
  if (words.length === 0 || isExactQuery(query)) return every;
  const tops = new Map<number, PagefindResult>();
  for (const p of placed) if (!tops.has(p.bundle)) tops.set(p.bundle, p.result);
  const matched = new Map(await Promise.all([...tops].map(async ([k, top]) => [k, await matchedWords(top)] as const)));
  const found = words.map((word) => new Set([...matched].filter(([, m]) => foundByWord(word, m)).map(([k]) => k)));
  return every.map((_, k) =>
    words.every((word, i) =>
      found[i]!.size > 0 ? found[i]!.has(k) : !restsOnShortFallback(word, matched.get(k) ?? []),
    ),
  );
}

/** What a search keeps for its excerpts: each hit's Pagefind result, in the order of its rows. */
interface Kept {
  hits: ShardHits;
  results: PagefindResult[];
  /** Position in `rows` by row, made on the first excerpt asked for (-1: not a hit). */
  at: Int32Array | undefined;
}

/**
 * The searches asked for lately, by searchKey. Few are kept: a word in every case gives a
 * hit per case (100 000 on a national site).
 */
const searches = recentPromises<Kept>(4);

/** The kept search for `query`, run when it is not kept. */
const keptSearch = (base: string, query: string) =>
  searches(searchKey(base, query), () => searchSent(base, pagefindQuery(query)));

/**
 * Searches every bundle for `query`: the rows of its hits by score, best first, ties by
 * row. The same query (as sent to Pagefind) asked again, while its search runs or after,
 * shares that search.
 */
export async function searchShards(base: string, query: string): Promise<ShardHits> {
  return (await keptSearch(base, query)).hits;
}

/** Pagefind's excerpt of the hit in `row` of a search for `query` (`<mark>` around the words found). */
export async function hitExcerpt(base: string, query: string, row: number): Promise<string> {
  const kept = await keptSearch(base, query);
  if (!kept.at) {
    const at = new Int32Array(kept.hits.rows.reduce((most, r) => Math.max(most, r + 1), 0)).fill(-1);
    kept.hits.rows.forEach((r, i) => (at[r] = i));
    kept.at = at;
  }
  const i = row < kept.at.length ? kept.at[row]! : -1;
  if (i < 0) throw new Error(`Rad ${row} är ingen träff för ”${query}”`);
  return (await kept.results[i]!.data()).excerpt;
}

/**
 * Starts loading the fragment of each bundle's best hit whose id no other bundle gives,
 * which `answering` reads, so that it loads beside the fragments `place` needs to tell
 * shared ids apart (Pagefind keeps a fragment once loaded).
 */
function warmTops(find: ReturnType<typeof readRows>, results: readonly PagefindResult[], bundles: number): void {
  const seen = new Set<number>();
  for (const result of results) {
    if (seen.size === bundles) break;
    const found = find(result.id);
    if (!found || 'candidates' in found || seen.has(found.bundle)) continue;
    seen.add(found.bundle);
    result.data().catch(() => undefined);
  }
}

async function searchSent(base: string, sent: string): Promise<Kept> {
  const found = await index(base);
  const none = { hits: { rows: new Int32Array(0), scores: new Float64Array(0) }, results: [], at: undefined };
  if (!found.pagefind) return none;
  const results = (await found.pagefind.search(sent))?.results ?? [];
  // rows.json is read on the first search, not while Pagefind's runtime loads: reading it
  // holds the worker's thread, and would hold back the runtime's requests.
  const find = found.find();
  warmTops(find, results, found.bundles);
  const placed = await place(find, results);
  const answers = await answering(placed, found.bundles, sent);
  const kept = placed.filter((p) => answers[p.bundle]).sort((a, b) => b.result.score - a.result.score || a.row - b.row);
  return {
    hits: { rows: Int32Array.from(kept, (p) => p.row), scores: Float64Array.from(kept, (p) => p.result.score) },
    results: kept.map((p) => p.result),
    at: undefined,
  };
}
