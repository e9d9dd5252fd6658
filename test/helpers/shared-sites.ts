/**
 * The fixture sites several test files read, built once per run in global
 * setup (setup-build.ts, setup-e2e.ts) with the build date pinned, and handed
 * to the tests through `inject(…)`. Never the live `content/`:
 *
 * - `siteDir`: the seed fixture (test/fixtures/seed), default settings;
 * - `generatedSiteDir`: 230 generated cases (the benchmark's generator), enough
 *   for three pages of the case list and 23 pages of search hits;
 * - `configuredSiteDir`: the open-data fixture with every publishing setting
 *   (own origin, a base path, a repository and a branch).
 *
 * The build and e2e projects each run a global setup; in one `npm test` both
 * run in the same process, so the builds are shared through `globalThis` and
 * each site is built at most once. A failed build fails the whole run.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateCases } from './generator.ts';
import { BUILDS_LOG, type BuildResult, buildSite, ROOT, TEST_BUILDS, TEST_BUILDS_DIR } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    generatedSiteDir: string;
    /** The generated site's build log. */
    generatedSiteLog: string;
    configuredSiteDir: string;
  }
}

/** The generated site: how many cases, and the generator's seed. */
export const GENERATED = { count: 230, seed: 5 } as const;

/** The configured site: the open-data fixture with these settings. */
export const CONFIGURED = {
  cases: 'test/fixtures/open-data/cases',
  site: 'https://data.example.org',
  base: '/insyn/',
  repoUrl: 'https://github.com/kommun/insyn/',
  repoBranch: 'publicering',
} as const;

export type SharedSite = 'seed' | 'generated' | 'configured';

interface Shared {
  runDir: string;
  users: number;
  builds: Map<SharedSite, Promise<BuildResult>>;
  /** Every build of the run, kept when the run's folder is removed. */
  log?: BuildRecord[];
}

export interface BuildRecord {
  label: string;
  ms: number;
}

function readBuildsLog(runDir: string): BuildRecord[] {
  const file = join(runDir, BUILDS_LOG);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BuildRecord);
}

/** Every fixture-site build of this run so far (for the run's summary). */
export function buildsOfRun(): BuildRecord[] {
  const state = shared();
  return state.log ?? readBuildsLog(state.runDir);
}

const KEY = Symbol.for('insyn.test.shared-sites');

function shared(): Shared {
  const global = globalThis as { [KEY]?: Shared };
  if (!global[KEY]) {
    // One folder per run (workers inherit the variable), removed when the run ends.
    const runDir = join(TEST_BUILDS, `run-${process.pid}`);
    process.env[TEST_BUILDS_DIR] = runDir;
    global[KEY] = { runDir, users: 0, builds: new Map() };
  }
  return global[KEY];
}

function build(name: SharedSite, runDir: string): Promise<BuildResult> {
  switch (name) {
    case 'seed':
      return buildSite();
    case 'generated': {
      const cases = relative(ROOT, join(runDir, 'generated', 'cases'));
      for (const c of generateCases(GENERATED.count, GENERATED.seed)) {
        const file = join(ROOT, cases, c.path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, c.source);
      }
      return buildSite({ cases });
    }
    case 'configured':
      return buildSite({
        cases: CONFIGURED.cases,
        env: {
          INSYN_SITE: CONFIGURED.site,
          INSYN_BASE: CONFIGURED.base,
          INSYN_REPO_URL: CONFIGURED.repoUrl,
          INSYN_REPO_BRANCH: CONFIGURED.repoBranch,
        },
      });
  }
}

/**
 * Global setup for a project: builds the named sites (those not built yet in
 * this run, side by side), provides their directories, and returns the
 * teardown that removes the run's folder after the last project.
 */
export async function provideSites(project: TestProject, names: SharedSite[]): Promise<() => void> {
  const state = shared();
  state.users++;
  for (const name of names) if (!state.builds.has(name)) state.builds.set(name, build(name, state.runDir));
  const results = await Promise.all(names.map((name) => state.builds.get(name)!));
  results.forEach((result, i) => {
    if (!result.ok) throw new Error(`Bygget av testwebbplatsen "${names[i]}" misslyckades:\n${result.output}`);
  });
  for (const [i, name] of names.entries()) {
    const outDir = results[i]!.outDir;
    if (name === 'seed') project.provide('siteDir', outDir);
    if (name === 'generated') {
      project.provide('generatedSiteDir', outDir);
      project.provide('generatedSiteLog', results[i]!.output);
    }
    if (name === 'configured') project.provide('configuredSiteDir', outDir);
  }
  return () => {
    if (--state.users > 0) return;
    state.log = readBuildsLog(state.runDir);
    rmSync(state.runDir, { recursive: true, force: true });
  };
}
