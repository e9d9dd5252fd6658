/** The case list in pages (src/views/pagination.ts). */
import { describe, expect, it } from 'vitest';
import { pageCount, pageRange } from '../../src/lib/core/paging.ts';
import { CASES_PER_PAGE, listPagePath, pageItems, pageLinks, pagedListText } from '../../src/views/pagination.ts';

describe('pagination', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(0, CASES_PER_PAGE)).toBe(1);
    expect(pageCount(CASES_PER_PAGE, CASES_PER_PAGE)).toBe(1);
    expect(pageCount(CASES_PER_PAGE + 1, CASES_PER_PAGE)).toBe(2);
    expect(pageCount(10_000, 100)).toBe(100);
  });

  it('slices pages so every item is on exactly one', () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    const pages = [1, 2, 3].map((p) => pageItems(items, p, 100));
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pages.flat()).toEqual(items);
  });

  it('gives page paths and the range shown', () => {
    expect(listPagePath(1)).toBe('/arenden/');
    expect(listPagePath(7)).toBe('/arenden/sida/7/');
    expect(pageRange(2, 250, 100)).toEqual({ first: 101, last: 200 });
    expect(pageRange(3, 250, 100)).toEqual({ first: 201, last: 250 });
    expect(pageRange(1, 0, 100)).toEqual({ first: 0, last: 0 });
  });

  it('links the first, last and neighbouring pages, with gaps', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(7, 20)).toEqual([1, null, 6, 7, 8, null, 20]);
    expect(pageLinks(1, 20)).toEqual([1, 2, null, 20]);
    expect(pageLinks(20, 20)).toEqual([1, null, 19, 20]);
    // A gap of one page shows the page instead of "…".
    expect(pageLinks(4, 20)).toEqual([1, 2, 3, 4, 5, null, 20]);
  });
});

// sv-SE groups digits with a no-break space.
describe('pagedListText', () => {
  it('says which items a page shows and titles every page after the first', () => {
    expect(pagedListText('Försenade', 1, 12, 'Återrapport')).toEqual({
      count: 1,
      shown: 'Alla 12',
      pageTitle: 'Försenade',
    });
    expect(pagedListText('Försenade', 2, 1234, 'Återrapport')).toEqual({
      count: 13,
      shown: 'Återrapport 101–200 av 1\u00a0234',
      pageTitle: 'Försenade, sida 2 av 13',
    });
    expect(pagedListText('Ärenden', 13, 1234).shown).toBe('1\u00a0201–1\u00a0234 av 1\u00a0234');
    expect(pagedListText('Tom', 1, 0).shown).toBe('Alla 0');
  });
});
