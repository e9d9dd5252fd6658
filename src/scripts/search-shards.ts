/**
 * STAND-IN until the sharded index lands: searches the single Pagefind
 * bundle and maps hits to facet-table rows by URL. Same interface as the
 * sharded version.
 */
import {
  type DisplayRow,
  displayChunkPath,
  type FacetTable,
  TABLE_PATH,
  chunkCount,
} from '../lib/search/table-format.ts';

export interface ShardHit {
  row: number;
  score: number;
  excerpt(): Promise<string>;
}

interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string) => Promise<{
    results: { id: string; score: number; data: () => Promise<{ url: string; excerpt: string }> }[];
  } | null>;
}

let loaded: Promise<{ pf: Pagefind; rowOf: Map<string, number> }> | undefined;

async function load(base: string) {
  const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  await pf.options({ baseUrl: base, excerptLength: 24 });
  await pf.init();
  const table = (await (await fetch(`${base}${TABLE_PATH}`)).json()) as FacetTable;
  const rowOf = new Map<string, number>();
  for (let k = 0; k < chunkCount(table.count, table.chunkSize); k++) {
    const rows = (await (await fetch(`${base}${displayChunkPath(k)}`)).json()) as DisplayRow[];
    rows.forEach(([slug], i) => rowOf.set(`${base}arenden/${slug}/`, k * table.chunkSize + i));
  }
  return { pf, rowOf };
}

export async function preloadShards(base: string): Promise<void> {
  loaded ??= load(base);
  await loaded;
}

export async function searchShards(base: string, query: string): Promise<ShardHit[]> {
  loaded ??= load(base);
  const { pf, rowOf } = await loaded;
  const result = await pf.search(query);
  const hits = await Promise.all(
    (result?.results ?? []).map(async (r) => {
      const data = await r.data();
      return { row: rowOf.get(data.url) ?? -1, score: r.score, excerpt: async () => data.excerpt };
    }),
  );
  return hits.filter((h) => h.row >= 0);
}
