/**
 * Bench results with plausible figures, for the report's tests (bench.test.ts,
 * editor-cost.test.ts): each test overrides what it looks at.
 */
import type { BenchResults, SizeResult } from './report.ts';
import { summarise } from './search-timing.ts';

export const sampleSize = (n: number, over: Partial<SizeResult> = {}): SizeResult => ({
  n,
  floor: { renderMs: 600, renderCpuMs: 600, validateMs: 300, validateCpuMs: 300 },
  check: { ms: 1500, cpuMs: 1400, ok: true },
  build: {
    ok: true,
    wallMs: 9000,
    cpuMs: 12000,
    load: [1, 2],
    cpuRatioToFloor: 20,
    peakRss: 800 * 1024 ** 2,
    pagesOut: n,
    pagesPerSecond: 111,
    distBytes: 12 * 1024 ** 2,
    pagefindBytes: 3 * 1024 ** 2,
    indexRecords: n,
    ratioToFloor: 15,
  },
  disk: { outputBytes: 40 * 1024 ** 2, cacheBytes: 10 * 1024 ** 2, totalBytes: 50 * 1024 ** 2 },
  weights: { caseHtmlGzMedian: 3100, caseHtmlGzMax: 3500, sharedCssGz: 1700, caseJsBytes: 0 },
  rebuild: { wallMs: 7000, cpuMs: 8000, peakRss: null, ok: true },
  search: { openBytes: 300 * 1024, openRequests: 20, queryBytes: 30 * 1024, query: 'försörjningsstödet' },
  timing: {
    start: '/sok/?typ=Ans%C3%B6kan&ar=2020&sortering=belopp-hogst',
    filters: [
      { key: 'typ', value: 'Ansökan' },
      { key: 'ar', value: '2020' },
    ],
    navigation: summarise([900, 1100, 1000, 950, 1200]),
    link: {
      ...summarise([800, 850, 900, 700, 1000]),
      path: '/sok/?q=f%C3%B6rs%C3%B6rjningsst%C3%B6det',
      bytes: 250 * 1024,
    },
    filterClick: { ...summarise([80, 90, 100, 120, 95]), filter: { key: 'status', value: 'Beslutat' } },
    query: { ...summarise([150, 160, 140], ['tidsgränsen gick ut', 'tidsgränsen gick ut']), text: 'x' },
    rounds: 5,
    cache: 'cold',
    load: [3, 4.5],
  },
  ...over,
});

/** A whole run's results around the given sizes. */
export const sampleResults = (over: Partial<BenchResults> = {}): BenchResults => ({
  date: '2026-01-01T10:00:00.000Z',
  commit: 'abc1234',
  seed: 1,
  renderers: [],
  missingRenderers: [],
  machine: { cpu: 'x', cores: 2, memoryBytes: 1, os: 'Linux', node: 'v22', astro: '7.3.5' },
  sizes: [],
  ...over,
});
