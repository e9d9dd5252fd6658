/**
 * The benchmark's results: their shape (written as JSON), the targets from
 * issue 7, and the Markdown table printed at the end (pasted into the README).
 */

/** Everything measured at one size N. */
export interface SizeResult {
  n: number;
  floor: { renderMs: number; renderCpuMs: number; validateMs: number; validateCpuMs: number };
  check: { ms: number; cpuMs: number | null; ok: boolean };
  build: {
    ok: boolean;
    wallMs: number;
    /** User + system CPU of the process tree; less sensitive than wall time to other load. */
    cpuMs: number | null;
    /** One-minute load average before and after. */
    load: [number, number];
    peakRss: number | null;
    pagesOut: number;
    pagesPerSecond: number;
    distBytes: number;
    pagefindBytes: number;
    indexRecords: number | null;
    ratioToFloor: number;
    /** Build CPU ÷ floor CPU. */
    cpuRatioToFloor: number | null;
  };
  weights: { caseHtmlGzMedian: number; caseHtmlGzMax: number; sharedCssGz: number; caseJsBytes: number };
  rebuild?: { wallMs: number; cpuMs: number | null; peakRss: number | null; ok: boolean };
  search?: { bytes: number; query: string } | { error: string };
}

export interface BenchResults {
  date: string;
  seed: number;
  machine: { cpu: string; cores: number; memoryBytes: number; os: string; node: string; astro: string };
  renderers: { renderer: string; msPerBody: number }[];
  missingRenderers: string[];
  sizes: SizeResult[];
}

/** Targets from issue 7, keyed by what they limit. */
export const TARGETS = {
  build10k: { ms: 30_000, rss: 1.5 * 1024 ** 3 },
  build100k: { ms: 6 * 60_000, rss: 24 * 1024 ** 3 },
  ratioToFloor: 2.5,
  rebuildMs: 15_000,
  caseHtmlGz: 15 * 1024,
  sharedCssGz: 10 * 1024,
  caseJs: 0,
} as const;

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '–';
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(bytes >= 100 * 1024 ** 2 ? 0 : 1)} MB`;
  return `${(bytes / 1024).toFixed(1)} kB`;
}

/** The pass/fail marks against the targets for one size. */
export function verdicts(r: SizeResult): string[] {
  const out: string[] = [];
  if (r.n === 10_000) {
    out.push(`10 000 ≤ 30 s: ${r.build.wallMs <= TARGETS.build10k.ms ? 'ja' : 'nej'}`);
    if (r.build.peakRss !== null)
      out.push(`10 000 ≤ 1,5 GB: ${r.build.peakRss <= TARGETS.build10k.rss ? 'ja' : 'nej'}`);
    if (r.rebuild) out.push(`ombygge ≤ 15 s: ${r.rebuild.wallMs <= TARGETS.rebuildMs ? 'ja' : 'nej'}`);
  }
  if (r.n === 100_000) {
    out.push(`100 000 ≤ 6 min: ${r.build.wallMs <= TARGETS.build100k.ms ? 'ja' : 'nej'}`);
    if (r.build.peakRss !== null)
      out.push(`100 000 ≤ 24 GB: ${r.build.peakRss <= TARGETS.build100k.rss ? 'ja' : 'nej'}`);
  }
  out.push(`≤ 2,5 × golvet: ${r.build.ratioToFloor <= TARGETS.ratioToFloor ? 'ja' : 'nej'}`);
  const complete = r.build.ok && r.build.pagesOut === r.n;
  out.push(
    `in = ut = index: ${!complete ? 'nej' : r.build.indexRecords === null ? 'ja (inget sökindex byggt)' : r.build.indexRecords === r.n ? 'ja' : 'nej'}`,
  );
  return out;
}

/** The results as a Markdown table, one column per size. */
export function formatTable(results: BenchResults): string {
  const sizes = results.sizes;
  const head = `| | ${sizes.map((s) => s.n.toLocaleString('sv-SE').replace(/\s/g, ' ')).join(' | ')} |`;
  const sep = `|---|${sizes.map(() => '--:').join('|')}|`;
  const row = (label: string, f: (s: SizeResult) => string) => `| ${label} | ${sizes.map(f).join(' | ')} |`;
  const searchBytes = (s: SizeResult) => (s.search && 'bytes' in s.search ? formatBytes(s.search.bytes) : '–');
  const lines = [
    head,
    sep,
    row('floor: read + YAML + zod', (s) => formatSeconds(s.floor.validateMs)),
    row('floor: read + YAML + Markdown→HTML (GFM) + write', (s) => formatSeconds(s.floor.renderMs)),
    row('`npm run check`', (s) => formatSeconds(s.check.ms)),
    row('full build, wall', (s) =>
      s.build.ok ? formatSeconds(s.build.wallMs) : `fel (${formatSeconds(s.build.wallMs)})`,
    ),
    row('full build, CPU (user + system)', (s) => (s.build.cpuMs === null ? '–' : formatSeconds(s.build.cpuMs))),
    row('full build, peak RSS (process tree)', (s) => formatBytes(s.build.peakRss)),
    row('build ÷ floor, wall', (s) => `${s.build.ratioToFloor.toFixed(2)} ×`),
    row('build ÷ floor, CPU', (s) =>
      s.build.cpuRatioToFloor === null ? '–' : `${s.build.cpuRatioToFloor.toFixed(2)} ×`,
    ),
    row(
      'load average before / after the build',
      (s) => `${s.build.load[0].toFixed(1)} / ${s.build.load[1].toFixed(1)}`,
    ),
    row('pages per second (case pages)', (s) => Math.round(s.build.pagesPerSecond).toString()),
    row('cases in / pages out / index records', (s) => `${s.n} / ${s.build.pagesOut} / ${s.build.indexRecords ?? '–'}`),
    row('dist size', (s) => formatBytes(s.build.distBytes)),
    row('Pagefind index size', (s) => (s.build.pagefindBytes ? formatBytes(s.build.pagefindBytes) : '–')),
    row('bytes fetched by a typical search', searchBytes),
    row(
      'case page, gzipped HTML (median / max)',
      (s) => `${formatBytes(s.weights.caseHtmlGzMedian)} / ${formatBytes(s.weights.caseHtmlGzMax)}`,
    ),
    row('shared CSS, gzipped', (s) => formatBytes(s.weights.sharedCssGz)),
    row('JavaScript on case pages', (s) => `${s.weights.caseJsBytes} B`),
    row('rebuild after changing 1 case, wall (CPU)', (s) =>
      s.rebuild
        ? `${formatSeconds(s.rebuild.wallMs)}${s.rebuild.cpuMs === null ? '' : ` (${formatSeconds(s.rebuild.cpuMs)})`}`
        : '–',
    ),
  ];
  return lines.join('\n');
}
