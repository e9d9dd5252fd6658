/**
 * Builds the real site (content/cases) once before the build and browser
 * tests, with the build date pinned, and hands its directory to the tests
 * through `inject('siteDir')`. A failed build fails the whole run.
 */
import type { TestProject } from 'vitest/node';
import { buildSite } from './site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const result = await buildSite();
  if (!result.ok) throw new Error(`Bygget av webbplatsen misslyckades:\n${result.output}`);
  project.provide('siteDir', result.outDir);
}
