/**
 * Long lists in pages: the case list (/arenden/ is page 1, /arenden/sida/2/
 * and on the rest, each with CASES_PER_PAGE cases, newest first), the
 * follow-up tracker's groups (/uppfoljning/forsenade/, …/sida/2/) and the
 * amounts left out of 360Giving (/data/utelamnade-belopp/), so a page stays
 * light however many cases there are. Pure: page numbers, slices, paths, the links a
 * pagination bar shows and what a page of a list says of itself.
 */
import { formatNumber } from '../lib/core/money.ts';
import { pageCount, pageRange } from '../lib/core/paging.ts';
import { CASE_LIST_PATH } from '../lib/core/slug.ts';

export const CASES_PER_PAGE = 100;

/** Rows on a page of any other long list. */
export const ROWS_PER_PAGE = 100;

/** The items on page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, size: number = CASES_PER_PAGE): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** The site path of page `page` of a list whose first page is `first`: 1 → `first`, n → `<first>sida/n/`. */
export function pagedPath(first: string, page: number): string {
  return page === 1 ? first : `${first}sida/${page}/`;
}

/** The param of a `[...page]` route for a page number: none for page 1, `sida/n` for the rest. */
export function pageParam(page: number): string | undefined {
  return page === 1 ? undefined : `sida/${page}`;
}

/** Every page number of a list of `total` items, 1 first. */
export function pageNumbers(total: number, size: number = CASES_PER_PAGE): number[] {
  return Array.from({ length: pageCount(total, size) }, (_, i) => i + 1);
}

/** The site path of a list page: 1 → `/arenden/`, n → `/arenden/sida/n/`. */
export function listPagePath(page: number): string {
  return pagedPath(CASE_LIST_PATH, page);
}

export interface PagedListText {
  /** How many pages the list has. */
  count: number;
  /** Which items the page shows: "Alla 12", or "101–200 av 1 234" after `noun` ("Belopp 101–200 av 1 234"). */
  shown: string;
  /** The page's title: `title`, then ", sida 2 av 5" after the first page. */
  pageTitle: string;
}

/** What page `page` of a list of `total` items, ROWS_PER_PAGE a page, says of itself. */
export function pagedListText(title: string, page: number, total: number, noun?: string): PagedListText {
  const count = pageCount(total, ROWS_PER_PAGE);
  const { first, last } = pageRange(page, total, ROWS_PER_PAGE);
  const range = `${formatNumber(first)}–${formatNumber(last)} av ${formatNumber(total)}`;
  return {
    count,
    shown: count === 1 ? `Alla ${formatNumber(total)}` : noun ? `${noun} ${range}` : range,
    pageTitle: page === 1 ? title : `${title}, sida ${formatNumber(page)} av ${formatNumber(count)}`,
  };
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
