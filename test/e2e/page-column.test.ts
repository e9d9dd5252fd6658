/**
 * One column for the header, the main menu and the content, in Chromium on the
 * seed fixture site: on text pages (66rem) and list pages (`wide`, 80rem) alike,
 * the site name, the first link of the main menu and the page's heading start at
 * the same x, at 1280 px and on a phone (375 px), where nothing scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from '../helpers/browser.ts';

const session = browserSession(inject('siteDir'));

/** The start page, a case page, the search page, the case list and an organisation page (both lists are `wide`). */
const PAGES = ['/', '/arenden/en-vag-in-steget-vidare/', '/sok/', '/arenden/', '/organisationer/linkopings-kommun/'];

/** Left edges in px of the site name, the main menu's first link and the h1, and how far the page scrolls sideways. */
function edges(page: Page) {
  return page.evaluate(() => {
    const left = (selector: string) => {
      const element = document.querySelector(selector);
      return element ? Math.round(element.getBoundingClientRect().left * 10) / 10 : null;
    };
    return {
      siteName: left('.site-header .site-name'),
      menu: left('nav[aria-label="Huvudmeny"] a'),
      h1: left('main h1'),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

async function open(path: string, width: number): Promise<Page> {
  await session.page.setViewportSize({ width, height: 900 });
  const response = await session.page.goto(`${session.server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return session.page;
}

describe.each([1280, 375])('the page’s column at %i px', (width) => {
  for (const path of PAGES) {
    it(`${path}: the site name, the main menu and the heading start at the same x`, async () => {
      const { siteName, menu, h1, overflow } = await edges(await open(path, width));
      expect(siteName, 'the site name').not.toBeNull();
      expect({ menu, h1 }).toEqual({ menu: siteName, h1: siteName });
      expect(overflow, 'sideways scrolling').toBe(0);
    });
  }
});
