/**
 * The search page does not move as its hits appear (issue 16: cumulative
 * layout shift ≤ 0.1, as Lighthouse measures it), on the generated fixture
 * site in Chromium, at a desktop and a phone width: with words (Pagefind's
 * hits replace the newest cases the HTML shows), with filters, and without.
 * The sum of every layout shift is an upper bound of Lighthouse's figure,
 * which takes the worst window of shifts.
 */
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from '../helpers/browser.ts';

const session = browserSession(inject('generatedSiteDir'));

/** Every layout shift not caused by the user's input, summed, after the script has shown its search. */
async function layoutShift(path: string, viewport: { width: number; height: number }): Promise<number> {
  const page = session.page;
  await page.setViewportSize(viewport);
  await page.goto(`${session.server.url}${path}`);
  await page.waitForFunction(() => document.getElementById('sok-resultat')?.dataset['run'] !== undefined);
  // Two frames, so a shift caused by the last render is recorded.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          let sum = 0;
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!e.hadRecentInput) sum += e.value;
          resolve(sum);
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(0), 500);
      }),
  );
}

describe('the search page holds still', () => {
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`on a ${name}, with words, filters or neither`, async () => {
      for (const path of ['/sok/?q=arbete', '/sok/?q=arbete&typ=Ans%C3%B6kan&sortering=belopp-hogst', '/sok/']) {
        expect(await layoutShift(path, viewport), path).toBeLessThanOrEqual(0.1);
      }
    });
  }
});
