/**
 * The sharded search index: which case pages go into which Pagefind index
 * (a "shard"), and the files the browser reads to search them all. Pure, so
 * the browser (src/scripts/search-shards.ts) and the build
 * (src/postbuild/search-index.ts) share one description.
 *
 * The output contract, under `<base>pagefind/`:
 *
 * - `shards.json` (SHARDS_FILE): `{ "version": 3, "shards": [ { "bundle": "<dir>/", "pages": <n> } ] }`,
 *   each bundle path relative to `<base>pagefind/`, ending in `/`. A bundle's folder is
 *   named by a hash of its content, so its name is also the tag that lets the browser
 *   cache its entry file (Pagefind's `metaCacheTag`).
 * - In each bundle folder: Pagefind's own output (pagefind.js, the WASM, the entry, meta,
 *   index chunks and fragments). The browser loads one runtime (the first bundle's script
 *   and WASM) and merges the others into it.
 * - `rows.json` (ROWS_FILE, RowsFile) beside it: which search result is which facet-table
 *   row, for every row in the table's order.
 * - Every case page is in exactly one bundle; the bundles' page counts add up to the
 *   number of table rows.
 *
 * Shards: case pages grouped by decision year. Consecutive years are packed into one shard
 * while it stays within the cap (shardCap, by the site's size), oldest first, so new cases,
 * which land in recent years, move at most the last boundaries; a year with more pages than
 * the cap is split into equal parts by slug; cases without a year get shards of their own.
 * The plan depends only on the slugs, the years and the cap, never on page content, so
 * editing one case changes one shard's pages and nothing else.
 */

/** The folder of the search index in the built site. */
export const INDEX_DIR = 'pagefind';
/** The list of bundles, in INDEX_DIR. */
export const SHARDS_FILE = 'shards.json';
/** Beside SHARDS_FILE: result id → facet-table row (RowsFile). */
export const ROWS_FILE = 'rows.json';
/** The format of SHARDS_FILE and ROWS_FILE. */
export const SHARDS_VERSION = 3;

/**
 * Most case pages in one shard: SHARD_CAP on a site of up to MAX_SHARDS × SHARD_CAP
 * cases, doubled as often as it takes on a larger one (shardCap). The two costs pull
 * apart: a one-case change re-indexes one whole shard, and Pagefind holds every page of
 * a shard in memory until it is written, so smaller shards rebuild sooner; but each
 * shard is one more index for the browser to fetch and merge per search. So shards are
 * as small as possible while a search merges at most about MAX_SHARDS of them.
 *
 * At 10 000 cases, 2 500 instead of 5 000 took the one-case rebuild's index step from
 * 4.9 to 3.0 s, for 7.6 kB more on a shared link (291.6 kB); at 100 000 cases, 2 500
 * would double the bundles every search merges (20 to 40), so the cap is 5 000 there.
 * The cap changes only when the site doubles past a bound, and then every shard is
 * planned anew: one full re-index, as a clean build would do.
 */
export const SHARD_CAP = 2_500;
/** About how many shards a search merges at most (see SHARD_CAP). */
export const MAX_SHARDS = 24;

/** The shard cap for a site of `pages` case pages (see SHARD_CAP). */
export function shardCap(pages: number): number {
  let cap = SHARD_CAP;
  while (pages > cap * MAX_SHARDS) cap *= 2;
  return cap;
}

export interface ShardsFile {
  version: typeof SHARDS_VERSION;
  shards: { bundle: string; pages: number }[];
}

/**
 * ROWS_FILE: for each facet-table row, in the table's order, the id Pagefind gives its
 * case page as a search result (the page's short hash) and the bundle it is in. No
 * object keyed by id, and no row numbers, since the position is the row. An id is
 * `<language>_` and seven hex digits (28 bits of a hash), random, so no compression
 * shrinks it: the 28-bit numbers are packed end to end in base64url, 3.5 bytes a row
 * once gzipped (43.3 kB at 10 000 rows as space-separated hex, 35.1 kB packed).
 *
 * Ids are unique within a bundle, not across bundles (Pagefind lengthens a short hash
 * only against its own index), and one runtime gives every bundle's results together,
 * without saying which bundle a result came from. So an id that two bundles give is
 * listed in `collisions` with the case paths of its rows, in row order: the browser tells
 * such a hit apart by the URL in its fragment. Rare: about 0.2 such pairs at 10 000
 * cases, 18 at 100 000 (28-bit hashes).
 */
export interface RowsFile {
  version: typeof SHARDS_VERSION;
  /** Row r's result id, with `prefix` (the language, `sv_`) left off, as the r-th 28-bit number of this base64url text. */
  ids: string;
  prefix: string;
  /**
   * Row → its id without `prefix`, for an id that is not seven hex digits (Pagefind lengthens a
   * hash that another page of its index shares); such a row's number in `ids` is 0.
   */
  other: Record<string, string>;
  /** Row r's bundle: its index in SHARDS_FILE's list. */
  bundles: number[];
  /** Ids that two or more bundles give: id → the case paths of their rows, in row order. */
  collisions: Record<string, string[]>;
}

/** Where a search result belongs: its facet-table row and its bundle. */
export interface RowOfHit {
  row: number;
  bundle: number;
}

/** Hex digits in a packed id, and its bits. */
const ID_DIGITS = 7;
const ID_BITS = ID_DIGITS * 4;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PACKED_ID = new RegExp(`^[0-9a-f]{${ID_DIGITS}}$`);

/** `values` (each below 2^ID_BITS) end to end in base64url, the last character padded with zero bits. */
function packIds(values: readonly number[]): string {
  let text = '';
  // Fewer than six bits are left over between values, so `carry` stays below 2^34.
  let carry = 0;
  let bits = 0;
  for (const value of values) {
    carry = carry * 2 ** ID_BITS + value;
    bits += ID_BITS;
    while (bits >= 6) {
      bits -= 6;
      const digit = Math.floor(carry / 2 ** bits);
      text += BASE64URL[digit];
      carry -= digit * 2 ** bits;
    }
  }
  return bits > 0 ? text + BASE64URL[carry * 2 ** (6 - bits)] : text;
}

const DIGIT_OF = new Map([...BASE64URL].map((c, i) => [c, i]));

/** The `count` numbers `packIds` wrote into `text`; throws when `text` is not such a text. */
function unpackIds(text: string, count: number): number[] {
  if (text.length !== Math.ceil((count * ID_BITS) / 6))
    throw new Error(`Sökindexet kunde inte läsas: ${text.length} tecken för ${count} rader`);
  const values = new Array<number>(count);
  let carry = 0;
  let bits = 0;
  let at = 0;
  for (let row = 0; row < count; row++) {
    while (bits < ID_BITS) {
      const digit = DIGIT_OF.get(text[at++]!);
      if (digit === undefined) throw new Error(`Sökindexet kunde inte läsas: tecken ${at}`);
      carry = carry * 64 + digit;
      bits += 6;
    }
    bits -= ID_BITS;
    const value = Math.floor(carry / 2 ** bits);
    values[row] = value;
    carry -= value * 2 ** bits;
  }
  return values;
}

/** The longest prefix every string has. */
function commonPrefix(strings: readonly string[]): string {
  if (strings.length === 0) return '';
  let prefix = strings[0]!;
  for (const s of strings) while (!s.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * The RowsFile of a built index: `rows[r]` is row r's result id and bundle index, `path(r)`
 * its case page's path (for collisions).
 */
export function encodeRows(rows: readonly { id: string; bundle: number }[], path: (row: number) => string): RowsFile {
  const ids = rows.map((r) => r.id);
  // Up to the underscore: Pagefind's ids are `<language>_<hash>`.
  const common = commonPrefix(ids);
  const prefix = common.includes('_') ? common.slice(0, common.lastIndexOf('_') + 1) : '';
  const seen = new Map<string, number[]>();
  ids.forEach((id, row) => {
    const at = seen.get(id);
    if (at) at.push(row);
    else seen.set(id, [row]);
  });
  const collisions: Record<string, string[]> = {};
  for (const [id, at] of seen) if (at.length > 1) collisions[id] = at.map(path);
  const other: Record<string, string> = {};
  const values = ids.map((id, row) => {
    const short = id.slice(prefix.length);
    if (PACKED_ID.test(short)) return Number.parseInt(short, 16);
    other[row] = short;
    return 0;
  });
  return {
    version: SHARDS_VERSION,
    ids: packIds(values),
    prefix,
    other,
    bundles: rows.map((r) => r.bundle),
    collisions,
  };
}

/**
 * Reads a RowsFile: `find(id)` gives the hit's row and bundle, or, for an id that
 * several bundles give, the case paths to tell them apart by (`candidates`, in row order).
 * Throws when the file does not describe `count` rows in `bundles` bundles.
 */
export function readRows(
  file: RowsFile,
  count: number,
  bundles: number,
): (id: string) => RowOfHit | { candidates: (RowOfHit & { path: string })[] } | undefined {
  if (file.version !== SHARDS_VERSION)
    throw new Error(`Sökindexet har ett okänt format: version ${String(file.version)}`);
  if (file.bundles.length !== count || file.bundles.some((b) => !(b >= 0 && b < bundles)))
    throw new Error(`Sökindexet kunde inte läsas: ${file.bundles.length} rader av ${count}`);
  const values = unpackIds(file.ids, count);
  // Ids by their number where they are the usual seven hex digits (no string made for each
  // of 100 000 rows), by their text where Pagefind lengthened them; an id listed in
  // `collisions` collects its rows instead.
  const short = file.prefix.length + ID_DIGITS;
  const valueOf = (id: string): number | undefined => {
    const digits = id.length === short && id.startsWith(file.prefix) ? id.slice(file.prefix.length) : '';
    return PACKED_ID.test(digits) ? Number.parseInt(digits, 16) : undefined;
  };
  const rowOfValue = new Map<number, number>();
  const rowOfText = new Map<string, number>();
  const repeated = new Map<string, number[]>(Object.keys(file.collisions).map((id) => [id, []]));
  const repeatedValue = new Map<number, number[]>();
  for (const [id, rows] of repeated) {
    const value = valueOf(id);
    if (value !== undefined) repeatedValue.set(value, rows);
  }
  values.forEach((value, row) => {
    const long = file.other[row];
    if (long === undefined) {
      const rows = repeatedValue.get(value);
      if (rows) rows.push(row);
      else rowOfValue.set(value, row);
    } else {
      const id = `${file.prefix}${long}`;
      const rows = repeated.get(id);
      if (rows) rows.push(row);
      else rowOfText.set(id, row);
    }
  });
  const candidates = new Map<string, (RowOfHit & { path: string })[]>();
  for (const [id, rows] of repeated) {
    const paths = file.collisions[id]!;
    if (rows.length !== paths.length) throw new Error(`Sökindexet kunde inte läsas: ${id} har ${rows.length} rader`);
    candidates.set(
      id,
      rows.map((row, i) => ({ row, bundle: file.bundles[row]!, path: paths[i]! })),
    );
  }
  return (id) => {
    const several = candidates.size > 0 ? candidates.get(id) : undefined;
    if (several) return { candidates: several };
    const value = valueOf(id);
    const row = value === undefined ? rowOfText.get(id) : rowOfValue.get(value);
    return row === undefined ? undefined : { row, bundle: file.bundles[row]! };
  };
}

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
export function planShards(rows: readonly IndexRow[], cap: number = shardCap(rows.length)): PlannedShard[] {
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
