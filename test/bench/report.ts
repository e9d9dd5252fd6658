/**
 * The benchmark's results: their shape (written as JSON), the targets from
 * issue 13, and the Markdown table printed at the end and written into the
 * README between BENCH_START and BENCH_END:
 * one row per target with the measured value, the target and whether it is met
 * (and by how much it is missed), then the floor and the build's ratio to it,
 * then the other figures, then the form editor's (issue 27, measured once, on a
 * small site) and the drafter's precision and recall on the seed documents (issue 28). Sizes are binary (1 kB = 1 024 bytes, 1 GB = 1 024³).
 */
import { type AccuracyResult, precision, recall, type Tally } from './draft-accuracy.ts';
import type { ScriptComparison } from './editor-cost.ts';
import type { FetchedFile } from './search-bytes.ts';
import type { Samples, SearchTiming } from './search-timing.ts';

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
    /** Astro's `--timings` summary: its build phases, as `phaseSummary` reads them. */
    phases?: string | undefined;
    /** Build CPU ÷ floor CPU. */
    cpuRatioToFloor: number | null;
  };
  /**
   * Disk used by the build: blocks allocated (as `du` counts them) under the
   * output and cache directories, the larger of after the cold build and after
   * the rebuild.
   */
  disk?: { outputBytes: number; cacheBytes: number; totalBytes: number };
  weights: { caseHtmlGzMedian: number; caseHtmlGzMax: number; sharedCssGz: number; caseJsBytes: number };
  rebuild?: { wallMs: number; cpuMs: number | null; peakRss: number | null; ok: boolean; phases?: string | undefined };
  /** Bytes transferred (encoded bodies, served with gzip) opening /sok/ without a query, then for one query. */
  search?: { openBytes: number; openRequests: number; queryBytes: number; query: string } | { error: string };
  /** /sok/ in Chromium (test/bench/search-timing.ts). */
  timing?: SearchTiming | { error: string };
  /**
   * The same cold build with Astro's parallel prerendering (INSYN_PRERENDER_WORKERS),
   * into an output and cache of its own; measured at the smallest size only.
   */
  parallel?: { workers: number; wallMs: number; peakRss: number | null; ok: boolean };
}

/**
 * The form editor (/redigera/, issue 27), measured once per run on a small site
 * (test/bench/editor-cost.ts), not per size: the rows say which site.
 */
export interface EditorResult {
  /** The site measured, as the rows name it, e.g. "seed fixture of 5 cases". */
  site: string;
  /** Wall time of the site's build with the editor off and on. */
  build: { offMs: number; onMs: number };
  /** Until the sign-in page is ready: same-origin responses and their bodies as transferred (gzip). */
  signIn: { requests: number; bytes: number };
  /** Until the case list is shown after local sign-in, the sign-in page included. */
  caseList: { requests: number; bytes: number; largest: FetchedFile[]; elsewhere: string[] };
  /** Save pressed until the case file is on disk (local mode), in ms. */
  save: Samples & { file: string };
  /** Scripts of every page outside /redigera/ with the editor off and on (test/bench/editor-cost.ts). */
  otherPages: ScriptComparison & {
    /** The same in Chromium on a few pages: code bytes fetched. */
    browser: { pages: string[]; offBytes: number; onBytes: number; editorRequests: string[] } | { error: string };
  };
}

export interface BenchResults {
  date: string;
  /** The commit measured (short hash), with ` + uncommitted changes` when the tree was not clean. */
  commit: string;
  seed: number;
  machine: { cpu: string; cores: number; memoryBytes: number; os: string; node: string; astro: string };
  renderers: { renderer: string; msPerBody: number }[];
  missingRenderers: string[];
  sizes: SizeResult[];
  /** Absent when the editor was not measured (`--no-editor`). */
  editor?: EditorResult | { site: string; error: string };
  /** The drafter against the seed documents (test/bench/draft-accuracy.ts); absent with `--no-draft`. */
  draft?: AccuracyResult;
}

const KB = 1024;
const MB = 1024 ** 2;
const GB = 1024 ** 3;

export type Unit = 'ms' | 'bytes';

/** One target of issue 13: what it limits, and the limit at the sizes that have one. */
export interface Target {
  label: string;
  /** The same words in Swedish, for the bench's log. */
  short: string;
  unit: Unit;
  limits: Partial<Record<number, number>>;
  /** The measured value; null or undefined when there is none. */
  value: (s: SizeResult) => number | null | undefined;
  /** Whether the measurement was made and failed (a failed build, a failed browser run). */
  failed: (s: SizeResult) => boolean;
}

const timing = (s: SizeResult, pick: (t: SearchTiming) => Samples) =>
  s.timing && 'navigation' in s.timing ? pick(s.timing).median : undefined;
const timingFailed = (s: SizeResult, pick: (t: SearchTiming) => Samples) =>
  s.timing !== undefined && ('error' in s.timing || pick(s.timing).median === null);

/**
 * The targets at 10 000 and 100 000 cases: issue 13's, with the search and rebuild
 * targets as issue 29 set them (a shared link with words, a typed query, a filter
 * clicked while words are searched, a rebuild in seconds, the memory of a 7 GB runner).
 */
export const TARGETS: Target[] = [
  {
    label: 'cold build with search, wall',
    short: 'kallt bygge',
    unit: 'ms',
    limits: { 10_000: 30_000, 100_000: 6 * 60_000 },
    value: (s) => (s.build.ok ? s.build.wallMs : null),
    failed: (s) => !s.build.ok,
  },
  {
    label: 'peak RSS of the whole process tree',
    short: 'minne',
    unit: 'bytes',
    limits: { 10_000: 1.5 * GB, 100_000: 6 * GB },
    value: (s) => s.build.peakRss,
    failed: () => false,
  },
  {
    label: 'rebuild after changing one case, wall',
    short: 'ombygge',
    unit: 'ms',
    limits: { 10_000: 12_000, 100_000: 90_000 },
    value: (s) => (s.rebuild?.ok ? s.rebuild.wallMs : null),
    failed: (s) => s.rebuild?.ok === false,
  },
  {
    label: 'disk used by the build (output + caches)',
    short: 'disk',
    unit: 'bytes',
    limits: { 100_000: 10 * GB },
    value: (s) => s.disk?.totalBytes,
    failed: () => false,
  },
  {
    label: '`/sok/`, navigation to first results (two filters and a sort), median',
    short: 'sök, första träffar',
    unit: 'ms',
    limits: { 10_000: 1_000, 100_000: 1_500 },
    value: (s) => timing(s, (t) => t.navigation),
    failed: (s) => timingFailed(s, (t) => t.navigation),
  },
  {
    label: 'a shared link `/sok/?q=…`, navigation to first hits, median',
    short: 'delad länk med sökord',
    unit: 'ms',
    limits: { 10_000: 1_000, 100_000: 2_000 },
    value: (s) => timing(s, (t) => t.link),
    failed: (s) => timingFailed(s, (t) => t.link),
  },
  {
    label: 'a shared link `/sok/?q=…`, bytes transferred (gzip), median',
    short: 'delad länk, överfört',
    unit: 'bytes',
    limits: { 10_000: 300 * KB },
    value: (s) => (s.timing && 'link' in s.timing ? s.timing.link.bytes : null),
    failed: (s) => timingFailed(s, (t) => t.link),
  },
  {
    label: '`/sok/?q=…`, a further change: a filter clicked, median',
    short: 'sök, filter',
    unit: 'ms',
    limits: { 10_000: 60, 100_000: 100 },
    value: (s) => timing(s, (t) => t.filterClick),
    failed: (s) => timingFailed(s, (t) => t.filterClick),
  },
  {
    label: '`/sok/`, a query typed (120 ms a key), Enter to hits, median',
    short: 'sök, skrivet sökord',
    unit: 'ms',
    limits: { 10_000: 150, 100_000: 500 },
    value: (s) => timing(s, (t) => t.query),
    failed: (s) => timingFailed(s, (t) => t.query),
  },
  {
    label: 'bytes transferred on opening `/sok/` (gzip)',
    short: 'sök, överfört',
    unit: 'bytes',
    limits: { 10_000: 250 * KB, 100_000: 1.5 * MB },
    value: (s) => (s.search && 'openBytes' in s.search ? s.search.openBytes : null),
    failed: (s) => s.search !== undefined && 'error' in s.search,
  },
];

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "78 ms", "2.46 s", "86.5 s", "8 min 24 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return formatSeconds(ms);
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '–';
  if (bytes >= GB) return `${(bytes / GB).toFixed(2)} GB`;
  if (bytes >= MB) return `${(bytes / MB).toFixed(bytes >= 100 * MB ? 0 : 1)} MB`;
  return `${(bytes / KB).toFixed(1)} kB`;
}

/** A difference in bytes, exact: "0 B", "+1 234 B", "−56 B". */
export function formatByteDelta(bytes: number): string {
  const n = Math.abs(bytes).toLocaleString('sv-SE').replace(/\s/g, ' ');
  return bytes === 0 ? '0 B' : `${bytes > 0 ? '+' : '−'}${n} B`;
}

const format = (unit: Unit, v: number) => (unit === 'ms' ? formatDuration(v) : formatBytes(v));

export interface Verdict {
  value: number | null;
  limit: number | undefined;
  /** undefined: no limit at this size, or no value. */
  met: boolean | undefined;
  failed: boolean;
  /** How much over the limit (0 when met). */
  over: number;
}

/** A target's verdict at one size: met, missed (and by how much), or no limit there / nothing measured. */
export function verdict(target: Target, s: SizeResult): Verdict {
  const value = target.value(s) ?? null;
  const limit = target.limits[s.n];
  const met = value === null || limit === undefined ? undefined : value <= limit;
  const over = value !== null && limit !== undefined ? Math.max(0, value - limit) : 0;
  return { value, limit, met, failed: target.failed(s), over };
}

/** A table cell: "86.5 s ✗ ≤ 30.0 s, missed by 56.5 s (2.88 ×)", "522 ms ✓ ≤ 1.00 s", "522 ms", "failed", "–". */
export function targetCell(target: Target, s: SizeResult): string {
  const v = verdict(target, s);
  const limit = v.limit === undefined ? '' : format(target.unit, v.limit);
  if (v.value === null) {
    const what = v.failed ? 'failed' : '–';
    return v.limit === undefined ? what : `${what} (target ≤ ${limit}${v.failed ? '' : ', not measured'})`;
  }
  const value = format(target.unit, v.value);
  if (v.limit === undefined) return value;
  if (v.met) return `${value} ✓ ≤ ${limit}`;
  return `${value} ✗ ≤ ${limit}, missed by ${format(target.unit, v.over)} (${(v.value / v.limit).toFixed(2)} ×)`;
}

/** The pass/fail marks against the targets for one size, in Swedish, for the log. */
export function verdicts(r: SizeResult): string[] {
  const out: string[] = [];
  for (const t of TARGETS) {
    const v = verdict(t, r);
    if (v.limit === undefined) continue;
    const limit = format(t.unit, v.limit);
    if (v.met === undefined) out.push(`${t.short} ≤ ${limit}: ${v.failed ? 'misslyckades' : 'inte mätt'}`);
    else out.push(`${t.short} ≤ ${limit}: ${v.met ? 'ja' : `nej, ${format(t.unit, v.over)} över`}`);
  }
  out.push(
    `JavaScript på ärendesidor: ${r.weights.caseJsBytes === 0 ? 'ja, ingen' : `nej, ${r.weights.caseJsBytes} B`}`,
  );
  const complete = r.build.ok && r.build.pagesOut === r.n;
  out.push(
    `in = ut = index: ${!complete ? 'nej' : r.build.indexRecords === null ? 'ja (inget sökindex byggt)' : r.build.indexRecords === r.n ? 'ja' : 'nej'}`,
  );
  return out;
}

/** Rows measured once per run, not per size: each figure in the first column, the others empty. */
function firstColumnRows(labels: readonly string[], cells: readonly string[], columns: number): string[] {
  const empty = Array.from({ length: Math.max(0, columns - 1) }, () => ' |').join('');
  return labels.map((label, i) => `| ${label} | ${cells[i]} |${empty}`);
}

/** The editor's rows start with this (the README keeps them all). */
const EDITOR_ROW = 'editor ';

/**
 * The editor's rows (issue 27). It is measured once per run, on its own small site,
 * so its figures stand in the first column, the others left empty, and each label
 * names the site.
 */
export function editorRows(editor: NonNullable<BenchResults['editor']>, columns: number): string[] {
  const saves = 'error' in editor ? '' : ` of ${editor.save.samples.length + editor.save.errors.length}`;
  const on = `${EDITOR_ROW}on the ${editor.site}:`;
  const labels = [
    `${on} bytes transferred opening \`/redigera/\` until the case list, gzip (until sign-in)`,
    `${on} Save pressed until the case file is on disk, local mode, median${saves}`,
    `${on} JavaScript of every other page, editor on − off (in Chromium)`,
  ];
  let cells: string[];
  if ('error' in editor) cells = ['failed', 'failed', 'failed'];
  else {
    const { caseList, signIn, save, otherPages: o } = editor;
    const files = [
      `${formatByteDelta(o.onBytes - o.offBytes)} on ${o.pages} pages`,
      ...(o.changed.length ? [`other scripts on ${o.changed.length}`] : []),
      ...(o.editorPages.length ? [`${o.editorPages.length} load \`/redigera/\``] : []),
      ...(o.onlyOn.length ? [`${o.onlyOn.length} pages only with the editor`] : []),
    ].join(', ');
    const browser =
      'error' in o.browser
        ? 'failed in Chromium'
        : `${formatByteDelta(o.browser.onBytes - o.browser.offBytes)} in Chromium${o.browser.editorRequests.length ? `, ${o.browser.editorRequests.length} requests to \`/redigera/\`` : ''}`;
    cells = [
      `${formatBytes(caseList.bytes)} in ${caseList.requests} requests (${formatBytes(signIn.bytes)})`,
      save.median === null ? 'failed' : formatDuration(save.median),
      `${files}; ${browser}`,
    ];
  }
  return firstColumnRows(labels, cells, columns);
}

/** The draft rows start with this (the README keeps them all). */
const DRAFT_ROW = 'draft ';

/** Issue 28's targets on the seed documents: a wrong proposal costs more than an empty field. */
export const DRAFT_TARGETS = { precision: 0.95, recall: 0.7 } as const;

const share = (x: number) => `${(x * 100).toFixed(1)} %`;

/** One figure against its lower bound: `100.0 % (100 of 100) ✓ ≥ 95.0 %`, or by how much it is missed. */
function atLeast(value: number, part: number, whole: number, bound: number): string {
  const figure = `${share(value)} (${part} of ${whole})`;
  return value >= bound
    ? `${figure} ✓ ≥ ${share(bound)}`
    : `${figure} ✗ ≥ ${share(bound)}, missed by ${share(bound - value)}`;
}

/**
 * The drafter's rows (issue 28): precision and recall over every measured field of
 * the seed documents, measured once per run like the editor's, in the first column.
 */
export function draftRows(draft: AccuracyResult, columns: number): string[] {
  const on =
    'skipped' in draft
      ? `${DRAFT_ROW}from a decision document:`
      : `${DRAFT_ROW}from ${draft.documents.length} decision documents:`;
  const labels = [`${on} precision (proposed values that are right)`, `${on} recall (stated values that were found)`];
  let cells: string[];
  if ('skipped' in draft) cells = [`skipped: ${draft.skipped}`, 'skipped'];
  else {
    const t: Tally = draft.total;
    cells = [
      atLeast(precision(t), t.correct, t.proposed, DRAFT_TARGETS.precision),
      atLeast(recall(t), t.found, t.stated, DRAFT_TARGETS.recall),
    ];
  }
  return firstColumnRows(labels, cells, columns);
}

/**
 * The results as one Markdown table, one column per size: the targets first, then the floor, then the rest,
 * then the editor's and the drafter's rows. Without sizes (`--only`), one column without a heading.
 */
export function formatTable(results: BenchResults): string {
  const sizes = results.sizes;
  const columns = Math.max(1, sizes.length);
  const head = sizes.length
    ? `| | ${sizes.map((s) => s.n.toLocaleString('sv-SE').replace(/\s/g, ' ')).join(' | ')} |`
    : '| | |';
  const sep = `|---|${Array.from({ length: columns }, () => '--:').join('|')}|`;
  const row = (label: string, f: (s: SizeResult) => string) => `| ${label} | ${sizes.map(f).join(' | ')} |`;
  const opt = <T>(v: T | null | undefined, f: (v: T) => string) => (v === null || v === undefined ? '–' : f(v));
  const lines = [
    head,
    sep,
    ...TARGETS.map((t) => row(t.label, (s) => targetCell(t, s))),
    row('floor: read + YAML + Markdown→HTML (GFM) + write', (s) => formatDuration(s.floor.renderMs)),
    row('build ÷ floor, wall (CPU)', (s) =>
      s.build.cpuRatioToFloor === null
        ? `${s.build.ratioToFloor.toFixed(1)} ×`
        : `${s.build.ratioToFloor.toFixed(1)} × (${s.build.cpuRatioToFloor.toFixed(1)} ×)`,
    ),
    row('floor: read + YAML + zod', (s) => formatDuration(s.floor.validateMs)),
    row('`npm run check`', (s) => formatDuration(s.check.ms)),
    row('cold build, CPU (user + system)', (s) => opt(s.build.cpuMs, formatDuration)),
    row(
      'load average before / after the build',
      (s) => `${s.build.load[0].toFixed(1)} / ${s.build.load[1].toFixed(1)}`,
    ),
    row('rebuild after changing one case, CPU', (s) => opt(s.rebuild?.cpuMs, formatDuration)),
    row('cases in / pages out / index records', (s) => `${s.n} / ${s.build.pagesOut} / ${s.build.indexRecords ?? '–'}`),
    row('disk: output / caches', (s) =>
      s.disk ? `${formatBytes(s.disk.outputBytes)} / ${formatBytes(s.disk.cacheBytes)}` : '–',
    ),
    row(
      'dist size (file sizes) / search index',
      (s) => `${formatBytes(s.build.distBytes)} / ${s.build.pagefindBytes ? formatBytes(s.build.pagefindBytes) : '–'}`,
    ),
    row('bytes transferred by one query after opening `/sok/` (gzip)', (s) =>
      s.search && 'queryBytes' in s.search ? formatBytes(s.search.queryBytes) : '–',
    ),
    row(
      'case page, gzipped HTML (median / max)',
      (s) => `${formatBytes(s.weights.caseHtmlGzMedian)} / ${formatBytes(s.weights.caseHtmlGzMax)}`,
    ),
    row('shared CSS, gzipped', (s) => formatBytes(s.weights.sharedCssGz)),
    row('JavaScript on case pages', (s) => `${s.weights.caseJsBytes} B`),
  ];
  if (!sizes.length) lines.splice(2);
  if (results.editor) lines.push(...editorRows(results.editor, columns));
  if (results.draft) lines.push(...draftRows(results.draft, columns));
  return lines.join('\n');
}

const range = (s: Samples) =>
  s.min === null || s.max === null
    ? 'no round succeeded'
    : `${formatDuration(s.min)}–${formatDuration(s.max)} over ${s.samples.length} rounds`;

/** What the table's search rows measured, per size: the URL, filter and query used, ranges and failures. */
/**
 * Astro's `--timings` phases in one line (`setup 2.10s (content sync 1.97s), prerender
 * bundle 1.33s, generate pages 1.10s (static paths 553ms)`): the top phases with their
 * parts over a tenth of a second, from the "Build phases" block of the build's output.
 */
export function phaseSummary(output: string): string | undefined {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => l.trim() === 'Build phases');
  if (start < 0) return undefined;
  const phases: { name: string; time: string; parts: string[] }[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^( +)(\S.*?)\s{2,}(\d+(?:\.\d+)?(?:ms|s))\s+\d/u.exec(line);
    if (!m) break;
    const [, indent, name, time] = m as unknown as [string, string, string, string];
    if (indent.length <= 2) phases.push({ name, time, parts: [] });
    else if (phases.length && !time.endsWith('ms')) phases.at(-1)!.parts.push(`${name} ${time}`);
    else if (phases.length && Number(time.slice(0, -2)) >= 100) phases.at(-1)!.parts.push(`${name} ${time}`);
  }
  if (phases.length === 0) return undefined;
  return phases
    .filter((p) => !p.time.endsWith('ms') || Number(p.time.slice(0, -2)) >= 100)
    .map((p) => (p.parts.length ? `${p.name} ${p.time} (${p.parts.join(', ')})` : `${p.name} ${p.time}`))
    .join(', ');
}

/** The one-line comparison of a cold build with and without parallel prerendering. */
export function parallelNote(s: SizeResult): string {
  const p = s.parallel!;
  const n = s.n.toLocaleString('sv-SE').replace(/\s/g, ' ');
  const off = `${formatSeconds(s.build.wallMs)}, peak ${formatBytes(s.build.peakRss)}`;
  const head = `${n}: cold build with parallel prerendering (${p.workers} workers, INSYN_PRERENDER_WORKERS=${p.workers})`;
  if (!p.ok) return `${head} failed; without it ${off}`;
  return `${head}: ${formatSeconds(p.wallMs)}, peak ${formatBytes(p.peakRss)}; without it ${off} (${(p.wallMs / s.build.wallMs).toFixed(2)} × the time)`;
}

export function formatNotes(results: BenchResults): string[] {
  const out: string[] = [];
  for (const s of results.sizes) {
    const n = s.n.toLocaleString('sv-SE').replace(/\s/g, ' ');
    if (s.build.phases) out.push(`${n}: cold build, Astro's phases: ${s.build.phases}`);
    if (s.rebuild?.phases) out.push(`${n}: rebuild after one change, Astro's phases: ${s.rebuild.phases}`);
    if (s.parallel) out.push(parallelNote(s));
    if (s.timing && 'error' in s.timing) out.push(`${n}: search timing failed: ${s.timing.error}`);
    else if (s.timing) {
      const t = s.timing;
      const clicked = t.filterClick.filter ? `${t.filterClick.filter.key}=${t.filterClick.filter.value}` : '–';
      out.push(
        `${n}: \`${decodeURIComponent(t.start).replace(/\+/g, ' ')}\` and \`${decodeURIComponent(t.link.path)}\`, a new browser context (cold cache) for each, load average ${t.load[0].toFixed(1)} / ${t.load[1].toFixed(1)}; navigation ${range(t.navigation)}; shared link ${range(t.link)}; filter ${clicked} ${range(t.filterClick)}; query ”${t.query.text}” ${range(t.query)}`,
      );
      const errors = [...t.navigation.errors, ...t.link.errors, ...t.filterClick.errors, ...t.query.errors];
      if (errors.length) out.push(`${n}: failed rounds: ${[...new Set(errors)].join('; ')}`);
    }
    if (s.search && 'error' in s.search) out.push(`${n}: bytes on opening \`/sok/\` not measured: ${s.search.error}`);
  }
  if (results.editor) out.push(...editorNotes(results.editor));
  return out;
}

const pathList = (paths: string[], max = 5) =>
  `${paths.slice(0, max).join(', ')}${paths.length > max ? ` and ${paths.length - max} more` : ''}`;

/** What the editor's rows measured: the site's builds, the largest files, what was not counted, the saves. */
export function editorNotes(editor: NonNullable<BenchResults['editor']>): string[] {
  const where = `editor (${editor.site})`;
  if ('error' in editor) return [`${where}: not measured: ${editor.error}`];
  const { build, signIn, caseList, save, otherPages: o } = editor;
  const out = [
    `${where}: built in ${formatDuration(build.offMs)} with the editor off, ${formatDuration(build.onMs)} on; ` +
      `${signIn.requests} requests until the sign-in page, ${caseList.requests} until the case list; largest: ` +
      caseList.largest.map((f) => `${f.path} ${formatBytes(f.bytes)}`).join(', ') +
      (caseList.elsewhere.length
        ? `; not counted, other hosts (blocked by the editor's policy or not reached): ${pathList(caseList.elsewhere)}`
        : ''),
  ];
  const file = save.file.split('/').slice(-2).join('/');
  const range =
    save.min === null || save.max === null
      ? 'no save succeeded'
      : `${formatDuration(save.min)}–${formatDuration(save.max)} over ${save.samples.length} saves`;
  out.push(`${where}: saving ${file} with its title edited: ${range}`);
  if (save.errors.length) out.push(`${where}: failed saves: ${[...new Set(save.errors)].join('; ')}`);
  out.push(
    `${where}: scripts of ${o.pages} pages outside \`/redigera/\`: ${formatBytes(o.offBytes)} with the editor off, ${formatBytes(o.onBytes)} on` +
      ('error' in o.browser
        ? `; in Chromium not measured: ${o.browser.error}`
        : `; in Chromium (${o.browser.pages.join(', ')}): ${formatBytes(o.browser.offBytes)} off, ${formatBytes(o.browser.onBytes)} on`),
  );
  if (o.changed.length) out.push(`${where}: other scripts with the editor on: ${pathList(o.changed)}`);
  if (o.editorPages.length) out.push(`${where}: pages that load \`/redigera/\`: ${pathList(o.editorPages)}`);
  if (!('error' in o.browser) && o.browser.editorRequests.length)
    out.push(`${where}: requests to \`/redigera/\` from other pages: ${pathList(o.browser.editorRequests)}`);
  if (o.onlyOn.length || o.onlyOff.length)
    out.push(`${where}: pages only with the editor on: ${pathList(o.onlyOn)}; only off: ${pathList(o.onlyOff)}`);
  return out;
}

/** The README's performance table sits between these lines; `npm run bench` rewrites what is between them. */
export const BENCH_START = '<!-- bench: written by `npm run bench`, do not edit by hand -->';
export const BENCH_END = '<!-- /bench -->';

/** Besides the targets, the rows of the table the README keeps. */
const README_ROWS = [
  'build ÷ floor, wall (CPU)',
  '`npm run check`',
  'cases in / pages out / index records',
  'case page, gzipped HTML (median / max)',
  'JavaScript on case pages',
];

/** The README's performance section: what was measured, where and when, then the targets and a few rows. */
export function readmeSection(results: BenchResults): string {
  const [head, sep, ...rows] = formatTable(results).split('\n');
  const kept = rows.filter(
    (r, i) =>
      i < TARGETS.length ||
      README_ROWS.some((label) => r.startsWith(`| ${label} |`)) ||
      r.startsWith(`| ${EDITOR_ROW}`) ||
      r.startsWith(`| ${DRAFT_ROW}`),
  );
  const m = results.machine;
  const sizes = results.sizes.map((s) => s.n.toLocaleString('en-GB')).join(' and ');
  const editor = results.editor ? `, the editor on the ${results.editor.site}` : '';
  const draft = results.draft && !('skipped' in results.draft) ? `, drafts from the seed documents` : '';
  return [
    `Measured ${results.date.slice(0, 10)} on commit ${results.commit}, ${sizes} generated cases (seed ${results.seed})${editor}${draft}: ` +
      `${m.cpu}, ${m.cores} cores, ${formatBytes(m.memoryBytes)}, ${m.os}, Node ${m.node}, Astro ${m.astro}.`,
    '',
    head,
    sep,
    ...kept,
  ].join('\n');
}

/** `readme` with its performance section replaced; throws when the markers are missing. */
export function withBenchSection(readme: string, section: string): string {
  const start = readme.indexOf(BENCH_START);
  const end = readme.indexOf(BENCH_END);
  if (start < 0 || end < start) throw new Error(`README.md saknar raderna ${BENCH_START} och ${BENCH_END}.`);
  return `${readme.slice(0, start + BENCH_START.length)}\n\n${section}\n\n${readme.slice(end)}`;
}
