/**
 * Paging through many hits, in Chromium, on a fixture site of 23 generated
 * cases: ten per page, the page in the URL, focus moved to the results
 * heading, back returns to the previous page; sorting by amount keeps
 * cases without an amount after all others in both directions.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../src/tools/bench/generator.ts';
import { axeViolations, describeViolations, launchChromium } from '../helpers/browser.ts';
import { type StaticServer, serve } from '../../src/tools/static-server.ts';
import { buildSite, ROOT } from '../helpers/site.ts';

const CASES = 23;
const fixture = `test/fixtures/.tmp-search-${process.pid}`;
let browser: Browser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  for (const c of generateCases(CASES, 7)) {
    const file = join(ROOT, fixture, 'cases', c.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, c.source);
  }
  // Output inside the repository: Astro puts its prerender files next to an
  // output dir under the working directory, but shares <root>/.astro/ for
  // every output dir outside it, so parallel builds there can collide.
  const site = await buildSite({ cases: `${fixture}/cases`, outDir: join(ROOT, fixture, 'dist') });
  if (!site.ok) throw new Error(site.output);
  [browser, server] = await Promise.all([launchChromium(), serve(site.outDir)]);
  page = await browser.newPage();
});
afterAll(async () => {
  rmSync(join(ROOT, fixture), { recursive: true, force: true });
  await browser?.close();
  await server?.close();
});

const status = () => page.locator('#sok-status').textContent();
const waitStatus = (text: string) => page.waitForFunction((t) => document.getElementById('sok-status')?.textContent === t, text);
const titles = () => page.$$eval('#sok-traffar h3 a', (as) => as.map((a) => a.textContent ?? ''));

describe('paging through hits', () => {
  it('shows ten per page, keeps the page in the URL and moves focus to the results', async () => {
    await page.goto(`${server.url}/sok/`);
    await waitStatus(`${CASES} träffar. Visar 1–10.`);
    const first = await titles();
    expect(first).toHaveLength(10);
    expect(await page.locator('#sok-sidor').innerText()).toContain('Sida 1 av 3');

    await page.getByRole('link', { name: 'Nästa sida' }).click();
    await waitStatus(`${CASES} träffar. Visar 11–20.`);
    expect(new URL(page.url()).searchParams.get('sida')).toBe('2');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sok-resultat-rubrik');
    expect(await page.locator('#sok-traffar').getAttribute('start')).toBe('11');
    const second = await titles();
    expect(second.some((t) => first.includes(t))).toBe(false);

    await page.getByRole('link', { name: 'Nästa sida' }).click();
    await waitStatus(`${CASES} träffar. Visar 21–23.`);
    expect(await page.getByRole('link', { name: 'Nästa sida' }).count()).toBe(0);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await page.goBack();
    await waitStatus(`${CASES} träffar. Visar 11–20.`);
    expect(await titles()).toEqual(second);
  });

  it('restores a page from the URL and goes back to page 1 when a filter changes', async () => {
    await page.goto(`${server.url}/sok/?sida=3`);
    await waitStatus(`${CASES} träffar. Visar 21–23.`);
    const box = page.locator('#sok-filtergrupper input[name="typ"]').first();
    await box.check();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('sida') && location.search.includes('typ='));
    // The URL changes first; the status follows when the filtered search has run
    // (fewer hits than before, shown from the first one).
    await page.waitForFunction((all) => {
      const text = document.getElementById('sok-status')?.textContent ?? '';
      return /träff/.test(text) && !text.startsWith(`${all} träffar`);
    }, CASES);
    expect(await status()).not.toContain('Visar 21');
  });

  it('sorts by amount with the cases without an amount last both ways', async () => {
    const amountsOf = async () => page.$$eval('#sok-traffar .meta', (ms) => ms.map((m) => m.textContent ?? ''));
    for (const sort of ['belopp-hogst', 'belopp-lagst']) {
      const seen: string[] = [];
      await page.goto(`${server.url}/sok/?sortering=${sort}`);
      await waitStatus(`${CASES} träffar. Visar 1–10.`);
      seen.push(...(await amountsOf()));
      for (const range of ['11–20', '21–23']) {
        await page.getByRole('link', { name: 'Nästa sida' }).click();
        await waitStatus(`${CASES} träffar. Visar ${range}.`);
        seen.push(...(await amountsOf()));
      }
      const unknown = seen.map((m) => m.endsWith('belopp ej angivet'));
      const firstUnknown = unknown.indexOf(true);
      expect(firstUnknown, sort).toBeGreaterThan(0);
      expect(unknown.slice(firstUnknown).every(Boolean), `${sort}: ${seen.join(' | ')}`).toBe(true);
    }
  });
});
