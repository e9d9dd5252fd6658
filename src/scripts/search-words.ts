/**
 * Full-text search as the search page (./search-page.ts) asks for it: the hits of a
 * query's words, searched in the page's own worker (./search-worker.ts, which runs
 * ./search-shards.ts). The worker is started by the first ask; if it fails to start or
 * load, every waiting ask rejects and the next one starts it again.
 */
import { recentPromises } from '../lib/core/recent.ts';
import { searchKey } from '../lib/search/words.ts';
import type { SearchAsk, SearchReply, SearchRequest } from './search-worker.ts';

/** A query's hits, best first, and what each shows of its words. */
export interface WordHits {
  /** Each hit's case, by its row in the facet table, best first. */
  rows: Int32Array;
  /** Pagefind's excerpt of a hit (`<mark>` around the words found), fetched on the first ask. */
  excerpt(row: number): Promise<string>;
}

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<number, { resolve: (reply: SearchReply) => void; reject: (error: Error) => void }>();

function started(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'insyn-sok' });
  started.addEventListener('message', (event: MessageEvent<SearchReply>) => {
    const reply = event.data;
    const asker = waiting.get(reply.id);
    if (!asker) return;
    waiting.delete(reply.id);
    if (reply.kind === 'error') asker.reject(new Error(reply.message));
    else asker.resolve(reply);
  });
  started.addEventListener('error', (event) => {
    event.preventDefault();
    if (worker === started) worker = undefined;
    started.terminate();
    const error = new Error(`Sökningens worker kunde inte köras: ${event.message || 'okänt fel'}`);
    for (const asker of waiting.values()) asker.reject(error);
    waiting.clear();
  });
  worker = started;
  return started;
}

function ask<K extends SearchAsk['kind']>(
  request: Extract<SearchAsk, { kind: K }>,
): Promise<Extract<SearchReply, { kind: K }>> {
  const id = ++lastId;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (reply: SearchReply) => void, reject });
    started().postMessage({ ...request, id } satisfies SearchRequest);
  });
}

/** Loads the search index of the site at `base` (when the visitor starts typing, or a link has words). */
export async function preloadWords(base: string): Promise<void> {
  await ask({ kind: 'preload', base });
}

/** The last searches, as sent to Pagefind, so the same words share one search and one set of hits. */
const searches = recentPromises<WordHits>(4);

/** The hits of `query`'s words on the site at `base`. */
export function searchWords(base: string, query: string): Promise<WordHits> {
  return searches(searchKey(base, query), async () => {
    const { rows } = await ask({ kind: 'search', base, query });
    const excerpts = new Map<number, Promise<string>>();
    return {
      rows,
      excerpt: (row) => {
        let excerpt = excerpts.get(row);
        if (!excerpt) {
          excerpt = ask({ kind: 'excerpt', base, query, row }).then((reply) => reply.excerpt);
          excerpt.catch(() => excerpts.delete(row));
          excerpts.set(row, excerpt);
        }
        return excerpt;
      },
    };
  });
}
