/**
 * Paging through many hits, in Chromium, on the generated fixture site (230
 * cases, built once in global setup, test/helpers/shared-sites.ts): ten per
 * page, the page in the URL, focus moved to the results heading, back
 * returns to the previous page, the last page has no next link; sorting by
 * amount keeps cases without an amount after all others in both directions.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, browserSession, describeViolations } from '../helpers/browser.ts';
import { GENERATED } from '../helpers/shared-sites.ts';

const CASES = GENERATED.count;
const PAGES = Math.ceil(CASES / 10);
const session = browserSession(inject('generatedSiteDir'));

/** "Visar 11–20." for page 2. */
const range = (page: number) => `${(page - 1) * 10 + 1}–${Math.min(page * 10, CASES)}`;
const status = () => session.page.locator('#sok-status').textContent();
const waitStatus = (text: string) =>
  session.page.waitForFunction((t) => document.getElementById('sok-status')?.textContent === t, text);
/** The hits shown, by address (generated titles repeat, addresses do not). */
const hits = () => session.page.$$eval('#sok-traffar h3 a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
const next = () => session.page.getByRole('link', { name: 'Nästa sida' });

describe('paging through hits', () => {
  it('shows ten per page, keeps the page in the URL and moves focus to the results', async () => {
    const page = session.page;
    expect(PAGES).toBe(23);
    await page.goto(`${session.server.url}/sok/`);
    await waitStatus(`${CASES} träffar. Visar 1–10.`);
    const first = await hits();
    expect(first).toHaveLength(10);
    expect(await page.locator('#sok-sidor').innerText()).toContain(`Sida 1 av ${PAGES}`);

    await next().click();
    await waitStatus(`${CASES} träffar. Visar 11–20.`);
    expect(new URL(page.url()).searchParams.get('sida')).toBe('2');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sok-resultat-rubrik');
    expect(await page.locator('#sok-traffar').getAttribute('start')).toBe('11');
    const second = await hits();
    expect(second.some((t) => first.includes(t))).toBe(false);

    await next().click();
    await waitStatus(`${CASES} träffar. Visar 21–30.`);
    expect(await page.getByRole('link', { name: 'Föregående sida' }).count()).toBe(1);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await page.goBack();
    await waitStatus(`${CASES} träffar. Visar 11–20.`);
    expect(await hits()).toEqual(second);
  });

  it('shows the rest on the last page, with no next link', async () => {
    await session.page.goto(`${session.server.url}/sok/?sida=${PAGES}`);
    await waitStatus(`${CASES} träffar. Visar ${range(PAGES)}.`);
    expect(await hits()).toHaveLength(CASES - (PAGES - 1) * 10);
    expect(await session.page.locator('#sok-sidor').innerText()).toContain(`Sida ${PAGES} av ${PAGES}`);
    expect(await next().count()).toBe(0);
  });

  it('restores a page from the URL and goes back to page 1 when a filter changes', async () => {
    const page = session.page;
    await page.goto(`${session.server.url}/sok/?sida=3`);
    await waitStatus(`${CASES} träffar. Visar 21–30.`);
    const box = page.locator('#sok-filtergrupper input[name="typ"]').first();
    await box.check();
    await page.waitForFunction(
      () => !new URL(location.href).searchParams.has('sida') && location.search.includes('typ='),
    );
    // The URL changes first; the status follows when the filtered search has run
    // (fewer hits than before, shown from the first one).
    await page.waitForFunction((all) => {
      const text = document.getElementById('sok-status')?.textContent ?? '';
      return /träff/.test(text) && !text.startsWith(`${all} träffar`);
    }, CASES);
    expect(await status()).not.toContain('Visar 21');
  });

  it('sorts by amount with the cases without an amount last both ways', async () => {
    const amountsOf = async () => session.page.$$eval('#sok-traffar .meta', (ms) => ms.map((m) => m.textContent ?? ''));
    for (const sort of ['belopp-hogst', 'belopp-lagst']) {
      const seen: string[] = [];
      await session.page.goto(`${session.server.url}/sok/?sortering=${sort}`);
      await waitStatus(`${CASES} träffar. Visar 1–10.`);
      seen.push(...(await amountsOf()));
      for (let page = 2; page <= PAGES; page++) {
        await next().click();
        await waitStatus(`${CASES} träffar. Visar ${range(page)}.`);
        seen.push(...(await amountsOf()));
      }
      expect(seen, sort).toHaveLength(CASES);
      const unknown = seen.map((m) => m.endsWith('belopp ej angivet'));
      const firstUnknown = unknown.indexOf(true);
      expect(firstUnknown, sort).toBeGreaterThan(0);
      expect(unknown.slice(firstUnknown).every(Boolean), `${sort}: ${seen.join(' | ')}`).toBe(true);
    }
  });
});
