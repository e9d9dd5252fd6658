/** The benchmark's pure parts: the seeded generator, /proc parsing, page assets, the table. */
import { describe, expect, it } from 'vitest';
import { generateCase, generateCases, municipalityName, seededRandom } from '../../src/tools/bench/generator.ts';
import { parseProcStat, takeTimeLine } from '../../src/tools/bench/process.ts';
import { formatTable, verdicts, type BenchResults } from '../../src/tools/bench/report.ts';
import { pageAssets } from '../../src/tools/bench/site-stats.ts';
import { parseCase } from '../../src/lib/content/parse-case.ts';
import { findPersonnummer } from '../../src/lib/validate/personnummer.ts';

describe('seeded generator', () => {
  it('repeats for the same seed and differs for another', () => {
    expect(generateCases(5, 1)).toEqual(generateCases(5, 1));
    expect(generateCases(5, 1)[0]!.source).not.toBe(generateCases(5, 2)[0]!.source);
    const r = seededRandom(42);
    const a = [r(), r(), r()];
    const s = seededRandom(42);
    expect([s(), s(), s()]).toEqual(a);
  });

  it('gives unique slugs in year directories, and every case parses', () => {
    const cases = generateCases(300, 1);
    expect(new Set(cases.map((c) => c.slug)).size).toBe(300);
    for (const c of cases) {
      expect(c.path).toMatch(/^20\d\d\/[a-z0-9-]+\.mdx$/);
      const { errors } = parseCase(`content/cases/${c.path}`, c.source);
      expect(errors).toEqual([]);
      expect(findPersonnummer(c.source)).toEqual([]);
    }
  });

  it('varies kinds, statuses, bases, follow-ups and bodies', () => {
    const all = generateCases(300, 1)
      .map((c) => c.source)
      .join('\n');
    for (const k of ['agreement', 'grant', 'partnership', 'application', 'report']) expect(all).toContain(`kind: ${k}`);
    for (const b of ['total', 'per-year', 'maximum', 'maximum-per-year']) expect(all).toContain(`basis: ${b}\n`);
    expect(all).toContain('organisation: "Samordningsförbundet');
    expect(all).toContain('    done: "');
    expect(all).toContain('|---|--:|--:|--:|');
    expect(all).toContain('[^1]: ');
    const one = generateCase(7, 1);
    expect(one.source.startsWith('---\n')).toBe(true);
  });

  it('names municipalities the Swedish way', () => {
    expect(municipalityName('Linköping')).toBe('Linköpings kommun');
    expect(municipalityName('Arvika')).toBe('Arvika kommun');
    expect(municipalityName('Umeå')).toBe('Umeå kommun');
    expect(municipalityName('Borås')).toBe('Borås kommun');
  });
});

describe('parseProcStat', () => {
  it('reads pid, process group and RSS, even with spaces in the command name', () => {
    const line =
      '1234 (node (worker) x) S 1 1200 1200 0 -1 4194560 100 0 0 0 5 1 0 0 20 0 11 0 500 123456789 5000 18446744073709551615';
    expect(parseProcStat(line)).toEqual({ pid: 1234, pgrp: 1200, rssPages: 5000 });
    expect(parseProcStat('garbage')).toBeUndefined();
  });
});

describe('takeTimeLine', () => {
  it("splits GNU time's CPU line off the output", () => {
    expect(takeTimeLine('built\n__insyn_bench_time__ 1.50 0.25\n')).toEqual({ output: 'built\n', cpuMs: 1750 });
    expect(takeTimeLine('built\n')).toEqual({ output: 'built\n', cpuMs: null });
  });
});

describe('pageAssets', () => {
  it('finds stylesheets and scripts, counting inline code but not JSON data', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/b.js"></script><script>x=1</script><script type="application/ld+json">{"a":1}</script>';
    expect(pageAssets(html)).toEqual({ css: ['/_astro/a.css'], scripts: ['/_astro/b.js'], inlineScriptBytes: 3 });
  });
});

describe('formatTable', () => {
  it('prints one column per size', () => {
    const results: BenchResults = {
      date: '2026-01-01',
      seed: 1,
      renderers: [],
      missingRenderers: [],
      machine: { cpu: 'x', cores: 2, memoryBytes: 1, os: 'Linux', node: 'v22', astro: '7.3.5' },
      sizes: [
        {
          n: 1000,
          floor: { renderMs: 600, renderCpuMs: 600, validateMs: 300, validateCpuMs: 300 },
          check: { ms: 1500, cpuMs: 1400, ok: true },
          build: {
            ok: true,
            wallMs: 9000,
            cpuMs: 12000,
            load: [1, 2],
            cpuRatioToFloor: 20,
            peakRss: 800 * 1024 ** 2,
            pagesOut: 1000,
            pagesPerSecond: 111,
            distBytes: 12 * 1024 ** 2,
            pagefindBytes: 3 * 1024 ** 2,
            indexRecords: 1000,
            ratioToFloor: 15,
          },
          weights: { caseHtmlGzMedian: 3100, caseHtmlGzMax: 3500, sharedCssGz: 1700, caseJsBytes: 0 },
          rebuild: { wallMs: 7000, cpuMs: 8000, peakRss: null, ok: true },
        },
      ],
    };
    const table = formatTable(results);
    expect(table).toContain('| | 1 000 |');
    expect(table).toContain('| full build, wall | 9.00 s |');
    expect(table).toContain('| full build, peak RSS (process tree) | 800 MB |');
    expect(table).toContain('| cases in / pages out / index records | 1000 / 1000 / 1000 |');
    expect(table).toContain('| full build, CPU (user + system) | 12.0 s |');
    expect(table).toContain('| rebuild after changing 1 case, wall (CPU) | 7.00 s (8.00 s) |');
    expect(verdicts(results.sizes[0]!)).toContain('in = ut = index: ja');
    const failed = { ...results.sizes[0]!, build: { ...results.sizes[0]!.build, ok: false, indexRecords: null } };
    expect(verdicts(failed)).toContain('in = ut = index: nej');
    const fewer = { ...results.sizes[0]!, build: { ...results.sizes[0]!.build, indexRecords: 999 } };
    expect(verdicts(fewer)).toContain('in = ut = index: nej');
  });
});
