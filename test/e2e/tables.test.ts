/**
 * Tables that fit their reader, in Chromium, on the generated fixture site
 * (230 cases): at 1024 px the case list shows its date and amount cells
 * inside the viewport with nothing scrolling sideways, and so do the other
 * lists (an organisation's cases and money flows, follow-ups, amounts left
 * out of 360Giving); at 390 px a row is a stacked record with its column
 * names shown, still a table with rows and cells to assistive technology;
 * the paged lists have no axe violations at 320 and 1280 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, browserSession, describeViolations } from '../helpers/browser.ts';

const session = browserSession(inject('generatedSiteDir'));

/** Lists with wide tables: the case list, an organisation with money both ways, follow-ups, amounts left out. */
const LISTS = [
  '/arenden/sida/2/',
  '/organisationer/linkopings-kommun/',
  '/uppfoljning/',
  '/uppfoljning/forsenade/sida/2/',
  '/data/utelamnade-belopp/',
  '/organisationer/delegationen-mot-segregation/arenden/',
];

/** How far the page and each table's scrolling container reach past their width, in px (0 when nothing scrolls). */
function overflow(page: Page) {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    tables: Math.max(0, ...[...document.querySelectorAll('.table-wrap')].map((w) => w.scrollWidth - w.clientWidth)),
  }));
}

async function open(path: string, width: number): Promise<Page> {
  await session.page.setViewportSize({ width, height: 900 });
  const response = await session.page.goto(`${session.server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return session.page;
}

describe('tables at 1024 px', () => {
  it('the case list shows every row’s date and amount inside the viewport, without sideways scrolling', async () => {
    const page = await open('/arenden/sida/2/', 1024);
    expect(await overflow(page)).toEqual({ page: 0, tables: 0 });
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('tbody tr')].map((row) =>
        ['Datum', 'Belopp'].map((label) => {
          const box = row.querySelector(`td[data-label="${label}"]`)!.getBoundingClientRect();
          return { label, left: box.left, right: box.right, width: box.width };
        }),
      ),
    );
    expect(cells).toHaveLength(100);
    for (const cell of cells.flat()) {
      expect(cell.width, cell.label).toBeGreaterThan(0);
      expect(cell.left, cell.label).toBeGreaterThanOrEqual(0);
      expect(cell.right, cell.label).toBeLessThanOrEqual(1024);
    }
    // Playwright's own box of the first row's cells agrees.
    for (const label of ['Datum', 'Belopp']) {
      const box = await page.locator(`tbody tr >> nth=0 >> td[data-label="${label}"]`).boundingBox();
      expect(box!.x + box!.width, label).toBeLessThanOrEqual(1024);
    }
  });

  for (const path of LISTS.slice(1)) {
    it(`${path} scrolls nothing sideways`, async () => {
      expect(await overflow(await open(path, 1024))).toEqual({ page: 0, tables: 0 });
    });
  }
});

describe('tables on a phone (390 px)', () => {
  it('shows a case as a stacked record: title first, then each fact under its column’s name', async () => {
    const page = await open('/arenden/sida/2/', 390);
    expect(await overflow(page)).toEqual({ page: 0, tables: 0 });
    const row = await page.evaluate(() => {
      const tr = document.querySelector('tbody tr')!;
      const title = tr.querySelector('th')!.getBoundingClientRect();
      const cells = [...tr.querySelectorAll('td')].map((td) => ({
        label: getComputedStyle(td, '::before').content,
        top: td.getBoundingClientRect().top,
        left: td.getBoundingClientRect().left,
        right: td.getBoundingClientRect().right,
      }));
      const header = document.querySelector('thead')!.getBoundingClientRect();
      return { titleBottom: title.bottom, cells, headerHeight: header.height };
    });
    expect(row.cells.map((c) => c.label)).toEqual(['"Typ och status"', '"Datum"', '"Period"', '"Belopp"']);
    // One below the other, under the title, inside the viewport.
    for (const [i, cell] of row.cells.entries()) {
      expect(cell.top).toBeGreaterThanOrEqual(i === 0 ? row.titleBottom - 1 : row.cells[i - 1]!.top + 1);
      expect(cell.left).toBeGreaterThanOrEqual(0);
      expect(cell.right).toBeLessThanOrEqual(390);
    }
    // The column headers are hidden visually (each cell names its column).
    expect(row.headerHeight).toBeLessThanOrEqual(1);
  });

  it('keeps the table’s rows, cells and headers for assistive technology', async () => {
    const page = await open('/arenden/sida/2/', 390);
    const cdp = await page.context().newCDPSession(page);
    try {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { role?: { value?: string }; ignored?: boolean }[];
      };
      const count = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role).length;
      expect(count('table')).toBe(1);
      expect(count('row')).toBe(101);
      expect(count('columnheader')).toBe(5);
      expect(count('rowheader')).toBe(100);
      expect(count('cell')).toBe(400);
    } finally {
      await cdp.detach();
    }
  });

  for (const path of LISTS.slice(1)) {
    it(`${path} scrolls nothing sideways`, async () => {
      expect(await overflow(await open(path, 390))).toEqual({ page: 0, tables: 0 });
    });
  }
});

describe('the paged lists in Chromium', () => {
  for (const path of [
    '/uppfoljning/',
    '/uppfoljning/forsenade/sida/2/',
    '/data/utelamnade-belopp/sida/2/',
    '/organisationer/forsakringskassan/forsenade/',
  ]) {
    for (const width of [1280, 320]) {
      it(`${path} has no axe violations at ${width} px`, async () => {
        await open(path, width);
        const violations = await axeViolations(session.page);
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }
  }
});
