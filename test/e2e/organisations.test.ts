/**
 * The organisation, body, tracker, statistics, outcomes and case history
 * pages and an embed page of the seed fixture site in real Chromium: axe-core finds no
 * violations at desktop width and at 320 px, nothing scrolls sideways at
 * 320 px, and the charts are exposed as images with names.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations, browserSession } from '../helpers/browser.ts';

const dir = inject('siteDir');

const PAGES = [
  '/organisationer/',
  '/organisationer/linkopings-kommun/',
  '/organisationer/linkopings-kommun/arbetsmarknadsnamnden/',
  '/uppfoljning/',
  '/statistik/',
  '/utfall/',
  '/utfall/linkopings-kommun/',
  '/inbaddning/linkopings-kommun/',
];
/** A case page, for its change history. */
const CASE_PAGE = '/arenden/linkstep-stangastaden-2020/';

const session = browserSession(dir);

describe('organisation, tracker, statistics and outcomes pages in Chromium', () => {
  for (const path of PAGES) {
    for (const width of [1280, 320]) {
      it(`${path} has no axe violations at ${width} px`, async () => {
        await session.page.setViewportSize({ width, height: 900 });
        const response = await session.page.goto(`${session.server.url}${path}`);
        expect(response?.status()).toBe(200);
        const violations = await axeViolations(session.page);
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }
    it(`${path} does not scroll sideways at 320 px`, async () => {
      await session.page.setViewportSize({ width: 320, height: 900 });
      await session.page.goto(`${session.server.url}${path}`);
      const overflow = await session.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  for (const width of [1280, 320]) {
    it(`${CASE_PAGE} with its change history has no axe violations at ${width} px`, async () => {
      await session.page.setViewportSize({ width, height: 900 });
      await session.page.goto(`${session.server.url}${CASE_PAGE}`);
      await expect(session.page.getByRole('heading', { name: 'Ändringshistorik' }).count()).resolves.toBe(1);
      const violations = await axeViolations(session.page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }

  it('exposes each chart as a named image', async () => {
    await session.page.setViewportSize({ width: 1280, height: 900 });
    await session.page.goto(`${session.server.url}/statistik/`);
    const names = await session.page
      .getByRole('img')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')));
    expect(names).toHaveLength(5);
    await expect(session.page.getByRole('img', { name: /Angivna belopp per år/ }).count()).resolves.toBe(1);
  });

  it('filters outcomes by organisation without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await context.newPage();
      await p.goto(`${session.server.url}/utfall/`);
      await p.getByRole('link', { name: 'Linköpings kommun' }).click();
      expect(new URL(p.url()).pathname).toBe('/utfall/linkopings-kommun/');
      await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Mål och utfall: Linköpings kommun',
      );
    } finally {
      await context.close();
    }
  });
});
