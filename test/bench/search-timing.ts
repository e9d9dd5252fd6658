/**
 * How fast `/sok/` answers, in Chromium, on a built site served as a host
 * serves it (gzip, test/helpers/static-server.ts): a measuring tool for the
 * benchmark (`npm run bench`); the site never imports it.
 *
 * It reads the page only through its stable hooks: the form `#sok-formular`,
 * the input `#sok-fraga`, the live status `#sok-status`, the list
 * `#sok-traffar` (one `li` per hit) and the filter checkboxes
 * `#sok-filter input[type=checkbox]` (name = filter key, value = filter value).
 *
 * - Choosing (uncounted visits, which also warm the server's and the OS's
 *   caches): on `/sok/` the value with the most hits (the "(123)" at the end of
 *   its label, else the first checkbox), then, on the page filtered by it, the
 *   value with the most hits in another group whose page announces hits (else
 *   the next, in page order); the start URL is both filters and
 *   `sortering=belopp-hogst`.
 * - Each round opens two new browser contexts (an empty HTTP cache: every
 *   navigation is cold; the server and the OS keep their caches) and
 *   measures, in the page:
 *   1. navigation: from the navigation's start (performance.timeOrigin) to the
 *      start URL until the first results show: the script has shown its first
 *      search (`data-run` on `#sok-resultat` is no longer "0", where the page has
 *      it), `#sok-status` announces hits (with "träff") and `#sok-traffar` has an `li`;
 *   2. a typed query: on that page, the query typed a key at a time, TYPING_KEY_MS
 *      apart, as a person types, then Enter; from the Enter keydown until
 *      `#sok-status`, the first hit or `data-run` has changed and the status
 *      announces hits (an interim "Söker…" does not count);
 *   3. a shared link: in the second context, from the navigation's start to
 *      `/sok/?q=<query>` until its first results show, and the bytes that
 *      navigation transferred until the network was quiet (the excerpts of the
 *      hits on screen included);
 *   4. a filter clicked while words are searched: on that page, after the network
 *      is quiet, one more checkbox (one that changes the hits, by its count where
 *      shown: boxToClick), from the click event until the same change as in 2.
 *   Every time is taken at the first frame after the change (a
 *   requestAnimationFrame, then a task), so layout and paint are included.
 * - Medians over the rounds; a round that fails is recorded, not fatal.
 */
import { loadavg } from 'node:os';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { record, TYPICAL_QUERY } from './search-bytes.ts';
import { serve } from '../helpers/static-server.ts';

export interface Samples {
  /** Milliseconds, one per successful round. */
  samples: number[];
  median: number | null;
  min: number | null;
  max: number | null;
  /** What went wrong in the rounds that failed. */
  errors: string[];
}

export interface SearchTiming {
  /** The start URL's path and query (two filters and a sort). */
  start: string;
  filters: { key: string; value: string }[];
  /** Navigation to the start URL until the first results show. */
  navigation: Samples;
  /** Navigation to a link with words (`/sok/?q=…`) until the first results show, and its bytes (median). */
  link: Samples & { path: string; bytes: number | null };
  /** The checkbox clicked on the link's page (words searched), and the time until the hits change. */
  filterClick: Samples & { filter: { key: string; value: string } | null };
  /** A query typed (TYPING_KEY_MS a key) and sent with Enter on the start page, and the time until the hits change. */
  query: Samples & { text: string };
  rounds: number;
  /** How the HTTP cache stood: a new browser context per round. */
  cache: 'cold';
  /** One-minute load average before and after the rounds (other work on the machine slows the browser). */
  load: [number, number];
}

export function summarise(samples: number[], errors: string[] = []): Samples {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length === 0 ? null : sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { samples, median, min: sorted[0] ?? null, max: sorted.at(-1) ?? null, errors };
}

/** Reads "(1 234)" at the end of a filter's label as 1234; undefined when there is no count. */
export function labelCount(text: string): number | undefined {
  const m = /\((\d[\d\s\u00a0\u202f]*)\)\s*$/.exec(text.trim());
  return m ? Number(m[1]!.replace(/\D/g, '')) : undefined;
}

interface Box {
  key: string;
  value: string;
  checked: boolean;
  count: number | undefined;
  /** Position among the page's checkboxes. */
  index: number;
}

/**
 * The in-page probe, installed before any page script runs (it is plain text,
 * since vitest and tsx rewrite functions passed to the page). `shown()` is
 * the "results show" test; `arm(kind)` starts watching for a change after the
 * next click or Enter.
 */
const PROBE = `(() => {
  if (!location.pathname.endsWith('/sok/')) return;
  const text = (id) => (document.getElementById(id)?.textContent ?? '').trim();
  const firstHit = () => (document.querySelector('#sok-traffar li')?.textContent ?? '').trim();
  const announced = () => /träff/i.test(text('sok-status'));
  // The page's script counts the searches it has shown in data-run on #sok-resultat; the
  // HTML has data-run="0" with the first page of the default search already in it.
  const run = () => document.getElementById('sok-resultat')?.dataset.run;
  const ran = () => run() !== '0';
  const shown = () => ran() && announced() && document.querySelector('#sok-traffar li') !== null;
  const afterFrame = (done) => {
    let called = false;
    const once = () => { if (!called) { called = true; done(performance.now()); } };
    requestAnimationFrame(() => setTimeout(once, 0));
    setTimeout(once, 1000);
  };
  const probe = { first: null, announced: null, watch: null };
  window.__insynProbe = probe;
  const check = () => {
    if (!probe.announced && ran() && announced()) {
      const at = (probe.announced = { dom: performance.now() });
      afterFrame((t) => (at.painted = t));
    }
    if (!probe.first && shown()) {
      const first = (probe.first = { dom: performance.now() });
      afterFrame((t) => (first.painted = t));
    }
    const w = probe.watch;
    if (w && !w.done && announced() && (text('sok-status') !== w.status || firstHit() !== w.hit || run() !== w.run)) {
      const done = (w.done = { dom: performance.now() });
      afterFrame((t) => (done.painted = t));
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-run'],
  });
  probe.arm = (kind) => {
    probe.watch = { kind, status: text('sok-status'), hit: firstHit(), run: run(), start: null, done: null };
    const w = probe.watch;
    const mark = (event) => {
      if (w.start !== null) return;
      if (kind === 'click' && event.type !== 'click') return;
      if (kind === 'enter' && !(event.type === 'keydown' && event.key === 'Enter')) return;
      w.start = performance.now();
      // A change seen before the event (typing that searched already) counts as immediate.
      if (w.done && w.done.dom < w.start) w.done = { dom: w.start, painted: w.start };
    };
    window.addEventListener('click', mark, { capture: true });
    window.addEventListener('keydown', mark, { capture: true });
  };
})();`;

interface ProbeTimes {
  first: { dom: number; painted?: number } | null;
  announced: { dom: number; painted?: number } | null;
  watch: { start: number | null; done: { dom: number; painted?: number } | null } | null;
}

const readProbe = (page: Page) =>
  page.evaluate(() => {
    const p = (globalThis as unknown as { __insynProbe?: ProbeTimes }).__insynProbe;
    return p ? { first: p.first, announced: p.announced, watch: p.watch } : null;
  });

async function waitForProbe<T>(page: Page, pick: (p: ProbeTimes) => T | null | undefined, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const p = await readProbe(page);
    const value = p ? pick(p) : undefined;
    if (value !== null && value !== undefined) return value;
    if (Date.now() > until) throw new Error('tidsgränsen gick ut');
    await page.waitForTimeout(50);
  }
}

/** The page's filter checkboxes, in page order, with the count their label shows (0 when hidden). */
async function readBoxes(page: Page): Promise<Box[]> {
  const boxes = await page.$$eval('#sok-filter input[type="checkbox"]', (elements) =>
    elements.map((element) => {
      const box = element as HTMLInputElement;
      return {
        key: box.name,
        value: box.value,
        checked: box.checked,
        label: (box.labels?.[0]?.textContent ?? box.parentElement?.textContent ?? '').trim(),
        hidden: box.closest('[hidden]') !== null,
      };
    }),
  );
  return boxes.map((b, index) => ({
    key: b.key,
    value: b.value,
    checked: b.checked,
    count: b.hidden ? 0 : labelCount(b.label),
    index,
  }));
}

/** The box with the most hits among `boxes` (by count where shown, else the first). */
export function mostHits<T extends { count: number | undefined }>(boxes: T[]): T | undefined {
  const counted = boxes.filter((b) => b.count !== undefined);
  if (counted.length === 0) return boxes[0];
  const best = counted.reduce((a, b) => (b.count! > a.count! ? b : a));
  return best.count! > 0 ? best : undefined;
}

/**
 * A box to click that changes the hits: unchecked and not hidden, and, where
 * counts show, either in a group already filtered (it widens the hits) or with
 * another count than the hits now (it narrows them). The one with the most hits.
 */
export function boxToClick<T extends Box>(boxes: T[], hits: number | undefined): T | undefined {
  const filtered = new Set(boxes.filter((b) => b.checked).map((b) => b.key));
  const open = boxes.filter((b) => !b.checked && b.count !== 0);
  const changing = open.filter(
    (b) => b.count === undefined || hits === undefined || filtered.has(b.key) || b.count !== hits,
  );
  return mostHits(changing) ?? open[0];
}

/** The number of hits the status announces ("1 234 träffar", "Inga träffar"), or undefined. */
export function statusCount(text: string): number | undefined {
  if (/^\s*inga träffar/i.test(text)) return 0;
  const m = /(\d[\d\s\u00a0\u202f]*)\s*träff/i.exec(text);
  return m ? Number(m[1]!.replace(/\D/g, '')) : undefined;
}

function withFilters(filters: { key: string; value: string }[]): string {
  const params = new URLSearchParams();
  for (const f of filters) params.append(f.key, f.value);
  params.set('sortering', 'belopp-hogst');
  return `/sok/?${params.toString()}`;
}

async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  return { context, page: await context.newPage() };
}

/** Runs `work` on a page of a new browser context (an empty cache), closed afterwards. */
async function inFreshPage(browser: Browser, work: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await freshPage(browser);
  try {
    await work(page);
  } finally {
    await context.close();
  }
}

/** Until the network is quiet (excerpts and rows of the hits on screen loaded), at most 10 s. */
const quiet = (page: Page) => page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);

/** How far apart the keys of a typed query are: a person typing at a steady pace. */
export const TYPING_KEY_MS = 120;

/** Opens `path` and waits for the first results; returns the probe's times. */
async function open(page: Page, origin: string, path: string, timeoutMs: number) {
  await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
  return waitForProbe(page, (p) => (p.first?.painted !== undefined ? p.first : null), timeoutMs);
}

/** Opens `path` and returns the number of hits the page announces (0 for none), once it does. */
async function announcedHits(page: Page, origin: string, path: string, timeoutMs: number) {
  await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
  await waitForProbe(page, (p) => (p.announced?.painted !== undefined ? p.announced : null), timeoutMs);
  const hits = statusCount((await page.locator('#sok-status').textContent()) ?? '');
  return hits === 0 || (await page.locator('#sok-traffar li').count()) === 0 ? 0 : (hits ?? 1);
}

/**
 * The start URL: two filters from different groups that leave hits, chosen on
 * the page (the most hits by the counts shown; else the first that leave hits).
 */
async function chooseFilters(browser: Browser, origin: string, timeoutMs: number) {
  const { context, page } = await freshPage(browser);
  try {
    await open(page, origin, '/sok/', timeoutMs);
    const first = mostHits(await readBoxes(page));
    if (!first) throw new Error('sidan visar inga filter (#sok-filter input[type=checkbox])');
    await open(page, origin, withFilters([first]), timeoutMs);
    const others = (await readBoxes(page)).filter((b) => b.key !== first.key && b.count !== 0);
    const ranked = [...others].sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
    for (const second of ranked.slice(0, 5)) {
      const filters = [first, second].map(({ key, value }) => ({ key, value }));
      // Also warms the server's and the OS's caches, uncounted.
      if ((await announcedHits(page, origin, withFilters(filters), timeoutMs)) > 0) return filters;
    }
    throw new Error('hittade inga två filter i olika grupper som ger träffar');
  } finally {
    await context.close();
  }
}

/** Arms the probe, performs `act`, and returns the milliseconds from the event until the change showed. */
async function timeChange(page: Page, kind: 'click' | 'enter', act: () => Promise<void>, timeoutMs: number) {
  await page.evaluate(
    (k) => (globalThis as unknown as { __insynProbe: { arm: (k: string) => void } }).__insynProbe.arm(k),
    kind,
  );
  await act();
  const watch = await waitForProbe(
    page,
    (p) => (p.watch?.start != null && p.watch.done?.painted !== undefined ? p.watch : null),
    timeoutMs,
  );
  return Math.max(0, watch.done!.painted! - watch.start!);
}

const message = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));

/**
 * Measures `/sok/` on a built site directory. Pass a browser to reuse one;
 * otherwise Chromium is launched and closed here.
 */
export async function measureSearchTiming(
  siteDir: string,
  options: { rounds?: number; query?: string; browser?: Browser; timeoutMs?: number } = {},
): Promise<SearchTiming> {
  const rounds = options.rounds ?? 5;
  const text = options.query ?? TYPICAL_QUERY;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const changeTimeoutMs = Math.min(timeoutMs, 30_000);
  const browser = options.browser ?? (await launchChromium());
  const server = await serve(siteDir, { gzip: true }).catch(async (error: unknown) => {
    if (!options.browser) await browser.close();
    throw error;
  });
  try {
    const load0 = loadavg()[0]!;
    const filters = await chooseFilters(browser, server.url, timeoutMs);
    const start = withFilters(filters);
    const link = `/sok/?${new URLSearchParams({ q: text }).toString()}`;
    const nav: number[] = [];
    const links: number[] = [];
    const linkBytes: number[] = [];
    const clicks: number[] = [];
    const queries: number[] = [];
    const errors = { nav: [] as string[], link: [] as string[], click: [] as string[], query: [] as string[] };
    let clicked: { key: string; value: string } | null = null;
    for (let round = 0; round < rounds; round++) {
      await inFreshPage(browser, async (page) => {
        try {
          nav.push((await open(page, server.url, start, timeoutMs)).painted!);
        } catch (error) {
          errors.nav.push(message(error));
          return;
        }
        await quiet(page);
        try {
          const input = page.locator('#sok-fraga');
          queries.push(
            await timeChange(
              page,
              'enter',
              async () => {
                await input.click();
                await input.pressSequentially(text, { delay: TYPING_KEY_MS });
                await input.press('Enter');
              },
              changeTimeoutMs,
            ),
          );
        } catch (error) {
          errors.query.push(message(error));
        }
      });
      await inFreshPage(browser, async (page) => {
        const bytes = record(page, server.url);
        try {
          links.push((await open(page, server.url, link, timeoutMs)).painted!);
          await quiet(page);
          linkBytes.push((await bytes.stop()).bytes);
        } catch (error) {
          errors.link.push(message(error));
          return;
        }
        try {
          const box = boxToClick(
            await readBoxes(page),
            statusCount((await page.locator('#sok-status').textContent()) ?? ''),
          );
          if (!box) throw new Error('ingen kryssruta att klicka på');
          clicked = { key: box.key, value: box.value };
          const target = page.locator('#sok-filter input[type="checkbox"]').nth(box.index);
          // A user opens a closed group first; that is not timed.
          await target.evaluate((el) => {
            for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
            el.scrollIntoView({ block: 'center' });
          });
          clicks.push(await timeChange(page, 'click', () => target.click(), changeTimeoutMs));
        } catch (error) {
          errors.click.push(message(error));
        }
      });
    }
    return {
      start,
      filters,
      navigation: summarise(nav, errors.nav),
      link: { ...summarise(links, errors.link), path: link, bytes: summarise(linkBytes).median },
      filterClick: { ...summarise(clicks, errors.click), filter: clicked },
      query: { ...summarise(queries, errors.query), text },
      rounds,
      cache: 'cold',
      load: [load0, loadavg()[0]!],
    };
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
  }
}
