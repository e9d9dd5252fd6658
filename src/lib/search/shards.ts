/**
 * The sharded search index: which case pages go into which Pagefind index
 * (a "shard"), and the files the browser reads to search them all. Pure, so
 * the browser (src/scripts/search-shards.ts) and the build
 * (src/postbuild/search-index.ts) share one description.
 *
 * The output contract, under `<base>pagefind/`:
 *
 * - `shards.json` (SHARDS_FILE): `{ "version": 1, "shards": [ { "bundle": "<dir>/", "pages": <n> } ] }`,
 *   each bundle path relative to `<base>pagefind/`, ending in `/`.
 * - In each bundle folder: Pagefind's own output (pagefind.js, the WASM, the entry, meta,
 *   index chunks and fragments) and `rows.json` (ROWS_FILE): an object from each search
 *   result's `id` (Pagefind's page hash, exactly as `search()` gives it in the browser) to
 *   the facet-table row of that case page. Ids are unique within a bundle, not across
 *   bundles (they are short content hashes), so a hit is always read with its bundle.
 * - Every case page is in exactly one bundle; the bundles' page counts add up to the
 *   number of table rows.
 *
 * Shards: case pages grouped by decision year. Consecutive years are packed into one shard
 * while it stays within SHARD_CAP pages (oldest first, so new cases, which land in recent
 * years, move at most the last boundaries); a year with more pages than the cap is split
 * into equal parts by slug; cases without a year get shards of their own. The plan depends
 * only on the slugs and years, never on page content, so editing one case changes one
 * shard's pages and nothing else.
 */

/** The folder of the search index in the built site. */
export const INDEX_DIR = 'pagefind';
/** The list of bundles, in INDEX_DIR. */
export const SHARDS_FILE = 'shards.json';
/** In each bundle: result id → facet-table row. */
export const ROWS_FILE = 'rows.json';
/** The format of SHARDS_FILE. */
export const SHARDS_VERSION = 1;

/**
 * Most case pages in one shard. Pagefind holds every page of an index in memory until it
 * is written, and a one-case change re-indexes one whole shard: smaller shards cost less
 * of both, more shards cost the browser one more index (and WASM) to fetch per search.
 * 5 000 keeps the index step's memory under Astro's own peak at 10 000 cases and the
 * first query's downloads smaller than 2 500 did (the figures are in the commit that set it).
 */
export const SHARD_CAP = 5_000;

export interface ShardsFile {
  version: typeof SHARDS_VERSION;
  shards: { bundle: string; pages: number }[];
}

/** RowsFile: result id → facet-table row. */
export type RowsFile = Record<string, number>;

/** What the index needs of a facet-table row: the case's slug and decision year. */
export interface IndexRow {
  slug: string;
  year: number | undefined;
}

export interface ShardPage {
  slug: string;
  /** The row index in the facet table. */
  row: number;
}

export interface PlannedShard {
  /** Names the shard's pages: `2019`, `2019-2021`, `2023-del2`, `utan-ar`, `utan-ar-del2`. */
  label: string;
  /** Sorted by slug. */
  pages: ShardPage[];
}

const bySlug = (a: ShardPage, b: ShardPage) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** `pages` (sorted) in `ceil(n / cap)` parts of equal size (±1), in order. */
function split(pages: ShardPage[], cap: number): ShardPage[][] {
  const parts = Math.ceil(pages.length / cap);
  const out: ShardPage[][] = [];
  for (let i = 0; i < parts; i++) {
    out.push(pages.slice(Math.floor((i * pages.length) / parts), Math.floor(((i + 1) * pages.length) / parts)));
  }
  return out;
}

/** Splits the table's rows into shards (see the module comment). */
export function planShards(rows: readonly IndexRow[], cap: number = SHARD_CAP): PlannedShard[] {
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`taket för sidor per del måste vara ≥ 1, fick ${cap}`);
  const byYear = new Map<number, ShardPage[]>();
  const undated: ShardPage[] = [];
  rows.forEach(({ slug, year }, row) => {
    if (year === undefined) undated.push({ slug, row });
    else byYear.set(year, [...(byYear.get(year) ?? []), { slug, row }]);
  });
  const shards: PlannedShard[] = [];
  const parts = (label: string, pages: ShardPage[]) => {
    const sorted = [...pages].sort(bySlug);
    const chunks = split(sorted, cap);
    chunks.forEach((chunk, i) =>
      shards.push({ label: chunks.length > 1 ? `${label}-del${i + 1}` : label, pages: chunk }),
    );
  };

  let pack: { first: number; last: number; pages: ShardPage[] } | undefined;
  const flush = () => {
    if (!pack) return;
    const label = pack.first === pack.last ? `${pack.first}` : `${pack.first}-${pack.last}`;
    shards.push({ label, pages: [...pack.pages].sort(bySlug) });
    pack = undefined;
  };
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const pages = byYear.get(year)!;
    if (pages.length > cap) {
      flush();
      parts(`${year}`, pages);
    } else {
      if (pack && pack.pages.length + pages.length > cap) flush();
      if (pack) {
        pack.last = year;
        pack.pages.push(...pages);
      } else pack = { first: year, last: year, pages: [...pages] };
    }
  }
  flush();
  if (undated.length > 0) parts('utan-ar', undated);
  return shards;
}
