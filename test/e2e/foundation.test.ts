/**
 * The built real site in real Chromium: axe-core finds no violations on the
 * start page, the list, every case page, the about page and the 404 page;
 * keyboard users can skip to the content; pages reflow at 320 px and at
 * 200 % zoom; print hides navigation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations, launchChromium } from '../helpers/browser.ts';
import { type StaticServer, serve } from '../helpers/server.ts';
import { listFiles } from '../helpers/site.ts';

const dir = inject('siteDir');
const casePages = listFiles(dir)
  .filter((f) => /^arenden\/[^/]+\/index\.html$/.test(f))
  .map((f) => `/${f.replace(/index\.html$/, '')}`);
const PAGES = ['/', '/arenden/', ...casePages, '/om/', '/finns-inte/'];

let browser: Browser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serve(dir)]);
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('accessibility with axe-core in Chromium', () => {
  it('covers every case page', () => {
    expect(casePages.length).toBeGreaterThanOrEqual(5);
  });
  for (const path of PAGES) {
    it(`finds no violations on ${path}`, async () => {
      const response = await page.goto(server.url + path);
      expect(response?.status()).toBe(path === '/finns-inte/' ? 404 : 200);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }
  it('finds no violations at 320 px, where wide tables scroll', async () => {
    const phone = await browser.newPage({ viewport: { width: 320, height: 800 } });
    for (const path of PAGES) {
      await phone.goto(server.url + path);
      const violations = await axeViolations(phone);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    await phone.close();
  });
});

describe('keyboard and layout', () => {
  it('lets keyboard users skip to the content', async () => {
    await page.goto(`${server.url}/arenden/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, left: document.activeElement?.getBoundingClientRect().left }));
    expect(focused.text).toBe('Hoppa till innehållet');
    expect(focused.left).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('innehall');
  });

  it('shows a visible focus indicator on links', async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const cs = getComputedStyle(el);
      return { tag: el.tagName, outline: cs.outlineStyle, shadow: cs.boxShadow, background: cs.backgroundColor };
    });
    expect(style.tag).toBe('A');
    expect(style.background === 'rgb(255, 221, 0)' || style.outline !== 'none').toBe(true);
  });

  for (const width of [320, 640]) {
    it(`reflows without sideways scrolling at ${width} px (${width === 640 ? '200 % zoom of 1280 px' : 'phone'})`, async () => {
      await page.setViewportSize({ width, height: 800 });
      for (const path of ['/', '/arenden/', casePages[0]!, '/om/']) {
        await page.goto(server.url + path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    });
  }

  it('shows the case list as labelled cards on a phone', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${server.url}/arenden/`);
    const label = await page.evaluate(() => {
      const cell = document.querySelector('td[data-label="Organisation"]');
      return cell ? getComputedStyle(cell, '::before').content : null;
    });
    expect(label).toBe('"Organisation: "');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('hides navigation and search when printed', async () => {
    await page.goto(server.url + casePages[0]!);
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.site-nav')!).display,
      search: getComputedStyle(document.querySelector('.header-search')!).display,
      main: getComputedStyle(document.querySelector('main')!).display,
    }));
    await page.emulateMedia({ media: 'screen' });
    expect(visible).toEqual({ nav: 'none', search: 'none', main: 'block' });
  });

  it('loads no script on case pages', async () => {
    const scripts: string[] = [];
    const listener = (req: { resourceType: () => string; url: () => string }) => {
      if (req.resourceType() === 'script') scripts.push(req.url());
    };
    page.on('request', listener);
    await page.goto(server.url + casePages[0]!);
    page.off('request', listener);
    expect(scripts).toEqual([]);
  });
});
