/**
 * Tables that fit their reader, in Chromium, on the generated fixture site
 * (230 cases): at 1024 px the case list shows its date and amount cells
 * inside the viewport with nothing scrolling sideways, and so do the other
 * lists (an organisation's cases and money flows, follow-ups, amounts left
 * out of 360Giving); at 375 px a row is a stacked record with its column
 * names shown, still a table with rows, headers and cells in Chromium's
 * accessibility tree, as at desktop width. The paged lists' axe check is in
 * paged-lists.test.ts, so the two files run side by side.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from '../helpers/browser.ts';

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

/** The phone width the stacked tables are checked at. */
const PHONE = 375;

/** A table as assistive technology gets it: its name, then each row as `role "name"` per cell. */
interface TableTree {
  name: string;
  rows: string[][];
}

interface AXNode {
  nodeId: string;
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  childIds?: string[];
}

const CELL_ROLES = ['columnheader', 'rowheader', 'cell'];

/**
 * Every table in Chromium's accessibility tree (CDP `Accessibility.getFullAXTree`), in
 * document order: its tree and how many nodes of each row and cell role it holds.
 */
async function axTables(page: Page): Promise<{ tree: TableTree; roles: Record<string, number> }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const children = (n: AXNode) => (n.childIds ?? []).map((id) => byId.get(id)).filter((c) => c !== undefined);
    const role = (n: AXNode) => (n.ignored ? undefined : n.role?.value);
    const name = (n: AXNode) => (n.name?.value ?? '').replace(/\s+/g, ' ').trim();
    /** The nearest descendants with one of `roles`, looking through the nodes in between. */
    const below = (n: AXNode, roles: string[]): AXNode[] =>
      children(n).flatMap((c) => (roles.includes(role(c) ?? '') ? [c] : below(c, roles)));
    const tables: AXNode[] = [];
    const find = (n: AXNode) => (role(n) === 'table' ? tables.push(n) : children(n).forEach(find));
    find(nodes[0]!);
    return tables.map((table) => {
      const rows = below(table, ['row']).map((row) => below(row, CELL_ROLES).map((c) => `${role(c)} "${name(c)}"`));
      const roles: Record<string, number> = { row: rows.length };
      for (const cell of rows.flat()) {
        const r = cell.slice(0, cell.indexOf(' '));
        roles[r] = (roles[r] ?? 0) + 1;
      }
      return { tree: { name: name(table), rows }, roles };
    });
  } finally {
    await cdp.detach();
  }
}

/**
 * What `axTables` should find, read from the DOM: each table's caption, and per row its
 * header cells (`th scope=col` a column header, `th scope=row` a row header) and data
 * cells, named by their rendered text; on a phone (`labelled`) a cell's name starts with
 * its column's name, which CSS shows before the value. `stacked`: the rows are laid out
 * as blocks, not as a table's rows.
 */
function domTables(page: Page, labelled: boolean): Promise<{ tree: TableTree; stacked: boolean }[]> {
  return page.evaluate((labelled) => {
    const text = (e: HTMLElement) => e.innerText.replace(/\s+/g, ' ').trim();
    return [...document.querySelectorAll('table')].map((table) => ({
      stacked: getComputedStyle(table.querySelector('tr')!).display !== 'table-row',
      tree: {
        name: text(table.querySelector('caption')!),
        rows: [...table.querySelectorAll('tr')].map((tr) =>
          [...tr.querySelectorAll<HTMLElement>('th, td')].map((cell) => {
            if (cell.tagName === 'TH')
              return `${cell.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader'} "${text(cell)}"`;
            const label = labelled && cell.dataset['label'] ? `${cell.dataset['label']} ` : '';
            return `cell "${label}${text(cell)}"`;
          }),
        ),
      },
    }));
  }, labelled);
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

describe(`tables on a phone (${PHONE} px)`, () => {
  it('shows a case as a stacked record: title first, then each fact under its column’s name', async () => {
    const page = await open('/arenden/sida/2/', PHONE);
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
      expect(cell.right).toBeLessThanOrEqual(PHONE);
    }
    // The column headers are hidden visually (each cell names its column).
    expect(row.headerHeight).toBeLessThanOrEqual(1);
  });

  it('keeps the case list’s rows, cells and headers for assistive technology', async () => {
    const page = await open('/arenden/sida/2/', PHONE);
    const [table] = await axTables(page);
    expect(table!.roles).toEqual({ row: 101, columnheader: 5, rowheader: 100, cell: 400 });
  });

  // Chromium's own accessibility tree (CDP), not the DOM: the stacked layout changes only
  // the CSS display of a native table without ARIA roles, so each table must still come
  // out as a table named by its caption, with rows of column headers, row headers and
  // cells named by their text, as at desktop width.
  for (const path of [...LISTS, '/organisationer/', '/statistik/', '/utfall/', '/data/']) {
    it(`${path}: every stacked table is still a table with named headers and cells`, async () => {
      const page = await open(path, PHONE);
      const expected = await domTables(page, true);
      expect(expected.length, 'stacked tables on the page').toBeGreaterThan(0);
      expect(expected.every((t) => t.stacked)).toBe(true);
      expect((await axTables(page)).map((t) => t.tree)).toEqual(expected.map((t) => t.tree));
      // At desktop width (the same page, laid out again) the same tree, the cells named by their values alone.
      await page.setViewportSize({ width: 1280, height: 900 });
      const desktop = page;
      expect((await domTables(desktop, false)).every((t) => !t.stacked)).toBe(true);
      expect((await axTables(desktop)).map((t) => t.tree)).toEqual(
        (await domTables(desktop, false)).map((t) => t.tree),
      );
    });
  }

  for (const path of LISTS.slice(1)) {
    it(`${path} scrolls nothing sideways`, async () => {
      expect(await overflow(await open(path, PHONE))).toEqual({ page: 0, tables: 0 });
    });
  }
});
