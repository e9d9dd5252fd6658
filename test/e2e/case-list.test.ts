/**
 * A middle page of the case list in pages (the generated fixture site, 230
 * cases; its HTML is asserted in test/build/case-list.test.ts) has no axe
 * violations in Chromium, at desktop width and at 320 px.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, browserSession, describeViolations } from '../helpers/browser.ts';

const session = browserSession(inject('generatedSiteDir'));

describe('the case list in pages, in Chromium', () => {
  for (const width of [1280, 320]) {
    it(`has no axe violations on a middle page at ${width} px`, async () => {
      await session.page.setViewportSize({ width, height: 900 });
      await session.page.goto(`${session.server.url}/arenden/sida/2/`);
      const violations = await axeViolations(session.page);
      expect(violations, describeViolations(violations)).toEqual([]);
    });
  }
});
