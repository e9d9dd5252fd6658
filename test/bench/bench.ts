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
 *   npm run bench -- --no-parallel   skip the cold build with parallel prerendering
 *   npm run bench -- --keep          keep each size's build cache (for a later look)
 *   npm run bench -- --timeout 60    minutes before a build is stopped (default 30)
 *   npm run bench -- --rounds 7      browser rounds on /sok/ (default 5)
 *   npm run bench -- --no-readme     leave README.md's table alone
 *   npm run bench -- --no-editor     skip the form editor's rows
 *   npm run bench -- --only editor   only the form editor's rows (no sizes; README.md left alone)
 *   npm run bench -- --no-draft      skip the drafter's accuracy on the seed documents
 *   npm run bench -- --only draft    only that (no sizes; README.md left alone); with
 *                                    --seeds DIR --cases DIR other documents and their cases
 *
 * Each size: the floor, `npm run check`, the cold build (exactly what
 * `npm run build` runs), the rebuild after one case's text changed (committed, as
 * staff's changes are: commitCases), the disk the
 * build uses, and /sok/ in Chromium (timings and bytes, served with gzip).
 * The smallest size is also built cold with Astro's parallel prerendering (one
 * worker per core), for a one-line comparison in the notes.
 * Then, once and on a small site (the seed fixture, built with the editor off and
 * on, after the sizes so their numbers stay as they were), the form editor at
 * /redigera/ (test/bench/editor-cost.ts): bytes until its case list, the time from
 * Save to the file on disk, and whether any other page gained script.
 * Prints one Markdown table against the targets, writes `.bench/results.json`, and
 * puts the table, with the machine, date and commit, into README.md's Performance.
 */
import { spawnSync } from 'node:child_process';
import * as prettier from 'prettier';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { rendererCosts, renderFloor, validateFloor } from './floor.ts';
import { generateCases } from '../helpers/generator.ts';
import { runMeasured } from './process.ts';
import {
  type BenchResults,
  type EditorResult,
  formatByteDelta,
  formatBytes,
  formatDuration,
  formatNotes,
  formatSeconds,
  formatTable,
  phaseSummary,
  readmeSection,
  type SizeResult,
  verdicts,
  withBenchSection,
} from './report.ts';
import { scriptCommand, scriptEnv } from './build-command.ts';
import { casePageSlugs, diskUsage, pagefindIndexes, pageWeights } from './site-stats.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { measureSearchBytes } from './search-bytes.ts';
import { measureSearchTiming } from './search-timing.ts';
import { compareScripts, compareScriptsInBrowser, largest, measureEditor, siteScripts } from './editor-cost.ts';
import { SEED_CASES, SEED_ORGANISATIONS } from '../helpers/site.ts';
import { defaultSeedsDir, formatAccuracy, measureDraftAccuracy } from './draft-accuracy.ts';

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
const rounds = Number(option('--rounds') ?? 5);
const only = option('--only');
if (only !== undefined && only !== 'editor' && only !== 'draft')
  throw new Error(`--only ${only}: bara --only editor och --only draft finns`);
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

/**
 * A size's cases are committed, as staff's are (the editor commits each save), in a
 * repository of their own (`<base>/git`, with the project as its work tree): the build
 * reads their history and data version from it, and the rebuild's change is a commit.
 */
const CASES_GIT = 'git';
const gitEnv = (n: number) => ({ GIT_DIR: join(root, BENCH, `n${n}`, CASES_GIT), GIT_WORK_TREE: root });
const COMMITTER = {
  GIT_AUTHOR_NAME: 'Insyn bench',
  GIT_AUTHOR_EMAIL: 'bench@example.org',
  GIT_COMMITTER_NAME: 'Insyn bench',
  GIT_COMMITTER_EMAIL: 'bench@example.org',
};

/** Commits `paths` (under the size's cases) in the size's own repository. */
function commitCases(n: number, paths: string[], message: string): void {
  const run = (...args: string[]) => {
    const r = spawnSync('git', args, {
      cwd: root,
      env: { ...process.env, ...gitEnv(n), ...COMMITTER },
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) throw new Error(`git ${args[0]} för ärendena misslyckades: ${r.stderr}`);
  };
  if (!existsSync(gitEnv(n).GIT_DIR)) run('init', '-q');
  run('add', '-f', '--', ...paths);
  run('commit', '-q', '--no-verify', '-m', message);
}

/** The environment of a size's runs: npm's PATH, the size's cases (and their repository), output and cache. */
function env(n: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = join(root, BENCH, `n${n}`);
  return scriptEnv(
    {
      ...process.env,
      ...gitEnv(n),
      ASTRO_TELEMETRY_DISABLED: '1',
      INSYN_BUILD_DATE: BUILD_DATE,
      INSYN_CASES_DIR: `${BENCH}/n${n}/cases`,
      INSYN_OUT_DIR: join(base, 'dist'),
      INSYN_CACHE_DIR: join(base, 'cache'),
      ...extra,
    },
    root,
  );
}

/** Exactly what `npm run build` runs (package.json's script), with this Node and without a shell. */
function buildCommand() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return scriptCommand(pkg.scripts['build'] ?? 'astro build', root);
}

/**
 * Disk used by a size's build: blocks allocated under the output directory, and
 * under everything else the build keeps beside it (the cache directory, and any
 * other folder a build step writes there), leaving out the cases, their repository
 * and the logs.
 */
function buildDisk(base: string): NonNullable<SizeResult['disk']> {
  const others = readdirSync(base)
    .filter((name) => !['cases', CASES_GIT, 'dist'].includes(name) && !name.endsWith('.log'))
    .map((name) => join(base, name));
  const outputBytes = diskUsage([join(base, 'dist')]).allocated;
  const cacheBytes = diskUsage(others).allocated;
  return { outputBytes, cacheBytes, totalBytes: outputBytes + cacheBytes };
}

/** /sok/ in Chromium: bytes on opening it and for one query (gzip), then the timings. */
async function measureSearch(outDir: string): Promise<Pick<SizeResult, 'search' | 'timing'>> {
  const failed = (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) });
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    return { search: failed(error), timing: failed(error) };
  }
  try {
    let search: SizeResult['search'];
    try {
      const bytes = await measureSearchBytes(outDir, { browser, gzip: true });
      search = {
        openBytes: bytes.open.bytes,
        openRequests: bytes.open.requests,
        queryBytes: bytes.search.bytes,
        query: bytes.query,
      };
    } catch (error) {
      search = failed(error);
    }
    let timing: SizeResult['timing'];
    try {
      timing = await measureSearchTiming(outDir, { browser, rounds });
    } catch (error) {
      timing = failed(error);
    }
    return { search, timing };
  } finally {
    await browser.close();
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
  commitCases(n, [casesDir], `${n} ärenden`);

  log(`N = ${n}: golvet`);
  // In a fresh process, so the generator's garbage and this process's heap do not slow the floor.
  const floorRun = spawnSync(
    process.execPath,
    [join(root, 'test/bench/bench.ts'), '--floor-only', casesDir, join(base, 'floor')],
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

  const command = buildCommand();
  log(`N = ${n}: bygger (kall): ${[command.command, ...command.args].join(' ')}`);
  // With Astro's own account of where the time went (`--timings`), printed in the notes.
  const args = [...command.args, '--timings'];
  const build = await runMeasured(command.command, args, { cwd: root, env: env(n), timeoutMs });
  writeFileSync(join(base, 'build.log'), build.output);
  if (build.code !== 0) log(`bygget misslyckades, se ${join(base, 'build.log')}`);
  const outDir = join(base, 'dist');
  const slugs = casePageSlugs(outDir);
  const weights = pageWeights(outDir, slugs);
  let disk = buildDisk(base);

  let rebuild: SizeResult['rebuild'];
  if (!flag('--no-rebuild') && build.code === 0 && n >= 1_000) {
    const first = generateCases(1, seed)[0]!;
    const file = join(root, casesDir, first.path);
    appendFileSync(file, '\nEtt tillägg i beskrivningen, för att mäta ombygget efter en ändring.\n');
    commitCases(n, [join(casesDir, first.path)], 'En ändring i ett ärende');
    log(`N = ${n}: bygger om efter en ändrad fil`);
    const again = await runMeasured(command.command, args, { cwd: root, env: env(n), timeoutMs });
    writeFileSync(join(base, 'rebuild.log'), again.output);
    const changed =
      existsSync(join(outDir, 'arenden', first.slug, 'index.html')) &&
      readFileSync(join(outDir, 'arenden', first.slug, 'index.html'), 'utf8').includes('Ett tillägg i beskrivningen');
    rebuild = {
      wallMs: again.wallMs,
      cpuMs: again.cpuMs,
      peakRss: again.peakRss,
      ok: again.code === 0 && changed,
      phases: phaseSummary(again.output),
    };
    if (!rebuild.ok) log('ombygget visade inte ändringen, eller misslyckades');
    const after = buildDisk(base);
    if (after.totalBytes > disk.totalBytes) disk = after;
  }

  if (build.code === 0) log(`N = ${n}: /sok/ i Chromium`);
  const browser = build.code === 0 ? await measureSearch(outDir) : {};

  let parallel: SizeResult['parallel'];
  if (n === Math.min(...sizes) && build.code === 0 && !flag('--no-parallel')) {
    // As many workers as cores (at least two): what a host would try first.
    const workers = Math.max(2, cpus().length);
    log(`N = ${n}: bygger (kall) med ${workers} arbetsprocesser för sidorna`);
    const dir = join(base, 'parallel');
    const run = await runMeasured(command.command, command.args, {
      cwd: root,
      env: env(n, {
        INSYN_PRERENDER_WORKERS: String(workers),
        INSYN_OUT_DIR: join(dir, 'dist'),
        INSYN_CACHE_DIR: join(dir, 'cache'),
      }),
      timeoutMs,
    });
    writeFileSync(join(base, 'parallel.log'), run.output);
    parallel = { workers, wallMs: run.wallMs, peakRss: run.peakRss, ok: run.code === 0 };
    discard(dir);
  }
  const indexes = pagefindIndexes(outDir);
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
      distBytes: diskUsage([outDir]).bytes,
      pagefindBytes: indexes.reduce((sum, i) => sum + i.bytes, 0),
      indexRecords: indexes.length === 0 ? null : indexes.reduce((sum, i) => sum + i.records, 0),
      ratioToFloor: build.wallMs / floor.ms,
      cpuRatioToFloor: build.cpuMs === null ? null : build.cpuMs / floor.cpuMs,
      phases: phaseSummary(build.output),
    },
    disk,
    weights,
    ...(rebuild ? { rebuild } : {}),
    ...browser,
    ...(parallel ? { parallel } : {}),
  };
  log(
    `N = ${n}: bygge ${formatSeconds(build.wallMs)} (CPU ${build.cpuMs === null ? '–' : formatSeconds(build.cpuMs)}, last ${build.load.map((l) => l.toFixed(1)).join(' → ')}), ${formatBytes(build.peakRss)}; ${verdicts(result).join('; ')}`,
  );
  if (!flag('--keep')) {
    discard(join(base, 'cache'));
  }
  return result;
}

/** The editor's site: the seed fixture, small so that its builds cost seconds. */
const EDITOR_SITE = { cases: SEED_CASES, organisations: SEED_ORGANISATIONS };
/** A GitHub repository, which turns the editor on (any will do: local mode never reaches it). */
const EDITOR_REPO_URL = 'https://github.com/kommun/insyn';
/** Saves timed. */
const EDITOR_SAVES = 5;

/**
 * The form editor on the seed fixture: built with the editor off and on (the
 * shell's own INSYN_* settings left out, so that off is off), then in Chromium.
 */
async function measureEditorSite(): Promise<NonNullable<BenchResults['editor']>> {
  const base = join(root, BENCH, 'editor');
  const count = readdirSync(join(root, EDITOR_SITE.cases), { recursive: true }).filter((f) =>
    String(f).endsWith('.mdx'),
  ).length;
  const site = `seed fixture of ${count} cases`;
  discard(base);
  mkdirSync(base, { recursive: true });
  const command = buildCommand();
  const own = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('INSYN_')));
  const builds: Record<'off' | 'on', { dir: string; ms: number }> = {
    off: { dir: '', ms: 0 },
    on: { dir: '', ms: 0 },
  };
  for (const which of ['off', 'on'] as const) {
    log(`redigeraren: bygger ${site} med redigeraren ${which === 'on' ? 'på' : 'av'}`);
    const dir = join(base, which);
    const env = scriptEnv(
      {
        ...own,
        ASTRO_TELEMETRY_DISABLED: '1',
        INSYN_BUILD_DATE: BUILD_DATE,
        INSYN_CASES_DIR: EDITOR_SITE.cases,
        INSYN_ORGANISATIONS_FILE: EDITOR_SITE.organisations,
        INSYN_OUT_DIR: join(dir, 'dist'),
        INSYN_CACHE_DIR: join(dir, 'cache'),
        ...(which === 'on' ? { INSYN_REPO_URL: EDITOR_REPO_URL } : {}),
      },
      root,
    );
    const run = await runMeasured(command.command, command.args, { cwd: root, env, timeoutMs });
    writeFileSync(join(base, `${which}.log`), run.output);
    if (run.code !== 0) return { site, error: `bygget med redigeraren ${which} misslyckades, se ${base}/${which}.log` };
    builds[which] = { dir: join(dir, 'dist'), ms: run.wallMs };
  }
  const files = compareScripts(siteScripts(builds.off.dir), siteScripts(builds.on.dir));
  let browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    return { site, error: error instanceof Error ? error.message : String(error) };
  }
  try {
    log(`redigeraren: /redigera/ i Chromium, ${EDITOR_SAVES} sparningar`);
    const cost = await measureEditor(builds.on.dir, { browser, casesDir: EDITOR_SITE.cases, saves: EDITOR_SAVES });
    log('redigeraren: skript på andra sidor, av och på, i Chromium');
    const inBrowser = await compareScriptsInBrowser(builds.off.dir, builds.on.dir, browser).catch((error: unknown) => ({
      error: error instanceof Error ? error.message.split('\n')[0]! : String(error),
    }));
    const result: EditorResult = {
      site,
      build: { offMs: builds.off.ms, onMs: builds.on.ms },
      signIn: { requests: cost.signIn.requests, bytes: cost.signIn.bytes },
      caseList: {
        requests: cost.caseList.requests,
        bytes: cost.caseList.bytes,
        largest: largest(cost.caseList.files, 5),
        elsewhere: cost.caseList.elsewhere,
      },
      save: cost.save,
      otherPages: { ...files, browser: inBrowser },
    };
    const extra = 'error' in inBrowser ? '' : `, ${formatByteDelta(inBrowser.onBytes - inBrowser.offBytes)} i Chromium`;
    log(
      `redigeraren: ${formatBytes(cost.caseList.bytes)} till ärendelistan (${formatBytes(cost.signIn.bytes)} till inloggningen); ` +
        `spara ${cost.save.median === null ? 'misslyckades' : formatDuration(cost.save.median)} (median); ` +
        `skript på andra sidor: ${formatByteDelta(files.onBytes - files.offBytes)}${extra}`,
    );
    return result;
  } catch (error) {
    return { site, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  } finally {
    await browser.close();
  }
}

if (argv[0] === '--floor-only') {
  // Child mode: measure the floor for one directory and print it as JSON.
  const validate = validateFloor(root, argv[1]!);
  const floor = renderFloor(root, argv[1]!, argv[2]!);
  console.log(JSON.stringify({ validate, floor }));
  process.exit(0);
}

// The renderers' costs go with the sizes: not measured with --only editor.
const renderers = only
  ? { costs: [], missing: [] }
  : await rendererCosts(generateCases(500, seed + 1).map((c) => c.source.slice(c.source.indexOf('\n---\n', 4) + 5)));
const astroVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/astro/package.json'), 'utf8')) as { version: string }
).version;
const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim();
const results: BenchResults = {
  date: new Date().toISOString(),
  commit: `${git('rev-parse', '--short', 'HEAD') || 'okänd'}${git('status', '--porcelain') ? ' + uncommitted changes' : ''}`,
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
// With --only editor, results of its own, so the last full run's stay.
const resultsFile = join(BENCH, only ? `results-${only}.json` : 'results.json');
const save = () => {
  mkdirSync(join(root, BENCH), { recursive: true });
  writeFileSync(join(root, resultsFile), `${JSON.stringify(results, null, 2)}\n`);
};
for (const n of only ? [] : sizes) {
  results.sizes.push(await measureSize(n));
  save();
}
if (only === 'editor' || (!only && !flag('--no-editor'))) {
  results.editor = await measureEditorSite();
  save();
}
if (only === 'draft' || (!only && !flag('--no-draft'))) {
  log('utkast ur beslutsdokument');
  results.draft = await measureDraftAccuracy(
    resolve(option('--seeds') ?? defaultSeedsDir(root)),
    resolve(option('--cases') ?? join(root, SEED_CASES)),
  );
  save();
}

log('tar bort undanflyttade byggen');
rmSync(TRASH, { recursive: true, force: true });

const m = results.machine;
console.log(
  `\nMaskin: ${m.cpu}, ${m.cores} kärnor, ${formatBytes(m.memoryBytes)} RAM, ${m.os}, Node ${m.node}, Astro ${m.astro}. Frö ${seed}.\n`,
);
console.log(formatTable(results));
if (!only) {
  console.log('\nRenderare per brödtext:');
  for (const r of results.renderers) console.log(`- ${r.renderer}: ${r.msPerBody.toFixed(3)} ms`);
  if (results.missingRenderers.length) console.log(`- inte installerade: ${results.missingRenderers.join(', ')}`);
}
for (const note of formatNotes(results)) console.log(`\n${note}`);
for (const s of results.sizes) console.log(`\nN = ${s.n}: ${verdicts(s).join('; ')}`);
if (results.draft) console.log(`\n${formatAccuracy(results.draft).join('\n')}`);
console.log(`\nJSON: ${resultsFile}`);
if (only) console.log(`README.md lämnas orörd med --only ${only} (tabellen behöver storlekarna).`);
else if (!flag('--no-readme')) {
  // Formatted as `npm run format` would, so `npm run lint` passes after a bench run.
  const readme = join(root, 'README.md');
  const text = withBenchSection(readFileSync(readme, 'utf8'), readmeSection(results));
  const options = (await prettier.resolveConfig(readme)) ?? {};
  writeFileSync(readme, await prettier.format(text, { ...options, filepath: readme }));
  console.log('Tabellen är skriven i README.md (Performance).');
}
