/**
 * `npm run bench`: builds synthetic sites of N cases and measures them against
 * the floor, in one run. Cases are generated (seeded) under `.bench/` (git-ignored),
 * never into content/; each build gets its own output and cache directories.
 *
 *   npm run bench                    N = 1 000 and 10 000
 *   npm run bench -- --full          also N = 100 000
 *   npm run bench -- --sizes 20,500  other sizes
 *   npm run bench -- --seed 7        another seed (default 1)
 *   npm run bench -- --no-rebuild    skip the one-changed-case rebuild
 *   npm run bench -- --keep          keep each size's build cache (for a later look)
 *   npm run bench -- --timeout 60    minutes before a build is stopped (default 30)
 *
 * Prints a Markdown table and writes `.bench/results.json`.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { rendererCosts, renderFloor, validateFloor } from '../tools/bench/floor.ts';
import { generateCases } from '../tools/bench/generator.ts';
import { runMeasured } from '../tools/bench/process.ts';
import {
  type BenchResults,
  formatBytes,
  formatSeconds,
  formatTable,
  type SizeResult,
  verdicts,
} from '../tools/bench/report.ts';
import { casePageSlugs, dirSize, pageWeights, pagefindRecords } from '../tools/bench/site-stats.ts';
import { measureSearchBytes } from '../tools/search-bytes.ts';

const root = process.cwd();
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : argv[i + 1];
};
const seed = Number(option('--seed') ?? 1);
const sizes =
  option('--sizes')?.split(',').map(Number) ?? (flag('--full') ? [1_000, 10_000, 100_000] : [1_000, 10_000]);
const BUILD_DATE = '2026-11-23';
const timeoutMs = Number(option('--timeout') ?? 30) * 60_000;
const BENCH = '.bench';
const log = (text: string) => console.error(`[bench] ${text}`);

/**
 * Old output is moved aside, not deleted, while anything is measured, and deleted once
 * every size is done. On ext4 without a journal (this kind of machine), the kernel will
 * not reuse an inode freed in the last minute or more and scans past every one of them
 * for each new file: a build that starts just after 50 000 files were deleted spent
 * about 25 s more in the kernel at 10 000 cases (55–61 s instead of 38–43 s). That is a
 * cost of the bench's own cleanup, not of the build, so it is kept out of the numbers.
 */
const TRASH = join(root, BENCH, 'trash');
let discarded = 0;
function discard(path: string): void {
  if (!existsSync(path)) return;
  mkdirSync(TRASH, { recursive: true });
  renameSync(path, join(TRASH, `${Date.now()}-${process.pid}-${discarded++}`));
}

function env(n: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = join(root, BENCH, `n${n}`);
  return {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    INSYN_BUILD_DATE: BUILD_DATE,
    INSYN_CASES_DIR: `${BENCH}/n${n}/cases`,
    INSYN_OUT_DIR: join(base, 'dist'),
    INSYN_CACHE_DIR: join(base, 'cache'),
    ...extra,
  };
}

const astro = join(root, 'node_modules/astro/bin/astro.mjs');
/** The same command `npm run build` runs, with the same Node. */
function buildArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const script = pkg.scripts['build'] ?? 'astro build';
  // `node [flags] <file> [args]` (src/cli/build.ts: Astro, then the search index): the same
  // flags, file (from the project root) and arguments; else `astro build` through Astro's bin.
  const parts = script.split(/\s+/);
  if (parts[0] !== 'node') return [astro, 'build'];
  const file = parts.findIndex((p, i) => i > 0 && !p.startsWith('--'));
  return [...parts.slice(1, file), join(root, parts[file]!), ...parts.slice(file + 1)];
}

async function searchBytes(outDir: string): Promise<SizeResult['search']> {
  try {
    const result = await measureSearchBytes(outDir);
    return { bytes: result.totalBytes, query: result.query };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function measureSize(n: number): Promise<SizeResult> {
  const base = join(root, BENCH, `n${n}`);
  const casesDir = `${BENCH}/n${n}/cases`;
  log(`N = ${n}: genererar ärenden i ${casesDir}`);
  discard(base);
  for (const c of generateCases(n, seed)) {
    const file = join(root, casesDir, c.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, c.source);
  }

  log(`N = ${n}: golvet`);
  // In a fresh process, so the generator's garbage and this process's heap do not slow the floor.
  const floorRun = spawnSync(
    process.execPath,
    [join(root, 'src/cli/bench.ts'), '--floor-only', casesDir, join(base, 'floor')],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (floorRun.status !== 0) throw new Error(`golvet misslyckades:\n${floorRun.stderr}`);
  const { validate, floor } = JSON.parse(floorRun.stdout) as {
    validate: ReturnType<typeof validateFloor>;
    floor: ReturnType<typeof renderFloor>;
  };
  if (validate.valid !== n) throw new Error(`bara ${validate.valid} av ${n} genererade ärenden klarar schemat`);
  discard(join(base, 'floor'));

  log(`N = ${n}: npm run check`);
  const check = await runMeasured(process.execPath, [join(root, 'src/cli/check.ts')], { cwd: root, env: env(n) });

  log(`N = ${n}: bygger (kall)`);
  const build = await runMeasured(process.execPath, buildArgs(), { cwd: root, env: env(n), timeoutMs });
  writeFileSync(join(base, 'build.log'), build.output);
  if (build.code !== 0) log(`bygget misslyckades, se ${join(base, 'build.log')}`);
  const outDir = join(base, 'dist');
  const slugs = casePageSlugs(outDir);
  const weights = pageWeights(outDir, slugs);

  let rebuild: SizeResult['rebuild'];
  if (!flag('--no-rebuild') && build.code === 0 && n >= 1_000) {
    const first = generateCases(1, seed)[0]!;
    const file = join(root, casesDir, first.path);
    appendFileSync(file, '\nEtt tillägg i beskrivningen, för att mäta ombygget efter en ändring.\n');
    log(`N = ${n}: bygger om efter en ändrad fil`);
    const again = await runMeasured(process.execPath, buildArgs(), { cwd: root, env: env(n), timeoutMs });
    writeFileSync(join(base, 'rebuild.log'), again.output);
    const changed =
      existsSync(join(outDir, 'arenden', first.slug, 'index.html')) &&
      readFileSync(join(outDir, 'arenden', first.slug, 'index.html'), 'utf8').includes('Ett tillägg i beskrivningen');
    rebuild = { wallMs: again.wallMs, cpuMs: again.cpuMs, peakRss: again.peakRss, ok: again.code === 0 && changed };
    if (!rebuild.ok) log('ombygget visade inte ändringen, eller misslyckades');
  }

  const search = build.code === 0 ? await searchBytes(outDir) : undefined;
  const result: SizeResult = {
    n,
    floor: { renderMs: floor.ms, renderCpuMs: floor.cpuMs, validateMs: validate.ms, validateCpuMs: validate.cpuMs },
    check: { ms: check.wallMs, cpuMs: check.cpuMs, ok: check.code === 0 },
    build: {
      ok: build.code === 0,
      wallMs: build.wallMs,
      cpuMs: build.cpuMs,
      load: build.load,
      peakRss: build.peakRss,
      pagesOut: slugs.length,
      pagesPerSecond: slugs.length / (build.wallMs / 1000),
      distBytes: dirSize(outDir),
      pagefindBytes: dirSize(join(outDir, 'pagefind')),
      indexRecords: pagefindRecords(outDir),
      ratioToFloor: build.wallMs / floor.ms,
      cpuRatioToFloor: build.cpuMs === null ? null : build.cpuMs / floor.cpuMs,
    },
    weights,
    ...(rebuild ? { rebuild } : {}),
    ...(search ? { search } : {}),
  };
  log(
    `N = ${n}: bygge ${formatSeconds(build.wallMs)} (CPU ${build.cpuMs === null ? '–' : formatSeconds(build.cpuMs)}, last ${build.load.map((l) => l.toFixed(1)).join(' → ')}), ${formatBytes(build.peakRss)}; ${verdicts(result).join('; ')}`,
  );
  if (!flag('--keep')) {
    discard(join(base, 'cache'));
  }
  return result;
}

if (argv[0] === '--floor-only') {
  // Child mode: measure the floor for one directory and print it as JSON.
  const validate = validateFloor(root, argv[1]!);
  const floor = renderFloor(root, argv[1]!, argv[2]!);
  console.log(JSON.stringify({ validate, floor }));
  process.exit(0);
}

const bodies = generateCases(500, seed + 1).map((c) => c.source.slice(c.source.indexOf('\n---\n', 4) + 5));
const renderers = await rendererCosts(bodies);
const astroVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')) as { version: string }
).version;
const results: BenchResults = {
  date: new Date().toISOString(),
  seed,
  machine: {
    cpu: cpus()[0]?.model ?? 'okänd',
    cores: cpus().length,
    memoryBytes: totalmem(),
    os: `${type()} ${release()}`,
    node: process.version,
    astro: astroVersion,
  },
  renderers: renderers.costs,
  missingRenderers: renderers.missing,
  sizes: [],
};
for (const n of sizes) {
  results.sizes.push(await measureSize(n));
  mkdirSync(join(root, BENCH), { recursive: true });
  writeFileSync(join(root, BENCH, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

log('tar bort undanflyttade byggen');
rmSync(TRASH, { recursive: true, force: true });

const m = results.machine;
console.log(
  `\nMaskin: ${m.cpu}, ${m.cores} kärnor, ${formatBytes(m.memoryBytes)} RAM, ${m.os}, Node ${m.node}, Astro ${m.astro}. Frö ${seed}.\n`,
);
console.log(formatTable(results));
console.log('\nRenderare per brödtext:');
for (const r of results.renderers) console.log(`- ${r.renderer}: ${r.msPerBody.toFixed(3)} ms`);
if (results.missingRenderers.length) console.log(`- inte installerade: ${results.missingRenderers.join(', ')}`);
for (const s of results.sizes) console.log(`\nN = ${s.n}: ${verdicts(s).join('; ')}`);
console.log(`\nJSON: ${join(BENCH, 'results.json')}`);
