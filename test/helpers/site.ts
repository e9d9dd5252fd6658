/**
 * Builds fixture sites for tests, never the live `content/`: each from a
 * directory of case files and an alias list (default: the frozen seed copy in
 * test/fixtures/seed), in its own output and cache directory, in a child
 * process with Node 24 (the one running the tests), so builds never share
 * state. The sites several test files read are built once per run in global
 * setup (shared-sites.ts).
 */
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EDITOR_CACHE_DIR } from '../../src/lib/editor/bundle-cache.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** Where test builds go (gitignored); each test run uses its own folder and removes it at the end. */
export const TEST_BUILDS = join(ROOT, '.test-builds');

/**
 * The variable that names this test run's folder for builds (set by global
 * setup, inherited by the test workers). Not `INSYN_*`: those are the site's
 * own settings, read and validated in src/lib/config.ts.
 */
export const TEST_BUILDS_DIR = 'TEST_BUILDS_DIR';

/** In this run's folder: one JSON line per build, `{ label, ms }`. */
export const BUILDS_LOG = 'builds.jsonl';

/** This test run's folder for builds. */
export function testBuildsDir(): string {
  return process.env[TEST_BUILDS_DIR] ?? join(TEST_BUILDS, 'adhoc');
}

/** The frozen copy of the five seed cases and the alias list (test/fixtures/seed/README.md). */
export const SEED_CASES = 'test/fixtures/seed/cases';
export const SEED_ORGANISATIONS = 'test/fixtures/seed/organisations.yaml';

/** The build date every test build is pinned to, so follow-up states are stable. */
export const TEST_BUILD_DATE = '2026-11-23';

export interface BuildResult {
  ok: boolean;
  code: number | null;
  outDir: string;
  /** stdout and stderr together. */
  output: string;
}

export interface BuildOptions {
  /** Directory of case files, relative to the repository root (default: the seed fixture). */
  cases?: string;
  /** The organisation alias list, relative to the repository root (default: the seed fixture's). */
  organisations?: string;
  buildDate?: string;
  env?: Record<string, string>;
  outDir?: string;
  /** Astro's cache directory (default: a fresh one per build); share it to test incremental loading. */
  cacheDir?: string;
}

/**
 * The form editor's bundles in this run's folder, as the first build with the editor on
 * kept them in its build cache. Every later build starts with a copy in its own cache,
 * as a site's second build does (src/lib/editor/bundle-cache.ts checks every input
 * before it uses one): bundling Sveltia again cost each such build about 5 s of CPU.
 * A build whose cache already has them (a rebuild) keeps its own.
 */
const editorBundles = () => join(testBuildsDir(), 'editor-bundles');

/** Gives a build cache the editor's bundles of this run, if it has none and the run has them; returns it. */
export function seedEditorBundles(cacheDir: string): string {
  const kept = join(cacheDir, EDITOR_CACHE_DIR);
  if (existsSync(editorBundles()) && !existsSync(kept)) cpSync(editorBundles(), kept, { recursive: true });
  return cacheDir;
}

function keepEditorBundles(cacheDir: string): void {
  const kept = join(cacheDir, EDITOR_CACHE_DIR);
  if (existsSync(editorBundles()) || !existsSync(kept)) return;
  // Copied aside, then renamed: a build starting meanwhile never copies half of it.
  const aside = mkdtempSync(join(testBuildsDir(), 'editor-bundles-'));
  cpSync(kept, aside, { recursive: true });
  try {
    renameSync(aside, editorBundles());
  } catch {
    // Another build kept its bundles first.
    rmSync(aside, { recursive: true, force: true });
  }
}

/**
 * Builds the project with the given cases as `npm run build` does (src/cli/build.ts:
 * `astro build`, then the per-case JSON files and the search index). Every call makes
 * one `build-*` folder in this run's folder and a line in its BUILDS_LOG, which the
 * run's summary (run-summary.ts) counts.
 */
export function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const caller = /test\/(?:unit|build|e2e|helpers)\/[\w.-]+\.ts/.exec(
    new Error().stack?.split('\n').slice(2).join('\n') ?? '',
  );
  // Inside the repository: Astro gives every build whose output lies outside
  // the project one shared `.astro/.prerender`, so parallel builds would collide.
  mkdirSync(testBuildsDir(), { recursive: true });
  const work = mkdtempSync(join(testBuildsDir(), 'build-'));
  const outDir = options.outDir ?? join(work, 'dist');
  const cacheDir = options.cacheDir ?? join(work, 'cache');
  seedEditorBundles(cacheDir);
  // Settings of the shell running the tests never reach a test build: only those given here.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('INSYN_')));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    ASTRO_TELEMETRY_DISABLED: '1',
    INSYN_BUILD_DATE: options.buildDate ?? TEST_BUILD_DATE,
    INSYN_OUT_DIR: outDir,
    INSYN_CACHE_DIR: cacheDir,
    INSYN_CASES_DIR: options.cases ?? SEED_CASES,
    INSYN_ORGANISATIONS_FILE: options.organisations ?? SEED_ORGANISATIONS,
    ...options.env,
  };
  // Vitest sets BASE_URL, MODE, DEV, PROD and SSR in process.env for its own
  // import.meta.env; Astro reads process.env into import.meta.env, so passed
  // on they would override the build's own base (INSYN_BASE) in src/lib/site.ts.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) if (!options.env?.[key]) delete env[key];
  return new Promise((resolve, reject) => {
    // The two steps of `npm run build`: `astro build`, then the per-case JSON and the search index.
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/build.ts')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const label = `${options.cases ?? SEED_CASES}${code === 0 ? '' : ' (stoppat)'}, ${caller?.[0] ?? '?'}`;
      const ms = Math.round(performance.now() - started);
      appendFileSync(join(testBuildsDir(), BUILDS_LOG), `${JSON.stringify({ label, ms })}\n`);
      if (code === 0) keepEditorBundles(cacheDir);
      resolve({ ok: code === 0, code, outDir, output });
    });
  });
}

/** Every file under a directory, relative to it, with `/` separators. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)).split('\\').join('/'))
    .sort();
}

/** Reads a built page by its site path (`/arenden/x/` → `arenden/x/index.html`). */
export function readPage(outDir: string, sitePath: string): string {
  const rel = sitePath.replace(/^\//, '');
  const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
  return readFileSync(join(outDir, file), 'utf8');
}

/** Text content of HTML, tags removed and whitespace collapsed (non-breaking spaces become spaces). */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
