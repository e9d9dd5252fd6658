/**
 * The seed fixture site in real Chromium: axe-core finds no violations on
 * the start page, the list, every case page, the about page and the 404
 * page; keyboard users can skip to the content and see the site's own focus
 * indicator; pages reflow at 320 px and at 200 % zoom; print hides navigation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations, browserSession } from '../helpers/browser.ts';
import { listFiles } from '../helpers/site.ts';

const dir = inject('siteDir');
const casePages = listFiles(dir)
  .filter((f) => /^arenden\/[^/]+\/index\.html$/.test(f))
  .map((f) => `/${f.replace(/index\.html$/, '')}`);
const PAGES = ['/', '/arenden/', ...casePages, '/om/', '/las-ett-arende/', '/finns-inte/'];

const session = browserSession(dir);

/** Presses Tab until the focused element matches `selector` (at most `max` times); returns how many presses it took. */
async function tabTo(page: Page, selector: string, max = 20): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  throw new Error(`${selector} fick inte fokus efter ${max} tryck på Tab`);
}

/** The focused element's tag and the computed styles a focus indicator is made of. */
const focusStyle = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    return {
      tag: el.tagName,
      outline: cs.outlineStyle === 'none' ? 'none' : `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
      shadow: cs.boxShadow,
      background: cs.backgroundColor,
      color: cs.color,
    };
  });

describe('accessibility with axe-core in Chromium', () => {
  it('covers every case page', () => {
    expect(casePages).toHaveLength(5);
  });
  for (const path of PAGES) {
    it(`finds no violations on ${path}`, async () => {
      const response = await session.page.goto(session.server.url + path);
      expect(response?.status()).toBe(path === '/finns-inte/' ? 404 : 200);
      const violations = await axeViolations(session.page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }
  it('finds no violations at 320 px, where wide tables scroll', async () => {
    const phone = await session.browser.newPage({ viewport: { width: 320, height: 800 } });
    try {
      for (const path of PAGES) {
        await phone.goto(session.server.url + path);
        const violations = await axeViolations(phone);
        expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
      }
    } finally {
      await phone.close();
    }
  });
});

describe('keyboard and layout', () => {
  it('lets keyboard users skip to the content', async () => {
    await session.page.goto(`${session.server.url}/arenden/`);
    await session.page.keyboard.press('Tab');
    const focused = await session.page.evaluate(() => ({
      text: document.activeElement?.textContent,
      left: document.activeElement?.getBoundingClientRect().left,
    }));
    expect(focused.text).toBe('Hoppa till innehållet');
    expect(focused.left).toBeGreaterThanOrEqual(0);
    await session.page.keyboard.press('Enter');
    expect(await session.page.evaluate(() => document.activeElement?.id)).toBe('innehall');
  });

  // Chromium's own indicator (outline: auto, no background, no shadow) would pass
  // a test that only asks for "some outline"; these are the site's, from
  // :focus-visible and a:focus-visible in src/styles/global.css.
  it('shows the site’s own focus indicator on links: yellow background, dark bar below, no outline', async () => {
    await session.page.goto(`${session.server.url}/`);
    expect(await tabTo(session.page, 'a.site-name')).toBe(2);
    expect(await focusStyle(session.page)).toEqual({
      tag: 'A',
      outline: 'none',
      shadow: 'rgb(11, 12, 12) 0px 4px 0px 0px',
      background: 'rgb(255, 221, 0)',
      color: 'rgb(11, 12, 12)',
    });
  });

  it('shows the site’s own focus indicator on form fields: a 3 px yellow outline in a dark ring', async () => {
    await session.page.goto(`${session.server.url}/`);
    await tabTo(session.page, '#sidsok');
    const style = await focusStyle(session.page);
    expect(style.tag).toBe('INPUT');
    expect(style.outline).toBe('solid 3px rgb(255, 221, 0)');
    expect(style.shadow).toBe('rgb(11, 12, 12) 0px 0px 0px 6px');
  });

  for (const width of [320, 640]) {
    it(`reflows without sideways scrolling at ${width} px (${width === 640 ? '200 % zoom of 1280 px' : 'phone'})`, async () => {
      await session.page.setViewportSize({ width, height: 800 });
      for (const path of ['/', '/arenden/', casePages[0]!, '/om/']) {
        await session.page.goto(session.server.url + path);
        const overflow = await session.page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
    });
  }

  it('shows the case list as labelled cards on a phone', async () => {
    await session.page.setViewportSize({ width: 320, height: 800 });
    await session.page.goto(`${session.server.url}/arenden/`);
    const label = await session.page.evaluate(() => {
      const cell = document.querySelector('td[data-label="Belopp"]');
      return cell ? getComputedStyle(cell, '::before').content : null;
    });
    expect(label).toBe('"Belopp"');
  });

  it('hides navigation and search when printed', async () => {
    await session.page.goto(session.server.url + casePages[0]!);
    await session.page.emulateMedia({ media: 'print' });
    const visible = await session.page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.site-nav')!).display,
      search: getComputedStyle(document.querySelector('.header-search')!).display,
      main: getComputedStyle(document.querySelector('main')!).display,
    }));
    expect(visible).toEqual({ nav: 'none', search: 'none', main: 'block' });
  });

  it('loads no script on case pages', async () => {
    const scripts: string[] = [];
    const listener = (req: { resourceType: () => string; url: () => string }) => {
      if (req.resourceType() === 'script') scripts.push(req.url());
    };
    session.page.on('request', listener);
    try {
      await session.page.goto(session.server.url + casePages[0]!);
    } finally {
      session.page.off('request', listener);
    }
    expect(scripts).toEqual([]);
  });
});
