/**
 * The search page's own web worker (started by ./search-words.ts): it runs Pagefind and
 * the shards' search (./search-shards.ts) off the page's thread. In a worker, Pagefind's
 * `pagefind.js` runs its WASM where it is, starting no worker of its own, so a search's
 * hits come to the page as one typed array of rows (moved, not copied) instead
 * of Pagefind's result objects cloned one by one: at 100 000 cases that clone alone took
 * about 420 ms of a search. Excerpts are asked for one hit at a time.
 */
import { hitExcerpt, preloadShards, searchShards } from './search-shards.ts';

/** What the page asks. */
export type SearchAsk =
  | { kind: 'preload'; base: string }
  | { kind: 'search'; base: string; query: string }
  | { kind: 'excerpt'; base: string; query: string; row: number };

/** An ask as sent, with an id its answer repeats. */
export type SearchRequest = SearchAsk & { id: number };

/** The answer to a request: its result, or why it failed. */
export type SearchReply =
  | { id: number; kind: 'preload' }
  | { id: number; kind: 'search'; rows: Int32Array }
  | { id: number; kind: 'excerpt'; excerpt: string }
  | { id: number; kind: 'error'; message: string };

async function answer(request: SearchRequest): Promise<void> {
  const { id } = request;
  try {
    if (request.kind === 'preload') {
      await preloadShards(request.base);
      self.postMessage({ id, kind: 'preload' } satisfies SearchReply);
    } else if (request.kind === 'search') {
      // A copy, so the kept search keeps its own; the copy's memory moves to the page.
      const rows = (await searchShards(request.base, request.query)).rows.slice();
      self.postMessage({ id, kind: 'search', rows } satisfies SearchReply, { transfer: [rows.buffer] });
    } else {
      const excerpt = await hitExcerpt(request.base, request.query, request.row);
      self.postMessage({ id, kind: 'excerpt', excerpt } satisfies SearchReply);
    }
  } catch (error) {
    self.postMessage({
      id,
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
    } satisfies SearchReply);
  }
}

self.addEventListener('message', (event: MessageEvent<SearchRequest>) => void answer(event.data));
