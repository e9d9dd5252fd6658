/**
 * Full-text search over the sharded Pagefind index, in the browser: which case
 * rows contain the query's words, and how well. No Node imports; used by
 * src/scripts/search-page.ts. The files it reads are described in
 * src/lib/search/shards.ts:
 *
 * - `<base>pagefind/shards.json` lists the bundles;
 * - each bundle is searched by its own Pagefind instance (`createInstance`), created on
 *   first use and kept. The bundles are spread over a few copies of `pagefind.js`, each
 *   imported from another bundle and so with a web worker of its own (`workerCount`): the
 *   instances of one copy share its worker and WASM module (though each instance fetches
 *   its bundle's copy of the WASM file), and the workers search side by side;
 * - å, ä and ö are letters of their own (`exactDiacritics`), so "ängens" does not find
 *   "angivet", while Swedish stemming still lets
 *   "partnerskapen" find "partnerskap" and "stöden" find "stödet" (each word is sent
 *   cut to its stem: src/lib/search/words.ts);
 * - each bundle's `rows.json` maps a result's id to its facet-table row.
 *
 * All bundles are searched in parallel and their hits merged by score (Pagefind's
 * BM25 score, comparable across bundles), ties by row; a bundle that would answer only
 * with Pagefind's fallback to a shorter word, where another bundle has the word itself,
 * is left out (see `answering`), and so is one whose answer for a word no case has rests
 * on a fallback of fewer than four letters (see `fallsShort`). An excerpt is loaded only
 * when asked for (and the first hit's, in a bundle answering for a word no case has). Any
 * bundle that cannot be loaded rejects the search: hits are never silently missing.
 */
import {
  INDEX_DIR,
  ROWS_FILE,
  type RowsFile,
  SHARDS_FILE,
  SHARDS_VERSION,
  type ShardsFile,
} from '../lib/search/shards.ts';
import { isExactQuery, pagefindQuery, restsOnShortFallback } from '../lib/search/words.ts';

export interface ShardHit {
  /** The case's row in the facet table. */
  row: number;
  /** Pagefind's relevance score; higher is better. */
  score: number;
  /** Pagefind's excerpt HTML around the matched words (`<mark>` around them), loaded on the first call. */
  excerpt(): Promise<string>;
}

/** The part of Pagefind's browser API used here (pagefind.js, 1.5 and later). */
interface PagefindResult {
  id: string;
  score: number;
  /** Where in the page's text (`content`, split at white space) the query's words were found. */
  words: number[];
  data(): Promise<{ excerpt: string; content: string }>;
}
interface PagefindInstance {
  search(
    term: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[]; unfilteredResultCount: number } | null>;
}
interface PagefindModule {
  createInstance(options: { basePath: string; baseUrl: string; exactDiacritics: boolean }): PagefindInstance;
}

interface Shard {
  bundle: string;
  instance: PagefindInstance;
  rows: RowsFile;
}

/**
 * Search options that leave every page out: the index has no filters, so any filter
 * matches no page. Pagefind still counts the pages the words match before filtering
 * (`unfilteredResultCount`), and sends no results from its worker, so asking whether
 * a bundle has a word costs a small part of a full search.
 */
const NO_PAGE = { filters: { ingen: 'ingen' } };

/** Per site base: the bundles, loading or loaded. A failed load is forgotten, so the next search tries again. */
const loaded = new Map<string, Promise<Shard[]>>();

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Sökindexet kunde inte läsas: ${url} gav ${response.status}`);
  return (await response.json()) as T;
}

/**
 * One bundle's instance, loaded and checked: a search rejects when the bundle's
 * entry file, metadata or WASM did not load (one that leaves every page out, so
 * nothing is listed), and its row map must have a row for every page.
 */
async function openShard(pf: PagefindModule, base: string, root: string, bundle: string, pages: number) {
  const basePath = `${root}${bundle}`;
  const instance = pf.createInstance({ basePath, baseUrl: base, exactDiacritics: true });
  const [rows] = await Promise.all([fetchJson<RowsFile>(`${basePath}${ROWS_FILE}`), instance.search(null, NO_PAGE)]);
  const count = Object.keys(rows).length;
  if (count !== pages) throw new Error(`Sökindexet kunde inte läsas: delen ${bundle} har ${count} rader av ${pages}`);
  return { bundle, instance, rows };
}

/**
 * How many copies of Pagefind's module, each with its own web worker, the bundles are
 * spread over: one worker searches its bundles one after another, so on a machine with
 * two cores two workers search two bundles at a time. Each copy costs its script and
 * one more set-up of the WASM module, so no more than four.
 */
export function workerCount(bundles: number, cores: number | undefined): number {
  return Math.max(1, Math.min(bundles, cores ?? 1, 4));
}

async function load(base: string): Promise<Shard[]> {
  const root = `${base}${INDEX_DIR}/`;
  const manifest = await fetchJson<ShardsFile>(`${root}${SHARDS_FILE}`);
  if (manifest.version !== SHARDS_VERSION)
    throw new Error(`Sökindexet har ett okänt format: version ${String(manifest.version)}`);
  const listed = manifest.shards;
  if (listed.length === 0) return [];
  const workers = workerCount(listed.length, navigator.hardwareConcurrency);
  const groups = await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const mine = listed.filter((_, k) => k % workers === w);
      const first = mine[0]!;
      // Imported from the group's first bundle: another URL, so a module (and a worker) of its own.
      const pf = (await import(/* @vite-ignore */ `${root}${first.bundle}pagefind.js`)) as PagefindModule;
      // A module's instances share its worker's WASM module, which the first instance to load
      // sets up. Two instances loading it at the same time each set it up, and the second
      // replaces the first's memory under it ("memory access out of bounds"), so the group's
      // first bundle is opened alone, and the rest, which then find the module there, together.
      const opened = await openShard(pf, base, root, first.bundle, first.pages);
      const rest = await Promise.all(mine.slice(1).map((s) => openShard(pf, base, root, s.bundle, s.pages)));
      return [opened, ...rest];
    }),
  );
  // Back in the listed order.
  return listed.map((_, k) => groups[k % workers]![Math.floor(k / workers)]!);
}

function shards(base: string): Promise<Shard[]> {
  let promise = loaded.get(base);
  if (!promise) {
    promise = load(base);
    loaded.set(base, promise);
    promise.catch(() => loaded.delete(base));
  }
  return promise;
}

/** Loads every bundle of the site at `base` (e.g. when the visitor starts typing). */
export async function preloadShards(base: string): Promise<void> {
  await shards(base);
}

/**
 * Which bundles may answer for `query` (one flag per bundle, in order), so the shards
 * together answer as one index would.
 *
 * Pagefind matches a word by its stem and every longer indexed word that starts with it;
 * when an index has no such word, it falls back to the longest indexed word the stem
 * starts with ("försörjning" for "försörjningsstödet", "partner" for "partnerskapen").
 * One index over every case falls back only when no case has the word; each shard
 * decides on its own, so a shard without the word would add cases that merely contain
 * a shorter word. So each word is also looked up exactly (a quoted search: the stem
 * itself, never a fallback) in every bundle: where some bundle has it, a bundle that
 * has not is left out of this search. (A bundle whose only matches are longer words
 * starting with the stem, compounds, is left out with it; they are ranked low anyway.)
 * A quoted query is exact already. `query` is as sent to Pagefind (pagefindQuery):
 * each word cut to its stem.
 *
 * Also gives the words no bundle has as such, which every bundle answers by longer words
 * or by its fallback (see `fallsShort`).
 */
async function answering(shards: readonly Shard[], query: string): Promise<{ answers: boolean[]; absent: string[] }> {
  const words = query.split(' ').filter(Boolean);
  if (words.length === 0 || isExactQuery(query)) return { answers: shards.map(() => true), absent: [] };
  const has = await Promise.all(
    words.map((word) =>
      Promise.all(
        shards.map(async (s) => ((await s.instance.search(`"${word}"`, NO_PAGE))?.unfilteredResultCount ?? 0) > 0),
      ),
    ),
  );
  return {
    answers: shards.map((_, k) => has.every((inBundle) => inBundle[k] || !inBundle.some(Boolean))),
    absent: words.filter((_, i) => !has[i]!.some(Boolean)),
  };
}

/**
 * Whether a bundle's hits for words that no bundle has as such (`absent`) rest on
 * Pagefind's fallback to a word too short to stand in for one of them ("in" for "insyn":
 * restsOnShortFallback). Pagefind picks the words it searches a query word by once per
 * index, so every hit of the bundle rests on the same ones: the first hit's matched words,
 * read from its text (one fragment, which Pagefind keeps for its excerpt), tell.
 */
async function fallsShort(top: PagefindResult | undefined, absent: readonly string[]): Promise<boolean> {
  if (!top || absent.length === 0) return false;
  const text = (await top.data()).content.split(/\s+/);
  const matched = top.words.map((at) => text[at] ?? '');
  return absent.some((word) => restsOnShortFallback(word, matched));
}

/** Searches every bundle for `query`; hits by score, best first, ties by row. */
export async function searchShards(base: string, query: string): Promise<ShardHit[]> {
  const all = await shards(base);
  const sent = pagefindQuery(query);
  const [found, { answers, absent }] = await Promise.all([
    Promise.all(all.map((s) => s.instance.search(sent))),
    answering(all, sent),
  ]);
  const short = await Promise.all(found.map((f, k) => answers[k] && fallsShort(f?.results[0], absent)));
  const hits = all.flatMap(({ bundle, rows }, k) =>
    answers[k] && !short[k]
      ? (found[k]?.results ?? []).map((result): ShardHit => {
          const row = rows[result.id];
          if (row === undefined)
            throw new Error(`Sökindexet är inte helt: träffen ${result.id} i ${bundle} saknar rad`);
          let excerpt: Promise<string> | undefined;
          return {
            row,
            score: result.score,
            excerpt: () => (excerpt ??= result.data().then((d) => d.excerpt)),
          };
        })
      : [],
  );
  return hits.sort((a, b) => b.score - a.score || a.row - b.row);
}
