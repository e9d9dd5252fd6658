/**
 * The search page of the seed fixture site in real Chromium: inflected
 * Swedish words find the right case first, filters narrow the hits and go
 * into the URL, a copied URL restores the same search, back/forward replay
 * it, sorting keeps cases without an amount last, the header form leads
 * here, axe finds nothing with results shown, and without JavaScript the
 * page explains itself.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, describeViolations, browserSession } from '../helpers/browser.ts';

const dir = inject('siteDir');
const LINKSTEP = 'Stångåstaden ett steg till sysselsättning (Linkstep)';
const IOP = 'Idéburet offentligt partnerskap, Linköpings Stadsmission';
const NO_AMOUNT = 'Arbetsmarknadsinriktade insatser i samverkan med Idrott och service';

const session = browserSession(dir);
let page: Page | undefined;

async function freshPage(): Promise<Page> {
  await page?.close();
  page = await session.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

/** Waits until the script has shown a search (the default one is in the HTML already) and announced `text`. */
async function announced(p: Page, text: string): Promise<void> {
  await p.waitForFunction(
    (t) =>
      document.getElementById('sok-resultat')?.dataset['run'] !== undefined &&
      document.getElementById('sok-status')?.textContent === t,
    text,
  );
}

/** Does `act` and waits until the script has shown the search it started (`data-run` counts them). */
async function shownAfter(p: Page, act: () => Promise<void>): Promise<void> {
  const shown = () => p.evaluate(() => Number(document.getElementById('sok-resultat')?.dataset['run']));
  const before = await shown();
  await act();
  await p.waitForFunction((n) => Number(document.getElementById('sok-resultat')?.dataset['run']) > n, before);
}

const titles = (p: Page) => p.$$eval('#sok-traffar h3 a', (as) => as.map((a) => a.textContent));
const query = (p: Page) => new URL(p.url()).search;
const checkbox = (p: Page, name: string, value: string) =>
  p.locator(`#sok-filtergrupper input[name="${name}"][value="${value}"]`);

describe('search in Chromium', () => {
  it('finds the right case first for inflected Swedish words, typed', async () => {
    const p = await freshPage();
    await p.goto(`${session.server.url}/sok/`);
    await announced(p, '5 träffar.');
    await p.locator('#sok-fraga').pressSequentially('försörjningsstödet');
    await announced(p, '1 träff för ”försörjningsstödet”.');
    expect((await titles(p))[0]).toBe(LINKSTEP);
    expect(await p.locator('#sok-traffar mark').first().textContent()).toMatch(/^försörjningsstöd/);
    expect(query(p)).toBe(`?q=${encodeURIComponent('försörjningsstödet')}`);

    await p.locator('#sok-fraga').fill('partnerskapen');
    await p.locator('#sok-fraga').press('Enter');
    await announced(p, '1 träff för ”partnerskapen”.');
    expect((await titles(p))[0]).toBe(IOP);
    expect((p as Page & { errors: string[] }).errors).toEqual([]);
  });

  it('starts loading Pagefind for a link with words beside the facet table, not after it', async () => {
    const p = await freshPage();
    // The table is held back until the page has asked for Pagefind's script: a page that
    // waited for the table first would never get it.
    let asked: () => void;
    const pagefindAsked = new Promise<void>((resolve) => (asked = resolve));
    p.on('request', (r) => {
      if (/\/pagefind\/[^/]+\/pagefind\.js$/.test(new URL(r.url()).pathname)) asked();
    });
    let table: 'held' | 'given after Pagefind was asked for' | 'refused: Pagefind never asked for' = 'held';
    await p.route('**/sok/tabell.json', async (route) => {
      const inTime = await Promise.race([
        pagefindAsked.then(() => true),
        new Promise<boolean>((done) => setTimeout(() => done(false), 10_000)),
      ]);
      table = inTime ? 'given after Pagefind was asked for' : 'refused: Pagefind never asked for';
      await (inTime ? route.continue() : route.abort());
    });
    await p.goto(`${session.server.url}/sok/?q=partnerskapen`);
    await expect.poll(() => table, { timeout: 15_000 }).not.toBe('held');
    expect(table).toBe('given after Pagefind was asked for');
    await announced(p, '1 träff för ”partnerskapen”.');
    expect((await titles(p))[0]).toBe(IOP);
  });

  it("searches in the page's own worker, with one Pagefind runtime and no worker of Pagefind's", async () => {
    const p = await freshPage();
    const fetched: string[] = [];
    p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await p.goto(`${session.server.url}/sok/?q=partnerskapen`);
    await announced(p, '1 träff för ”partnerskapen”.');
    expect(await p.locator('#sok-traffar mark').first().textContent()).toMatch(/^partnerskap/);
    expect(fetched.filter((f) => /\/search-worker[^/]*\.js$/.test(f))).toHaveLength(1);
    expect(fetched.filter((f) => f.endsWith('.pagefind') && f.includes('/wasm.'))).toHaveLength(1);
    expect(fetched.filter((f) => f.endsWith('/pagefind-worker.js'))).toEqual([]);
    expect((p as Page & { errors: string[] }).errors).toEqual([]);
  });

  it('says so when the search of words cannot be loaded, and still shows the filters', async () => {
    const p = await freshPage();
    await p.route('**/search-worker*.js', (route) => route.abort());
    await p.goto(`${session.server.url}/sok/?q=partnerskapen`);
    await expect
      .poll(() => p.locator('#sok-meddelande').textContent(), { timeout: 15_000 })
      .toMatch(/^Sökningen på ord kunde inte laddas\. Försök igen senare, eller bläddra bland alla ärenden\.$/);
    expect(await p.locator('#sok-meddelande a').getAttribute('href')).toBe('/arenden/');
    expect(await p.locator('#sok-filtergrupper input[type="checkbox"]').count()).toBeGreaterThan(0);
  });

  it('searches the words while they are typed, before Enter asks for them', async () => {
    const p = await freshPage();
    await p.goto(`${session.server.url}/sok/`);
    await announced(p, '5 träffar.');
    const fetched: string[] = [];
    p.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const input = p.locator('#sok-fraga');
    await input.click();
    // Faster than the pause after which the page shows the words typed so far (300 ms).
    await input.pressSequentially('försörjningsstödet', { delay: 60 });
    const beforeEnter = [...fetched];
    await input.press('Enter');
    await announced(p, '1 träff för ”försörjningsstödet”.');
    expect((await titles(p))[0]).toBe(LINKSTEP);
    // Pagefind's index chunks for the words were fetched as they were typed.
    expect(beforeEnter.filter((f) => f.endsWith('.pf_index')).length).toBeGreaterThan(0);
    expect((p as Page & { errors: string[] }).errors).toEqual([]);
  });

  it('narrows the hits with a filter and writes it into the URL; back and forward replay it', async () => {
    const p = await freshPage();
    await p.goto(`${session.server.url}/sok/?q=arbetsf%C3%B6rmedlingen`);
    await p.waitForFunction(() => /träffar? för/.test(document.getElementById('sok-status')?.textContent ?? ''));
    const before = await titles(p);
    expect(before.length).toBeGreaterThan(1);
    const box = checkbox(p, 'organisation', 'Linköpings kommun');
    expect(await box.locator('xpath=..').textContent()).toMatch(/Linköpings kommun \(\d+\)/);
    await box.check();
    await p.waitForFunction(() => new URL(location.href).searchParams.get('organisation') === 'Linköpings kommun');
    await p.waitForFunction((n) => document.querySelectorAll('#sok-traffar li').length < n, before.length);
    const after = await titles(p);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((t) => before.includes(t))).toBe(true);
    expect(query(p)).toBe('?q=arbetsf%C3%B6rmedlingen&organisation=Link%C3%B6pings+kommun');
    for (const meta of await p.$$eval('#sok-traffar .meta', (ms) => ms.map((m) => m.textContent)))
      expect(meta).toMatch(/^Linköpings kommun · /);
    expect(await p.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('Linköpings kommun');

    await p.goBack();
    await p.waitForFunction((n) => document.querySelectorAll('#sok-traffar li').length === n, before.length);
    expect(query(p)).toBe('?q=arbetsf%C3%B6rmedlingen');
    expect(await box.isChecked()).toBe(false);
    expect(await titles(p)).toEqual(before);

    await p.goForward();
    await p.waitForFunction((n) => document.querySelectorAll('#sok-traffar li').length === n, after.length);
    expect(await box.isChecked()).toBe(true);
    expect(await titles(p)).toEqual(after);
  });

  it('restores the same state from a copied URL: query, filter and sort', async () => {
    const p = await freshPage();
    await p.goto(`${session.server.url}/sok/`);
    await announced(p, '5 träffar.');
    await p.locator('#sok-fraga').fill('kommun');
    await p.locator('#sok-fraga').press('Enter');
    await p.waitForFunction(() => /för ”kommun”/.test(document.getElementById('sok-status')?.textContent ?? ''));
    await shownAfter(p, () => checkbox(p, 'organisation', 'Linköpings kommun').check());
    expect(new URL(p.url()).searchParams.get('organisation')).toBe('Linköpings kommun');
    // The sort needs the amounts' column, fetched first: the hits are shown once it is in.
    await shownAfter(p, () =>
      p
        .locator('#sok-sortering')
        .selectOption('belopp-hogst')
        .then(() => undefined),
    );
    expect(new URL(p.url()).searchParams.get('sortering')).toBe('belopp-hogst');
    const copied = p.url();
    const shown = await titles(p);
    const status = await p.locator('#sok-status').textContent();
    expect(shown.at(-1)).toBe(NO_AMOUNT);

    const q = await freshPage();
    await q.goto(copied);
    await announced(q, status ?? '');
    expect(await q.locator('#sok-fraga').inputValue()).toBe('kommun');
    expect(await checkbox(q, 'organisation', 'Linköpings kommun').isChecked()).toBe(true);
    expect(await q.locator('#sok-sortering').inputValue()).toBe('belopp-hogst');
    expect(await titles(q)).toEqual(shown);
  });

  it('sorts by amount both ways with the case without an amount last', async () => {
    const p = await freshPage();
    await p.goto(`${session.server.url}/sok/?sortering=belopp-hogst`);
    await announced(p, '5 träffar.');
    // The HTML shows the newest first; wait (and fail on timeout) until the script's sorted list is there.
    await p.waitForFunction((first) => document.querySelector('#sok-traffar h3 a')?.textContent === first, LINKSTEP);
    const high = await titles(p);
    expect(high[0]).toBe(LINKSTEP);
    expect(high.at(-1)).toBe(NO_AMOUNT);
    await p.locator('#sok-sortering').selectOption('belopp-lagst');
    await p.waitForFunction((first) => document.querySelector('#sok-traffar h3 a')?.textContent !== first, high[0]);
    const low = await titles(p);
    expect(low).toEqual([...high.slice(0, 4)].reverse().concat(NO_AMOUNT));
    expect(await p.locator('#sok-traffar .facts').last().textContent()).toContain('belopp ej angivet');
    expect(await p.locator('#sok-utan-belopp').textContent()).toBe('1 träff saknar angivet belopp och visas sist.');
  });

  it('is reached from the header form on a case page, which has no script', async () => {
    const p = await freshPage();
    await p.goto(`${session.server.url}/arenden/linkstep-stangastaden-2020/`);
    expect(await p.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    await p.locator('#sidsok').fill('stadsmission');
    await p.locator('#sidsok').press('Enter');
    await p.waitForURL(/\/sok\/\?q=stadsmission$/);
    await p.waitForFunction(() => /för ”stadsmission”/.test(document.getElementById('sok-status')?.textContent ?? ''));
    expect((await titles(p))[0]).toBe(IOP);
    expect(await p.locator('#sok-fraga').inputValue()).toBe('stadsmission');
  });

  it('has no axe violations with results and filters shown, also at 320 px', async () => {
    const p = await freshPage();
    await p.goto(`${session.server.url}/sok/?q=stadsmission&organisation=Link%C3%B6pings+kommun`);
    await p.waitForFunction(() => document.querySelectorAll('#sok-traffar li').length > 0);
    expect(await p.locator('#sok-resultat').isVisible()).toBe(true);
    expect(await p.locator('#sok-filter').isVisible()).toBe(true);
    let violations = await axeViolations(p);
    expect(violations, describeViolations(violations)).toEqual([]);
    await p.setViewportSize({ width: 320, height: 800 });
    violations = await axeViolations(p);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('explains without JavaScript that search needs it, links to all cases and shows the newest', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await context.newPage();
      await p.goto(`${session.server.url}/sok/?q=stadsmission`);
      const text = await p.locator('main').innerText();
      expect(text).toContain('Sökningen behöver JavaScript');
      expect(await p.locator('main noscript a, main a[href="/arenden/"]').first().getAttribute('href')).toBe(
        '/arenden/',
      );
      expect(await p.locator('#sok-status').textContent()).toBe('5 träffar.');
      expect(await titles(p)).toEqual([
        'Ansökan En väg in-steget vidare',
        'Ansökan till Finsam för Samordnad lokal samverkan kring arbetsmarknadsfrågor i Lund',
        IOP,
        LINKSTEP,
        NO_AMOUNT,
      ]);
    } finally {
      await context.close();
    }
  });
});
