/**
 * Paging arithmetic, one place for the site's long lists
 * (src/views/pagination.ts) and the search's pages of hits
 * (src/lib/search/state.ts, also in the browser).
 */

/** How many pages `total` items fill, `size` a page: at least 1 (an empty list is one page saying so). */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The first and last item number on page `page` (1-based), for "101–200 av 10 000"; both 0 when there are none. */
export function pageRange(page: number, total: number, size: number): { first: number; last: number } {
  return total === 0 ? { first: 0, last: 0 } : { first: (page - 1) * size + 1, last: Math.min(page * size, total) };
}
