/**
 * /data/ in real Chromium: axe-core finds no violations, at desktop width
 * and at 320 px (the tables turn into cards), no horizontal scrolling at
 * 320 px, and the downloads are served.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations, browserSession } from '../helpers/browser.ts';

const dir = inject('siteDir');

const session = browserSession(dir);

describe('/data/ in Chromium', () => {
  for (const width of [1280, 320]) {
    it(`has no axe violations at ${width} px`, async () => {
      await session.page.setViewportSize({ width, height: 900 });
      const response = await session.page.goto(`${session.server.url}/data/`);
      expect(response?.status()).toBe(200);
      const violations = await axeViolations(session.page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }

  it('does not scroll sideways at 320 px', async () => {
    await session.page.setViewportSize({ width: 320, height: 900 });
    await session.page.goto(`${session.server.url}/data/`);
    const overflow = await session.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('serves every download it links', async () => {
    await session.page.setViewportSize({ width: 1280, height: 900 });
    await session.page.goto(`${session.server.url}/data/`);
    const hrefs = await session.page.$$eval('#filer ~ .table-wrap a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThanOrEqual(10);
    for (const href of hrefs) {
      const res = await session.page.request.get(session.server.url + href);
      expect(res.status(), href).toBe(200);
    }
  });
});
