/**
 * Builds the real site (content/cases) once before the build and browser
 * tests, with the build date pinned, and hands its directory to the tests
 * through `inject('siteDir')`. A failed build fails the whole run.
 */
import type { TestProject } from 'vitest/node';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, TEST_BUILDS } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  // One folder per run (workers inherit the variable), removed when the run ends.
  const runDir = join(TEST_BUILDS, `run-${process.pid}`);
  process.env['INSYN_TEST_BUILDS'] = runDir;
  const result = await buildSite();
  if (!result.ok) throw new Error(`Bygget av webbplatsen misslyckades:\n${result.output}`);
  project.provide('siteDir', result.outDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
