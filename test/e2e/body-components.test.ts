/**
 * Case bodies with every component (the configured fixture site: the
 * open-data fixture, built under the base path /insyn/) in real Chromium:
 * axe-core finds no violations on the page whose body quotes a document,
 * corrects itself and links to other cases, nor on the page that lists the
 * cases linking to it.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, browserSession, describeViolations } from '../helpers/browser.ts';

// The site is built for /insyn/: serve a folder in which it lives under that name.
const root = mkdtempSync(join(tmpdir(), 'insyn-base-'));
symlinkSync(inject('configuredSiteDir'), join(root, 'insyn'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const session = browserSession(root);

describe('a case body with every component, in Chromium', () => {
  it.each(['/insyn/arenden/beslut-med-orgnr/', '/insyn/arenden/avslag/'])(
    'has no axe violations on %s',
    async (path) => {
      await session.page.goto(`${session.server.url}${path}`);
      const stylesheets = await session.page.evaluate(() => document.styleSheets.length);
      expect(stylesheets, 'the site stylesheet loads under the base path').toBeGreaterThan(0);
      const violations = await axeViolations(session.page);
      expect(violations, describeViolations(violations)).toEqual([]);
    },
  );

  it('shows the correction first and follows the link to the other case', async () => {
    await session.page.goto(`${session.server.url}/insyn/arenden/beslut-med-orgnr/`);
    const headings = await session.page.locator('h2').allTextContents();
    expect(headings[0]).toBe('Rättelse');
    await session.page.getByRole('link', { name: 'avslaget på ansökan' }).click();
    await session.page.waitForURL(/\/insyn\/arenden\/avslag\/$/);
    expect(await session.page.locator('#hanvisningar + ul a').allTextContents()).toEqual([
      'Jobb & "framtid", steg 1 <pilot>',
    ]);
  });
});
