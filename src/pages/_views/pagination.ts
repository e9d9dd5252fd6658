/**
 * The case list in pages: /arenden/ is page 1, /arenden/sida/2/ and on the
 * rest, each with CASES_PER_PAGE cases (newest first), so the list stays a
 * light page however many cases there are (all 10 000 on one page was
 * 5.2 MB of HTML). Pure: page numbers, slices, paths and the links a
 * pagination bar shows.
 */

export const CASES_PER_PAGE = 100;

/** How many pages `total` items fill (at least 1: an empty list is one page saying so). */
export function pageCount(total: number, size: number = CASES_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The items on page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, size: number = CASES_PER_PAGE): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** The site path of a list page: 1 → `/arenden/`, n → `/arenden/sida/n/`. */
export function listPagePath(page: number): string {
  return page === 1 ? '/arenden/' : `/arenden/sida/${page}/`;
}

/** The first and last item number on a page, 1-based, for "101–200 av 10 000". */
export function pageRange(page: number, total: number, size: number = CASES_PER_PAGE): { first: number; last: number } {
  return total === 0 ? { first: 0, last: 0 } : { first: (page - 1) * size + 1, last: Math.min(page * size, total) };
}

/**
 * The page numbers a pagination bar links to, GOV.UK style: the first, the
 * last, and the current page with its neighbours; `null` marks a gap (…).
 * 7 of 20 → [1, null, 6, 7, 8, null, 20].
 */
export function pageLinks(current: number, count: number): (number | null)[] {
  const shown = new Set([1, count, current - 1, current, current + 1].filter((p) => p >= 1 && p <= count));
  const pages = [...shown].sort((a, b) => a - b);
  const links: (number | null)[] = [];
  for (const [i, p] of pages.entries()) {
    const previous = pages[i - 1];
    if (previous !== undefined && p - previous === 2) links.push(p - 1);
    else if (previous !== undefined && p - previous > 2) links.push(null);
    links.push(p);
  }
  return links;
}
