/**
 * Paging through many hits, in Chromium, on the generated fixture site (230
 * cases, built once in global setup, test/helpers/shared-sites.ts): ten per
 * page, the page in the URL, focus moved to the results heading, back
 * returns to the previous page, the last page has no next link; sorting by
 * amount keeps cases without an amount after all others in both directions,
 * on screen and in the download of the hits.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, browserSession, describeViolations, downloadText } from '../helpers/browser.ts';
import { GENERATED } from '../helpers/shared-sites.ts';

const CASES = GENERATED.count;
const PAGES = Math.ceil(CASES / 10);
const session = browserSession(inject('generatedSiteDir'));

/** "Visar 11–20." for page 2. */
const range = (page: number) => `${(page - 1) * 10 + 1}–${Math.min(page * 10, CASES)}`;
const status = () => session.page.locator('#sok-status').textContent();
/** Waits until the script has shown a search (the first page is in the HTML already) and announced `text`. */
const waitStatus = (text: string) =>
  session.page.waitForFunction(
    (t) =>
      (document.getElementById('sok-resultat')?.dataset['run'] ?? '0') !== '0' &&
      document.getElementById('sok-status')?.textContent === t,
    text,
  );
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

  it("loads the next page's hits once a page shows, so the next page needs no request", async () => {
    const page = session.page;
    // Newest first, the table's own order: a page's hits are in one or two chunks of rows.
    await page.goto(`${session.server.url}/sok/`);
    await waitStatus(`${CASES} träffar. Visar 1–10.`);
    await next().click();
    await waitStatus(`${CASES} träffar. Visar 11–20.`);
    await page.waitForLoadState('networkidle');
    // From here on no display row can be fetched: page 3 shows from what page 2 loaded.
    await page.route('**/sok/rader/**', (route) => route.abort());
    try {
      await next().click();
      await waitStatus(`${CASES} träffar. Visar 21–30.`);
      expect(await hits()).toHaveLength(10);
    } finally {
      await page.unroute('**/sok/rader/**');
    }
  });

  it("says so when a page's hits cannot be loaded, and links to every case", async () => {
    const page = session.page;
    await page.goto(`${session.server.url}/sok/?sortering=belopp-hogst`);
    await waitStatus(`${CASES} träffar. Visar 1–10.`);
    await page.waitForLoadState('networkidle');
    await page.route('**/sok/rader/**', (route) => route.abort());
    try {
      await page.goto(`${session.server.url}/sok/?sortering=belopp-lagst&sida=5`);
      await expect
        .poll(() => page.locator('#sok-meddelande').textContent(), { timeout: 15_000 })
        .toBe('Sökningen kunde inte laddas. Försök igen senare, eller bläddra bland alla ärenden.');
      expect(await page.locator('#sok-meddelande').isVisible()).toBe(true);
    } finally {
      await page.unroute('**/sok/rader/**');
    }
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

  it('sorts by amount with the cases without an amount last both ways, on screen and in the download', async () => {
    const page = session.page;
    type Hit = { slug: string; funding?: { amount?: number }[] };
    const largest = (c: Hit) => Math.max(-1, ...(c.funding ?? []).map((f) => f.amount ?? -1));
    for (const sort of ['belopp-hogst', 'belopp-lagst']) {
      await page.goto(`${session.server.url}/sok/?sortering=${sort}`);
      await waitStatus(`${CASES} träffar. Visar 1–10.`);
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#sok-ladda-json').click()]);
      const json = JSON.parse(await downloadText(file)) as { count: number; cases: Hit[] };
      expect(json.count, sort).toBe(CASES);
      expect(new Set(json.cases.map((c) => c.slug)).size).toBe(CASES);
      const amounts = json.cases.map(largest);
      const firstUnknown = amounts.indexOf(-1);
      expect(firstUnknown, sort).toBeGreaterThan(0);
      expect(
        amounts.slice(firstUnknown).every((a) => a === -1),
        sort,
      ).toBe(true);
      const known = amounts.slice(0, firstUnknown);
      const sorted = [...known].sort((a, b) => (sort === 'belopp-hogst' ? b - a : a - b));
      expect(known, sort).toEqual(sorted);
      // The screen shows the download's first ten, and says how many have no amount.
      expect((await hits()).map((h) => h.split('/').at(-2))).toEqual(json.cases.slice(0, 10).map((c) => c.slug));
      expect(await page.locator('#sok-utan-belopp').textContent()).toBe(
        `${amounts.length - firstUnknown} träffar saknar angivet belopp och visas sist.`,
      );
    }
  });
});
