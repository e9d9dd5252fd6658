/**
 * /data/ in real Chromium: axe-core finds no violations, at desktop width
 * and at 320 px (the tables turn into cards), no horizontal scrolling at
 * 320 px, and the downloads are served.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations, launchChromium } from '../helpers/browser.ts';
import { type StaticServer, serve } from '../helpers/server.ts';

const dir = inject('siteDir');
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

describe('/data/ in Chromium', () => {
  for (const width of [1280, 320]) {
    it(`has no axe violations at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 900 });
      const response = await page.goto(`${server.url}/data/`);
      expect(response?.status()).toBe(200);
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }

  it('does not scroll sideways at 320 px', async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(`${server.url}/data/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('serves every download it links', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/data/`);
    const hrefs = await page.$$eval('#filer ~ .table-wrap a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThanOrEqual(10);
    for (const href of hrefs) {
      const res = await page.request.get(server.url + href);
      expect(res.status(), href).toBe(200);
    }
  });
});
