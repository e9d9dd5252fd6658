/**
 * The paged lists of the generated fixture site (230 cases) in Chromium: no axe
 * violations at 320 and 1280 px, on a first page and a later page of each kind of list.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, browserSession, describeViolations } from '../helpers/browser.ts';

const session = browserSession(inject('generatedSiteDir'));

describe('the paged lists in Chromium', () => {
  for (const path of [
    '/uppfoljning/',
    '/uppfoljning/forsenade/sida/2/',
    '/data/utelamnade-belopp/sida/2/',
    '/organisationer/forsakringskassan/forsenade/',
  ]) {
    for (const width of [1280, 320]) {
      it(`${path} has no axe violations at ${width} px`, async () => {
        await session.page.setViewportSize({ width, height: 900 });
        const response = await session.page.goto(`${session.server.url}${path}`);
        expect(response?.status(), path).toBe(200);
        const violations = await axeViolations(session.page);
        expect(violations, describeViolations(violations)).toEqual([]);
      });
    }
  }
});
